import {
  DAY_MS,
  LOGIN_WINDOWS_DAYS,
  buildLeaderboardEntries,
  buildLoginSummary,
  createLoginFold,
  isInPopulation,
  loginRate
} from 'c/adoptionMetrics';
import type { LoginAttempt, LoginFold, PopulationUser, SliceCount } from 'c/adoptionMetrics';

const asOf = new Date('2026-11-23T12:00:00.000Z');
const T = asOf.getTime();

function user(id: string, overrides: Partial<PopulationUser> = {}): PopulationUser {
  return {
    id,
    name: `User ${id}`,
    isActive: true,
    userType: 'Standard',
    role: 'Rep',
    region: 'EMEA',
    lastLoginDate: '2026-11-20T09:00:00.000Z',
    ...overrides
  };
}

const at = (iso: string): number => Date.parse(iso);

function foldOf(
  attempts: readonly LoginAttempt[],
  options: { asOf?: Date; timeZone?: string; periodDays?: number } = {}
): LoginFold {
  const fold = createLoginFold({
    asOf: options.asOf ?? asOf,
    timeZone: options.timeZone ?? 'UTC',
    periodDays: options.periodDays ?? 7
  });
  for (const attempt of attempts) fold.add(attempt.userId, at(attempt.loginTime), attempt.status);
  return fold;
}

const success = (userId: string, loginTime: string): LoginAttempt => ({
  userId,
  loginTime,
  status: 'Success'
});

/** sfc-like 32-bit generator (mulberry32): the property cases are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROLES = ['Rep', 'Manager', null];
const REGIONS = ['EMEA', 'AMER', null];
const STATUSES = ['Success', 'Success', 'Success', 'Success', 'Invalid Password', 'Failed'];

function randomUsers(random: () => number, count: number): PopulationUser[] {
  return Array.from({ length: count }, (_, index) =>
    user(`005${String(index).padStart(3, '0')}`, {
      name: `Name ${Math.floor(random() * 5)}`,
      role: ROLES[Math.floor(random() * ROLES.length)],
      region: REGIONS[Math.floor(random() * REGIONS.length)],
      isActive: random() > 0.1,
      userType: random() > 0.1 ? 'Standard' : 'PowerPartner',
      lastLoginDate: random() > 0.1 ? '2026-01-01T00:00:00.000Z' : null
    })
  );
}

/**
 * Attempts spread over more than the two windows and past T, with some on the exact window edges
 * (T, T − N×24h, T − 2N×24h, T − 30×24h … and a millisecond either side).
 */
function randomAttempts(
  random: () => number,
  users: readonly PopulationUser[],
  asOfMs: number,
  periodDays: number,
  count: number
): LoginAttempt[] {
  const edges = [0, periodDays, 2 * periodDays, ...LOGIN_WINDOWS_DAYS].flatMap((days) =>
    [-1, 0, 1].map((delta) => asOfMs - days * DAY_MS + delta)
  );
  const earliest = asOfMs - Math.max(2 * periodDays, 90) * DAY_MS - 5 * DAY_MS;
  const latest = asOfMs + 2 * DAY_MS;
  return Array.from({ length: count }, () => {
    const time =
      random() < 0.15
        ? edges[Math.floor(random() * edges.length)]
        : Math.floor(earliest + random() * (latest - earliest));
    return {
      // A few attempts by users missing from the User table, as an export can hold.
      userId: random() < 0.03 ? 'ghost' : users[Math.floor(random() * users.length)].id,
      loginTime: new Date(time).toISOString(),
      status: STATUSES[Math.floor(random() * STATUSES.length)]
    };
  });
}

/** What buildLoginSummary reports, rebuilt from the fold's per-user windows. */
function summaryFromFold(users: readonly PopulationUser[], fold: LoginFold): SliceCount[] {
  const cells = new Map<string, SliceCount>();
  for (const person of users.filter(isInPopulation)) {
    const key = JSON.stringify([person.role, person.region]);
    const cell = cells.get(key) ?? {
      role: person.role,
      region: person.region,
      population: 0,
      neverLoggedIn: 0,
      windows: LOGIN_WINDOWS_DAYS.map((days) => ({ days, loggedIn: 0 }))
    };
    cell.population += 1;
    if (person.lastLoginDate === null || person.lastLoginDate === '') cell.neverLoggedIn += 1;
    for (const window of cell.windows) {
      if (fold.loggedInWithin(person.id, window.days)) window.loggedIn += 1;
    }
    cells.set(key, cell);
  }
  return [...cells.values()];
}

