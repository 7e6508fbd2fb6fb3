/**
 * The TypeScript twin of LoginActivityService: the same contract (adoptionMetrics/contract.ts),
 * the same selector SOQL, the same counting rules, for the preview and the CLI. It counts; the KPI
 * library interprets. Keep it in step with LoginActivityService.cls.
 */
import type {
  LeaderboardEntry,
  LoginLeaderboard,
  LoginSummary,
  SliceCount
} from '../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import {
  LOGIN_WINDOWS_DAYS,
  calendarDate,
  windowStart
} from '../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import { QUERY_ROW_LIMIT } from './queryRunner';
import type { QueryRunner, SoqlRecord } from './queryRunner';
import type { SelectorQueries } from './selectorQueries';

export const REGION_FIELD = 'Division';
/** Users read per leaderboard request; why 5,000: see LoginActivityService.MAX_LEADERBOARD_USERS. */
export const MAX_LEADERBOARD_USERS = 5_000;
export const QUERY_ROW_HEADROOM = 1_000;
const SUCCESS = 'Success';

export class TeamLoginAccessError extends Error {}

export interface GatewayContext {
  runner: QueryRunner;
  queries: SelectorQueries;
  asOf: Date;
  timeZone: string;
  viewerId: string;
  /** Whether the viewer holds the Adoption_View_Team_Logins custom permission. */
  canViewTeamLogins: boolean;
}

/** Counts the query rows of one request, as Apex's Limits.getQueryRows() does. */
class Transaction {
  rows = 0;
  private readonly context: GatewayContext;

  constructor(context: GatewayContext) {
    this.context = context;
  }

  async run(soql: string, binds: Record<string, unknown>): Promise<SoqlRecord[]> {
    const result = await this.context.runner.query(soql, binds);
    this.rows += result.rowsCharged;
    return result.records;
  }
}

function relationshipName(record: SoqlRecord, relationship: string): string | null {
  const related = record[relationship] as { Name?: string | null } | null | undefined;
  return related?.Name ?? null;
}

