/**
 * The twin of AdoptionKpiService.cls: per-user tallies of one KPI family over a period, with the
 * directory of the viewer's audience, and the weekly login trend. Same plans (KPIs in catalog
 * order, the queries behind each), same row budget (rows left ÷ queries left, SUM queries only
 * when the open-opportunity count fits their share), same tally modes. Keep it in step with the
 * Apex class.
 */
import type {
  KpiData,
  KpiFamily,
  KpiTallies,
  LoginTrend,
  UserTally,
  WeekCount
} from '../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import type { AdoptionAudience } from './audience';
import { loggedInAfter, readDirectory } from './directory';
import type { Directory } from './directory';
import type { GatewayContext } from './gatewayContext';
import { TeamLoginAccessError } from './loginActivityGateway';
import { DAY_MS, kpiRows, period, todayOf } from './kpiQueries';
import type { Period, QueryScope } from './kpiQueries';
import type { SoqlRecord } from './queryRunner';
import type { AdoptionSettings } from './settings';
import type { Transaction } from './transaction';

/** LoginHistory rows a trend week is first assumed to cost per candidate (AdoptionKpiService). */
export const TREND_ROWS_PER_USER = 2;
export const MAX_TREND_WEEKS = 12;
/** AdoptionKpiService.WEEKS_MESSAGE, thrown as IllegalArgumentException there. */
export const WEEKS_MESSAGE = 'Choose a login trend of 1 to 12 weeks.';
const SUCCESS = 'Success';

type Mode =
  | 'numerator'
  | 'denominator'
  | 'rows'
  | 'wonOutcome'
  | 'convertedOutcome'
  | 'missing'
  | 'filled'
  | 'amountNumerator'
  | 'amountDenominator';

interface Part {
  query: string;
  mode: Mode;
}

interface KpiPlan {
  kpiId: string;
  windowed: boolean;
  detail: string | null;
  parts: Part[];
}

function plan(kpiId: string, windowed: boolean, ...parts: [string, Mode][]): KpiPlan {
  return { kpiId, windowed, detail: null, parts: parts.map(([query, mode]) => ({ query, mode })) };
}

/** One request's share of the 50,000 query rows (AdoptionKpiService.RowBudget). */
export class RowBudget {
  private queriesLeft: number;
  private readonly transaction: Transaction;
  private readonly groupLimitOverride: number | undefined;

  constructor(transaction: Transaction, plannedQueries: number, groupLimitOverride?: number) {
    this.transaction = transaction;
    this.queriesLeft = Math.max(1, plannedQueries);
    this.groupLimitOverride = groupLimitOverride;
  }

  /** The LIMIT of the next query, which then counts as run; below 1 means it must not run. */
  nextGroupLimit(): number {
    const share =
      this.groupLimitOverride ?? Math.trunc(this.transaction.rowsLeft() / this.queriesLeft);
    this.queriesLeft = Math.max(1, this.queriesLeft - 1);
    return share;
  }
}

/** One KPI's tallies for one period, for the directory's users only. */
class Tallies {
  complete = true;
  /** A part could not run: the KPI carries no tallies rather than half of them. */
  skipped = false;
  /** Sum of n over the last query's rows. */
  rowTotal = 0;
  private readonly allowed: ReadonlySet<string>;
  private readonly byUser = new Map<string, UserTally>();

  constructor(allowed: ReadonlySet<string>) {
    this.allowed = allowed;
  }

  add(rows: SoqlRecord[], mode: Mode): void {
    this.rowTotal = 0;
    for (const row of rows) {
      const n = row.n === null || row.n === undefined ? null : Number(row.n);
      this.rowTotal += n ?? 0;
      const tally = this.tallyOf(row.userId);
      if (tally) addRow(tally, row, mode, n ?? 0);
    }
  }

  toList(): UserTally[] {
    if (this.skipped) {
      this.complete = false;
      return [];
    }
    return [...this.byUser.values()];
  }

  private tallyOf(userId: unknown): UserTally | undefined {
    if (userId === null || userId === undefined || !this.allowed.has(String(userId))) {
      return undefined;
    }
    const id = String(userId);
    let tally = this.byUser.get(id);
    if (!tally) {
      tally = { userId: id, numerator: 0, denominator: 0 };
      this.byUser.set(id, tally);
    }
    return tally;
  }
}

function amountOf(row: SoqlRecord): number {
  return row.amount === null || row.amount === undefined ? 0 : Number(row.amount);
}

function addRow(tally: UserTally, row: SoqlRecord, mode: Mode, n: number): void {
  switch (mode) {
    case 'numerator':
      tally.numerator += n;
      break;
    case 'denominator':
      tally.denominator += n;
      break;
    case 'rows':
      tally.numerator += 1;
      break;
    case 'wonOutcome':
    case 'convertedOutcome':
      tally.numerator += row[mode === 'wonOutcome' ? 'won' : 'converted'] === true ? n : 0;
      tally.denominator += n;
      break;
    case 'missing':
      tally.numerator += n - Number(row.filled);
      tally.denominator += n;
      break;
    case 'filled':
      tally.numerator += Number(row.filled);
      tally.denominator += n;
      break;
    case 'amountNumerator':
      tally.numerator += amountOf(row);
      break;
    case 'amountDenominator':
      tally.denominator += amountOf(row);
      break;
  }
}