const PROPERTY_CASES: { timeZone: string; asOf: string; why: string }[] = [
  { timeZone: 'UTC', asOf: '2026-11-23T12:00:00.000Z', why: 'no offset' },
  {
    timeZone: 'Asia/Kathmandu',
    asOf: '2026-11-23T18:14:59.999Z',
    why: '+05:45, T just before midnight'
  },
  { timeZone: 'America/New_York', asOf: '2026-11-04T04:00:00.000Z', why: 'fall-back on 1 Nov' },
  { timeZone: 'Europe/Paris', asOf: '2026-04-02T07:30:00.000Z', why: 'spring-forward on 29 Mar' },
  { timeZone: 'Australia/Lord_Howe', asOf: '2026-04-10T00:00:00.000Z', why: '30-minute DST shift' },
  { timeZone: 'Pacific/Chatham', asOf: '2026-09-30T11:15:00.000Z', why: '+12:45 / +13:45' }
];

describe('createLoginFold equals the whole-table functions', () => {
  describe.each(PROPERTY_CASES)('$timeZone ($why)', ({ timeZone, asOf: asOfText }) => {
    const caseAsOf = new Date(asOfText);

    it.each([1, 7, 30])('gives the same leaderboard entries for a %i-day period', (periodDays) => {
      const random = seeded(periodDays * 7919 + timeZone.length);
      for (let round = 0; round < 5; round += 1) {
        const users = randomUsers(random, 25);
        const attempts = randomAttempts(random, users, caseAsOf.getTime(), periodDays, 600);
        const fold = foldOf(attempts, { asOf: caseAsOf, timeZone, periodDays });
        const expected = buildLeaderboardEntries(users, attempts, caseAsOf, periodDays, timeZone);
        expect(expected.length).toBeGreaterThan(5);
        expect(fold.entries(users)).toEqual(expected);
      }
    });

    it('gives the same login windows and last logins as buildLoginSummary', () => {
      const random = seeded(timeZone.length * 31);
      for (let round = 0; round < 5; round += 1) {
        const users = randomUsers(random, 40);
        const attempts = randomAttempts(random, users, caseAsOf.getTime(), 7, 800);
        const fold = foldOf(attempts, { asOf: caseAsOf, timeZone, periodDays: 7 });
        const summary = buildLoginSummary(users, attempts, caseAsOf, 'Division');
        expect(summaryFromFold(users, fold)).toEqual(summary.slices);
        for (const days of [7, 30]) {
          const rate = loginRate(summary.slices, days);
          const loggedIn = users
            .filter(isInPopulation)
            .filter((person) => fold.loggedInWithin(person.id, days)).length;
          expect(loggedIn).toBe(rate.numerator);
        }
        for (const person of users) {
          const successes = attempts
            .filter((a) => a.userId === person.id && a.status === 'Success')
            .map((a) => at(a.loginTime))
            .filter((time) => time <= caseAsOf.getTime());
          expect(fold.lastSuccessfulLogin(person.id)).toBe(
            successes.length === 0 ? null : Math.max(...successes)
          );
        }
      }
    });
  });
});

