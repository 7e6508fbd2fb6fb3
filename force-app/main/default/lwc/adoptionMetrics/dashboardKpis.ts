/**
 * KPI results from what getKpiData returns: per-user tallies (Apex counts) and the directory of the
 * users in the viewer's audience (ARCHITECTURE.md principle 2: Apex counts, TypeScript interprets).
 * The results have the same shape as the record-based KPI functions of this library, so tiles,
 * charts and comparisons read either.
 *
 * A gate field's fill rate is one result per field: its id is `quality.fields.fillRate:<Object.Field>`
 * (resultIdOf); catalogIdOf turns any result id back into the catalog id to look the KPI up.
 */
import type { DirectoryUser, KpiData, UserTally } from './dashboardContract';
import { kpiDefinition } from './kpiCatalog';
import type { KpiDefinition } from './kpiCatalog';
import type { KpiResult, SliceValue, UserDirectory } from './kpiResult';
import { rate } from './loginRates';
import { shareOf, sliceByRecordOwner } from './qualityRecords';
import type { OwnerTally, SliceTotals } from './qualityRecords';
import { optionalRecordInstant } from './recordKpis';
import { parseInstant, windowStart } from './windows';

/** Separates a catalog id from the detail (a gate field) in a result id; catalog ids have none. */
const DETAIL_SEPARATOR = ':';

/** The id of one result: the catalog id, or `<catalog id>:<detail>` for a KPI with a detail. */
export function resultIdOf(kpiId: string, detail?: string | null): string {
  return detail ? `${kpiId}${DETAIL_SEPARATOR}${detail}` : kpiId;
}

/** The catalog id of a result id: `quality.fields.fillRate:Opportunity.NextStep` → `quality.fields.fillRate`. */
export function catalogIdOf(resultId: string): string {
  const at = resultId.indexOf(DETAIL_SEPARATOR);
  return at < 0 ? resultId : resultId.slice(0, at);
}

/** The detail of a result id (`Opportunity.NextStep`), or null when it has none. */
export function detailOf(resultId: string): string | null {
  const at = resultId.indexOf(DETAIL_SEPARATOR);
  return at < 0 ? null : resultId.slice(at + 1);
}

/** The catalog definition behind a result id, detail or not; an unknown id throws a RangeError naming it. */
export function definitionOf(resultId: string): KpiDefinition {
  return kpiDefinition(catalogIdOf(resultId));
}

/** User Id → role and region, for slicing tallies and logins by the directory. */
export function directoryOf(users: readonly DirectoryUser[]): UserDirectory {
  return new Map(users.map((user) => [user.userId, { role: user.role, region: user.region }]));
}

/** A zero tally for every directory user, so every slice of the audience shows, even at zero. */
function zeroTallies(users: UserDirectory): OwnerTally[] {
  return [...users.keys()].map((ownerId) => ({ ownerId, numerator: 0, denominator: 0, amount: 0 }));
}

/** One tally per user: a user the gateway reports twice (two query rows) is added up. */
function mergeTallies(tallies: readonly UserTally[], what: string): OwnerTally[] {
  const merged = new Map<string, OwnerTally>();
  for (const tally of tallies) {
    if (!Number.isFinite(tally.numerator) || !Number.isFinite(tally.denominator)) {
      throw new RangeError(
        `The tally of user ${tally.userId} for ${what} is ${String(tally.numerator)} / ${String(tally.denominator)}; both must be finite numbers.`
      );
    }
    const entry = merged.get(tally.userId) ?? {
      ownerId: tally.userId,
      numerator: 0,
      denominator: 0,
      amount: 0
    };
    entry.numerator += tally.numerator;
    entry.denominator += tally.denominator;
    merged.set(tally.userId, entry);
  }
  return [...merged.values()];
}

/**
 * A KPI from its per-user tallies (see the tally meanings in the build spec), by its catalog kind.
 * A user missing from the directory, or without a role or region, counts under `(none)`, as
 * everywhere in this library (the service already drops users outside the audience).
 * - rate: value = Σnumerator / Σdenominator (0 when Σdenominator is 0), with both sums; slices:
 *   the slice's Σnumerator / Σdenominator, only slices with tallies (an empty slice has no rate).
 * - count, list: value = numerator = Σnumerator; denominator = Σdenominator when positive (the
 *   population of a data-quality list, e.g. open opportunities), omitted otherwise; slices:
 *   value = numerator = the slice's Σnumerator, denominator = the KPI's total (recordKpis.ts).
 * - amount (`pipeline.open`: numerator = SUM(Amount), denominator = COUNT): value = the amount,
 *   numerator = the count, as openPipeline returns it; slices: value = the slice's amount,
 *   numerator = its count, denominator = the total count.
 * Count and amount slices cover every role and region of the directory (0 where nothing counted).
 * `records` stays undefined: tallies carry no record Ids. The id is kept as given; `detail` names
 * the gate field in messages. Rankings and trends do not come from tallies, and an id outside the
 * catalog is a gateway bug: both throw a RangeError naming the id.
 */
