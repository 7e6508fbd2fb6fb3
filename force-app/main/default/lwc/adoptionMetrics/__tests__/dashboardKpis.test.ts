import {
  DIRECTORY_LOGIN_KPIS,
  catalogIdOf,
  definitionOf,
  detailOf,
  directoryOf,
  evaluateKpiData,
  kpiCompleteness,
  kpiFromTallies,
  loginKpisFromDirectory,
  resultIdOf
} from '../dashboardKpis';
import type { DirectoryUser, KpiData, KpiTallies, UserTally } from '../dashboardContract';
import type { KpiResult } from '../kpiResult';

// T = 2026-11-23T12:00Z. The 7-day window starts (exclusive) at 2026-11-16T12:00Z.
const AS_OF = '2026-11-23T12:00:00.000Z';
const asOf = new Date(AS_OF);

function user(
  userId: string,
  role: string | null,
  region: string | null,
  lastLoginDate: string | null
): DirectoryUser {
  return { userId, name: `User ${userId}`, role, region, managerId: null, lastLoginDate };
}

/**
 * u1 logged in yesterday, u2 10 days ago, u3 never, u4 (no role, blank region) 40 days ago.
 * `ghost` appears in tallies below but not in the directory.
 */
const USERS: DirectoryUser[] = [
  user('u1', 'Rep', 'EMEA', '2026-11-22T12:00:00.000Z'),
  user('u2', 'Rep', 'AMER', '2026-11-13T12:00:00.000Z'),
  user('u3', 'Manager', 'EMEA', null),
  user('u4', null, '', '2026-10-14T12:00:00.000Z')
];
const directory = directoryOf(USERS);

const tally = (userId: string, numerator: number, denominator = 0): UserTally => ({
  userId,
  numerator,
  denominator
});

const share = (value: number, numerator: number, denominator: number) => ({
  value,
  numerator,
  denominator
});
const count = (value: number, total: number) => share(value, value, total);

function byId(results: readonly KpiResult[]): Map<string, KpiResult> {
  return new Map(results.map((result) => [result.id, result]));
}

describe('result ids', () => {
  it('names a gate field’s result after the KPI and the field', () => {
    expect(resultIdOf('quality.fields.fillRate', 'Opportunity.NextStep')).toBe(
      'quality.fields.fillRate:Opportunity.NextStep'
    );
    expect(resultIdOf('tasks.pastDue', null)).toBe('tasks.pastDue');
    expect(resultIdOf('tasks.pastDue')).toBe('tasks.pastDue');
    expect(resultIdOf('tasks.pastDue', '')).toBe('tasks.pastDue');
  });

  it('takes a result id apart into catalog id and detail', () => {
    expect(catalogIdOf('quality.fields.fillRate:Opportunity.NextStep')).toBe(
      'quality.fields.fillRate'
    );
    expect(detailOf('quality.fields.fillRate:Opportunity.NextStep')).toBe('Opportunity.NextStep');
    expect(catalogIdOf('login.rate.7d')).toBe('login.rate.7d');
    expect(detailOf('login.rate.7d')).toBeNull();
  });

  it('looks a result up in the catalog without its detail, and names an unknown id', () => {
    expect(definitionOf('quality.fields.fillRate:Account.Industry').label).toBe(
      'Key fields filled in'
    );
    expect(() => definitionOf('quality.widgets:Account.Industry')).toThrow(
      'Unknown KPI id "quality.widgets"'
    );
  });
});

describe('directoryOf', () => {
  it('maps each user to role and region', () => {
    expect([...directory.entries()]).toEqual([
      ['u1', { role: 'Rep', region: 'EMEA' }],
      ['u2', { role: 'Rep', region: 'AMER' }],
      ['u3', { role: 'Manager', region: 'EMEA' }],
      ['u4', { role: null, region: '' }]
    ]);
    expect(directoryOf([]).size).toBe(0);
  });
});

