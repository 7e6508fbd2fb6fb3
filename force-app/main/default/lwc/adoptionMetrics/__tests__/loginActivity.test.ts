import {
  buildLeaderboardEntries,
  buildLoginSummary,
  countActiveDays,
  isInPopulation,
  loginRate,
  loginRateBySlice
} from 'c/adoptionMetrics';
import type { LoginAttempt, PopulationUser } from 'c/adoptionMetrics';

const asOf = new Date('2026-11-23T12:00:00.000Z');

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

const login = (userId: string, loginTime: string, status = 'Success'): LoginAttempt => ({
  userId,
  loginTime,
  status
});

describe('population', () => {
  it('keeps active standard users and drops inactive and non-standard ones', () => {
    expect(isInPopulation(user('a'))).toBe(true);
    expect(isInPopulation(user('b', { isActive: false }))).toBe(false);
    expect(isInPopulation(user('c', { userType: 'PowerPartner' }))).toBe(false);
    expect(isInPopulation(user('d', { userType: null }))).toBe(false);
  });

  it('keeps every active user when the data carries no UserType', () => {
    expect(isInPopulation(user('a', { userType: undefined }))).toBe(true);
  });
});

describe('login.days.active', () => {
  it('counts distinct calendar dates, so ten logins on one day count once', () => {
    const times = Array.from(
      { length: 10 },
      (_, hour) => new Date(`2026-11-20T0${hour}:00:00.000Z`)
    );
    expect(countActiveDays(times, 'UTC')).toBe(1);
    expect(countActiveDays([], 'UTC')).toBe(0);
  });

  it('depends on the time zone at midnight boundaries', () => {
    const times = [new Date('2026-11-20T23:30:00.000Z'), new Date('2026-11-21T00:30:00.000Z')];
    expect(countActiveDays(times, 'UTC')).toBe(2);
    expect(countActiveDays(times, 'Europe/Berlin')).toBe(1);
  });
});

describe('buildLeaderboardEntries', () => {
  it('is empty for an empty org', () => {
    expect(buildLeaderboardEntries([], [], asOf, 7, 'UTC')).toEqual([]);
  });

  it('counts successful logins only, ignoring failed attempts', () => {
    const entries = buildLeaderboardEntries(
      [user('u1')],
      [
        login('u1', '2026-11-22T08:00:00Z'),
        login('u1', '2026-11-22T08:01:00Z', 'Invalid Password'),
        login('u1', '2026-11-21T08:00:00Z')
      ],
      asOf,
      7,
      'UTC'
    );
    expect(entries).toEqual([
      {
        userId: 'u1',
        name: 'User u1',
        role: 'Rep',
        region: 'EMEA',
        logins: 2,
        activeDays: 2,
        previousLogins: 0,
        previousActiveDays: 0
      }
    ]);
  });

  it('splits the current window from the previous one at the exact window edge', () => {
    const entries = buildLeaderboardEntries(
      [user('u1')],
      [
        login('u1', '2026-11-23T12:00:00.000Z'),
        login('u1', '2026-11-16T12:00:00.001Z'),
        login('u1', '2026-11-16T12:00:00.000Z'),
        login('u1', '2026-11-09T12:00:00.000Z'),
        login('u1', '2026-11-23T12:00:00.001Z')
      ],
      asOf,
      7,
      'UTC'
    );
    expect(entries[0]).toMatchObject({
      logins: 2,
      activeDays: 2,
      previousLogins: 1,
      previousActiveDays: 1
    });
  });

  it('keeps users with logins only in the previous window and drops users outside the population', () => {
    const entries = buildLeaderboardEntries(
      [user('u1'), user('u2', { isActive: false }), user('u3', { role: null, region: null })],
      [
        login('u1', '2026-11-12T08:00:00Z'),
        login('u2', '2026-11-22T08:00:00Z'),
        login('u3', '2026-11-22T08:00:00Z')
      ],
      asOf,
      7,
      'UTC'
    );
    expect(
      entries.map((entry) => [entry.userId, entry.logins, entry.previousLogins, entry.role])
    ).toEqual([
      ['u1', 0, 1, 'Rep'],
      ['u3', 1, 0, null]
    ]);
  });

  it('names a malformed login time', () => {
    expect(() =>
      buildLeaderboardEntries([user('u1')], [login('u1', 'not a date')], asOf, 7, 'UTC')
    ).toThrow('LoginTime of a login by u1 is not a valid ISO-8601 instant: "not a date".');
  });
});

describe('buildLoginSummary', () => {
  it('has no slices for an empty org', () => {
    expect(buildLoginSummary([], [], asOf, 'Division')).toEqual({
      asOf: asOf.toISOString(),
      regionField: 'Division',
      slices: []
    });
  });

  it('counts population, never-logged-in users and users active per window, per (role, region) cell', () => {
    const users = [
      user('u1'),
      user('u2'),
      user('u3', { lastLoginDate: null }),
      user('u4', { role: 'Manager', region: null }),
      user('u5', { isActive: false })
    ];
    const attempts = [
      login('u1', '2026-11-22T08:00:00Z'),
      login('u2', '2026-11-01T08:00:00Z'),
      login('u2', '2026-11-22T08:00:00Z', 'Failed'),
      login('u4', '2026-09-01T08:00:00Z'),
      login('u5', '2026-11-22T08:00:00Z'),
      login('u1', '2026-11-24T08:00:00Z')
    ];
    const summary = buildLoginSummary(users, attempts, asOf, 'Division');
    expect(summary.slices).toEqual([
      {
        role: 'Rep',
        region: 'EMEA',
        population: 3,
        neverLoggedIn: 1,
        windows: [
          { days: 7, loggedIn: 1 },
          { days: 30, loggedIn: 2 },
          { days: 90, loggedIn: 2 }
        ]
      },
      {
        role: 'Manager',
        region: null,
        population: 1,
        neverLoggedIn: 0,
        windows: [
          { days: 7, loggedIn: 0 },
          { days: 30, loggedIn: 0 },
          { days: 90, loggedIn: 1 }
        ]
      }
    ]);
    expect(loginRate(summary.slices, 30)).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(
      loginRateBySlice(summary.slices, 90, 'region').map((slice) => [
        slice.key,
        slice.numerator,
        slice.denominator
      ])
    ).toEqual([
      ['EMEA', 2, 3],
      ['(none)', 1, 1]
    ]);
  });
});
