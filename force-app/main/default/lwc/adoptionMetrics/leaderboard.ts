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
  userId: string | null;
  name: string | null;
  logins: number;
  activeDays: number | null;
}

const nameCollator = new Intl.Collator('en', { sensitivity: 'base' });

/** Unknown active days (an org too large to count them all) sort below any known count. */
function compareStandings(a: Standing, b: Standing): number {
  const aId = a.userId ?? '';
  const bId = b.userId ?? '';
  return (
    b.logins - a.logins ||
    (b.activeDays ?? -1) - (a.activeDays ?? -1) ||
    nameCollator.compare(a.name ?? '', b.name ?? '') ||
    (aId < bId ? -1 : aId > bId ? 1 : 0)
  );
}

/**
 * Rank of each standing with a login, keyed by its position in the input: privacy mode sends other
 * users without an Id, so the Id cannot be the key.
 */
function ranksOf(standings: readonly Standing[]): Map<number, number> {
  const ranks = new Map<number, number>();
  standings
    .map((standing, index) => ({ standing, index }))
    .filter(({ standing }) => standing.logins > 0)
    .sort((a, b) => compareStandings(a.standing, b.standing))
    .forEach(({ index }, position) => ranks.set(index, position + 1));
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
  const currentRanks = ranksOf(entries);
  const previousRanks = ranksOf(
    entries.map((entry) => ({
      userId: entry.userId,
      name: entry.name,
      logins: entry.previousLogins,
      activeDays: entry.previousActiveDays
    }))
  );
  const ranked: RankedEntry[] = [];
  entries.forEach((entry, index) => {
    const rank = currentRanks.get(index);
    if (rank === undefined) return;
    const previousRank = previousRanks.get(index) ?? null;
    ranked.push({
      ...entry,
      rank,
      previousRank,
      rankChange: previousRank === null ? null : previousRank - rank,
      isViewer: entry.userId !== null && entry.userId === viewerId
    });
  });
  return ranked.sort((a, b) => a.rank - b.rank);
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

/** The viewer's place among everyone with a login, when names are hidden (privacy mode). */
export interface PrivateStanding {
  /** Null when the viewer has no login in the period. */
  rank: number | null;
  rankedCount: number;
  logins: number;
  activeDays: number | null;
}

/** Unknown active days rank below any known count, as in the full leaderboard. */
const activeDaysOf = (entry: LeaderboardEntry): number => entry.activeDays ?? -1;

/**
 * Privacy-mode rank: 1 + the users strictly ahead (more logins, or as many and more active days).
 * Names break ties in the full leaderboard; hidden names cannot, so tied users share the rank.
 */
export function privateStanding(
  entries: readonly LeaderboardEntry[],
  viewerId: string
): PrivateStanding {
  const ranked = entries.filter((entry) => entry.logins > 0);
  const viewer = ranked.find((entry) => entry.userId === viewerId);
  if (!viewer) return { rank: null, rankedCount: ranked.length, logins: 0, activeDays: null };
  const ahead = ranked.filter(
    (entry) =>
      entry.logins > viewer.logins ||
      (entry.logins === viewer.logins && activeDaysOf(entry) > activeDaysOf(viewer))
  ).length;
  return {
    rank: ahead + 1,
    rankedCount: ranked.length,
    logins: viewer.logins,
    activeDays: viewer.activeDays
  };
}