describe('kpiFromTallies', () => {
  describe('a rate (opps.wonLost: won / closed)', () => {
    it('is Σnumerator / Σdenominator, sliced per role and region as rates', () => {
      const result = kpiFromTallies(
        'opps.wonLost',
        [tally('u1', 3, 4), tally('u2', 1, 4), tally('u3', 0, 2), tally('ghost', 1, 2)],
        directory
      );
      // 5 won of 12 closed; the ghost (outside the directory) counts under (none).
      expect(result).toEqual({
        id: 'opps.wonLost',
        value: 5 / 12,
        numerator: 5,
        denominator: 12,
        slices: {
          role: {
            Manager: share(0, 0, 2),
            Rep: share(0.5, 4, 8),
            '(none)': share(0.5, 1, 2)
          },
          region: {
            AMER: share(0.25, 1, 4),
            EMEA: share(0.5, 3, 6),
            '(none)': share(0.5, 1, 2)
          }
        }
      });
      expect(result.records).toBeUndefined();
    });

    it('shows only the slices that have tallies: an empty slice has no rate', () => {
      expect(kpiFromTallies('opps.wonLost', [tally('u1', 1, 2)], directory).slices).toEqual({
        role: { Rep: share(0.5, 1, 2) },
        region: { EMEA: share(0.5, 1, 2) }
      });
    });

    it('is 0 when nothing is in the denominator', () => {
      expect(kpiFromTallies('leads.conversionRate', [tally('u2', 0, 0)], directory)).toEqual({
        id: 'leads.conversionRate',
        value: 0,
        numerator: 0,
        denominator: 0,
        slices: { role: { Rep: share(0, 0, 0) }, region: { AMER: share(0, 0, 0) } }
      });
      expect(kpiFromTallies('opps.wonLost', [], directory)).toEqual({
        id: 'opps.wonLost',
        value: 0,
        numerator: 0,
        denominator: 0,
        slices: { role: {}, region: {} }
      });
    });

    it('adds up a user reported twice', () => {
      const result = kpiFromTallies(
        'opps.wonLost',
        [tally('u1', 1, 2), tally('u1', 2, 3)],
        directory
      );
      expect(result).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
      expect(result.slices?.role).toEqual({ Rep: share(0.6, 3, 5) });
    });

    it('divides amounts: pipeline.late is the late share of the amount at 80% or more', () => {
      const result = kpiFromTallies(
        'pipeline.late',
        [tally('u1', 250_000, 1_000_000), tally('u3', 0, 500_000)],
        directory
      );
      expect(result).toMatchObject({ value: 250_000 / 1_500_000, numerator: 250_000 });
      expect(result.slices?.region).toEqual({ EMEA: share(1 / 6, 250_000, 1_500_000) });
    });
  });

  describe('a count (records.accounts.created: tallies without denominators)', () => {
    it('is Σnumerator, sliced as counts over every slice of the directory', () => {
      const result = kpiFromTallies(
        'records.accounts.created',
        [tally('u1', 5), tally('u2', 2), tally('ghost', 1)],
        directory
      );
      expect(result).toEqual({
        id: 'records.accounts.created',
        value: 8,
        numerator: 8,
        slices: {
          // Manager created nothing and still shows, at 0; u4 and the ghost are (none).
          role: { Manager: count(0, 8), Rep: count(7, 8), '(none)': count(1, 8) },
          region: { AMER: count(2, 8), EMEA: count(5, 8), '(none)': count(1, 8) }
        }
      });
      expect(Object.keys(result.slices?.role ?? {})).toEqual(['Manager', 'Rep', '(none)']);
      expect(result).not.toHaveProperty('denominator');
      expect(result).not.toHaveProperty('records');
    });

    it('puts everything under (none) with an empty directory', () => {
      expect(kpiFromTallies('tasks.pastDue', [tally('ghost', 2)], new Map())).toEqual({
        id: 'tasks.pastDue',
        value: 2,
        numerator: 2,
        slices: { role: { '(none)': count(2, 2) }, region: { '(none)': count(2, 2) } }
      });
      expect(kpiFromTallies('tasks.pastDue', [], new Map())).toEqual({
        id: 'tasks.pastDue',
        value: 0,
        numerator: 0,
        slices: { role: {}, region: {} }
      });
    });

    it('shows the directory’s slices at 0 when nothing was counted', () => {
      expect(kpiFromTallies('tasks.pastDue', [], directory).slices?.region).toEqual({
        AMER: count(0, 0),
        EMEA: count(0, 0),
        '(none)': count(0, 0)
      });
    });
  });

  it('keeps the population of a data-quality list as its denominator', () => {
    // quality.opps.missingAmount: 2 of u1's 10 open opportunities and 1 of u3's 5 lack an amount.
    expect(
      kpiFromTallies(
        'quality.opps.missingAmount',
        [tally('u1', 2, 10), tally('u3', 1, 5)],
        directory
      )
    ).toEqual({
      id: 'quality.opps.missingAmount',
      value: 3,
      numerator: 3,
      denominator: 15,
      slices: {
        role: { Manager: count(1, 3), Rep: count(2, 3), '(none)': count(0, 3) },
        region: { AMER: count(0, 3), EMEA: count(3, 3), '(none)': count(0, 3) }
      }
    });
  });

  it('reads pipeline.open as an amount with its count, like openPipeline', () => {
    expect(
      kpiFromTallies(
        'pipeline.open',
        [tally('u1', 1_500_000, 3), tally('u2', 250_000.5, 1)],
        directory
      )
    ).toEqual({
      id: 'pipeline.open',
      value: 1_750_000.5,
      numerator: 4,
      slices: {
        role: {
          Manager: share(0, 0, 4),
          Rep: share(1_750_000.5, 4, 4),
          '(none)': share(0, 0, 4)
        },
        region: {
          AMER: share(250_000.5, 1, 4),
          EMEA: share(1_500_000, 3, 4),
          '(none)': share(0, 0, 4)
        }
      }
    });
  });

  it('keeps the id of a fill rate, detail or not', () => {
    const tallies = [tally('u1', 3, 4)];
    expect(
      kpiFromTallies('quality.fields.fillRate', tallies, directory, 'Opportunity.NextStep')
    ).toMatchObject({ id: 'quality.fields.fillRate', value: 0.75 });
    expect(
      kpiFromTallies('quality.fields.fillRate:Account.Industry', tallies, directory)
    ).toMatchObject({ id: 'quality.fields.fillRate:Account.Industry', value: 0.75 });
  });

  it('names an id outside the catalog', () => {
    expect(() => kpiFromTallies('records.widgets.created', [], directory)).toThrow(RangeError);
    expect(() => kpiFromTallies('records.widgets.created', [], directory)).toThrow(
      'Unknown KPI id "records.widgets.created"'
    );
  });

  it('refuses rankings and trends, which do not come from tallies', () => {
    expect(() => kpiFromTallies('login.trend', [], directory)).toThrow(
      'login.trend is a trend KPI; it is not computed from per-user tallies.'
    );
    expect(() => kpiFromTallies('login.leaderboard', [], directory)).toThrow(RangeError);
  });

  it('names a tally that is not a number, with the gate field', () => {
    expect(() =>
      kpiFromTallies(
        'quality.fields.fillRate',
        [tally('u1', Number.NaN, 4)],
        directory,
        'Opportunity.NextStep'
      )
    ).toThrow(
      'The tally of user u1 for quality.fields.fillRate (Opportunity.NextStep) is NaN / 4; both must be finite numbers.'
    );
  });
});

