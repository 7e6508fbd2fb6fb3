import {
  DAY_MS,
  assertPeriodDays,
  calendarDate,
  isWithinPreviousWindow,
  isWithinWindow,
  parseInstant,
  windowStart
} from 'c/adoptionMetrics';

const asOf = new Date('2026-11-23T12:00:00.000Z');

describe('windows', () => {
  it('starts a window exactly N×24h before the as-of instant', () => {
    expect(windowStart(asOf, 7).toISOString()).toBe('2026-11-16T12:00:00.000Z');
    expect(asOf.getTime() - windowStart(asOf, 30).getTime()).toBe(30 * DAY_MS);
  });

  it('excludes the start instant and includes the as-of instant', () => {
    expect(isWithinWindow(new Date('2026-11-16T12:00:00.000Z'), asOf, 7)).toBe(false);
    expect(isWithinWindow(new Date('2026-11-16T12:00:00.001Z'), asOf, 7)).toBe(true);
    expect(isWithinWindow(asOf, asOf, 7)).toBe(true);
    expect(isWithinWindow(new Date(asOf.getTime() + 1), asOf, 7)).toBe(false);
  });

  it('places the previous window just before the current one, without overlap', () => {
    const boundary = new Date('2026-11-16T12:00:00.000Z');
    expect(isWithinPreviousWindow(boundary, asOf, 7)).toBe(true);
    expect(isWithinWindow(boundary, asOf, 7)).toBe(false);
    expect(isWithinPreviousWindow(new Date('2026-11-09T12:00:00.000Z'), asOf, 7)).toBe(false);
    expect(isWithinPreviousWindow(new Date('2026-11-09T12:00:00.001Z'), asOf, 7)).toBe(true);
  });

  it('rejects periods that are not whole positive days with a clear message', () => {
    expect(() => assertPeriodDays(0)).toThrow(
      'A period must be a whole number of days of at least 1; got 0.'
    );
    expect(() => windowStart(asOf, 1.5)).toThrow('got 1.5');
    expect(() => assertPeriodDays(Number.NaN)).toThrow('got NaN');
  });

  it('takes calendar dates in the given time zone', () => {
    const lateEvening = new Date('2026-11-23T23:30:00.000Z');
    expect(calendarDate(lateEvening, 'UTC')).toBe('2026-11-23');
    expect(calendarDate(lateEvening, 'Europe/Paris')).toBe('2026-11-24');
    expect(calendarDate(lateEvening, 'America/Los_Angeles')).toBe('2026-11-23');
  });

  it('names an unknown time zone', () => {
    expect(() => calendarDate(asOf, 'Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus"');
  });

  it('parses ISO instants and names the bad one', () => {
    expect(parseInstant('2026-11-23T12:00:00Z', 'as-of').getTime()).toBe(asOf.getTime());
    expect(() => parseInstant('yesterday', 'LoginTime')).toThrow(
      'LoginTime is not a valid ISO-8601 instant: "yesterday".'
    );
  });
});
