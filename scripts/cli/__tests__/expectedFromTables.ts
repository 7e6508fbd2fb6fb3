/**
 * What `adoption report` must print for a demo org, computed straight from the generated tables
 * with the catalog's definitions — deliberately not through the KPI library, the CSV reader or
 * the SOQL engine, so the end-to-end tests check those rather than repeat them. Calendar dates
 * are UTC (the tests run with the default --time-zone).
 */
import type { DemoOrg, FieldValue } from '../../demo/model';

const DAY_MS = 86_400_000;

export interface DemoUser {
  id: string;
  name: string;
  role: string;
  region: string;
  lastLoginDate: number | null;
}

export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface LeaderboardRow {
  userId: string;
  name: string;
  logins: number;
  activeDays: number;
  rank: number;
}

function column(org: DemoOrg, object: string, field: string): (row: number) => FieldValue {
  const accessor = org.tables[object]?.accessor(field);
  if (!accessor) throw new Error(`the demo org has no ${object}.${field}`);
  return accessor;
}

/** Runs `visit` with a reader of each named field, for every row of the object. */
function eachRow(
  org: DemoOrg,
  object: string,
  fields: readonly string[],
  visit: (get: (field: string) => FieldValue) => void
): void {
  const readers = new Map(fields.map((field) => [field, column(org, object, field)]));
  for (let row = 0; row < org.tables[object].size; row += 1) {
    visit((field) => (readers.get(field) as (row: number) => FieldValue)(row));
  }
}

const blankKey = (value: FieldValue): string =>
  value === null || String(value).trim() === '' ? '(none)' : String(value);

const utcDate = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

export class DemoExpectations {
  readonly asOf: number;
  readonly today: string;
  readonly population: DemoUser[];
  private readonly org: DemoOrg;

  constructor(org: DemoOrg, asOf: Date) {
    this.org = org;
    this.asOf = asOf.getTime();
    this.today = utcDate(this.asOf);
    const roleNames = new Map<string, string>();
    eachRow(org, 'UserRole', ['Id', 'Name'], (get) =>
      roleNames.set(String(get('Id')), String(get('Name')))
    );
    const population: DemoUser[] = [];
    const fields = [
      'Id',
      'Name',
      'IsActive',
      'UserType',
      'UserRoleId',
      'Division',
      'LastLoginDate'
    ];
    eachRow(org, 'User', fields, (get) => {
      if (get('IsActive') !== true || get('UserType') !== 'Standard') return;
      const roleId = get('UserRoleId');
      population.push({
        id: String(get('Id')),
        name: String(get('Name')),
        role: blankKey(roleId === null ? null : (roleNames.get(String(roleId)) ?? null)),
        region: blankKey(get('Division')),
        lastLoginDate: get('LastLoginDate') === null ? null : Number(get('LastLoginDate'))
      });
    });
    this.population = population;
  }

  private dateBefore(days: number): string {
    return utcDate(Date.parse(`${this.today}T00:00:00Z`) - days * DAY_MS);
  }

  /** Successful LoginHistory instants per user with `from < LoginTime ≤ to`. */
  private successfulLogins(from: number, to: number): Map<string, number[]> {
    const byUser = new Map<string, number[]>();
    eachRow(this.org, 'LoginHistory', ['UserId', 'LoginTime', 'Status'], (get) => {
      const time = Number(get('LoginTime'));
      if (get('Status') !== 'Success' || time <= from || time > to) return;
      const times = byUser.get(String(get('UserId'))) ?? [];
      times.push(time);
      byUser.set(String(get('UserId')), times);
    });
    return byUser;
  }

  /** login.rate.Nd: overall and per role / region, users with a successful login in the window. */
  loginRate(days: number): Fraction & {
    role: Record<string, Fraction>;
    region: Record<string, Fraction>;
  } {
    const logins = this.successfulLogins(this.asOf - days * DAY_MS, this.asOf);
    const overall = { numerator: 0, denominator: 0 };
    const role: Record<string, Fraction> = {};
    const region: Record<string, Fraction> = {};
    for (const user of this.population) {
      const counted = logins.has(user.id) ? 1 : 0;
      for (const tally of [
        overall,
        (role[user.role] ??= { numerator: 0, denominator: 0 }),
        (region[user.region] ??= { numerator: 0, denominator: 0 })
      ]) {
        tally.numerator += counted;
        tally.denominator += 1;
      }
    }
    return { ...overall, role, region };
  }

