/**
 * login.leaderboard: users with at least one successful login in the window, ordered by logins,
 * then active days, then name, then Id; rank = position; rank change = previous rank − rank.
 */
import type { LeaderboardEntry } from './contract';
import { compareSliceKeys, sliceKey } from './loginRates';
import type { SliceDimension } from './loginRates';

export interface LeaderboardFilter {
  role?: string | null;
  region?: string | null;
}

export interface RankedEntry extends LeaderboardEntry {
  rank: number;
  previousRank: number | null;
  rankChange: number | null;
  isViewer: boolean;
}

export interface LeaderboardPage {
  rows: RankedEntry[];
  viewerRow: RankedEntry | null;
  rankedCount: number;
}

interface Standing {
  userId: string;
  name: string;
  logins: number;
  activeDays: number | null;
}

const nameCollator = new Intl.Collator('en', { sensitivity: 'base' });

/** Unknown active days (an org too large to count them all) sort below any known count. */
function compareStandings(a: Standing, b: Standing): number {
  return (
    b.logins - a.logins ||
    (b.activeDays ?? -1) - (a.activeDays ?? -1) ||
    nameCollator.compare(a.name, b.name) ||
    (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
  );
}

function ranksOf(standings: Standing[]): Map<string, number> {
  const ranks = new Map<string, number>();
  standings
    .filter((standing) => standing.logins > 0)
    .sort(compareStandings)
    .forEach((standing, index) => ranks.set(standing.userId, index + 1));
  return ranks;
}

function matchesFilter(entry: LeaderboardEntry, filter: LeaderboardFilter): boolean {
  const matches = (dimension: SliceDimension): boolean => {
    const wanted = filter[dimension];
    return (
      wanted === undefined ||
      wanted === null ||
      wanted === '' ||
      sliceKey(entry[dimension]) === wanted
    );
  };
  return matches('role') && matches('region');
}

export function filterEntries(
  entries: readonly LeaderboardEntry[],
  filter: LeaderboardFilter
): LeaderboardEntry[] {
  return entries.filter((entry) => matchesFilter(entry, filter));
}

/** Ranks the entries (after filtering) for the current window, with their previous-window rank. */
export function rankLeaderboard(
  entries: readonly LeaderboardEntry[],
  viewerId: string | null
): RankedEntry[] {
  const currentRanks = ranksOf(entries.map((entry) => ({ ...entry })));
  const previousRanks = ranksOf(
    entries.map((entry) => ({
      userId: entry.userId,
      name: entry.name,
      logins: entry.previousLogins,
      activeDays: entry.previousActiveDays
    }))
  );
  return entries
    .filter((entry) => currentRanks.has(entry.userId))
    .map((entry) => {
      const rank = currentRanks.get(entry.userId) as number;
      const previousRank = previousRanks.get(entry.userId) ?? null;
      return {
        ...entry,
        rank,
        previousRank,
        rankChange: previousRank === null ? null : previousRank - rank,
        isViewer: entry.userId === viewerId
      };
    })
    .sort((a, b) => a.rank - b.rank);
}

/** The top rows, plus the viewer's own row when it falls below them. */
export function leaderboardPage(ranked: readonly RankedEntry[], pageSize: number): LeaderboardPage {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`A leaderboard page holds at least one row; got ${String(pageSize)}.`);
  }
  const rows = ranked.slice(0, pageSize);
  const viewer = ranked.find((entry) => entry.isViewer) ?? null;
  const viewerRow = viewer && viewer.rank > pageSize ? viewer : null;
  return { rows, viewerRow, rankedCount: ranked.length };
}

/** Distinct slice keys present in the entries, for filter pickers. */
export function sliceKeysOf(
  entries: readonly LeaderboardEntry[],
  dimension: SliceDimension
): string[] {
  return [...new Set(entries.map((entry) => sliceKey(entry[dimension])))].sort(compareSliceKeys);
}
