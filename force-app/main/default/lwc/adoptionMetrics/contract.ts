/**
 * The Apex contract: parameter and return shapes of LoginActivityController, in one place.
 * The Apex DTO classes mirror these interfaces field for field; contract.test.ts parses the
 * Apex source and fails when the two drift apart.
 */

/** Login windows (days) that the summary always carries, so a period switch needs no new request. */
export const LOGIN_WINDOWS_DAYS: readonly number[] = [7, 30, 90];

/** Periods a user can pick for the leaderboard and the charts. */
export const PERIOD_OPTIONS_DAYS: readonly number[] = [7, 30, 90];

/** Apex: LoginActivityDtos.WindowCount */
export interface WindowCount {
  days: number;
  loggedIn: number;
}

/** Apex: LoginActivityDtos.SliceCount — one (role, region) cell of the population. */
export interface SliceCount {
  role: string | null;
  region: string | null;
  population: number;
  neverLoggedIn: number;
  windows: WindowCount[];
}

/** Apex: LoginActivityDtos.LoginSummary — returned by getLoginSummary(). */
export interface LoginSummary {
  asOf: string;
  regionField: string;
  slices: SliceCount[];
}

/** Apex: LoginActivityDtos.LeaderboardEntry — one user with successful logins in the current or previous window. */
export interface LeaderboardEntry {
  /** Null for another user's entry in privacy mode. */
  userId: string | null;
  /** Null for another user's entry in privacy mode. */
  name: string | null;
  role: string | null;
  region: string | null;
  logins: number;
  activeDays: number | null;
  previousLogins: number;
  previousActiveDays: number | null;
}

/** Apex: LoginActivityDtos.LoginLeaderboard — returned by getLoginLeaderboard(periodDays). */
export interface LoginLeaderboard {
  asOf: string;
  periodDays: number;
  viewerId: string;
  activeDaysComplete: boolean;
  /** False when more users logged in than one request may read: only the most recent are ranked. */
  usersComplete: boolean;
  /**
   * Privacy mode for this viewer (a rep, with the setting on): other users' entries come with name
   * and userId null, and only the viewer's own position is shown.
   */
  privacyMode: boolean;
  entries: LeaderboardEntry[];
}