/** One service instance: a request's transaction, settings and audience (AdoptionKpiService). */
export class KpiService {
  private readonly transaction: Transaction;
  private readonly context: GatewayContext;
  private readonly settings: AdoptionSettings;
  private readonly audience: AdoptionAudience;
  private readonly groupLimitOverride: number | undefined;
  private directory: Directory | undefined;
  private casesUsed: boolean | undefined;
  private budget: RowBudget | undefined;
  private scope: QueryScope | undefined;
  private openOpportunities: number | null = null;

  constructor(
    transaction: Transaction,
    context: GatewayContext,
    settings: AdoptionSettings,
    audience: AdoptionAudience,
    groupLimitOverride?: number
  ) {
    this.transaction = transaction;
    this.context = context;
    this.settings = settings;
    this.audience = audience;
    this.groupLimitOverride = groupLimitOverride;
  }

  async readDirectory(): Promise<Directory> {
    this.directory ??= await readDirectory(
      this.transaction,
      this.context,
      this.settings,
      this.audience
    );
    return this.directory;
  }

  /** Whether the org uses Cases: the viewer can read Case and at least one case. */
  async casesInUse(): Promise<boolean> {
    if (this.casesUsed === undefined) {
      const readable = this.context.describe.object('Case')?.accessible === true;
      this.casesUsed =
        readable &&
        (await this.transaction.run(this.context.queries['CaseSelector.hasAnyCase'], {})).length >
          0;
    }
    return this.casesUsed;
  }

  async getKpiData(family: KpiFamily, periodDays: number): Promise<KpiData> {
    const members = await this.readDirectory();
    this.scope = {
      transaction: this.transaction,
      context: this.context,
      settings: this.settings,
      userIds: members.userIds
    };
    this.openOpportunities = null;
    const plans = await this.planFamily(family);
    this.budget = new RowBudget(
      this.transaction,
      plans.reduce((sum, each) => sum + each.parts.length * (each.windowed ? 2 : 1), 0),
      this.groupLimitOverride
    );
    const current = period(this.context.asOf, todayOf(this.context), periodDays);
    const previous = period(current.startInstant, current.startDate, periodDays);
    const tallies: KpiTallies[] = [];
    for (const each of plans) tallies.push(await this.run(each, current, previous));
    return {
      asOf: this.context.asOf.toISOString(),
      family,
      periodDays,
      users: members.users,
      usersComplete: members.complete,
      tallies
    };
  }

