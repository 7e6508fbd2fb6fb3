import {
  AMBER_BAND,
  FOCUS_HOLD_PERIODS,
  FOCUS_LEVEL,
  attainment,
  benchmark,
  benchmarkKpi,
  holdsAtFocusLevel,
  isTrendGood,
  kpiStatus,
  nextFocusKpi,
  statusScale,
  targetFor,
  trend
} from '../benchmark';
import type { KpiResult } from '../kpiResult';

describe('kpiStatus', () => {
  it('uses a band of 10 points', () => {
    expect(AMBER_BAND).toBe(0.1);
  });

  describe('a rate where higher is better (target 80%)', () => {
    it.each([
      [0.95, 'green'],
      [0.8, 'green'],
      [8 / 10, 'green'],
      [0.75, 'amber'],
      [0.7, 'amber'],
      [7 / 10, 'amber'],
      [0.699, 'red'],
      [0.7 - 1e-6, 'red'],
      [0, 'red']
    ])('%p is %p', (value, status) => {
      expect(kpiStatus(value, 0.8, 'higherIsBetter')).toBe(status);
    });

    it('is green at 100% of a 100% target and amber at 90%', () => {
      expect(kpiStatus(1, 1, 'higherIsBetter')).toBe('green');
      expect(kpiStatus(0.9, 1, 'higherIsBetter')).toBe('amber');
      expect(kpiStatus(0.89, 1, 'higherIsBetter')).toBe('red');
    });

    it('is amber exactly 10 points below a 90% target', () => {
      expect(kpiStatus(0.8, 0.9, 'higherIsBetter')).toBe('amber');
      expect(kpiStatus(0.79, 0.9, 'higherIsBetter')).toBe('red');
    });
  });

  describe('a rate where lower is better (late pipeline, target 10%)', () => {
    it.each([
      [0, 'green'],
      [0.1, 'green'],
      [0.15, 'amber'],
      [0.2, 'amber'],
      [0.2001, 'red'],
      [1, 'red']
    ])('%p is %p', (value, status) => {
      expect(kpiStatus(value, 0.1, 'lowerIsBetter')).toBe(status);
    });
  });

  describe('a count where lower is better (0 inactive users of 50)', () => {
    it.each([
      [0, 'green'],
      [1, 'amber'],
      [5, 'amber'],
      [6, 'red'],
      [50, 'red']
    ])('%p users is %p', (value, status) => {
      expect(kpiStatus(value, 0, 'lowerIsBetter', 50)).toBe(status);
    });

    it('has no amber band without a scale', () => {
      expect(kpiStatus(0, 0, 'lowerIsBetter', 0)).toBe('green');
      expect(kpiStatus(1, 0, 'lowerIsBetter', 0)).toBe('red');
    });
  });

  it('is amber from 90% of a count target where higher is better (scale = target)', () => {
    expect(kpiStatus(50, 50, 'higherIsBetter', 50)).toBe('green');
    expect(kpiStatus(45, 50, 'higherIsBetter', 50)).toBe('amber');
    expect(kpiStatus(44, 50, 'higherIsBetter', 50)).toBe('red');
  });

  it('has no status without a target or a direction', () => {
    expect(kpiStatus(0.5, null, 'higherIsBetter')).toBeNull();
    expect(kpiStatus(3, 1, 'none')).toBeNull();
  });
});

describe('statusScale', () => {
  it('is 1 for a rate, whatever its population', () => {
    expect(statusScale('rate', 0.8, 200)).toBe(1);
    expect(statusScale('rate', null)).toBe(1);
  });

  it('is the population of a count or list when known', () => {
    expect(statusScale('list', 0, 50)).toBe(50);
    expect(statusScale('count', 10, 3)).toBe(3);
  });

  it('falls back to the target, then to 0', () => {
    expect(statusScale('count', 50)).toBe(50);
    expect(statusScale('amount', 1000, 0)).toBe(1000);
    expect(statusScale('count', 20, null)).toBe(20);
    expect(statusScale('list', null)).toBe(0);
    expect(statusScale('list', 0)).toBe(0);
  });
});

describe('trend', () => {
  it('is up, down or flat without tolerance', () => {
    expect(trend(0.8, 0.7)).toBe('up');
    expect(trend(0.7, 0.8)).toBe('down');
    expect(trend(0.7, 0.7)).toBe('flat');
    expect(trend(0.1 + 0.2, 0.3)).toBe('flat');
  });

  it('is flat within the tolerance, inclusive', () => {
    expect(trend(0.81, 0.8, 0.02)).toBe('flat');
    expect(trend(0.82, 0.8, 0.02)).toBe('flat');
    expect(trend(0.78, 0.8, 0.02)).toBe('flat');
    expect(trend(0.83, 0.8, 0.02)).toBe('up');
    expect(trend(0.77, 0.8, 0.02)).toBe('down');
    expect(trend(12, 10, 2)).toBe('flat');
    expect(trend(13, 10, 2)).toBe('up');
  });

  it('refuses a negative or missing tolerance', () => {
    expect(() => trend(1, 0, -0.01)).toThrow('A trend tolerance is zero or more; got -0.01.');
    expect(() => trend(1, 0, Number.NaN)).toThrow(RangeError);
  });
});