describe('loginKpisFromDirectory', () => {
  const results = byId(loginKpisFromDirectory(USERS, asOf));

  it('returns the directory’s login KPIs in order', () => {
    expect(loginKpisFromDirectory(USERS, asOf).map((result) => result.id)).toEqual([
      'login.rate.7d',
      'login.inactive.7d',
      'login.rate.30d',
      'login.inactive.30d',
      'login.never'
    ]);
    expect(DIRECTORY_LOGIN_KPIS).toEqual([...results.keys()]);
  });

  it('rates logins in 7 days: 1 of 4, per role and region', () => {
    expect(results.get('login.rate.7d')).toEqual({
      id: 'login.rate.7d',
      value: 0.25,
      numerator: 1,
      denominator: 4,
      slices: {
        role: { Manager: share(0, 0, 1), Rep: share(0.5, 1, 2), '(none)': share(0, 0, 1) },
        region: { AMER: share(0, 0, 1), EMEA: share(0.5, 1, 2), '(none)': share(0, 0, 1) }
      }
    });
  });

  it('rates logins in 30 days: 2 of 4', () => {
    expect(results.get('login.rate.30d')).toMatchObject({
      value: 0.5,
      numerator: 2,
      denominator: 4,
      slices: { role: { Manager: share(0, 0, 1), Rep: share(1, 2, 2), '(none)': share(0, 0, 1) } }
    });
  });

  it('lists the inactive users, never-logged-in included, with the population', () => {
    expect(results.get('login.inactive.7d')).toEqual({
      id: 'login.inactive.7d',
      value: 3,
      numerator: 3,
      denominator: 4,
      records: ['u2', 'u3', 'u4'],
      slices: {
        role: { Manager: count(1, 3), Rep: count(1, 3), '(none)': count(1, 3) },
        region: { AMER: count(1, 3), EMEA: count(1, 3), '(none)': count(1, 3) }
      }
    });
    expect(results.get('login.inactive.30d')).toEqual({
      id: 'login.inactive.30d',
      value: 2,
      numerator: 2,
      denominator: 4,
      records: ['u3', 'u4'],
      slices: {
        role: { Manager: count(1, 2), Rep: count(0, 2), '(none)': count(1, 2) },
        region: { AMER: count(0, 2), EMEA: count(1, 2), '(none)': count(1, 2) }
      }
    });
  });

  it('lists the users who never logged in', () => {
    expect(results.get('login.never')).toEqual({
      id: 'login.never',
      value: 1,
      numerator: 1,
      denominator: 4,
      records: ['u3'],
      slices: {
        role: { Manager: count(1, 1), Rep: count(0, 1), '(none)': count(0, 1) },
        region: { AMER: count(0, 1), EMEA: count(1, 1), '(none)': count(0, 1) }
      }
    });
  });

  it('counts a login strictly after T − 7×24h, and a blank date as never', () => {
    const edge = [
      user('atStart', 'Rep', 'EMEA', '2026-11-16T12:00:00.000Z'),
      user('justAfter', 'Rep', 'EMEA', '2026-11-16T12:00:00.001Z'),
      user('blank', 'Rep', 'EMEA', '  ')
    ];
    const edgeResults = byId(loginKpisFromDirectory(edge, asOf));
    expect(edgeResults.get('login.inactive.7d')?.records).toEqual(['atStart', 'blank']);
    expect(edgeResults.get('login.never')?.records).toEqual(['blank']);
  });

  it('counts a last login after T as a login in the window (LastLoginDate > T − N days)', () => {
    const later = [user('later', 'Rep', 'EMEA', '2026-11-24T08:00:00.000Z')];
    expect(byId(loginKpisFromDirectory(later, asOf)).get('login.rate.7d')?.value).toBe(1);
  });

  it('is 0 of 0 for an empty directory', () => {
    const empty = byId(loginKpisFromDirectory([], asOf));
    expect(empty.get('login.rate.7d')).toEqual({
      id: 'login.rate.7d',
      value: 0,
      numerator: 0,
      denominator: 0,
      slices: { role: {}, region: {} }
    });
    expect(empty.get('login.never')).toEqual({
      id: 'login.never',
      value: 0,
      numerator: 0,
      denominator: 0,
      records: [],
      slices: { role: {}, region: {} }
    });
  });

  it('names a malformed last login', () => {
    expect(() => loginKpisFromDirectory([user('u9', 'Rep', 'EMEA', 'yesterday')], asOf)).toThrow(
      'LastLoginDate of user u9 is not a valid ISO-8601 instant: "yesterday".'
    );
  });
});