function text(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

function cellKey(role: unknown, region: unknown): string {
  return JSON.stringify([text(role), text(region)]).toLowerCase();
}

export async function getLoginSummary(context: GatewayContext): Promise<LoginSummary> {
  const transaction = new Transaction(context);
  const cells = new Map<string, SliceCount>();
  for (const row of await transaction.run(
    context.queries['UserSelector.countPopulationBySlice'],
    {}
  )) {
    const key = cellKey(row.role, row.region);
    const cell = cells.get(key) ?? {
      role: text(row.role),
      region: text(row.region),
      population: 0,
      neverLoggedIn: 0,
      windows: []
    };
    cell.population += Number(row.users);
    cell.neverLoggedIn += Number(row.users) - Number(row.everLoggedIn);
    cells.set(key, cell);
  }
  for (const days of LOGIN_WINDOWS_DAYS) {
    const loggedIn = new Map<string, number>();
    const rows = await transaction.run(context.queries['UserSelector.countLoggedInSinceBySlice'], {
      since: windowStart(context.asOf, days)
    });
    for (const row of rows) {
      const key = cellKey(row.role, row.region);
      loggedIn.set(key, (loggedIn.get(key) ?? 0) + Number(row.users));
    }
    for (const [key, cell] of cells) cell.windows.push({ days, loggedIn: loggedIn.get(key) ?? 0 });
  }
  return {
    asOf: context.asOf.toISOString(),
    regionField: REGION_FIELD,
    slices: [...cells.values()]
  };
}

interface WindowLogins {
  logins: number;
  attempts: number;
  dates: Set<string> | null;
}

interface UserLogins {
  user: SoqlRecord;
  current: WindowLogins;
  previous: WindowLogins;
}

const emptyWindow = (): WindowLogins => ({ logins: 0, attempts: 0, dates: null });

async function tallies(
  transaction: Transaction,
  context: GatewayContext,
  userIds: string[],
  startExclusive: Date,
  endInclusive: Date
): Promise<Map<string, WindowLogins>> {
  const byUser = new Map<string, WindowLogins>();
  const rows = await transaction.run(
    context.queries['LoginHistorySelector.countAttemptsByUserAndStatus'],
    {
      userIds,
      startExclusive,
      endInclusive
    }
  );
  for (const row of rows) {
    const window = byUser.get(String(row.UserId)) ?? emptyWindow();
    const attempts = Number(row.attempts);
    window.attempts += attempts;
    if (row.Status === SUCCESS) window.logins += attempts;
    byUser.set(String(row.UserId), window);
  }
  return byUser;
}

/** Spends the row budget on the most active users first, stopping at the first that does not fit. */
function fitWithinBudget(candidates: UserLogins[], rowBudget: number): UserLogins[] {
  const ordered = [...candidates].sort(
    (a, b) => b.current.logins - a.current.logins || b.previous.logins - a.previous.logins
  );
  const fitting: UserLogins[] = [];
  let rows = 0;
  for (const candidate of ordered) {
    rows += candidate.current.attempts + candidate.previous.attempts;
    if (rows > rowBudget) break;
    fitting.push(candidate);
  }
  return fitting;
}

export async function getLoginLeaderboard(
  context: GatewayContext,
  periodDays: number
): Promise<LoginLeaderboard> {
  if (!context.canViewTeamLogins) {
    throw new TeamLoginAccessError(
      'Team login counts need the Adoption_View_Team_Logins custom permission.'
    );
  }
  const transaction = new Transaction(context);
  const currentStart = windowStart(context.asOf, periodDays);
  const previousStart = windowStart(context.asOf, 2 * periodDays);
  const members = await transaction.run(
    context.queries['UserSelector.selectPopulationLoggedInSince'],
    {
      since: previousStart,
      maxUsers: MAX_LEADERBOARD_USERS
    }
  );
  const userIds = members.map((member) => String(member.Id));
  const current =
    userIds.length > 0
      ? await tallies(transaction, context, userIds, currentStart, context.asOf)
      : new Map();
  const previous =
    userIds.length > 0
      ? await tallies(transaction, context, userIds, previousStart, currentStart)
      : new Map();
  const withLogins = members
    .map((user) => ({
      user,
      current: current.get(String(user.Id)) ?? emptyWindow(),
      previous: previous.get(String(user.Id)) ?? emptyWindow()
    }))
    .filter((logins) => logins.current.logins > 0 || logins.previous.logins > 0);

  const counted = fitWithinBudget(
    withLogins,
    QUERY_ROW_LIMIT - transaction.rows - QUERY_ROW_HEADROOM
  );
  if (counted.length > 0) {
    const byId = new Map(counted.map((logins) => [String(logins.user.Id), logins]));
    for (const logins of counted) {
      logins.current.dates = new Set();
      logins.previous.dates = new Set();
    }
    const attempts = await transaction.run(context.queries['LoginHistorySelector.selectAttempts'], {
      userIds: [...byId.keys()],
      startExclusive: previousStart,
      endInclusive: context.asOf
    });
    for (const attempt of attempts) {
      const logins = byId.get(String(attempt.UserId));
      if (!logins || attempt.Status !== SUCCESS) continue;
      const time = new Date(String(attempt.LoginTime));
      (time > currentStart ? logins.current : logins.previous).dates?.add(
        calendarDate(time, context.timeZone)
      );
    }
  }

  const entries: LeaderboardEntry[] = withLogins.map(
    ({ user, current: now, previous: before }) => ({
      userId: String(user.Id),
      name: String(user.Name),
      role: relationshipName(user, 'UserRole'),
      region: text(user[REGION_FIELD]),
      logins: now.logins,
      activeDays: now.dates ? now.dates.size : null,
      previousLogins: before.logins,
      previousActiveDays: before.dates ? before.dates.size : null
    })
  );
  return {
    asOf: context.asOf.toISOString(),
    periodDays,
    viewerId: context.viewerId,
    activeDaysComplete: counted.length === withLogins.length,
    usersComplete: members.length < MAX_LEADERBOARD_USERS,
    entries
  };
}