describe('windows', () => {
  it('excludes exactly T − N×24h from the period and includes T', () => {
    const fold = foldOf([
      success('u1', '2026-11-23T12:00:00.000Z'),
      success('u1', '2026-11-16T12:00:00.001Z'),
      success('u1', '2026-11-16T12:00:00.000Z'),
      success('u1', '2026-11-09T12:00:00.001Z'),
      success('u1', '2026-11-09T12:00:00.000Z')
    ]);
    expect(fold.entries([user('u1')])).toEqual([
      {
        userId: 'u1',
        name: 'User u1',
        role: 'Rep',
        region: 'EMEA',
        logins: 2,
        activeDays: 2,
        previousLogins: 2,
        previousActiveDays: 2
      }
    ]);
  });

  it('answers "logged in within" for 7, 30 and the period, excluding the window start', () => {
    const fold = foldOf(
      [
        success('edge7', '2026-11-16T12:00:00.000Z'),
        success('in7', '2026-11-16T12:00:00.001Z'),
        success('atT', '2026-11-23T12:00:00.000Z'),
        success('edge30', '2026-10-24T12:00:00.000Z'),
        success('in30', '2026-10-24T12:00:00.001Z'),
        success('in90', '2026-09-01T00:00:00.000Z')
      ],
      { periodDays: 90 }
    );
    const within = (days: number): string[] =>
      ['edge7', 'in7', 'atT', 'edge30', 'in30', 'in90', 'nobody'].filter((id) =>
        fold.loggedInWithin(id, days)
      );
    expect(within(7)).toEqual(['in7', 'atT']);
    expect(within(30)).toEqual(['edge7', 'in7', 'atT', 'in30']);
    expect(within(90)).toEqual(['edge7', 'in7', 'atT', 'edge30', 'in30', 'in90']);
    expect(() => fold.loggedInWithin('in7', 0)).toThrow('got 0');
  });

  it('ignores failed logins, for counts, days and the last login', () => {
    const fold = foldOf([
      { userId: 'u1', loginTime: '2026-11-22T08:00:00.000Z', status: 'Invalid Password' },
      { userId: 'u1', loginTime: '2026-11-22T09:00:00.000Z', status: 'success' },
      { userId: 'u2', loginTime: '2026-11-21T08:00:00.000Z', status: 'Password Lockout' },
      success('u2', '2026-11-20T08:00:00.000Z')
    ]);
    expect(fold.entries([user('u1'), user('u2')]).map((e) => [e.userId, e.logins])).toEqual([
      ['u2', 1]
    ]);
    expect(fold.lastSuccessfulLogin('u1')).toBeNull();
    expect(fold.lastSuccessfulLogin('u2')).toBe(at('2026-11-20T08:00:00.000Z'));
    expect(fold.loggedInWithin('u1', 7)).toBe(false);
  });

  it('ignores logins after T, even as the last login', () => {
    const fold = foldOf([
      success('u1', '2026-11-23T12:00:00.001Z'),
      success('u1', '2026-11-25T08:00:00.000Z'),
      success('u2', '2026-11-20T08:00:00.000Z'),
      success('u2', '2026-11-24T08:00:00.000Z')
    ]);
    expect(fold.entries([user('u1'), user('u2')]).map((e) => [e.userId, e.logins])).toEqual([
      ['u2', 1]
    ]);
    expect(fold.lastSuccessfulLogin('u1')).toBeNull();
    expect(fold.lastSuccessfulLogin('u2')).toBe(at('2026-11-20T08:00:00.000Z'));
  });

  it('keeps the last login from before both windows, in any row order', () => {
    const fold = foldOf([
      success('u1', '2026-05-01T08:00:00.000Z'),
      success('u1', '2026-06-01T08:00:00.000Z'),
      success('u1', '2026-05-15T08:00:00.000Z')
    ]);
    expect(fold.lastSuccessfulLogin('u1')).toBe(at('2026-06-01T08:00:00.000Z'));
    expect(fold.loggedInWithin('u1', 180)).toBe(true);
    expect(fold.loggedInWithin('u1', 90)).toBe(false);
    expect(fold.entries([user('u1')])).toEqual([]);
  });
});

