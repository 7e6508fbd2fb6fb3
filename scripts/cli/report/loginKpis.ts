/**
 * The login KPIs (catalog section 1) from the population and the login fold, with the catalog's
 * precise definitions: a user "logged in within N days" has ≥ 1 successful LoginHistory row in
 * T − N×24h < LoginTime ≤ T; login.never reads User.LastLoginDate. Rates and lists are built by
 * the library's kpiFromTallies (one tally per population user), so their slices follow the same
 * conventions as the dashboard's.
 */
import {
  kpiFromTallies,
  rankLeaderboard,
  rate,
  shareOf,
  sliceByRecordOwner
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type {
  KpiResult,
  UserDirectory,
  UserTally
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type { LoginFold } from '../../../force-app/main/default/lwc/adoptionMetrics/loginFold';
import type { SourceUser } from '../source';

/** One row of `login.leaderboard`, in rank order. */
export interface LeaderboardRow {
  userId: string;
  name: string;
  logins: number;
  activeDays: number;
  rank: number;
}

export interface LeaderboardResult extends KpiResult {
  rows: LeaderboardRow[];
}

/** User Id → role and region, for slicing. */
export function directoryOf(users: readonly SourceUser[]): UserDirectory {
  return new Map(users.map((user) => [user.id, { role: user.role, region: user.region }]));
}

/** One tally per user: numerator 1 when counted, denominator 1 (the user). */
function tallies(
  users: readonly SourceUser[],
  isCounted: (user: SourceUser) => boolean
): UserTally[] {
  return users.map((user) => ({
    userId: user.id,
    numerator: isCounted(user) ? 1 : 0,
    denominator: 1
  }));
}

/** A rate over the population: numerator = users counted, denominator = population, rate slices. */
function userRate(
  id: string,
  population: readonly SourceUser[],
  directory: UserDirectory,
  isCounted: (user: SourceUser) => boolean
): KpiResult {
  return kpiFromTallies(id, tallies(population, isCounted), directory);
}

/** A list of population users: value = numerator = count, denominator = population, Ids sorted. */
function userList(
  id: string,
  population: readonly SourceUser[],
  directory: UserDirectory,
  isListed: (user: SourceUser) => boolean
): KpiResult {
  return {
    ...kpiFromTallies(id, tallies(population, isListed), directory),
    denominator: population.length,
    records: population
      .filter(isListed)
      .map((user) => user.id)
      .sort()
  };
}

const isBlank = (value: string | null): boolean => value === null || value.trim() === '';

/**
 * login.days.active: numerator = distinct active dates summed over the users with a login in the
 * period, denominator = those users, value = the mean; slices are the same mean within each role
 * and region. The per-user counts are the leaderboard's `activeDays`.
 */
function activeDays(
  logins: LoginFold,
  population: readonly SourceUser[],
  directory: UserDirectory
): KpiResult {
  const active = logins.entries(population).filter((entry) => entry.logins > 0);
  const perUser = active.map((entry) => ({
    ownerId: entry.userId as string,
    numerator: entry.activeDays ?? 0,
    denominator: 1,
    amount: 0
  }));
  const numerator = perUser.reduce((sum, user) => sum + user.numerator, 0);
  return {
    id: 'login.days.active',
    value: rate(numerator, perUser.length),
    numerator,
    denominator: perUser.length,
    slices: sliceByRecordOwner(perUser, directory, shareOf)
  };
}

/** login.leaderboard: value = users ranked; rows in rank order (rankLeaderboard of the library). */
function leaderboard(logins: LoginFold, population: readonly SourceUser[]): LeaderboardResult {
  const rows = rankLeaderboard(logins.entries(population), null).map((entry) => ({
    userId: entry.userId as string,
    name: entry.name as string,
    logins: entry.logins,
    activeDays: entry.activeDays ?? 0,
    rank: entry.rank
  }));
  return { id: 'login.leaderboard', value: rows.length, rows };
}

/**
 * The login KPIs among `wanted`: login.never needs only the users; the others need the fold
 * (null when LoginHistory was not read, and then none of them is wanted).
 */
export function loginKpis(
  wanted: ReadonlySet<string>,
  population: readonly SourceUser[],
  logins: LoginFold | null
): KpiResult[] {
  const directory = directoryOf(population);
  const results: KpiResult[] = [];
  if (wanted.has('login.never')) {
    results.push(
      userList('login.never', population, directory, (user) => isBlank(user.lastLoginDate))
    );
  }
  if (logins === null) return results;
  for (const days of [7, 30]) {
    const loggedIn = (user: SourceUser): boolean => logins.loggedInWithin(user.id, days);
    if (wanted.has(`login.rate.${days}d`)) {
      results.push(userRate(`login.rate.${days}d`, population, directory, loggedIn));
    }
    if (wanted.has(`login.inactive.${days}d`)) {
      results.push(
        userList(`login.inactive.${days}d`, population, directory, (user) => !loggedIn(user))
      );
    }
  }
  if (wanted.has('login.leaderboard')) results.push(leaderboard(logins, population));
  if (wanted.has('login.days.active')) results.push(activeDays(logins, population, directory));
  return results;
}
