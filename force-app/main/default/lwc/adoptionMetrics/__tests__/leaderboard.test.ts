import {
  BLANK_SLICE_KEY,
  filterEntries,
  leaderboardPage,
  rankLeaderboard,
  sliceKeysOf
} from 'c/adoptionMetrics';
import type { LeaderboardEntry } from 'c/adoptionMetrics';

function entry(
  userId: string,
  name: string,
  logins: number,
  activeDays: number | null,
  previousLogins = 0,
  previousActiveDays: number | null = 0,
  role: string | null = 'Rep',
  region: string | null = 'EMEA'
): LeaderboardEntry {
  return { userId, name, role, region, logins, activeDays, previousLogins, previousActiveDays };
}

const ranksOf = (
  entries: LeaderboardEntry[],
  viewerId: string | null = null
): [string | null, number][] =>
  rankLeaderboard(entries, viewerId).map((row) => [row.userId, row.rank]);

describe('login.leaderboard ranking', () => {
  it('is empty for an empty org', () => {
    expect(rankLeaderboard([], 'u1')).toEqual([]);
    expect(leaderboardPage([], 25)).toEqual({ rows: [], viewerRow: null, rankedCount: 0 });
  });

  it('ranks a single user first', () => {
    const [row] = rankLeaderboard([entry('u1', 'Ada', 3, 2)], 'u1');
    expect(row).toMatchObject({
      userId: 'u1',
      rank: 1,
      previousRank: null,
      rankChange: null,
      isViewer: true
    });
  });

  it('orders by logins, then active days, then name, then Id', () => {
    const entries = [
      entry('u5', 'Eve', 10, 2),
      entry('u4', 'Dan', 10, 5),
      entry('u3', 'bob', 12, 1),
      entry('u2', 'Bob', 10, 5),
      entry('u1', 'Bob', 10, 5)
    ];
    expect(ranksOf(entries)).toEqual([
      ['u3', 1],
      ['u1', 2],
      ['u2', 3],
      ['u4', 4],
      ['u5', 5]
    ]);
  });

  it('gives tied users distinct positions (1, 2, 3, …), never shared ranks', () => {
    const ranks = ranksOf([entry('a', 'Same', 4, 2), entry('b', 'Same', 4, 2)]).map(
      ([, rank]) => rank
    );
    expect(ranks).toEqual([1, 2]);
  });

  it('leaves out users without logins in the window', () => {
    expect(ranksOf([entry('u1', 'Ada', 0, 0, 5, 3), entry('u2', 'Bea', 1, 1)])).toEqual([
      ['u2', 1]
    ]);
  });

  it('ranks unknown active days below a known count of equal logins', () => {
    expect(ranksOf([entry('u1', 'Ada', 5, null), entry('u2', 'Zoe', 5, 1)])).toEqual([
      ['u2', 1],
      ['u1', 2]
    ]);
  });

  it('computes rank change as previous rank minus rank, blank when unranked before', () => {
    const rows = rankLeaderboard(
      [
        entry('u1', 'Ada', 9, 5, 1, 1),
        entry('u2', 'Bea', 5, 3, 8, 4),
        entry('u3', 'Cy', 4, 2, 0, 0),
        entry('u4', 'Di', 3, 1, 5, 2)
      ],
      null
    );
    expect(rows.map((row) => [row.userId, row.rank, row.previousRank, row.rankChange])).toEqual([
      ['u1', 1, 3, 2],
      ['u2', 2, 1, -1],
      ['u3', 3, null, null],
      ['u4', 4, 2, -2]
    ]);
  });

  it('breaks previous-window ties with previous active days', () => {
    const rows = rankLeaderboard(
      [entry('u1', 'Ada', 1, 1, 4, 1), entry('u2', 'Bea', 1, 1, 4, 3)],
      null
    );
    expect(rows.map((row) => row.previousRank)).toEqual([2, 1]);
  });

  it('marks only the viewer', () => {
    const rows = rankLeaderboard([entry('u1', 'Ada', 2, 1), entry('u2', 'Bea', 1, 1)], 'u2');
    expect(rows.map((row) => row.isViewer)).toEqual([false, true]);
  });
});

describe('leaderboard filters', () => {
  const entries = [
    entry('u1', 'Ada', 3, 2, 0, 0, 'Rep', 'EMEA'),
    entry('u2', 'Bea', 5, 3, 0, 0, 'Manager', 'EMEA'),
    entry('u3', 'Cy', 4, 4, 0, 0, null, 'AMER'),
    entry('u4', 'Di', 1, 1, 0, 0, 'Rep', null)
  ];

  it('keeps everyone when no filter is set', () => {
    expect(filterEntries(entries, {})).toHaveLength(4);
    expect(filterEntries(entries, { role: '', region: null })).toHaveLength(4);
  });

  it('filters by role and region together, and ranks within the filter', () => {
    const reps = filterEntries(entries, { role: 'Rep' });
    expect(reps.map((row) => row.userId)).toEqual(['u1', 'u4']);
    expect(ranksOf(filterEntries(entries, { role: 'Rep', region: 'EMEA' }))).toEqual([['u1', 1]]);
  });

  it('selects users without a role or region with the (none) key', () => {
    expect(filterEntries(entries, { role: BLANK_SLICE_KEY }).map((row) => row.userId)).toEqual([
      'u3'
    ]);
    expect(filterEntries(entries, { region: BLANK_SLICE_KEY }).map((row) => row.userId)).toEqual([
      'u4'
    ]);
  });

  it('lists the distinct slice keys for pickers, (none) last', () => {
    expect(sliceKeysOf(entries, 'role')).toEqual(['Manager', 'Rep', BLANK_SLICE_KEY]);
    expect(sliceKeysOf(entries, 'region')).toEqual(['AMER', 'EMEA', BLANK_SLICE_KEY]);
  });
});

describe('leaderboard page', () => {
  const ranked = rankLeaderboard(
    Array.from({ length: 30 }, (_, index) =>
      entry(`u${index + 1}`, `User ${index + 1}`, 100 - index, 1)
    ),
    'u28'
  );

  it('returns the top rows and the viewer row when the viewer ranks below the page', () => {
    const page = leaderboardPage(ranked, 25);
    expect(page.rows).toHaveLength(25);
    expect(page.rows[24].rank).toBe(25);
    expect(page.viewerRow).toMatchObject({ userId: 'u28', rank: 28, isViewer: true });
    expect(page.rankedCount).toBe(30);
  });

  it('does not repeat the viewer row when the viewer is on the page', () => {
    expect(leaderboardPage(ranked, 28).viewerRow).toBeNull();
  });

  it('rejects a page size below one', () => {
    expect(() => leaderboardPage(ranked, 0)).toThrow(
      'A leaderboard page holds at least one row; got 0.'
    );
  });
});

describe('login.leaderboard with hidden users (privacy mode)', () => {
  it('ranks entries without Ids or names apart, each in its own position', () => {
    const hidden = (logins: number): LeaderboardEntry => ({
      ...entry('x', 'x', logins, 1),
      userId: null,
      name: null
    });
    const ranked = rankLeaderboard([hidden(3), entry('me', 'Me', 5, 2), hidden(7)], 'me');
    expect(ranked.map((row) => [row.userId, row.rank, row.isViewer])).toEqual([
      [null, 1, false],
      ['me', 2, true],
      [null, 3, false]
    ]);
  });
});