describe('active days', () => {
  const days = (times: string[], timeZone: string, foldAsOf = asOf): number | null => {
    const fold = foldOf(
      times.map((time) => success('u1', time)),
      { timeZone, asOf: foldAsOf }
    );
    return fold.entries([user('u1')])[0].activeDays;
  };

  it('counts ten logins on one day once, and splits days at the zone midnight', () => {
    const sameDay = Array.from({ length: 10 }, (_, h) => `2026-11-20T0${h}:00:00.000Z`);
    expect(days(sameDay, 'UTC')).toBe(1);
    const aroundMidnight = ['2026-11-20T23:30:00.000Z', '2026-11-21T00:30:00.000Z'];
    expect(days(aroundMidnight, 'UTC')).toBe(2);
    expect(days(aroundMidnight, 'Europe/Berlin')).toBe(1);
  });

  it('takes Kathmandu (+05:45) midnight at 18:15 UTC', () => {
    expect(days(['2026-11-20T18:00:00.000Z', '2026-11-20T18:14:59.999Z'], 'Asia/Kathmandu')).toBe(
      1
    );
    expect(days(['2026-11-20T18:14:59.999Z', '2026-11-20T18:15:00.000Z'], 'Asia/Kathmandu')).toBe(
      2
    );
  });

  it('follows a daylight-saving change (New York falls back on 1 November 2026)', () => {
    const fallBackAsOf = new Date('2026-11-05T12:00:00.000Z');
    // Midnight of 1 Nov is 04:00Z (EDT); midnight of 2 Nov is 05:00Z (EST).
    expect(
      days(
        ['2026-11-01T04:00:00.000Z', '2026-11-02T04:59:59.999Z'],
        'America/New_York',
        fallBackAsOf
      )
    ).toBe(1);
    expect(
      days(
        ['2026-11-01T03:59:59.999Z', '2026-11-02T05:00:00.000Z'],
        'America/New_York',
        fallBackAsOf
      )
    ).toBe(2);
    expect(
      days(
        ['2026-11-01T03:59:59.999Z', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
        'America/New_York',
        fallBackAsOf
      )
    ).toBe(3);
  });

  it('stays exact where an offset is not a multiple of 15 minutes (Monrovia, 1971: −0:44:30)', () => {
    const monroviaAsOf = new Date('1971-06-12T00:00:00.000Z');
    const logins = ['1971-06-10T00:40:00.000Z', '1971-06-10T00:44:29.000Z'];
    expect(days(logins, 'Africa/Monrovia', monroviaAsOf)).toBe(1);
    expect(days([...logins, '1971-06-10T00:44:30.000Z'], 'Africa/Monrovia', monroviaAsOf)).toBe(2);
  });

  it('counts the current and the previous period apart, even on a shared date', () => {
    // T − 7×24h = 16 Nov 12:00Z: one login either side of it, on the same calendar date.
    const fold = foldOf([
      success('u1', '2026-11-16T11:00:00.000Z'),
      success('u1', '2026-11-16T13:00:00.000Z'),
      success('u1', '2026-11-17T13:00:00.000Z')
    ]);
    expect(fold.entries([user('u1')])[0]).toMatchObject({
      logins: 2,
      activeDays: 2,
      previousLogins: 1,
      previousActiveDays: 1
    });
  });

  it('counts every date of a long period (90 days: bitmaps of several words)', () => {
    const logins = Array.from({ length: 180 }, (_, day) =>
      success('u1', new Date(T - day * DAY_MS - 60_000).toISOString())
    );
    const entry = foldOf(logins, { periodDays: 90 }).entries([user('u1')])[0];
    expect(entry).toMatchObject({
      logins: 90,
      activeDays: 90,
      previousLogins: 90,
      previousActiveDays: 90
    });
  });
});

describe('population and input', () => {
  it('lists population users with a login in either period, in the order given', () => {
    const fold = foldOf([
      success('u3', '2026-11-22T08:00:00.000Z'),
      success('u1', '2026-11-12T08:00:00.000Z'),
      success('u2', '2026-11-22T08:00:00.000Z'),
      success('u4', '2026-11-22T08:00:00.000Z')
    ]);
    const users = [
      user('u1'),
      user('u2', { isActive: false }),
      user('u3', { role: null, region: null }),
      user('u4', { userType: 'PowerPartner' }),
      user('u5')
    ];
    expect(fold.entries(users).map((e) => [e.userId, e.logins, e.previousLogins, e.role])).toEqual([
      ['u1', 0, 1, 'Rep'],
      ['u3', 1, 0, null]
    ]);
    expect(fold.entries([])).toEqual([]);
  });

  it('keeps many users apart as its arrays grow', () => {
    const fold = createLoginFold({ asOf, timeZone: 'UTC', periodDays: 7 });
    for (let index = 0; index < 5000; index += 1) {
      for (let login = 0; login <= index % 4; login += 1) {
        fold.add(`u${index}`, T - (login + 1) * DAY_MS + 1, 'Success');
      }
    }
    const users = Array.from({ length: 5000 }, (_, index) => user(`u${index}`));
    const entries = fold.entries(users);
    expect(entries).toHaveLength(5000);
    expect(entries.map((e) => e.logins)).toEqual(users.map((_, index) => (index % 4) + 1));
    expect(entries[4999]).toMatchObject({ activeDays: 4, previousLogins: 0 });
  });

  it('names a successful login without a valid time, and skips failed ones', () => {
    const fold = createLoginFold({ asOf, timeZone: 'UTC', periodDays: 7 });
    fold.add('u1', Number.NaN, 'Invalid Password');
    expect(() => fold.add('u1', Number.NaN, 'Success')).toThrow(
      'LoginTime of a login by u1 is not a valid instant: NaN.'
    );
    expect(fold.lastSuccessfulLogin('u1')).toBeNull();
  });

  it('rejects a bad period, as-of instant or time zone', () => {
    expect(() => createLoginFold({ asOf, timeZone: 'UTC', periodDays: 0 })).toThrow(
      'A period must be a whole number of days of at least 1; got 0.'
    );
    expect(() =>
      createLoginFold({ asOf: new Date('nope'), timeZone: 'UTC', periodDays: 7 })
    ).toThrow('The login fold needs a valid as-of instant; got Invalid Date.');
    expect(() => createLoginFold({ asOf, timeZone: 'Mars/Olympus', periodDays: 7 })).toThrow(
      'Unknown time zone "Mars/Olympus"'
    );
  });
});
