import {
  NO_BASELINE,
  NO_TARGET,
  buildKpiCards,
  compareByCatalog,
  formatKpiValue,
  kpiLabel
} from '../kpiCards';
import type { KpiCard } from '../kpiCards';
import type { ParsedSettings } from '../dashboardSettings';
import type { KpiResult } from '../kpiResult';

function parsed(overrides: Partial<ParsedSettings> = {}): ParsedSettings {
  return { targets: {}, cadences: {}, baseline: {}, focusKpis: [], problems: [], ...overrides };
}

const result = (id: string, value: number, extra: Partial<KpiResult> = {}): KpiResult => ({
  id,
  value,
  ...extra
});

function cardOf(cards: readonly KpiCard[], id: string): KpiCard {
  const card = cards.find((candidate) => candidate.id === id);
  if (!card) throw new Error(`No card ${id}`);
  return card;
}

describe('formatKpiValue', () => {
  it.each([
    ['rate', 0.82, '82%'],
    ['rate', 0.625, '62.5%'],
    ['rate', 0, '0%'],
    ['rate', 1, '100%'],
    ['count', 1234, '1,234'],
    ['count', 0, '0'],
    ['list', 12, '12'],
    ['count', 2.25, '2.3'],
    ['amount', 1_200_000, '1.2M'],
    ['amount', 1_250_000, '1.3M'],
    ['amount', 950, '950'],
    ['amount', 1234, '1.2K'],
    ['amount', -1_500_000, '-1.5M'],
    ['amount', 2_500_000_000, '2.5B']
  ] as const)('formats a %s of %p as %p', (kind, value, formatted) => {
    expect(formatKpiValue(kind, value)).toBe(formatted);
  });

  it('assumes no currency for an amount', () => {
    expect(formatKpiValue('amount', 1_200_000)).not.toMatch(/[$€£¥]/);
  });
});

describe('kpiLabel', () => {
  it('is the catalog label, with the gate field of a fill rate', () => {
    expect(kpiLabel('login.rate.7d')).toBe('Login rate (7 days)');
    expect(kpiLabel('quality.fields.fillRate:Opportunity.NextStep')).toBe(
      'Key fields filled in: Opportunity.NextStep'
    );
    expect(kpiLabel('quality.fields.fillRate')).toBe('Key fields filled in');
  });

  it('names an unknown KPI', () => {
    expect(() => kpiLabel('quality.widgets')).toThrow('Unknown KPI id "quality.widgets"');
  });
});

describe('compareByCatalog', () => {
  it('orders result ids as the catalog does, gate fields with their KPI', () => {
    const ids = [
      'pipeline.open',
      'quality.fields.fillRate:Opportunity.NextStep',
      'tasks.pastDue',
      'login.never',
      'quality.fields.fillRate:Account.Industry',
      'login.rate.7d',
      'quality.duplicates'
    ];
    expect([...ids].sort(compareByCatalog)).toEqual([
      'login.rate.7d',
      'login.never',
      'tasks.pastDue',
      'quality.fields.fillRate:Opportunity.NextStep',
      'quality.fields.fillRate:Account.Industry',
      'quality.duplicates',
      'pipeline.open'
    ]);
  });
});