  /**
   * Users of the audience with a successful login in each of the last `weeks` weeks, newest first
   * while the row budget lasts (AdoptionKpiService.getLoginTrend). Refuses weeks outside 1 to 12,
   * then an audience without Adoption_View_Team_Logins, before reading anything.
   */
  async getLoginTrend(weeks: number): Promise<LoginTrend> {
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_TREND_WEEKS) {
      throw new RangeError(WEEKS_MESSAGE);
    }
    if (!this.audience.canViewTeamLogins) {
      throw new TeamLoginAccessError(
        'Team login counts need the Adoption_View_Team_Logins custom permission.'
      );
    }
    const members = await this.readDirectory();
    const trend: LoginTrend = {
      asOf: this.context.asOf.toISOString(),
      population: members.users.length,
      weeks: [],
      complete: members.complete
    };
    let rowsPerUser = TREND_ROWS_PER_USER;
    const weekCounts: WeekCount[] = [];
    for (let week = 0; week < weeks; week += 1) {
      const weekEnd = new Date(this.context.asOf.getTime() - 7 * week * DAY_MS);
      const weekStart = new Date(weekEnd.getTime() - 7 * DAY_MS);
      const candidates = loggedInAfter(members, weekStart);
      if (candidates.length * rowsPerUser > this.transaction.rowsLeft()) {
        trend.complete = false;
        break;
      }
      let activeUsers = 0;
      if (candidates.length > 0) {
        const tallies = await this.transaction.run(
          this.context.queries['LoginHistorySelector.countAttemptsByUserAndStatus'],
          {
            userIds: candidates,
            startExclusive: weekStart,
            endInclusive: weekEnd,
            groupLimit: this.transaction.rowsLeft()
          }
        );
        activeUsers = new Set(
          tallies
            .filter((tally) => tally.Status === SUCCESS && Number(tally.attempts) > 0)
            .map((tally) => String(tally.UserId))
        ).size;
        rowsPerUser = Math.max(rowsPerUser, (1.25 * tallies.length) / candidates.length);
      }
      weekCounts.unshift({ weekStart: weekStart.toISOString(), activeUsers });
    }
    trend.weeks = weekCounts;
    return trend;
  }

  private async planFamily(family: KpiFamily): Promise<KpiPlan[]> {
    const cases = await this.casesInUse();
    if (family === 'activity') {
      return [
        plan('records.accounts.created', true, ['Account.created', 'numerator']),
        plan('records.contacts.created', true, ['Contact.created', 'numerator']),
        plan('records.contacts.updated', true, ['Contact.updated', 'numerator']),
        plan('records.opportunities.created', true, ['Opportunity.created', 'numerator']),
        plan('records.activities.created', true, ['Task.created', 'numerator']),
        plan('records.activities.closed', true, ['Task.closed', 'numerator']),
        ...(cases
          ? [
              plan('records.cases.created', true, ['Case.created', 'numerator']),
              plan('records.cases.closed', true, ['Case.closed', 'numerator'])
            ]
          : [])
      ];
    }
    if (family === 'pipeline') {
      return [
        plan('opps.neglected.pastClose', false, ['Opportunity.pastClose', 'numerator']),
        plan('opps.neglected.stale', false, ['Opportunity.stale', 'numerator']),
        plan('opps.wonLost', true, ['Opportunity.closed', 'wonOutcome']),
        plan('opps.stageMovement', true, ['Opportunity.stageMoves', 'rows']),
        plan('leads.abandoned', false, ['Lead.abandoned', 'numerator']),
        plan('leads.conversionRate', true, ['Lead.decided', 'convertedOutcome']),
        plan('tasks.pastDue', false, ['Task.pastDue', 'numerator']),
        plan('tasks.open', false, ['Task.open', 'numerator']),
        ...(cases ? [plan('cases.aged', false, ['Case.aged', 'numerator'])] : []),
        // Last, so that the SUM queries (a row per record) spend what the counts left.
        plan(
          'pipeline.open',
          false,
          ['Opportunity.open', 'denominator'],
          ['Opportunity.openAmount', 'amountNumerator']
        ),
        plan(
          'pipeline.late',
          false,
          ['Opportunity.probableAmount', 'amountDenominator'],
          ['Opportunity.lateAmount', 'amountNumerator']
        )
      ];
    }
    const plans = [
      plan('quality.opps.missingAmount', false, ['Opportunity.open', 'missing']),
      plan('quality.opps.missingCloseDate', false, ['Opportunity.all', 'missing']),
      plan(
        'quality.accounts.noContact',
        false,
        ['Account.noContact', 'numerator'],
        ['Account.all', 'denominator']
      ),
      ...this.settings.gateFields.map((gateField) => ({
        ...plan('quality.fields.fillRate', false, ['Gate', 'filled']),
        detail: gateField
      }))
    ];
    if (this.audience.scope === 'all') {
      plans.push(
        plan(
          'quality.duplicates',
          false,
          ['Account.duplicates', 'numerator'],
          ['Account.all', 'denominator'],
          ['Contact.duplicates', 'numerator'],
          ['Contact.all', 'denominator'],
          ['Lead.duplicates', 'numerator'],
          ['Lead.all', 'denominator']
        )
      );
    }
    return plans;
  }

  private async run(each: KpiPlan, current: Period, previous: Period): Promise<KpiTallies> {
    const currentTallies = await this.tallyPeriod(each, each.windowed ? current : null);
    const result: KpiTallies = {
      kpiId: each.kpiId,
      detail: each.detail,
      current: currentTallies.toList(),
      previous: null,
      complete: currentTallies.complete
    };
    if (each.windowed) {
      const previousTallies = await this.tallyPeriod(each, previous);
      result.previous = previousTallies.toList();
      result.complete = result.complete && previousTallies.complete;
    }
    return result;
  }

  private async tallyPeriod(each: KpiPlan, window: Period | null): Promise<Tallies> {
    const scope = this.scope as QueryScope;
    const tallies = new Tallies(new Set(scope.userIds));
    for (const part of each.parts) {
      const groupLimit = (this.budget as RowBudget).nextGroupLimit();
      if (scope.userIds.length === 0) continue;
      if (groupLimit < 1 || !this.canAfford(part, groupLimit)) {
        tallies.skipped = true;
        continue;
      }
      const rows = await kpiRows(scope, part.query, window, each.detail, groupLimit);
      if (rows === null) {
        tallies.skipped = true;
        continue;
      }
      tallies.add(rows, part.mode);
      if (rows.length >= groupLimit) tallies.complete = false;
      else if (part.query === 'Opportunity.open') this.openOpportunities = tallies.rowTotal;
    }
    return tallies;
  }

  /** A SUM query runs only when the open-opportunity count is known and fits its share. */
  private canAfford(part: Part, groupLimit: number): boolean {
    if (part.mode !== 'amountNumerator' && part.mode !== 'amountDenominator') return true;
    return this.openOpportunities !== null && this.openOpportunities <= groupLimit;
  }
}