describe('evaluateKpiData', () => {
  const kpiTallies = (overrides: Partial<KpiTallies> & { kpiId: string }): KpiTallies => ({
    detail: null,
    current: [],
    previous: null,
    complete: true,
    ...overrides
  });
  const data: KpiData = {
    asOf: AS_OF,
    family: 'quality',
    periodDays: 30,
    users: USERS,
    usersComplete: true,
    tallies: [
      kpiTallies({
        kpiId: 'records.accounts.created',
        current: [tally('u1', 2)],
        previous: [tally('u1', 1), tally('u2', 1)]
      }),
      kpiTallies({ kpiId: 'opps.neglected.pastClose', current: [tally('u2', 3)], complete: false }),
      kpiTallies({
        kpiId: 'quality.fields.fillRate',
        detail: 'Opportunity.NextStep',
        current: [tally('u1', 1, 2)]
      }),
      kpiTallies({
        kpiId: 'quality.fields.fillRate',
        detail: 'Account.Industry',
        current: [tally('u3', 3, 3)]
      })
    ]
  };

  it('evaluates the login KPIs, then each KPI’s tallies, one result per gate field', () => {
    const { current } = evaluateKpiData(data);
    expect(current.map((result) => result.id)).toEqual([
      ...DIRECTORY_LOGIN_KPIS,
      'records.accounts.created',
      'opps.neglected.pastClose',
      'quality.fields.fillRate:Opportunity.NextStep',
      'quality.fields.fillRate:Account.Industry'
    ]);
    const results = byId(current);
    expect(results.get('login.rate.7d')?.value).toBe(0.25);
    expect(results.get('records.accounts.created')?.value).toBe(2);
    expect(results.get('opps.neglected.pastClose')?.value).toBe(3);
    expect(results.get('quality.fields.fillRate:Opportunity.NextStep')).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2
    });
    expect(results.get('quality.fields.fillRate:Account.Industry')?.value).toBe(1);
  });

  it('evaluates the previous period of windowed KPIs only, under the same id', () => {
    const { previous } = evaluateKpiData(data);
    expect([...previous.keys()]).toEqual(['records.accounts.created']);
    expect(previous.get('records.accounts.created')).toMatchObject({
      id: 'records.accounts.created',
      value: 2,
      slices: { region: { AMER: count(1, 2), EMEA: count(1, 2), '(none)': count(0, 2) } }
    });
  });

  it('names a gate field’s previous period after the field', () => {
    const withPrevious: KpiData = {
      ...data,
      tallies: [
        kpiTallies({
          kpiId: 'quality.fields.fillRate',
          detail: 'Account.Industry',
          current: [tally('u1', 1, 1)],
          previous: [tally('u1', 0, 1)]
        })
      ]
    };
    expect(
      evaluateKpiData(withPrevious).previous.get('quality.fields.fillRate:Account.Industry')
    ).toMatchObject({ id: 'quality.fields.fillRate:Account.Industry', value: 0 });
  });

  it('names a malformed asOf and an unknown KPI', () => {
    expect(() => evaluateKpiData({ ...data, asOf: 'now' })).toThrow(
      'The KPI data asOf is not a valid ISO-8601 instant: "now".'
    );
    expect(() =>
      evaluateKpiData({ ...data, tallies: [kpiTallies({ kpiId: 'records.widgets.created' })] })
    ).toThrow('Unknown KPI id "records.widgets.created"');
  });

  describe('kpiCompleteness', () => {
    it('marks a KPI whose query stopped at its row budget incomplete', () => {
      const complete = kpiCompleteness(data);
      expect(Object.fromEntries(complete)).toEqual({
        'login.rate.7d': true,
        'login.inactive.7d': true,
        'login.rate.30d': true,
        'login.inactive.30d': true,
        'login.never': true,
        'records.accounts.created': true,
        'opps.neglected.pastClose': false,
        'quality.fields.fillRate:Opportunity.NextStep': true,
        'quality.fields.fillRate:Account.Industry': true
      });
    });

    it('marks every KPI incomplete when the directory was cut short', () => {
      const complete = kpiCompleteness({ ...data, usersComplete: false });
      expect([...complete.values()].every((value) => value === false)).toBe(true);
      expect(complete.size).toBe(9);
    });
  });
});