export function kpiFromTallies(
  kpiId: string,
  tallies: readonly UserTally[],
  users: UserDirectory,
  detail?: string | null
): KpiResult {
  const definition = definitionOf(kpiId);
  const what = detail ? `${kpiId} (${detail})` : kpiId;
  if (definition.kind === 'ranking' || definition.kind === 'trend') {
    throw new RangeError(
      `${what} is a ${definition.kind} KPI; it is not computed from per-user tallies.`
    );
  }
  const merged = mergeTallies(tallies, what);
  const numerator = merged.reduce((sum, tally) => sum + tally.numerator, 0);
  const denominator = merged.reduce((sum, tally) => sum + tally.denominator, 0);

  if (definition.kind === 'rate') {
    return {
      id: kpiId,
      value: rate(numerator, denominator),
      numerator,
      denominator,
      slices: sliceByRecordOwner(merged, users, shareOf)
    };
  }
  const everySlice = [...zeroTallies(users), ...merged];
  if (definition.kind === 'amount') {
    const byAmount = (totals: SliceTotals): SliceValue => ({
      value: totals.numerator,
      numerator: totals.denominator,
      denominator
    });
    return {
      id: kpiId,
      value: numerator,
      numerator: denominator,
      slices: sliceByRecordOwner(everySlice, users, byAmount)
    };
  }
  const byCount = (totals: SliceTotals): SliceValue => ({
    value: totals.numerator,
    numerator: totals.numerator,
    denominator: numerator
  });
  const result: KpiResult = {
    id: kpiId,
    value: numerator,
    numerator,
    slices: sliceByRecordOwner(everySlice, users, byCount)
  };
  if (denominator > 0) result.denominator = denominator;
  return result;
}

/** The login windows the directory answers, from User.LastLoginDate. */
const LOGIN_WINDOWS_DAYS = [7, 30] as const;

/** The KPIs loginKpisFromDirectory returns, in its order. */
export const DIRECTORY_LOGIN_KPIS: readonly string[] = LOGIN_WINDOWS_DAYS.flatMap((days) => [
  `login.rate.${days}d`,
  `login.inactive.${days}d`
]).concat('login.never');

/** One tally per directory user: numerator 1 when `isCounted`, denominator 1 (the user). */
function userTallies(
  users: readonly DirectoryUser[],
  isCounted: (user: DirectoryUser) => boolean
): UserTally[] {
  return users.map((user) => ({
    userId: user.userId,
    numerator: isCounted(user) ? 1 : 0,
    denominator: 1
  }));
}

/** A list KPI of users: count, population, count slices and the listed users' ids, sorted. */
function userList(
  id: string,
  users: readonly DirectoryUser[],
  directory: UserDirectory,
  isListed: (user: DirectoryUser) => boolean
): KpiResult {
  return {
    ...kpiFromTallies(id, userTallies(users, isListed), directory),
    denominator: users.length,
    records: users
      .filter(isListed)
      .map((user) => user.userId)
      .sort()
  };
}

/**
 * login.rate.7d / 30d, login.inactive.7d / 30d and login.never from the directory's LastLoginDate
 * (the build spec: a login in the window ⇔ LastLoginDate > T − N×24h). Rates: numerator = users
 * who logged in, denominator = the directory's users, sliced per role and region as rates.
 * Inactive (never-logged-in users included) and never: value = numerator = the users listed,
 * denominator = the directory's users, records = their ids sorted, count slices.
 */
export function loginKpisFromDirectory(users: readonly DirectoryUser[], asOf: Date): KpiResult[] {
  const directory = directoryOf(users);
  const lastLogins = new Map(
    users.map((user) => [
      user.userId,
      optionalRecordInstant(user.lastLoginDate, 'LastLoginDate', `user ${user.userId}`)
    ])
  );
  const lastLoginOf = (user: DirectoryUser): Date | null => lastLogins.get(user.userId) ?? null;
  const results: KpiResult[] = [];
  for (const days of LOGIN_WINDOWS_DAYS) {
    const start = windowStart(asOf, days).getTime();
    const loggedIn = (user: DirectoryUser): boolean => {
      const last = lastLoginOf(user);
      return last !== null && last.getTime() > start;
    };
    results.push(kpiFromTallies(`login.rate.${days}d`, userTallies(users, loggedIn), directory));
    results.push(userList(`login.inactive.${days}d`, users, directory, (user) => !loggedIn(user)));
  }
  results.push(userList('login.never', users, directory, (user) => lastLoginOf(user) === null));
  return results;
}

/** What evaluateKpiData returns: this period's results and, by result id, the previous period's. */
export interface EvaluatedKpiData {
  current: KpiResult[];
  previous: Map<string, KpiResult>;
}

/**
 * Every KPI of a getKpiData response: the login KPIs from its directory, then one result per
 * KpiTallies (a gate field's fill rate as `quality.fields.fillRate:<Object.Field>`), and the
 * previous period's result of each windowed KPI under the same id (a state KPI's previous is null,
 * or left out by the Aura serializer).
 */
export function evaluateKpiData(data: KpiData): EvaluatedKpiData {
  const directory = directoryOf(data.users);
  const current = loginKpisFromDirectory(data.users, parseInstant(data.asOf, 'The KPI data asOf'));
  const previous = new Map<string, KpiResult>();
  for (const tallies of data.tallies) {
    const id = resultIdOf(tallies.kpiId, tallies.detail);
    current.push({
      ...kpiFromTallies(tallies.kpiId, tallies.current, directory, tallies.detail),
      id
    });
    if (tallies.previous) {
      previous.set(id, {
        ...kpiFromTallies(tallies.kpiId, tallies.previous, directory, tallies.detail),
        id
      });
    }
  }
  return { current, previous };
}

/**
 * Whether each result of evaluateKpiData covers every user: false when its query stopped at the
 * row budget, or when the directory itself was cut short (login KPIs included).
 */
export function kpiCompleteness(data: KpiData): Map<string, boolean> {
  const complete = new Map<string, boolean>();
  for (const id of DIRECTORY_LOGIN_KPIS) complete.set(id, data.usersComplete);
  for (const tallies of data.tallies) {
    complete.set(resultIdOf(tallies.kpiId, tallies.detail), data.usersComplete && tallies.complete);
  }
  return complete;
}
