import {
  BLANK_SLICE_KEY,
  compareSliceKeys,
  inactiveCount,
  loginRate,
  loginRateBySlice,
  neverLoggedInCount,
  rate,
  sliceKey
} from 'c/adoptionMetrics';
import type { SliceCount } from 'c/adoptionMetrics';

function slice(
  role: string | null,
  region: string | null,
  population: number,
  loggedIn7: number,
  loggedIn30: number,
  never = 0
): SliceCount {
  return {
    role,
    region,
    population,
    neverLoggedIn: never,
    windows: [
      { days: 7, loggedIn: loggedIn7 },
      { days: 30, loggedIn: loggedIn30 },
      { days: 90, loggedIn: loggedIn30 }
    ]
  };
}

const org: SliceCount[] = [
  slice('Sales Rep', 'EMEA', 8, 5, 7, 1),
  slice('Sales Rep', 'AMER', 4, 4, 4),
  slice('Manager', 'EMEA', 2, 1, 2),
  slice(null, 'EMEA', 3, 0, 1, 2),
  slice('Manager', '', 1, 0, 0, 1)
];

describe('rate', () => {
  it('divides and is 0 for an empty denominator', () => {
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 0)).toBe(0);
  });
});

describe('login.rate.Nd', () => {
  it('is 0 of 0 for an empty org', () => {
    expect(loginRate([], 7)).toEqual({ value: 0, numerator: 0, denominator: 0 });
    expect(loginRateBySlice([], 7, 'role')).toEqual([]);
  });

  it('is 1 for a single user who logged in, 0 for one who did not', () => {
    expect(loginRate([slice('Rep', 'EMEA', 1, 1, 1)], 7)).toEqual({
      value: 1,
      numerator: 1,
      denominator: 1
    });
    expect(loginRate([slice('Rep', 'EMEA', 1, 0, 1)], 7)).toEqual({
      value: 0,
      numerator: 0,
      denominator: 1
    });
  });

  it('sums numerators and denominators over the population (not an average of rates)', () => {
    expect(loginRate(org, 7)).toEqual({ value: 10 / 18, numerator: 10, denominator: 18 });
    expect(loginRate(org, 30)).toEqual({ value: 14 / 18, numerator: 14, denominator: 18 });
  });

  it('groups per role with a blank role reported as (none), sorted with (none) last', () => {
    expect(loginRateBySlice(org, 7, 'role')).toEqual([
      { key: 'Manager', value: 1 / 3, numerator: 1, denominator: 3 },
      { key: 'Sales Rep', value: 9 / 12, numerator: 9, denominator: 12 },
      { key: BLANK_SLICE_KEY, value: 0, numerator: 0, denominator: 3 }
    ]);
  });

  it('groups per region treating an empty string like a missing value', () => {
    expect(loginRateBySlice(org, 30, 'region')).toEqual([
      { key: 'AMER', value: 1, numerator: 4, denominator: 4 },
      { key: 'EMEA', value: 10 / 13, numerator: 10, denominator: 13 },
      { key: BLANK_SLICE_KEY, value: 0, numerator: 0, denominator: 1 }
    ]);
  });

  it('names the missing window and the available ones', () => {
    expect(() => loginRate(org, 14)).toThrow(
      'No login counts for a 14-day window; available: 7, 30, 90.'
    );
  });
});

describe('login.inactive.Nd and login.never', () => {
  it('counts inactive users as the population minus those who logged in', () => {
    expect(inactiveCount(org, 7)).toBe(8);
    expect(inactiveCount(org, 30)).toBe(4);
    expect(inactiveCount([], 7)).toBe(0);
  });

  it('sums never-logged-in users over all slices', () => {
    expect(neverLoggedInCount(org)).toBe(4);
    expect(neverLoggedInCount([])).toBe(0);
  });
});

describe('slice keys', () => {
  it('maps blank values to (none) and keeps others', () => {
    expect(sliceKey(null)).toBe(BLANK_SLICE_KEY);
    expect(sliceKey(undefined)).toBe(BLANK_SLICE_KEY);
    expect(sliceKey('  ')).toBe(BLANK_SLICE_KEY);
    expect(sliceKey('EMEA')).toBe('EMEA');
  });

  it('orders keys alphabetically with (none) last', () => {
    expect(['b', BLANK_SLICE_KEY, 'a', 'b'].sort(compareSliceKeys)).toEqual([
      'a',
      'b',
      'b',
      BLANK_SLICE_KEY
    ]);
    expect(compareSliceKeys(BLANK_SLICE_KEY, BLANK_SLICE_KEY)).toBe(0);
  });
});
