import { NO_SLICE_DATA, compareSlices } from '../sliceComparison';
import type { SliceComparison } from '../sliceComparison';
import type { ParsedSettings } from '../dashboardSettings';
import type { KpiResult, SliceValue } from '../kpiResult';

const slice = (value: number, numerator = value, denominator = 1): SliceValue => ({
  value,
  numerator,
  denominator
});

const settings: ParsedSettings = {
  targets: {
    'login.rate.7d': { default: 0.8, byRole: { Manager: 0.5, '(none)': 0.7 } },
    'pipeline.open': { default: 1_000_000 }
  },
  cadences: {},
  baseline: {},
  focusKpis: [],
  problems: []
};

// Slice keys arrive in any order; (none) is not last here on purpose.
const current: KpiResult[] = [
  {
    id: 'pipeline.open',
    value: 2_450_000,
    numerator: 7,
    slices: {
      role: { Rep: slice(1_500_000, 3, 7), Manager: slice(950_000, 4, 7) },
      region: {}
    }
  },
  {
    id: 'tasks.pastDue',
    value: 3,
    slices: { role: { Manager: slice(3, 3, 5), Rep: slice(0, 0, 5) }, region: {} }
  },
  {
    id: 'login.rate.7d',
    value: 0.6,
    slices: {
      role: { '(none)': slice(0.7, 7, 10), Rep: slice(0.75, 3, 4), Manager: slice(0.3, 3, 10) },
      region: { '(none)': slice(0.6, 6, 10), EMEA: slice(0.85, 17, 20), AMER: slice(0.7, 7, 10) }
    }
  },
  { id: 'opps.wonLost', value: 0.5, slices: { role: { Rep: slice(0.5, 1, 2) } } },
  { id: 'login.rate.30d', value: 0.9 },
  {
    id: 'quality.fields.fillRate:Opportunity.NextStep',
    value: 0.4,
    slices: { role: {}, region: { EMEA: slice(0.4, 4, 10) } }
  }
];

function cellsOf(comparison: SliceComparison, kpiId: string) {
  const row = comparison.rows.find((candidate) => candidate.kpiId === kpiId);
  if (!row) throw new Error(`No row ${kpiId}`);
  return row.cells.map(({ sliceKey, value, formattedValue, status }) => [
    sliceKey,
    value,
    formattedValue,
    status
  ]);
}

describe('compareSlices by role', () => {
  const comparison = compareSlices(current, 'role', settings);

  it('lists every role any KPI has, alphabetically, (none) last', () => {
    expect(comparison.sliceKeys).toEqual(['Manager', 'Rep', '(none)']);
  });

  it('has a row per KPI with role slices, in catalog order', () => {
    expect(comparison.rows.map((row) => [row.kpiId, row.label, row.kind])).toEqual([
      ['login.rate.7d', 'Login rate (7 days)', 'rate'],
      ['opps.wonLost', 'Win rate', 'rate'],
      ['tasks.pastDue', 'Past-due tasks', 'list'],
      [
        'quality.fields.fillRate:Opportunity.NextStep',
        'Key fields filled in: Opportunity.NextStep',
        'rate'
      ],
      ['pipeline.open', 'Open pipeline', 'amount']
    ]);
  });

  it('judges each role against its own target', () => {
    // Manager 30% vs its 50%: red; Rep 75% vs the default 80%: amber; (none) 70% vs its 70%: green.
    expect(cellsOf(comparison, 'login.rate.7d')).toEqual([
      ['Manager', 0.3, '30%', 'red'],
      ['Rep', 0.75, '75%', 'amber'],
      ['(none)', 0.7, '70%', 'green']
    ]);
  });

  it('shows a rate a role has no data for as no data', () => {
    expect(cellsOf(comparison, 'opps.wonLost')).toEqual([
      ['Manager', null, NO_SLICE_DATA, null],
      ['Rep', 0.5, '50%', null],
      ['(none)', null, NO_SLICE_DATA, null]
    ]);
  });

  it('counts a role missing from a count as 0, judged on the count’s total', () => {
    // tasks.pastDue, target 0: 3 of 5 is beyond 10% of 5 (red); 0 is on target.
    expect(cellsOf(comparison, 'tasks.pastDue')).toEqual([
      ['Manager', 3, '3', 'red'],
      ['Rep', 0, '0', 'green'],
      ['(none)', 0, '0', 'green']
    ]);
  });

  it('judges an amount on its target, not on the count of opportunities', () => {
    // 950K is within 10% of the 1M target (amber); on a scale of 7 opportunities it would be red.
    expect(cellsOf(comparison, 'pipeline.open')).toEqual([
      ['Manager', 950_000, '950K', 'amber'],
      ['Rep', 1_500_000, '1.5M', 'green'],
      ['(none)', 0, '0', 'red']
    ]);
  });
});

describe('compareSlices by region', () => {
  const comparison = compareSlices(current, 'region', settings);

  it('uses the default target for every region, (none) included', () => {
    expect(comparison.sliceKeys).toEqual(['AMER', 'EMEA', '(none)']);
    // 60% is red against the default 80%, not amber against the (none) role's 70%.
    expect(cellsOf(comparison, 'login.rate.7d')).toEqual([
      ['AMER', 0.7, '70%', 'amber'],
      ['EMEA', 0.85, '85%', 'green'],
      ['(none)', 0.6, '60%', 'red']
    ]);
  });

  it('skips KPIs without region slices', () => {
    expect(comparison.rows.map((row) => row.kpiId)).toEqual([
      'login.rate.7d',
      'tasks.pastDue',
      'quality.fields.fillRate:Opportunity.NextStep',
      'pipeline.open'
    ]);
    expect(cellsOf(comparison, 'quality.fields.fillRate:Opportunity.NextStep')).toEqual([
      ['AMER', null, NO_SLICE_DATA, null],
      ['EMEA', 0.4, '40%', null],
      ['(none)', null, NO_SLICE_DATA, null]
    ]);
  });
});

describe('compareSlices edge cases', () => {
  it('is empty without results', () => {
    expect(compareSlices([], 'role', settings)).toEqual({ sliceKeys: [], rows: [] });
  });

  it('uses catalog targets without admin targets', () => {
    const comparison = compareSlices(current, 'role', { ...settings, targets: {} });
    expect(cellsOf(comparison, 'login.rate.7d').map((cell) => cell[3])).toEqual([
      'red',
      'amber',
      'amber'
    ]);
  });

  it('names an unknown KPI', () => {
    expect(() =>
      compareSlices([{ id: 'logins', value: 1, slices: { role: {} } }], 'role', settings)
    ).toThrow('Unknown KPI id "logins"');
  });
});
