/**
 * Date, Datetime and Time (Apex Reference Guide). A Datetime is an instant; its calendar views
 * (date(), hour(), format(), newInstance, valueOf) are in the running user's zone `ctx.timeZone`,
 * the *Gmt ones in GMT. Datetime.addDays/addMonths/addYears move the user's wall clock (as
 * java.util.Calendar in that zone does), so 09:00 stays 09:00 across a DST change; addHours and
 * smaller units add exact time. "Now" comes from `ctx.now()`.
 */
import { ApexDate, ApexDatetime, ApexNumber, ApexTime, type ApexValue } from '../values';
import { clockText, gmtClock, instantOf, wallClock, type WallClock } from './calendar';
import type { LibraryContext, StaticMethod } from './context';
import { formatDatetime } from './dateFormat';
import {
  arity,
  instanceTable,
  integerArg,
  methodTable,
  required,
  stringArg,
  unsupported
} from './support';

const DAY_MILLIS = 86_400_000;

function integer(value: number): ApexNumber {
  return ApexNumber.integer(value);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds months, clamping the day to the end of a shorter month (Jan 31 + 1 month = Feb 28). */
function addMonths(date: ApexDate, months: number): ApexDate {
  const total = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return new ApexDate(year, month, Math.min(date.day, daysInMonth(year, month)));
}

function dateOf(clock: WallClock): ApexDate {
  return new ApexDate(clock.year, clock.month, clock.day);
}

function timeOf(clock: WallClock): ApexTime {
  return new ApexTime(
    ((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1000 + clock.millisecond
  );
}

function clockOf(date: ApexDate, millisOfDay: number): WallClock {
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: Math.floor(millisOfDay / 3_600_000),
    minute: Math.floor(millisOfDay / 60_000) % 60,
    second: Math.floor(millisOfDay / 1000) % 60,
    millisecond: millisOfDay % 1000
  };
}

function dateArg(ctx: LibraryContext, value: ApexValue, what: string): ApexDate {
  const present = required(ctx, value);
  if (!(present instanceof ApexDate)) return unsupported(`${what} with a non-Date argument`);
  return present;
}

function datetimeArg(ctx: LibraryContext, value: ApexValue, what: string): ApexDatetime {
  const present = required(ctx, value);
  if (!(present instanceof ApexDatetime))
    return unsupported(`${what} with a non-Datetime argument`);
  return present;
}

function timeArg(ctx: LibraryContext, value: ApexValue, what: string): ApexTime {
  const present = required(ctx, value);
  if (!(present instanceof ApexTime)) return unsupported(`${what} with a non-Time argument`);
  return present;
}

function today(ctx: LibraryContext): ApexDate {
  return dateOf(wallClock(ctx.now(), ctx.timeZone));
}

const DATE_TEXT = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*$/;

/** 'yyyy-MM-dd[ HH:mm[:ss]]' as a wall clock, or undefined. */
function parseClock(text: string): WallClock | undefined {
  const match = DATE_TEXT.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, hour, minute, second, millisecond: 0 };
}

function parsedClock(ctx: LibraryContext, value: ApexValue, what: string, kind: string): WallClock {
  const text = stringArg(ctx, value, what);
  return parseClock(text) ?? ctx.throwApex('TypeException', `Invalid ${kind}: ${text}`);
}

/** The calendar arguments (year, month, day[, hour, minute, second]) of newInstance. */
function clockArgs(ctx: LibraryContext, args: ApexValue[], what: string): WallClock {
  const [year, month, day, hour, minute, second] = [0, 1, 2, 3, 4, 5].map((index) =>
    index < args.length ? integerArg(ctx, args[index], what) : 0
  );
  return { year, month, day, hour, minute, second, millisecond: 0 };
}

/** Normalises out-of-range fields (month 13, day 0) as the platform's lenient calendar does. */
function normalised(clock: WallClock): WallClock {
  return gmtClock(
    Date.UTC(
      clock.year,
      clock.month - 1,
      clock.day,
      clock.hour,
      clock.minute,
      clock.second,
      clock.millisecond
    )
  );
}

function datetimeInstance(
  ctx: LibraryContext,
  args: ApexValue[],
  what: string,
  zone: string | null
): ApexDatetime {
  arity(args, what, 1, 2, 3, 6);
  const toInstant = (clock: WallClock): number =>
    zone === null ? instantOf(normalised(clock), 'UTC') : instantOf(normalised(clock), zone);
  if (args.length === 1) {
    if (zone === null) return unsupported(`${what} with one argument`);
    return new ApexDatetime(integerArg(ctx, args[0], what));
  }
  if (args.length === 2) {
    const date = dateArg(ctx, args[0], what);
    return new ApexDatetime(toInstant(clockOf(date, timeArg(ctx, args[1], what).millisOfDay)));
  }
  return new ApexDatetime(toInstant(clockArgs(ctx, args, what)));
}

export const DATE_STATICS = methodTable<StaticMethod>({
  today: (ctx) => today(ctx),
  newInstance: (ctx, args) => {
    arity(args, 'Date.newInstance', 3);
    return dateOf(normalised(clockArgs(ctx, args, 'Date.newInstance')));
  },
  valueOf: (ctx: LibraryContext, args: ApexValue[]) => {
    arity(args, 'Date.valueOf', 1);
    if (args[0] instanceof ApexDatetime) return dateOf(gmtClock(args[0].epochMillis));
    return dateOf(parsedClock(ctx, args[0], 'Date.valueOf', 'date'));
  },
  isLeapYear: (ctx, args) => daysInMonth(integerArg(ctx, args[0], 'Date.isLeapYear'), 2) === 29,
  daysInMonth: (ctx, args) =>
    integer(
      daysInMonth(integerArg(ctx, args[0], 'daysInMonth'), integerArg(ctx, args[1], 'daysInMonth'))
    )
});

export const DATETIME_STATICS = methodTable<StaticMethod>({
  now: (ctx) => new ApexDatetime(ctx.now()),
  newInstance: (ctx, args) => datetimeInstance(ctx, args, 'Datetime.newInstance', ctx.timeZone),
  newInstanceGmt: (ctx, args) => datetimeInstance(ctx, args, 'Datetime.newInstanceGmt', null),
  valueOf: (ctx: LibraryContext, args: ApexValue[]) =>
    new ApexDatetime(
      instantOf(parsedClock(ctx, args[0], 'Datetime.valueOf', 'datetime'), ctx.timeZone)
    ),
  valueOfGmt: (ctx, args) =>
    new ApexDatetime(instantOf(parsedClock(ctx, args[0], 'Datetime.valueOfGmt', 'datetime'), 'UTC'))
});

export const TIME_STATICS = methodTable<StaticMethod>({
  newInstance: (ctx, args) => {
    arity(args, 'Time.newInstance', 4);
    const [hour, minute, second, millisecond] = args.map((arg) =>
      integerArg(ctx, arg, 'Time.newInstance')
    );
    return timeFromMillis(((hour * 60 + minute) * 60 + second) * 1000 + millisecond);
  }
});

function timeFromMillis(millis: number): ApexTime {
  return new ApexTime(((millis % DAY_MILLIS) + DAY_MILLIS) % DAY_MILLIS);
}

function startOfWeek(date: ApexDate): ApexDate {
  // The week starts on Sunday in the en_US locale.
  const weekday = new Date(date.toEpochDay() * DAY_MILLIS).getUTCDay();
  return ApexDate.fromEpochDay(date.toEpochDay() - weekday);
}

export const DATE_INSTANCE = instanceTable<ApexDate>({
  addDays: (ctx, date, args) =>
    ApexDate.fromEpochDay(date.toEpochDay() + integerArg(ctx, args[0], 'addDays')),
  addMonths: (ctx, date, args) => addMonths(date, integerArg(ctx, args[0], 'addMonths')),
  addYears: (ctx, date, args) => addMonths(date, 12 * integerArg(ctx, args[0], 'addYears')),
  daysBetween: (ctx, date, args) =>
    integer(dateArg(ctx, args[0], 'daysBetween').toEpochDay() - date.toEpochDay()),
  monthsBetween: (ctx, date, args) => {
    const other = dateArg(ctx, args[0], 'monthsBetween');
    return integer(other.year * 12 + other.month - (date.year * 12 + date.month));
  },
  year: (_ctx, date) => integer(date.year),
  month: (_ctx, date) => integer(date.month),
  day: (_ctx, date) => integer(date.day),
  dayOfYear: (_ctx, date) =>
    integer(date.toEpochDay() - new ApexDate(date.year, 1, 1).toEpochDay() + 1),
  toStartOfWeek: (_ctx, date) => startOfWeek(date),
  toStartOfMonth: (_ctx, date) => new ApexDate(date.year, date.month, 1),
  isSameDay: (ctx, date, args) =>
    dateArg(ctx, args[0], 'isSameDay').toEpochDay() === date.toEpochDay(),
  format: (_ctx, date) => `${date.month}/${date.day}/${date.year}`
});

/** Moves the wall clock in the user's zone by whole months and days. */
function addCalendar(
  ctx: LibraryContext,
  value: ApexDatetime,
  months: number,
  days: number
): ApexDatetime {
  const clock = wallClock(value.epochMillis, ctx.timeZone);
  const date = ApexDate.fromEpochDay(addMonths(dateOf(clock), months).toEpochDay() + days);
  return new ApexDatetime(
    instantOf({ ...clock, year: date.year, month: date.month, day: date.day }, ctx.timeZone)
  );
}

function plusMillis(value: ApexDatetime, amount: number, unit: number): ApexDatetime {
  return new ApexDatetime(value.epochMillis + amount * unit);
}

type ClockField = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond';

function local(ctx: LibraryContext, value: ApexDatetime, field: ClockField): ApexNumber {
  return integer(wallClock(value.epochMillis, ctx.timeZone)[field]);
}

function gmt(value: ApexDatetime, field: ClockField): ApexNumber {
  return integer(gmtClock(value.epochMillis)[field]);
}

export const DATETIME_INSTANCE = instanceTable<ApexDatetime>({
  addSeconds: (ctx, value, args) => plusMillis(value, integerArg(ctx, args[0], 'addSeconds'), 1000),
  addMinutes: (ctx, value, args) =>
    plusMillis(value, integerArg(ctx, args[0], 'addMinutes'), 60_000),
  addHours: (ctx, value, args) =>
    plusMillis(value, integerArg(ctx, args[0], 'addHours'), 3_600_000),
  addDays: (ctx, value, args) => addCalendar(ctx, value, 0, integerArg(ctx, args[0], 'addDays')),
  addMonths: (ctx, value, args) =>
    addCalendar(ctx, value, integerArg(ctx, args[0], 'addMonths'), 0),
  addYears: (ctx, value, args) =>
    addCalendar(ctx, value, 12 * integerArg(ctx, args[0], 'addYears'), 0),
  getTime: (_ctx, value) => ApexNumber.long(value.epochMillis),
  date: (ctx, value) => dateOf(wallClock(value.epochMillis, ctx.timeZone)),
  dateGmt: (_ctx, value) => dateOf(gmtClock(value.epochMillis)),
  time: (ctx, value) => timeOf(wallClock(value.epochMillis, ctx.timeZone)),
  timeGmt: (_ctx, value) => timeOf(gmtClock(value.epochMillis)),
  year: (ctx, value) => local(ctx, value, 'year'),
  month: (ctx, value) => local(ctx, value, 'month'),
  day: (ctx, value) => local(ctx, value, 'day'),
  hour: (ctx, value) => local(ctx, value, 'hour'),
  minute: (ctx, value) => local(ctx, value, 'minute'),
  second: (ctx, value) => local(ctx, value, 'second'),
  millisecond: (ctx, value) => local(ctx, value, 'millisecond'),
  yearGmt: (_ctx, value) => gmt(value, 'year'),
  monthGmt: (_ctx, value) => gmt(value, 'month'),
  dayGmt: (_ctx, value) => gmt(value, 'day'),
  hourGmt: (_ctx, value) => gmt(value, 'hour'),
  minuteGmt: (_ctx, value) => gmt(value, 'minute'),
  secondGmt: (_ctx, value) => gmt(value, 'second'),
  millisecondGmt: (_ctx, value) => gmt(value, 'millisecond'),
  isSameDay: (ctx, value, args) => {
    const other = datetimeArg(ctx, args[0], 'isSameDay');
    return (
      clockText(wallClock(value.epochMillis, ctx.timeZone)).slice(0, 10) ===
      clockText(wallClock(other.epochMillis, ctx.timeZone)).slice(0, 10)
    );
  },
  format: (ctx, value, args) => {
    arity(args, 'Datetime.format', 0, 1, 2);
    // Without a pattern: the en_US short date and time.
    const pattern = args.length > 0 ? stringArg(ctx, args[0], 'format') : 'M/d/yyyy, h:mm a';
    const zone = args.length > 1 ? stringArg(ctx, args[1], 'format') : ctx.timeZone;
    return formatDatetime(value.epochMillis, pattern, zone);
  },
  formatGmt: (ctx, value, args) =>
    formatDatetime(value.epochMillis, stringArg(ctx, args[0], 'formatGmt'), 'UTC')
});

export const TIME_INSTANCE = instanceTable<ApexTime>({
  hour: (_ctx, time) => integer(Math.floor(time.millisOfDay / 3_600_000)),
  minute: (_ctx, time) => integer(Math.floor(time.millisOfDay / 60_000) % 60),
  second: (_ctx, time) => integer(Math.floor(time.millisOfDay / 1000) % 60),
  millisecond: (_ctx, time) => integer(time.millisOfDay % 1000),
  addHours: (ctx, time, args) =>
    timeFromMillis(time.millisOfDay + integerArg(ctx, args[0], 'addHours') * 3_600_000),
  addMinutes: (ctx, time, args) =>
    timeFromMillis(time.millisOfDay + integerArg(ctx, args[0], 'addMinutes') * 60_000),
  addSeconds: (ctx, time, args) =>
    timeFromMillis(time.millisOfDay + integerArg(ctx, args[0], 'addSeconds') * 1000),
  addMilliseconds: (ctx, time, args) =>
    timeFromMillis(time.millisOfDay + integerArg(ctx, args[0], 'addMilliseconds'))
});
