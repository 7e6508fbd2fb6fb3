import {
  HIGH_PROBABILITY_PERCENT,
  latePipeline,
  openPipeline,
  pipelineSnapshot,
  pipelineTrend
} from '../pipelineKpis';
import type { PipelineSnapshot } from '../pipelineKpis';
import type { UserDirectory } from '../kpiResult';
import type { OpportunityQualityFields } from '../qualityRecords';

/** u3 has a blank role and region; `ghost` is missing from the directory. */
const directory: UserDirectory = new Map([
  ['u1', { role: 'Rep', region: 'EMEA' }],
  ['u2', { role: 'Manager', region: 'AMER' }],
  ['u3', { role: null, region: null }]
]);

function opp(
  id: string,
  ownerId: string,
  fields: Partial<OpportunityQualityFields> = {}
): OpportunityQualityFields {
  return {
    id,
    ownerId,
    isClosed: false,
    amount: 100,
    closeDate: '2024-06-30',
    probability: 50,
    stageName: 'Negotiation',
    ...fields
  };
}

const emptySlices = { role: {}, region: {} };

describe('pipeline.open', () => {
  it('is an empty pipeline without opportunities', () => {
    expect(openPipeline([], directory)).toEqual({
      id: 'pipeline.open',
      value: 0,
      numerator: 0,
      slices: emptySlices
    });
  });

  it('is one opportunity’s amount for one opportunity', () => {
    expect(openPipeline([opp('o1', 'u2', { amount: 250 })], directory)).toEqual({
      id: 'pipeline.open',
      value: 250,
      numerator: 1,
      slices: {
        role: { Manager: { value: 250, numerator: 1, denominator: 1 } },
        region: { AMER: { value: 250, numerator: 1, denominator: 1 } }
      }
    });
  });

  it('sums open amounts (a blank amount adds 0) and slices amount and count by owner', () => {
    const result = openPipeline(
      [
        opp('o1', 'u1', { amount: 100 }),
        opp('o2', 'u1', { amount: null }),
        opp('o3', 'u2', { amount: 250.5 }),
        opp('o4', 'ghost', { amount: 50 }),
        opp('o5', 'u3', { amount: Number.NaN }),
        opp('o6', 'u1', { amount: 1000, isClosed: true })
      ],
      directory
    );
    expect(result).toEqual({
      id: 'pipeline.open',
      value: 400.5,
      numerator: 5,
      slices: {
        role: {
          Manager: { value: 250.5, numerator: 1, denominator: 5 },
          Rep: { value: 100, numerator: 2, denominator: 5 },
          '(none)': { value: 50, numerator: 2, denominator: 5 }
        },
        region: {
          AMER: { value: 250.5, numerator: 1, denominator: 5 },
          EMEA: { value: 100, numerator: 2, denominator: 5 },
          '(none)': { value: 50, numerator: 2, denominator: 5 }
        }
      }
    });
  });

  it('is empty when every opportunity is closed', () => {
    expect(openPipeline([opp('o1', 'u1', { isClosed: true })], directory)).toEqual({
      id: 'pipeline.open',
      value: 0,
      numerator: 0,
      slices: emptySlices
    });
  });
});

describe('pipeline.late', () => {
  // 02:00 UTC on 10 March is 18:00 on 9 March in Los Angeles (UTC−8).
  const asOf = new Date('2024-03-10T02:00:00Z');
  const opportunities = [
    opp('p5', 'ghost', { probability: 85, amount: 600, closeDate: null }),
    opp('p1', 'u1', { probability: 80, amount: 100, closeDate: '2024-03-08' }),
    opp('p2', 'u1', { probability: 90, amount: 300, closeDate: '2024-03-09' }),
    opp('p3', 'u2', { probability: 79, amount: 1000, closeDate: '2024-01-01' }),
    opp('p4', 'u2', { probability: 100, amount: null, closeDate: '2024-01-01' }),
    opp('p6', 'u1', { probability: 100, amount: 5000, closeDate: '2024-01-01', isClosed: true }),
    opp('p7', 'u2', { probability: null, amount: 700, closeDate: '2024-01-01' })
  ];

  it('reads at or above 80%', () => {
    expect(HIGH_PROBABILITY_PERCENT).toBe(80);
  });

  it('is 0 of 0 without opportunities', () => {
    expect(latePipeline([], directory, { asOf, timeZone: 'UTC' })).toEqual({
      id: 'pipeline.late',
      value: 0,
      numerator: 0,
      denominator: 0,
      slices: emptySlices,
      records: []
    });
  });

  it('is the late share by amount of the open pipeline at 80% or more, in the time zone', () => {
    // Denominator: p1 100 + p2 300 + p4 0 + p5 600 = 1000. Late before 9 March: p1, p4 (0).
    const result = latePipeline(opportunities, directory, {
      asOf,
      timeZone: 'America/Los_Angeles'
    });
    expect(result).toEqual({
      id: 'pipeline.late',
      value: 0.1,
      numerator: 100,
      denominator: 1000,
      slices: {
        role: {
          Manager: { value: 0, numerator: 0, denominator: 0 },
          Rep: { value: 0.25, numerator: 100, denominator: 400 },
          '(none)': { value: 0, numerator: 0, denominator: 600 }
        },
        region: {
          AMER: { value: 0, numerator: 0, denominator: 0 },
          EMEA: { value: 0.25, numerator: 100, denominator: 400 },
          '(none)': { value: 0, numerator: 0, denominator: 600 }
        }
      },
      records: ['p1', 'p4']
    });
  });

  it('takes a close date of date(T) as not yet late', () => {
    // In UTC date(T) is 10 March, so p2 (9 March) is late too: 100 + 300 of 1000.
    const result = latePipeline(opportunities, directory, { asOf, timeZone: 'UTC' });
    expect(result).toMatchObject({ value: 0.4, numerator: 400, denominator: 1000 });
    expect(result.records).toEqual(['p1', 'p2', 'p4']);
    expect(result.slices?.role?.Rep).toEqual({ value: 1, numerator: 400, denominator: 400 });
  });

  it('is 1 for one late opportunity and 0 when it closes today', () => {
    const late = opp('x', 'u1', { probability: 95, amount: 50, closeDate: '2024-03-09' });
    expect(latePipeline([late], directory, { asOf, timeZone: 'UTC' })).toMatchObject({
      value: 1,
      numerator: 50,
      denominator: 50
    });
    expect(
      latePipeline([{ ...late, closeDate: '2024-03-10' }], directory, { asOf, timeZone: 'UTC' })
    ).toMatchObject({ value: 0, numerator: 0, denominator: 50, records: [] });
  });

  it('never counts a blank close date as late', () => {
    const blank = opp('x', 'u1', { probability: 95, amount: 50, closeDate: '  ' });
    expect(latePipeline([blank], directory, { asOf, timeZone: 'UTC' })).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 50
    });
  });

  it('names a malformed close date', () => {
    const malformed = opp('p9', 'u1', { probability: 95, closeDate: '03/01/2024' });
    expect(() => latePipeline([malformed], directory, { asOf, timeZone: 'UTC' })).toThrow(
      'CloseDate of p9 is not a calendar date (YYYY-MM-DD): "03/01/2024".'
    );
  });

  it('refuses an unknown time zone', () => {
    expect(() => latePipeline([], directory, { asOf, timeZone: 'Mars/Olympus' })).toThrow(
      RangeError
    );
  });
});

