/**
 * Calendar arithmetic for SOQL dates: days as integers (days since 1970-01-01), 'YYYY-MM-DD'
 * strings, a time zone's wall clock, and the ranges that relative date literals (TODAY,
 * LAST_N_DAYS:n, THIS_MONTH…) stand for.
 */
import { SoqlError, unsupported } from './errors';
import { zoneOffsetReader } from '../shared/timeZone';
import type { OffsetReader } from '../shared/timeZone';

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
/** Every real time zone changes its offset on a quarter-hour boundary, so one lookup per bucket is exact. */
const OFFSET_BUCKET_MS = 900_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' string, or undefined when it is not a real date. */
export function parseDay(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar parts of a day number. `weekday` is 0 for Sunday. */
export interface DayParts {
  year: number;
  month: number;
  dayOfMonth: number;
  weekday: number;
  dayOfYear: number;
}

export function dayParts(day: number): DayParts {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  return {
    year,
    month: date.getUTCMonth() + 1,
    dayOfMonth: date.getUTCDate(),
    weekday: date.getUTCDay(),
    dayOfYear: day - Date.UTC(year, 0, 1) / MS_PER_DAY + 1
  };
}

/** The first day of the month `months` months after the month holding `day`. */
function monthStart(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1) / MS_PER_DAY;
}

/** A time zone's wall clock: UTC offsets (cached per quarter hour) and local midnights. */
export interface ZoneClock {
  readonly timeZone: string;
  /** Milliseconds to add to a UTC instant to get the wall-clock time. */
  offsetAt(ms: number): number;
  /** The wall-clock day (days since 1970-01-01) of an instant. */
  dayOf(ms: number): number;
  /** The wall-clock hour (0–23) of an instant. */
  hourOf(ms: number): number;
  /** The instant at which a wall-clock day starts. */
  startOfDay(day: number): number;
}

export function zoneClock(timeZone: string): ZoneClock {
  let computeOffset: OffsetReader;
  try {
    computeOffset = zoneOffsetReader(timeZone);
  } catch {
    throw new SoqlError('UNSUPPORTED', `time zone '${timeZone}' is not a known IANA time zone`);
  }
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const bucket = Math.floor(ms / OFFSET_BUCKET_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = computeOffset(bucket * OFFSET_BUCKET_MS);
      offsets.set(bucket, offset);
    }
    return offset;
  };
  return {
    timeZone,
    offsetAt,
    dayOf: (ms) => Math.floor((ms + offsetAt(ms)) / MS_PER_DAY),
    hourOf: (ms) =>
      Math.floor((((ms + offsetAt(ms)) % MS_PER_DAY) + MS_PER_DAY) / MS_PER_HOUR) % 24,
    startOfDay: (day) => {
      const wallMidnight = day * MS_PER_DAY;
      const guess = wallMidnight - offsetAt(wallMidnight);
      return wallMidnight - offsetAt(guess);
    }
  };
}

/** A range of whole days: `start` included, `end` excluded. */
export interface DayRange {
  start: number;
  end: number;
}

const N_LITERAL =
  /^(LAST|NEXT)_N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)$|^N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)_AGO$/;

/**
 * The days a relative date literal covers, seen from `today` (the running user's calendar day).
 * Weeks start on Sunday (the en_US locale); there is no fiscal year setup, so FISCAL literals are
 * refused.
 */
export function relativeDateRange(literal: string, n: number | undefined, today: number): DayRange {
  const name = literal.toUpperCase();
  if (name.includes('FISCAL')) throw unsupported(`the fiscal date literal ${name}`);
  const weekStart = today - dayParts(today).weekday;
  const month = monthStart(today, 0);
  const quarter = monthStart(today, -((dayParts(today).month - 1) % 3));
  const year = monthStart(today, 1 - dayParts(today).month);
  const units: Record<string, { current: number; step: (from: number, count: number) => number }> =
    {
      DAYS: { current: today, step: (from, count) => from + count },
      WEEKS: { current: weekStart, step: (from, count) => from + 7 * count },
      MONTHS: { current: month, step: (from, count) => monthStart(from, count) },
      QUARTERS: { current: quarter, step: (from, count) => monthStart(from, 3 * count) },
      YEARS: { current: year, step: (from, count) => monthStart(from, 12 * count) }
    };
  const fixed: Record<string, [string, number, number]> = {
    YESTERDAY: ['DAYS', -1, 1],
    TODAY: ['DAYS', 0, 1],
    TOMORROW: ['DAYS', 1, 1],
    LAST_WEEK: ['WEEKS', -1, 1],
    THIS_WEEK: ['WEEKS', 0, 1],
    NEXT_WEEK: ['WEEKS', 1, 1],
    LAST_MONTH: ['MONTHS', -1, 1],
    THIS_MONTH: ['MONTHS', 0, 1],
    NEXT_MONTH: ['MONTHS', 1, 1],
    LAST_QUARTER: ['QUARTERS', -1, 1],
    THIS_QUARTER: ['QUARTERS', 0, 1],
    NEXT_QUARTER: ['QUARTERS', 1, 1],
    LAST_YEAR: ['YEARS', -1, 1],
    THIS_YEAR: ['YEARS', 0, 1],
    NEXT_YEAR: ['YEARS', 1, 1]
  };
  const span = (unitName: string, from: number, count: number): DayRange => {
    const unit = units[unitName];
    const start = unit.step(unit.current, from);
    return { start, end: unit.step(start, count) };
  };
  if (name in fixed) {
    const [unitName, from, count] = fixed[name];
    return span(unitName, from, count);
  }
  if (name === 'LAST_90_DAYS') return relativeDateRange('LAST_N_DAYS', 90, today);
  if (name === 'NEXT_90_DAYS') return relativeDateRange('NEXT_N_DAYS', 90, today);
  const match = N_LITERAL.exec(name);
  if (!match || n === undefined || !Number.isInteger(n) || n < 0) {
    throw new SoqlError('MALFORMED_QUERY', `unknown date literal ${literal}${n ? `:${n}` : ''}`);
  }
  const [, direction, lastNextUnit, agoUnit] = match;
  if (agoUnit) return span(agoUnit, -n, 1);
  // LAST_N_DAYS:n includes today (n + 1 days); the longer units end before the current one starts.
  if (direction === 'LAST') {
    return lastNextUnit === 'DAYS'
      ? { start: today - n, end: today + 1 }
      : span(lastNextUnit, -n, n);
  }
  return span(lastNextUnit, 1, n);
}
