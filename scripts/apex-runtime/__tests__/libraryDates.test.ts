/** Date, Datetime, Time: Apex Reference Guide classes of those names, in the user's time zone. */
import { stringOf } from '../library/strings';
import { ApexDate, ApexDatetime, ApexTime, type ApexValue } from '../values';
import { call, callStatic, int, testContext } from './libraryFixtures';

const text = (value: ApexValue): string => stringOf(value);
const paris = testContext({ timeZone: 'Europe/Paris', now: Date.UTC(2026, 2, 29, 22, 30) });
const la = testContext({ timeZone: 'America/Los_Angeles' });

describe('Datetime calendar views across DST', () => {
  it('date() is the local date in Europe/Paris around the March 2026 change', () => {
    // 2026-03-29 01:00 GMT is 03:00 CEST (clocks went forward at 02:00 local).
    const before = new ApexDatetime(Date.UTC(2026, 2, 28, 22, 59));
    const after = new ApexDatetime(Date.UTC(2026, 2, 29, 22, 0));
    expect(text(call(paris, before, 'date'))).toBe('2026-03-28');
    expect(text(call(paris, after, 'date'))).toBe('2026-03-30');
    expect(text(call(paris, after, 'dateGmt'))).toBe('2026-03-29');
    expect(text(call(paris, new ApexDatetime(Date.UTC(2026, 2, 29, 1)), 'hour'))).toBe('3');
  });

  it('date() in America/Los_Angeles around the November 2026 change', () => {
    // 2026-11-01: PDT (-7) until 09:00 GMT, then PST (-8).
    expect(text(call(la, new ApexDatetime(Date.UTC(2026, 10, 1, 6, 59)), 'date'))).toBe(
      '2026-10-31'
    );
    expect(text(call(la, new ApexDatetime(Date.UTC(2026, 10, 1, 7, 0)), 'date'))).toBe(
      '2026-11-01'
    );
    expect(text(call(la, new ApexDatetime(Date.UTC(2026, 10, 2, 7, 59)), 'date'))).toBe(
      '2026-11-01'
    );
    expect(text(call(la, new ApexDatetime(Date.UTC(2026, 10, 2, 8, 0)), 'date'))).toBe(
      '2026-11-02'
    );
  });

  it('newInstance reads the local wall clock; newInstanceGmt reads GMT', () => {
    const local = callStatic(
      la,
      'Datetime',
      'newInstance',
      int(2026),
      int(11),
      int(1),
      int(12),
      int(0),
      int(0)
    );
    expect(text(local)).toBe('2026-11-01 20:00:00');
    const summer = callStatic(la, 'Datetime', 'newInstance', int(2026), int(7), int(1));
    expect(text(summer)).toBe('2026-07-01 07:00:00');
    const gmt = callStatic(
      la,
      'Datetime',
      'newInstanceGmt',
      int(2026),
      int(1),
      int(2),
      int(3),
      int(4),
      int(5)
    );
    expect(text(gmt)).toBe('2026-01-02 03:04:05');
    const fromParts = callStatic(
      la,
      'Datetime',
      'newInstanceGmt',
      new ApexDate(2026, 1, 2),
      new ApexTime(3_600_000)
    );
    expect(text(fromParts)).toBe('2026-01-02 01:00:00');
    expect(text(callStatic(la, 'Datetime', 'newInstance', int(0)))).toBe('1970-01-01 00:00:00');
    // 02:30 on the spring-forward night does not exist: it reads as 03:30 PDT.
    const gap = callStatic(
      la,
      'Datetime',
      'newInstance',
      int(2026),
      int(3),
      int(8),
      int(2),
      int(30),
      int(0)
    );
    expect(text(gap)).toBe('2026-03-08 10:30:00');
    // 01:30 on the fall-back night happens twice: the first (PDT) is taken.
    const overlap = callStatic(
      la,
      'Datetime',
      'newInstance',
      int(2026),
      int(11),
      int(1),
      int(1),
      int(30),
      int(0)
    );
    expect(text(overlap)).toBe('2026-11-01 08:30:00');
  });

  it('addDays keeps the local wall clock across DST; addHours adds exact time', () => {
    const nine = callStatic(
      paris,
      'Datetime',
      'newInstance',
      int(2026),
      int(3),
      int(28),
      int(9),
      int(0),
      int(0)
    );
    expect(text(call(paris, call(paris, nine, 'addDays', int(1)), 'hour'))).toBe('9');
    expect(text(call(paris, call(paris, nine, 'addHours', int(24)), 'hour'))).toBe('10');
    expect(text(call(paris, nine, 'addMinutes', int(90)))).toBe('2026-03-28 09:30:00');
    expect(text(call(paris, nine, 'addSeconds', int(5)))).toBe('2026-03-28 08:00:05');
    expect(text(call(paris, nine, 'addMonths', int(1)))).toBe('2026-04-28 07:00:00');
    // 2027-03-28 is itself a change day: 09:00 CEST.
    expect(text(call(paris, nine, 'addYears', int(1)))).toBe('2027-03-28 07:00:00');
  });

  it('field accessors, local and GMT', () => {
    const instant = new ApexDatetime(Date.UTC(2026, 6, 1, 23, 30, 15, 250));
    expect(
      ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'].map((m) =>
        text(call(paris, instant, m))
      )
    ).toEqual(['2026', '7', '2', '1', '30', '15', '250']);
    expect(
      ['yearGmt', 'monthGmt', 'dayGmt', 'hourGmt', 'minuteGmt', 'secondGmt', 'millisecondGmt'].map(
        (m) => text(call(paris, instant, m))
      )
    ).toEqual(['2026', '7', '1', '23', '30', '15', '250']);
    expect(text(call(paris, instant, 'getTime'))).toBe(
      String(Date.UTC(2026, 6, 1, 23, 30, 15, 250))
    );
    expect(text(call(paris, instant, 'time'))).toBe('01:30:15.250Z');
    expect(text(call(paris, instant, 'timeGmt'))).toBe('23:30:15.250Z');
    expect(call(paris, instant, 'isSameDay', new ApexDatetime(Date.UTC(2026, 6, 1, 22, 30)))).toBe(
      true
    );
  });

  it('format uses SimpleDateFormat letters in the user zone or a given zone', () => {
    const instant = new ApexDatetime(Date.UTC(2026, 10, 23, 17, 5, 9, 7));
    expect(call(la, instant, 'format', "yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toBe(
      '2026-11-23T09:05:09.007-0800'
    );
    expect(call(la, instant, 'format', 'EEE, MMM d, yy h:mm a z')).toBe(
      'Mon, Nov 23, 26 9:05 AM PST'
    );
    expect(call(la, instant, 'format', "EEEE MMMM D k K ''")).toBe("Monday November 327 9 9 '");
    expect(call(la, instant, 'format', 'HH:mm', 'Europe/Paris')).toBe('18:05');
    expect(call(la, instant, 'formatGmt', 'HH:mm')).toBe('17:05');
    expect(call(la, instant, 'format')).toBe('11/23/2026, 9:05 AM');
    expect(() => call(la, instant, 'format', 'Q')).toThrow('unsupported');
  });

  it('now, valueOf and valueOfGmt', () => {
    expect(text(callStatic(paris, 'Datetime', 'now'))).toBe('2026-03-29 22:30:00');
    expect(text(callStatic(paris, 'Datetime', 'valueOf', '2026-07-01 12:00:00'))).toBe(
      '2026-07-01 10:00:00'
    );
    expect(text(callStatic(paris, 'Datetime', 'valueOfGmt', '2026-07-01 12:00:00'))).toBe(
      '2026-07-01 12:00:00'
    );
    expect(() => callStatic(paris, 'Datetime', 'valueOf', 'July')).toThrow(
      'TypeException: Invalid datetime: July'
    );
    expect(text(callStatic(paris, 'System', 'now'))).toBe('2026-03-29 22:30:00');
    expect(text(callStatic(paris, 'System', 'currentTimeMillis'))).toBe(
      String(Date.UTC(2026, 2, 29, 22, 30))
    );
  });
});

