/** Day arithmetic, time-zone clocks and the ranges of relative date literals. */
import { dayParts, formatDay, parseDay, relativeDateRange, zoneClock } from '../calendar';

const day = (text: string): number => parseDay(text) as number;
const range = (literal: string, n?: number) => {
  const { start, end } = relativeDateRange(literal, n, day('2026-11-23'));
  return [formatDay(start), formatDay(end)];
};

describe('days', () => {
  it('parses and formats YYYY-MM-DD and refuses impossible dates', () => {
    expect(formatDay(day('2024-02-29'))).toBe('2024-02-29');
    expect(parseDay('2026-02-29')).toBeUndefined();
    expect(parseDay('2026-1-01')).toBeUndefined();
    expect(dayParts(day('2026-11-23'))).toEqual({
      year: 2026,
      month: 11,
      dayOfMonth: 23,
      weekday: 1,
      dayOfYear: 327
    });
  });
});

describe('zoneClock', () => {
  const losAngeles = zoneClock('America/Los_Angeles');

  it('finds local midnights across the end of daylight saving time', () => {
    expect(new Date(losAngeles.startOfDay(day('2026-11-01'))).toISOString()).toBe(
      '2026-11-01T07:00:00.000Z'
    );
    expect(new Date(losAngeles.startOfDay(day('2026-11-02'))).toISOString()).toBe(
      '2026-11-02T08:00:00.000Z'
    );
  });

  it('reads local days and hours', () => {
    const instant = Date.parse('2026-11-23T07:30:00Z');

    expect(formatDay(losAngeles.dayOf(instant))).toBe('2026-11-22');
    expect(losAngeles.hourOf(instant)).toBe(23);
    expect(zoneClock('Asia/Kolkata').hourOf(instant)).toBe(13);
    expect(zoneClock('UTC').offsetAt(instant)).toBe(0);
  });
});

describe('relativeDateRange', () => {
  // Monday 2026-11-23; weeks start on Sunday 2026-11-22.
  it.each([
    ['TODAY', undefined, '2026-11-23', '2026-11-24'],
    ['YESTERDAY', undefined, '2026-11-22', '2026-11-23'],
    ['TOMORROW', undefined, '2026-11-24', '2026-11-25'],
    ['THIS_WEEK', undefined, '2026-11-22', '2026-11-29'],
    ['LAST_WEEK', undefined, '2026-11-15', '2026-11-22'],
    ['NEXT_WEEK', undefined, '2026-11-29', '2026-12-06'],
    ['THIS_MONTH', undefined, '2026-11-01', '2026-12-01'],
    ['LAST_MONTH', undefined, '2026-10-01', '2026-11-01'],
    ['NEXT_MONTH', undefined, '2026-12-01', '2027-01-01'],
    ['THIS_QUARTER', undefined, '2026-10-01', '2027-01-01'],
    ['LAST_QUARTER', undefined, '2026-07-01', '2026-10-01'],
    ['THIS_YEAR', undefined, '2026-01-01', '2027-01-01'],
    ['LAST_YEAR', undefined, '2025-01-01', '2026-01-01'],
    ['LAST_90_DAYS', undefined, '2026-08-25', '2026-11-24'],
    ['NEXT_90_DAYS', undefined, '2026-11-24', '2027-02-22'],
    ['LAST_N_DAYS', 7, '2026-11-16', '2026-11-24'],
    ['NEXT_N_DAYS', 7, '2026-11-24', '2026-12-01'],
    ['N_DAYS_AGO', 3, '2026-11-20', '2026-11-21'],
    ['LAST_N_WEEKS', 2, '2026-11-08', '2026-11-22'],
    ['NEXT_N_WEEKS', 1, '2026-11-29', '2026-12-06'],
    ['N_WEEKS_AGO', 1, '2026-11-15', '2026-11-22'],
    ['LAST_N_MONTHS', 2, '2026-09-01', '2026-11-01'],
    ['NEXT_N_MONTHS', 2, '2026-12-01', '2027-02-01'],
    ['N_MONTHS_AGO', 12, '2025-11-01', '2025-12-01'],
    ['LAST_N_QUARTERS', 1, '2026-07-01', '2026-10-01'],
    ['NEXT_N_YEARS', 1, '2027-01-01', '2028-01-01'],
    ['N_YEARS_AGO', 1, '2025-01-01', '2026-01-01']
  ])('%s %s covers [%s, %s)', (literal, n, start, end) => {
    expect(range(literal, n)).toEqual([start, end]);
  });

  it('refuses fiscal and unknown literals', () => {
    expect(() => range('THIS_FISCAL_YEAR')).toThrow('fiscal date literal THIS_FISCAL_YEAR');
    expect(() => range('LAST_N_FORTNIGHTS', 2)).toThrow('unknown date literal LAST_N_FORTNIGHTS:2');
  });
});
