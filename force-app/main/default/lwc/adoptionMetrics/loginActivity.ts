/**
 * Builds the gateway contract (LoginSummary, LeaderboardEntry[]) from raw User and LoginHistory
 * records, for the places that hold rows instead of Apex aggregates: the CLI, CSV exports and the
 * demo org. The Apex gateway returns the same shapes from SOQL aggregates.
 */
import type { LeaderboardEntry, LoginSummary, SliceCount } from './contract';
import { LOGIN_WINDOWS_DAYS } from './contract';
import { calendarDate, isWithinPreviousWindow, isWithinWindow, parseInstant } from './windows';

export const SUCCESSFUL_LOGIN_STATUS = 'Success';
export const STANDARD_USER_TYPE = 'Standard';

export interface PopulationUser {
  id: string;
  name: string;
  isActive: boolean;
  /** Undefined when the data carries no UserType at all: then every active user counts. */
  userType?: string | null;
  role: string | null;
  region: string | null;
  lastLoginDate: string | null;
}

export interface LoginAttempt {
  userId: string;
  loginTime: string;
  status: string;
}

export function isInPopulation(user: PopulationUser): boolean {
  return user.isActive && (user.userType === undefined || user.userType === STANDARD_USER_TYPE);
}

export function isSuccessfulLogin(attempt: LoginAttempt): boolean {
  return attempt.status === SUCCESSFUL_LOGIN_STATUS;
}

/** login.days.active for one user: distinct calendar dates of the given login instants. */
export function countActiveDays(loginTimes: readonly Date[], timeZone: string): number {
  return new Set(loginTimes.map((time) => calendarDate(time, timeZone))).size;
}

interface UserLogins {
  current: Date[];
  previous: Date[];
}

/** Successful logins with their instants parsed; a malformed LoginTime is named, not skipped. */
function* successfulLogins(
  attempts: Iterable<LoginAttempt>
): Generator<{ userId: string; time: Date }> {
  for (const attempt of attempts) {
    if (!isSuccessfulLogin(attempt)) continue;
    yield {
      userId: attempt.userId,
      time: parseInstant(attempt.loginTime, `LoginTime of a login by ${attempt.userId}`)
    };
  }
}

function successfulLoginsByUser(
  attempts: Iterable<LoginAttempt>,
  asOf: Date,
  periodDays: number
): Map<string, UserLogins> {
  const byUser = new Map<string, UserLogins>();
  for (const { userId, time } of successfulLogins(attempts)) {
    const inCurrent = isWithinWindow(time, asOf, periodDays);
    if (!inCurrent && !isWithinPreviousWindow(time, asOf, periodDays)) continue;
    const logins = byUser.get(userId) ?? { current: [], previous: [] };
    (inCurrent ? logins.current : logins.previous).push(time);
    byUser.set(userId, logins);
  }
  return byUser;
}

/** Per-user logins and active days in the window and the one before it, for the population. */
export function buildLeaderboardEntries(
  users: readonly PopulationUser[],
  attempts: Iterable<LoginAttempt>,
  asOf: Date,
  periodDays: number,
  timeZone: string
): LeaderboardEntry[] {
  const byUser = successfulLoginsByUser(attempts, asOf, periodDays);
  return users.filter(isInPopulation).flatMap((user) => {
    const logins = byUser.get(user.id);
    if (!logins) return [];
    return [
      {
        userId: user.id,
        name: user.name,
        role: user.role,
        region: user.region,
        logins: logins.current.length,
        activeDays: countActiveDays(logins.current, timeZone),
        previousLogins: logins.previous.length,
        previousActiveDays: countActiveDays(logins.previous, timeZone)
      }
    ];
  });
}

function lastSuccessfulLoginByUser(
  attempts: Iterable<LoginAttempt>,
  asOf: Date
): Map<string, number> {
  const last = new Map<string, number>();
  for (const { userId, time } of successfulLogins(attempts)) {
    const instant = time.getTime();
    if (instant <= asOf.getTime() && instant > (last.get(userId) ?? -Infinity))
      last.set(userId, instant);
  }
  return last;
}

/** Per (role, region) counts of the population, of never-logged-in users and of users active per window. */
export function buildLoginSummary(
  users: readonly PopulationUser[],
  attempts: Iterable<LoginAttempt>,
  asOf: Date,
  regionField: string
): LoginSummary {
  const lastLogin = lastSuccessfulLoginByUser(attempts, asOf);
  const cells = new Map<string, SliceCount>();
  for (const user of users.filter(isInPopulation)) {
    const cellKey = JSON.stringify([user.role, user.region]);
    const cell = cells.get(cellKey) ?? {
      role: user.role,
      region: user.region,
      population: 0,
      neverLoggedIn: 0,
      windows: LOGIN_WINDOWS_DAYS.map((days) => ({ days, loggedIn: 0 }))
    };
    cell.population += 1;
    if (user.lastLoginDate === null || user.lastLoginDate === '') cell.neverLoggedIn += 1;
    const last = lastLogin.get(user.id);
    if (last !== undefined) {
      for (const window of cell.windows) {
        if (isWithinWindow(new Date(last), asOf, window.days)) window.loggedIn += 1;
      }
    }
    cells.set(cellKey, cell);
  }
  return { asOf: asOf.toISOString(), regionField, slices: [...cells.values()] };
}