describe('isTrendGood', () => {
  it.each([
    ['up', 'higherIsBetter', true],
    ['down', 'higherIsBetter', false],
    ['up', 'lowerIsBetter', false],
    ['down', 'lowerIsBetter', true],
    ['flat', 'higherIsBetter', null],
    ['flat', 'lowerIsBetter', null],
    ['up', 'none', null],
    ['down', 'none', null]
  ] as const)('%s for %s is %p', (moved, direction, good) => {
    expect(isTrendGood(moved, direction)).toBe(good);
  });
});

describe('benchmark', () => {
  it('shows baseline, current, target, status, trend and the gap for a rate', () => {
    const result = benchmark({
      baseline: 0.5,
      current: 0.72,
      previous: 0.65,
      target: 0.8,
      direction: 'higherIsBetter'
    });
    expect(result).toMatchObject({
      baseline: 0.5,
      current: 0.72,
      target: 0.8,
      status: 'amber',
      trend: 'up',
      trendIsGood: true
    });
    expect(result.gapToTarget).toBeCloseTo(0.08, 12);
  });

  it('has a negative gap once the target is beaten', () => {
    const result = benchmark({
      baseline: null,
      current: 0.9,
      previous: 0.9,
      target: 0.8,
      direction: 'higherIsBetter'
    });
    expect(result).toMatchObject({
      baseline: null,
      status: 'green',
      trend: 'flat',
      trendIsGood: null
    });
    expect(result.gapToTarget).toBeCloseTo(-0.1, 12);
  });

  it('has no trend without a previous period', () => {
    expect(
      benchmark({
        baseline: 0.4,
        current: 0.5,
        previous: null,
        target: 0.8,
        direction: 'higherIsBetter'
      })
    ).toMatchObject({ trend: null, trendIsGood: null, status: 'red' });
  });

  it('judges a count where lower is better on its population', () => {
    expect(
      benchmark({
        baseline: 20,
        current: 6,
        previous: 8,
        target: 0,
        direction: 'lowerIsBetter',
        scale: 50
      })
    ).toEqual({
      baseline: 20,
      current: 6,
      target: 0,
      status: 'red',
      trend: 'down',
      trendIsGood: true,
      gapToTarget: 6
    });
  });

  it('applies the trend tolerance', () => {
    expect(
      benchmark({
        baseline: null,
        current: 0.81,
        previous: 0.8,
        target: 0.8,
        direction: 'higherIsBetter',
        trendTolerance: 0.01
      })
    ).toMatchObject({ trend: 'flat', trendIsGood: null });
  });

  it('has no status or gap without a target or a direction', () => {
    expect(
      benchmark({ baseline: 3, current: 5, previous: 4, target: null, direction: 'higherIsBetter' })
    ).toMatchObject({ status: null, gapToTarget: null, trend: 'up', trendIsGood: true });
    expect(
      benchmark({ baseline: 3, current: 5, previous: 4, target: 10, direction: 'none' })
    ).toMatchObject({ status: null, gapToTarget: null, trend: 'up', trendIsGood: null });
  });
});

describe('benchmarkKpi', () => {
  const result = (id: string, value: number, denominator?: number): KpiResult => ({
    id,
    value,
    numerator: value,
    denominator
  });

  it('takes direction, default target and population from the catalog and the result', () => {
    // login.inactive.7d: target 0 users, lower is better; 5 of 50 is within 10% of the population.
    expect(
      benchmarkKpi(result('login.inactive.7d', 5, 50), {
        previous: result('login.inactive.7d', 7, 50),
        baseline: result('login.inactive.7d', 12, 48)
      })
    ).toEqual({
      baseline: 12,
      current: 5,
      target: 0,
      status: 'amber',
      trend: 'down',
      trendIsGood: true,
      gapToTarget: 5
    });
  });

  it('uses the target in force over the catalog default', () => {
    const benchmarked = benchmarkKpi(result('login.rate.7d', 0.85), { target: 0.9 });
    expect(benchmarked).toMatchObject({
      baseline: null,
      target: 0.9,
      status: 'amber',
      trend: null
    });
    expect(benchmarked.gapToTarget).toBeCloseTo(0.05, 12);
    expect(benchmarkKpi(result('login.rate.7d', 0.85))).toMatchObject({
      target: 0.8,
      status: 'green'
    });
    expect(benchmarkKpi(result('login.rate.7d', 0.85), { target: null })).toMatchObject({
      target: null,
      status: null
    });
  });

  it('names an unknown KPI', () => {
    expect(() => benchmarkKpi(result('login.rate.8d', 1))).toThrow(
      'Unknown KPI id "login.rate.8d"'
    );
  });
});