describe('Date', () => {
  it('today is the user-zone date of now', () => {
    expect(text(callStatic(paris, 'Date', 'today'))).toBe('2026-03-30');
    expect(text(callStatic(paris, 'System', 'today'))).toBe('2026-03-30');
  });

  it('newInstance, valueOf, arithmetic and fields', () => {
    const date = callStatic(paris, 'Date', 'newInstance', int(2026), int(1), int(31)) as ApexDate;
    expect(text(call(paris, date, 'addMonths', int(1)))).toBe('2026-02-28');
    expect(text(call(paris, date, 'addDays', int(1)))).toBe('2026-02-01');
    expect(text(call(paris, new ApexDate(2024, 2, 29), 'addYears', int(1)))).toBe('2025-02-28');
    expect(text(call(paris, date, 'daysBetween', new ApexDate(2026, 3, 1)))).toBe('29');
    expect(text(call(paris, date, 'monthsBetween', new ApexDate(2026, 3, 1)))).toBe('2');
    expect(['year', 'month', 'day', 'dayOfYear'].map((m) => text(call(paris, date, m)))).toEqual([
      '2026',
      '1',
      '31',
      '31'
    ]);
    expect(text(call(paris, date, 'toStartOfWeek'))).toBe('2026-01-25');
    expect(text(call(paris, date, 'toStartOfMonth'))).toBe('2026-01-01');
    expect(call(paris, date, 'isSameDay', new ApexDate(2026, 1, 31))).toBe(true);
    expect(call(paris, date, 'format')).toBe('1/31/2026');
    expect(text(callStatic(paris, 'Date', 'valueOf', '2026-11-23'))).toBe('2026-11-23');
    expect(text(callStatic(paris, 'Date', 'valueOf', '2026-11-23 10:00:00'))).toBe('2026-11-23');
    expect(
      text(callStatic(paris, 'Date', 'valueOf', new ApexDatetime(Date.UTC(2026, 0, 1, 23))))
    ).toBe('2026-01-01');
    expect(() => callStatic(paris, 'Date', 'valueOf', '2026-02-30')).toThrow(
      'TypeException: Invalid date: 2026-02-30'
    );
    expect(callStatic(paris, 'Date', 'isLeapYear', int(2024))).toBe(true);
    expect(text(callStatic(paris, 'Date', 'daysInMonth', int(2026), int(2)))).toBe('28');
    expect(text(callStatic(paris, 'Date', 'newInstance', int(2026), int(13), int(1)))).toBe(
      '2027-01-01'
    );
    expect(() => call(paris, date, 'daysBetween', 'x')).toThrow('unsupported');
  });
});

describe('Time', () => {
  it('newInstance, fields and wrapping addition', () => {
    const time = callStatic(
      paris,
      'Time',
      'newInstance',
      int(23),
      int(30),
      int(15),
      int(5)
    ) as ApexTime;
    expect(
      ['hour', 'minute', 'second', 'millisecond'].map((m) => text(call(paris, time, m)))
    ).toEqual(['23', '30', '15', '5']);
    expect(text(call(paris, time, 'addHours', int(1)))).toBe('00:30:15.005Z');
    expect(text(call(paris, time, 'addMinutes', int(-31)))).toBe('22:59:15.005Z');
    expect(text(call(paris, time, 'addSeconds', int(45)))).toBe('23:31:00.005Z');
    expect(text(call(paris, time, 'addMilliseconds', int(995)))).toBe('23:30:16.000Z');
  });
});