describe('buildKpiCards', () => {
  const settings = parsed({
    targets: {
      'login.rate.7d': { default: 0.8, byRole: { 'Sales Rep': 0.9, '(none)': 0.7 } },
      'quality.fields.fillRate:Opportunity.NextStep': { default: 0.6 }
    },
    baseline: {
      'login.rate.7d': 0.55,
      'quality.fields.fillRate:Opportunity.NextStep': 0.4,
      'quality.fields.fillRate': 0.1
    },
    focusKpis: ['tasks.pastDue', 'login.rate.7d']
  });

  const current: KpiResult[] = [
    result('records.accounts.created', 10, { numerator: 10 }),
    result('pipeline.open', 1_200_000, { numerator: 14 }),
    result('tasks.pastDue', 4, { numerator: 4 }),
    result('login.rate.7d', 0.72, { numerator: 18, denominator: 25 }),
    result('quality.fields.fillRate:Opportunity.NextStep', 0.5, { numerator: 5, denominator: 10 }),
    result('quality.fields.fillRate:Account.Industry', 0.9, { numerator: 9, denominator: 10 })
  ];
  const previous = new Map<string, KpiResult>([
    ['login.rate.7d', result('login.rate.7d', 0.62, { numerator: 15, denominator: 25 })],
    ['tasks.pastDue', result('tasks.pastDue', 6)],
    ['pipeline.open', result('pipeline.open', 1_200_040)],
    ['quality.fields.fillRate:Account.Industry', result('quality.fields.fillRate', 0.9)]
  ]);
  const cards = buildKpiCards(current, previous, settings);

  it('benchmarks a rate: value, baseline, target, status, trend, all in words', () => {
    expect(cardOf(cards, 'login.rate.7d')).toEqual({
      id: 'login.rate.7d',
      label: 'Login rate (7 days)',
      section: 1,
      kind: 'rate',
      value: 0.72,
      formattedValue: '72%',
      baseline: 0.55,
      formattedBaseline: '55%',
      target: 0.8,
      formattedTarget: '80%',
      status: 'amber',
      statusLabel: 'Within 10 points',
      trend: 'up',
      trendIcon: 'utility:arrowup',
      trendLabel: 'Up from 62% last period',
      isFocus: true,
      complete: true,
      numerator: 18,
      denominator: 25
    });
  });

  it('benchmarks a count where lower is better, without a population', () => {
    const card = cardOf(cards, 'tasks.pastDue');
    expect(card).toMatchObject({
      label: 'Past-due tasks',
      section: 3,
      kind: 'list',
      formattedValue: '4',
      baseline: null,
      formattedBaseline: NO_BASELINE,
      target: 0,
      formattedTarget: '0',
      status: 'red',
      statusLabel: 'Below target',
      trend: 'down',
      trendIcon: 'utility:arrowdown',
      trendLabel: 'Down from 6 last period',
      numerator: 4
    });
    expect(card).not.toHaveProperty('denominator');
  });

  it('has no status or trend without a target or an earlier period', () => {
    expect(cardOf(cards, 'records.accounts.created')).toMatchObject({
      target: null,
      formattedTarget: NO_TARGET,
      status: null,
      statusLabel: 'No target',
      trend: null,
      trendIcon: null,
      trendLabel: 'No earlier period yet',
      isFocus: false
    });
  });

  it('reads a move too small to show as unchanged', () => {
    expect(cardOf(cards, 'pipeline.open')).toMatchObject({
      formattedValue: '1.2M',
      trend: 'flat',
      trendIcon: 'utility:dash',
      trendLabel: 'Unchanged from 1.2M last period'
    });
    expect(cardOf(cards, 'quality.fields.fillRate:Account.Industry')).toMatchObject({
      trend: 'flat',
      trendLabel: 'Unchanged from 90% last period'
    });
  });

  it('gives each gate field its own label, target and baseline', () => {
    expect(cardOf(cards, 'quality.fields.fillRate:Opportunity.NextStep')).toMatchObject({
      label: 'Key fields filled in: Opportunity.NextStep',
      section: 4,
      kind: 'rate',
      formattedValue: '50%',
      baseline: 0.4,
      target: 0.6,
      status: 'amber'
    });
    // A baseline belongs to one result: the KPI-wide one is not a gate field's.
    expect(cardOf(cards, 'quality.fields.fillRate:Account.Industry')).toMatchObject({
      baseline: null,
      target: null,
      statusLabel: 'No target'
    });
  });

  it('applies the viewer’s role target', () => {
    const rate = [current[3]];
    const status = (role: string | null | undefined) =>
      buildKpiCards(rate, previous, settings, { role })[0];
    expect(status('Sales Rep')).toMatchObject({
      target: 0.9,
      status: 'red',
      statusLabel: 'Below target'
    });
    expect(status('Executive')).toMatchObject({ target: 0.8, status: 'amber' });
    expect(status(null)).toMatchObject({ target: 0.7, status: 'green', statusLabel: 'On target' });
    expect(status(undefined)).toMatchObject({ target: 0.8 });
  });

  it('marks the results whose figures are incomplete', () => {
    const complete = new Map([
      ['tasks.pastDue', false],
      ['login.rate.7d', true]
    ]);
    const withCompleteness = buildKpiCards(current, previous, settings, { complete });
    expect(cardOf(withCompleteness, 'tasks.pastDue').complete).toBe(false);
    expect(cardOf(withCompleteness, 'login.rate.7d').complete).toBe(true);
    expect(cardOf(withCompleteness, 'pipeline.open').complete).toBe(true);
  });

  it('orders cards as the catalog does', () => {
    expect(cards.map((card) => card.id)).toEqual([
      'login.rate.7d',
      'records.accounts.created',
      'tasks.pastDue',
      'quality.fields.fillRate:Opportunity.NextStep',
      'quality.fields.fillRate:Account.Industry',
      'pipeline.open'
    ]);
  });

  it('leads with the focus KPIs in the admin’s order when asked', () => {
    const focused = buildKpiCards(current, previous, settings, { focusFirst: true });
    expect(focused.map((card) => card.id)).toEqual([
      'tasks.pastDue',
      'login.rate.7d',
      'records.accounts.created',
      'quality.fields.fillRate:Opportunity.NextStep',
      'quality.fields.fillRate:Account.Industry',
      'pipeline.open'
    ]);
    expect(focused.map((card) => card.isFocus)).toEqual([true, true, false, false, false, false]);
  });

  it('puts every gate field in focus when the fill-rate KPI is', () => {
    const focusFillRate = parsed({
      focusKpis: ['quality.fields.fillRate:Account.Industry', 'quality.fields.fillRate']
    });
    const focused = buildKpiCards(current, new Map(), focusFillRate, { focusFirst: true });
    expect(focused.slice(0, 2).map((card) => [card.id, card.isFocus])).toEqual([
      ['quality.fields.fillRate:Account.Industry', true],
      ['quality.fields.fillRate:Opportunity.NextStep', true]
    ]);
  });

  it('makes no cards from no results, and names an unknown KPI', () => {
    expect(buildKpiCards([], new Map(), settings)).toEqual([]);
    expect(() => buildKpiCards([result('logins', 1)], new Map(), settings)).toThrow(
      'Unknown KPI id "logins"'
    );
  });
});