describe('targetFor', () => {
  const targets = { default: 0.8, byRole: { Executive: 0.5, '(none)': 0.6 } };

  it('is the catalog default without targets', () => {
    expect(targetFor('login.rate.7d', 'Rep')).toBe(0.8);
    expect(targetFor('login.rate.30d', null)).toBe(0.9);
    expect(targetFor('tasks.pastDue', 'Rep')).toBe(0);
    expect(targetFor('login.leaderboard', 'Rep')).toBeNull();
  });

  it('is the role’s override, else the default', () => {
    expect(targetFor('login.rate.7d', 'Executive', targets)).toBe(0.5);
    expect(targetFor('login.rate.7d', 'Rep', targets)).toBe(0.8);
    expect(targetFor('login.rate.7d', 'Rep', { default: 0.7 })).toBe(0.7);
    expect(targetFor('login.rate.7d', 'Rep', { default: null })).toBeNull();
  });

  it('looks a blank role up as (none)', () => {
    expect(targetFor('login.rate.7d', null, targets)).toBe(0.6);
    expect(targetFor('login.rate.7d', undefined, targets)).toBe(0.6);
    expect(targetFor('login.rate.7d', '  ', targets)).toBe(0.6);
    expect(targetFor('login.rate.7d', null, { default: 0.8 })).toBe(0.8);
  });

  it('does not take inherited properties for roles', () => {
    expect(targetFor('login.rate.7d', 'constructor', { default: 0.8 })).toBe(0.8);
  });

  it('takes any count of 0 or more for a count KPI', () => {
    expect(targetFor('login.days.active', 'Rep', { default: 3, byRole: { Rep: 5 } })).toBe(5);
    expect(targetFor('login.inactive.7d', 'Rep', { default: 0 })).toBe(0);
  });

  it('refuses a rate target outside 0–1 and a negative or infinite count, naming where', () => {
    expect(() => targetFor('login.rate.7d', 'Rep', { default: 80 })).toThrow(
      'The default target of login.rate.7d is 80; it must be a share from 0 to 1 (0.8 for 80%).'
    );
    expect(() =>
      targetFor('login.rate.7d', 'Rep', { default: 0.8, byRole: { Executive: -0.1 } })
    ).toThrow('The "Executive" target of login.rate.7d is -0.1');
    expect(() => targetFor('tasks.pastDue', 'Rep', { default: -1 })).toThrow(
      'The default target of tasks.pastDue is -1; it must be a number of 0 or more.'
    );
    expect(() => targetFor('tasks.pastDue', 'Rep', { default: Number.POSITIVE_INFINITY })).toThrow(
      RangeError
    );
    expect(() => targetFor('tasks.pastDue', 'Rep', { default: Number.NaN })).toThrow(RangeError);
  });

  it('names an unknown KPI', () => {
    expect(() => targetFor('login.rate', 'Rep')).toThrow('Unknown KPI id "login.rate"');
  });
});

describe('attainment', () => {
  it('is value / target where higher is better, capped at 1', () => {
    expect(attainment(0.64, 0.8, 'higherIsBetter')).toBeCloseTo(0.8, 12);
    expect(attainment(0.4, 0.8, 'higherIsBetter')).toBeCloseTo(0.5, 12);
    expect(attainment(0.9, 0.8, 'higherIsBetter')).toBe(1);
    expect(attainment(0, 0, 'higherIsBetter')).toBe(1);
    expect(attainment(-1, 0.8, 'higherIsBetter')).toBe(0);
  });

  it('reads a lower-is-better KPI on its complement within the scale', () => {
    expect(attainment(10, 0, 'lowerIsBetter', 50)).toBeCloseTo(0.8, 12);
    expect(attainment(0, 0, 'lowerIsBetter', 50)).toBe(1);
    expect(attainment(50, 0, 'lowerIsBetter', 50)).toBe(0);
    expect(attainment(60, 0, 'lowerIsBetter', 50)).toBe(0);
    // Late pipeline 20% against 10%: 80% on time of the 90% aimed at.
    expect(attainment(0.2, 0.1, 'lowerIsBetter')).toBeCloseTo(0.8 / 0.9, 12);
  });

  it('is met or not when there is no room between target and scale', () => {
    expect(attainment(0, 0, 'lowerIsBetter', 0)).toBe(1);
    expect(attainment(1, 0, 'lowerIsBetter', 0)).toBe(0);
  });

  it('is null without a target or a direction', () => {
    expect(attainment(1, null, 'higherIsBetter')).toBeNull();
    expect(attainment(1, 1, 'none')).toBeNull();
  });
});