  /** login.never: population users with a blank LastLoginDate, sorted. */
  neverLoggedIn(): string[] {
    return this.population
      .filter((user) => user.lastLoginDate === null)
      .map((user) => user.id)
      .sort();
  }

  /** login.leaderboard over the last `days` days, ranked by logins, active days, name, Id. */
  leaderboard(days: number): LeaderboardRow[] {
    const logins = this.successfulLogins(this.asOf - days * DAY_MS, this.asOf);
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    return this.population
      .filter((user) => logins.has(user.id))
      .map((user) => {
        const times = logins.get(user.id) as number[];
        return {
          userId: user.id,
          name: user.name,
          logins: times.length,
          activeDays: new Set(times.map(utcDate)).size
        };
      })
      .sort(
        (a, b) =>
          b.logins - a.logins ||
          b.activeDays - a.activeDays ||
          collator.compare(a.name, b.name) ||
          (a.userId < b.userId ? -1 : 1)
      )
      .map((row, index) => ({ ...row, rank: index + 1 }));
  }

  /** The latest successful login ≤ T per population user, ISO (null for none). */
  lastLogins(): Map<string, string | null> {
    const logins = this.successfulLogins(-Infinity, this.asOf);
    return new Map(
      this.population.map((user) => {
        const times = logins.get(user.id);
        return [user.id, times ? new Date(Math.max(...times)).toISOString() : null];
      })
    );
  }

  /** opps.neglected.pastClose: open opportunities with CloseDate < date(T), sorted. */
  pastCloseOpportunities(): string[] {
    const ids: string[] = [];
    eachRow(this.org, 'Opportunity', ['Id', 'IsClosed', 'CloseDate'], (get) => {
      const closeDate = get('CloseDate');
      if (get('IsClosed') === false && closeDate !== null && String(closeDate) < this.today) {
        ids.push(String(get('Id')));
      }
    });
    return ids.sort();
  }

  /** opps.wonLost over `days`: closed with date(T) − days < CloseDate ≤ date(T); won / all. */
  wonLost(days: number): Fraction {
    const first = this.dateBefore(days);
    const result = { numerator: 0, denominator: 0 };
    eachRow(this.org, 'Opportunity', ['IsClosed', 'IsWon', 'CloseDate'], (get) => {
      const closeDate = get('CloseDate') === null ? null : String(get('CloseDate'));
      if (get('IsClosed') !== true || closeDate === null) return;
      if (closeDate <= first || closeDate > this.today) return;
      result.denominator += 1;
      if (get('IsWon') === true) result.numerator += 1;
    });
    return result;
  }

  /** tasks.pastDue: open tasks with ActivityDate < date(T), by Id; per owner too. */
  pastDueTasks(): { ids: string[]; byOwner: Map<string, number> } {
    const ids: string[] = [];
    const byOwner = new Map<string, number>();
    eachRow(this.org, 'Task', ['Id', 'OwnerId', 'IsClosed', 'ActivityDate'], (get) => {
      const due = get('ActivityDate');
      if (get('IsClosed') !== false || due === null || String(due) >= this.today) return;
      ids.push(String(get('Id')));
      byOwner.set(String(get('OwnerId')), (byOwner.get(String(get('OwnerId'))) ?? 0) + 1);
    });
    return { ids: ids.sort(), byOwner };
  }

  /**
   * leads.abandoned with N days: unconverted, not disqualified, created ≤ T − N×24h, no activity
   * on or after date(T) − N days; sorted.
   */
  abandonedLeads(days: number): string[] {
    const createdCutoff = this.asOf - days * DAY_MS;
    const activityCutoff = this.dateBefore(days);
    const ids: string[] = [];
    const fields = ['Id', 'IsConverted', 'Status', 'CreatedDate', 'LastActivityDate'];
    eachRow(this.org, 'Lead', fields, (get) => {
      const lastActivity = get('LastActivityDate');
      if (
        get('IsConverted') === false &&
        get('Status') !== 'Closed - Not Converted' &&
        Number(get('CreatedDate')) <= createdCutoff &&
        (lastActivity === null || String(lastActivity) < activityCutoff)
      ) {
        ids.push(String(get('Id')));
      }
    });
    return ids.sort();
  }
}