describe('pipelineSnapshot', () => {
  it('records date(T), the open amount and the open count', () => {
    expect(
      pipelineSnapshot(
        [
          opp('o1', 'u1', { amount: 100 }),
          opp('o2', 'u2', { amount: null }),
          opp('o3', 'u1', { amount: 900, isClosed: true })
        ],
        { asOf: new Date('2024-03-10T02:00:00Z'), timeZone: 'America/Los_Angeles' }
      )
    ).toEqual({ date: '2024-03-09', amount: 100, count: 2 });
  });

  it('is an empty pipeline without opportunities', () => {
    expect(
      pipelineSnapshot([], { asOf: new Date('2024-03-10T02:00:00Z'), timeZone: 'UTC' })
    ).toEqual({ date: '2024-03-10', amount: 0, count: 0 });
  });
});

describe('pipelineTrend', () => {
  const snap = (date: string, amount: number, count: number): PipelineSnapshot => ({
    date,
    amount,
    count
  });

  it('has no change without snapshots', () => {
    expect(pipelineTrend([])).toEqual({
      points: [],
      first: null,
      last: null,
      delta: 0,
      countDelta: 0,
      deltaPct: null
    });
  });

  it('has no change over one snapshot', () => {
    const only = snap('2024-03-01', 1000, 10);
    expect(pipelineTrend([only])).toEqual({
      points: [only],
      first: only,
      last: only,
      delta: 0,
      countDelta: 0,
      deltaPct: 0
    });
  });

  it('compares the earliest and the latest snapshot whatever their order', () => {
    const input = [
      snap('2024-03-03', 1500, 12),
      snap('2024-03-01', 1000, 10),
      snap('2024-03-02', 800, 9)
    ];
    expect(pipelineTrend(input)).toEqual({
      points: [
        snap('2024-03-01', 1000, 10),
        snap('2024-03-02', 800, 9),
        snap('2024-03-03', 1500, 12)
      ],
      first: snap('2024-03-01', 1000, 10),
      last: snap('2024-03-03', 1500, 12),
      delta: 500,
      countDelta: 2,
      deltaPct: 0.5
    });
    expect(input[0].date).toBe('2024-03-03');
  });

  it('reports a decline as a negative change', () => {
    expect(
      pipelineTrend([snap('2024-03-01', 2000, 20), snap('2024-03-15', 1500, 14)])
    ).toMatchObject({ delta: -500, countDelta: -6, deltaPct: -0.25 });
  });

  it('has no percentage change from an empty pipeline', () => {
    expect(pipelineTrend([snap('2024-03-01', 0, 0), snap('2024-03-15', 700, 3)])).toMatchObject({
      delta: 700,
      countDelta: 3,
      deltaPct: null
    });
  });

  it('names two snapshots of one day, a malformed date and a missing one', () => {
    expect(() =>
      pipelineTrend([snap('2024-03-01', 1, 1), snap('2024-03-02', 1, 1), snap('2024-03-01', 2, 2)])
    ).toThrow('Two pipeline snapshots are dated 2024-03-01: keep one per day.');
    expect(() => pipelineTrend([snap('2024-3-1', 1, 1)])).toThrow(
      'A pipeline snapshot date is not a calendar date (YYYY-MM-DD): "2024-3-1".'
    );
    expect(() => pipelineTrend([snap('', 1, 1)])).toThrow('A pipeline snapshot has no date.');
  });
});