describe('the focus rule', () => {
  const rate7 = (value: number): KpiResult => ({ id: 'login.rate.7d', value });
  const inactive7 = (value: number): KpiResult => ({
    id: 'login.inactive.7d',
    value,
    numerator: value,
    denominator: 50
  });

  it('holds at 80% of the target over the 2 latest periods', () => {
    expect(FOCUS_LEVEL).toBe(0.8);
    expect(FOCUS_HOLD_PERIODS).toBe(2);
  });

  describe('holdsAtFocusLevel', () => {
    it('holds when each of the 2 latest results reaches 80% of the target', () => {
      expect(holdsAtFocusLevel('login.rate.7d', [rate7(0.3), rate7(0.64), rate7(0.66)], 0.8)).toBe(
        true
      );
      expect(holdsAtFocusLevel('login.rate.7d', [rate7(0.7), rate7(0.63)], 0.8)).toBe(false);
      expect(holdsAtFocusLevel('login.rate.7d', [rate7(0.63), rate7(0.7)], 0.8)).toBe(false);
    });

    it('does not hold after a single period, or without a target', () => {
      expect(holdsAtFocusLevel('login.rate.7d', [rate7(1)], 0.8)).toBe(false);
      expect(holdsAtFocusLevel('login.rate.7d', [], 0.8)).toBe(false);
      expect(holdsAtFocusLevel('login.rate.7d', [rate7(1), rate7(1)], null)).toBe(false);
    });

    it('reads a count on its population: 10 of 50 inactive holds against 0, 11 does not', () => {
      expect(holdsAtFocusLevel('login.inactive.7d', [inactive7(10), inactive7(8)], 0)).toBe(true);
      expect(holdsAtFocusLevel('login.inactive.7d', [inactive7(11), inactive7(8)], 0)).toBe(false);
    });
  });

  describe('nextFocusKpi', () => {
    const focus = ['login.rate.7d', 'login.inactive.7d', 'tasks.pastDue'];

    it('stays on the first KPI until it holds', () => {
      expect(nextFocusKpi(focus, { 'login.rate.7d': [rate7(0.5), rate7(0.6)] }, {})).toBe(
        'login.rate.7d'
      );
    });

    it('moves to the next KPI once the current one holds', () => {
      expect(
        nextFocusKpi(focus, {
          'login.rate.7d': [rate7(0.64), rate7(0.66)],
          'login.inactive.7d': [inactive7(12), inactive7(10)]
        })
      ).toBe('login.inactive.7d');
      expect(
        nextFocusKpi(focus, {
          'login.rate.7d': [rate7(0.64), rate7(0.66)],
          'login.inactive.7d': [inactive7(10), inactive7(8)]
        })
      ).toBe('tasks.pastDue');
    });

    it('is null once every focus KPI holds, or with no KPI in focus', () => {
      expect(
        nextFocusKpi(['login.rate.7d'], { 'login.rate.7d': [rate7(0.8), rate7(0.9)] })
      ).toBeNull();
      expect(nextFocusKpi([], {})).toBeNull();
    });

    it('passes over KPIs without a target or a direction', () => {
      expect(nextFocusKpi(['login.leaderboard', 'records.accounts.created'], {})).toBeNull();
      expect(
        nextFocusKpi(['login.leaderboard', 'login.rate.7d'], { 'login.rate.7d': [rate7(0.1)] })
      ).toBe('login.rate.7d');
      expect(
        nextFocusKpi(['login.rate.7d'], { 'login.rate.7d': [] }, { 'login.rate.7d': null })
      ).toBeNull();
    });

    it('uses the targets in force over the catalog defaults', () => {
      const history = { 'login.rate.7d': [rate7(0.7), rate7(0.75)] };
      expect(nextFocusKpi(['login.rate.7d'], history, { 'login.rate.7d': 0.9 })).toBe(
        'login.rate.7d'
      );
      expect(
        nextFocusKpi(
          ['login.rate.7d'],
          { 'login.rate.7d': [rate7(0.72), rate7(0.75)] },
          {
            'login.rate.7d': 0.9
          }
        )
      ).toBeNull();
      expect(nextFocusKpi(['login.rate.7d'], history)).toBeNull();
    });

    it('names an unknown focus KPI', () => {
      expect(() => nextFocusKpi(['login.rate.7d', 'logins'], {}, {})).toThrow(
        'Unknown KPI id "logins"'
      );
      expect(() =>
        nextFocusKpi(['logins', 'login.rate.7d'], { 'login.rate.7d': [rate7(1), rate7(1)] })
      ).toThrow('Unknown KPI id "logins"');
    });
  });
});
