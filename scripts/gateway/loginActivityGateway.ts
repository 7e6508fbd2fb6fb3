/**
 * The TypeScript twin of LoginActivityService: the same contract (adoptionMetrics/contract.ts),
 * the same selector SOQL, the same counting rules, for the preview and the CLI. It counts; the KPI
 * library interprets. Settings- and audience-aware as the Apex service is: the region field and
 * population come from the settings, the summary counts the viewer's audience, the leaderboard
 * ranks the leaderboard's audience and hides other users in privacy mode. Keep it in step with
 * LoginActivityService.cls.
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
import { apexStringFormat } from '../checks/apexStringFormat';
import {
  audienceBinds,
  audienceForViewer,
  leaderboardFilter,
  privacyModeFor,
  relationshipName,
  textOf,
  userFilter
} from './audience';
import type { AdoptionAudience } from './audience';
import type { GatewayContext } from './gatewayContext';
import type { SoqlRecord } from './queryRunner';
import { loadSettings, populationBinds, populationFilter } from './settings';
import type { AdoptionSettings } from './settings';
import { Transaction } from './transaction';

export type { GatewayContext } from './gatewayContext';
export { QUERY_ROW_HEADROOM } from './transaction';

/** Users read per leaderboard request; why 5,000: see LoginActivityService.MAX_LEADERBOARD_USERS. */
export const MAX_LEADERBOARD_USERS = 5_000;
const SUCCESS = 'Success';

export class TeamLoginAccessError extends Error {}

/** What every login request starts from: its transaction, the settings and the viewer's audience. */
export interface LoginRequest {
  transaction: Transaction;
  context: GatewayContext;
  settings: AdoptionSettings;
  audience: AdoptionAudience;
}

export async function startLoginRequest(context: GatewayContext): Promise<LoginRequest> {
  const transaction = new Transaction(context.runner);
  const settings = loadSettings(context.settings, context.describe);
  const audience = await audienceForViewer(transaction, context, settings);
  return { transaction, context, settings, audience };
}

/** UserSelector.binds: the population's and the audience's. */
/** UserSelector.MAX_SLICES + 1: one row past the bound tells "exactly the bound" from "more". */
const SLICE_LIMIT = 2001;

function userBinds(request: LoginRequest): Record<string, unknown> {
  return { ...populationBinds(request.settings), ...audienceBinds(request.audience) };
}

function userTemplate(
  request: LoginRequest,
  name: keyof GatewayContext['queries'],
  audienceFilter: string
): string {
  return apexStringFormat(request.context.queries[name], [
    request.settings.regionField,
    populationFilter(request.settings),
    audienceFilter
  ]);
}

function cellKey(role: unknown, region: unknown): string {
  return JSON.stringify([textOf(role), textOf(region)]).toLowerCase();
}

export async function getLoginSummary(context: GatewayContext): Promise<LoginSummary> {
  const request = await startLoginRequest(context);
  const { transaction, audience } = request;
  const cells = new Map<string, SliceCount>();
  for (const row of await transaction.run(
    userTemplate(request, 'UserSelector.POPULATION_BY_SLICE_TEMPLATE', userFilter(audience)),
    { ...userBinds(request), sliceLimit: SLICE_LIMIT }
  )) {
    const key = cellKey(row.role, row.region);
    const cell = cells.get(key) ?? {
      role: textOf(row.role),
      region: textOf(row.region),
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
    const rows = await transaction.run(
      userTemplate(request, 'UserSelector.LOGGED_IN_BY_SLICE_TEMPLATE', userFilter(audience)),
      { ...userBinds(request), since: windowStart(context.asOf, days), sliceLimit: SLICE_LIMIT }
    );
    for (const row of rows) {
      const key = cellKey(row.role, row.region);
      loggedIn.set(key, (loggedIn.get(key) ?? 0) + Number(row.users));
    }
    for (const [key, cell] of cells) cell.windows.push({ days, loggedIn: loggedIn.get(key) ?? 0 });
  }
  return {
    asOf: context.asOf.toISOString(),
    regionField: request.settings.regionField,
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
      endInclusive,
      groupLimit: Math.trunc(transaction.rowsLeft() / 2)
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
  const request = await startLoginRequest(context);
  const { transaction, audience, settings } = request;
  if (!audience.canViewTeamLogins) {
    throw new TeamLoginAccessError(
      'Team login counts need the Adoption_View_Team_Logins custom permission.'
    );
  }
  const currentStart = windowStart(context.asOf, periodDays);
  const previousStart = windowStart(context.asOf, 2 * periodDays);
  const members = await transaction.run(
    userTemplate(request, 'UserSelector.LOGGED_IN_SINCE_TEMPLATE', leaderboardFilter(audience)),
    { ...userBinds(request), since: previousStart, maxUsers: MAX_LEADERBOARD_USERS }
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

  const counted = fitWithinBudget(withLogins, transaction.rowsLeft());
  if (counted.length > 0) {
    const byId = new Map(counted.map((logins) => [String(logins.user.Id), logins]));
    for (const logins of counted) {
      logins.current.dates = new Set();
      logins.previous.dates = new Set();
    }
    const attempts = await transaction.run(context.queries['LoginHistorySelector.readAttempts'], {
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

  const privacyMode = privacyModeFor(audience, settings);
  const entries: LeaderboardEntry[] = withLogins.map(({ user, current: now, previous: before }) => {
    const hidden = privacyMode && String(user.Id) !== audience.viewerId;
    return {
      userId: hidden ? null : String(user.Id),
      name: hidden ? null : String(user.Name),
      role: relationshipName(user, 'UserRole'),
      region: textOf(user[settings.regionField]),
      logins: now.logins,
      activeDays: now.dates ? now.dates.size : null,
      previousLogins: before.logins,
      previousActiveDays: before.dates ? before.dates.size : null
    };
  });
  return {
    asOf: context.asOf.toISOString(),
    periodDays,
    viewerId: audience.viewerId,
    activeDaysComplete: counted.length === withLogins.length,
    usersComplete: members.length < MAX_LEADERBOARD_USERS,
    privacyMode,
    entries
  };
}
