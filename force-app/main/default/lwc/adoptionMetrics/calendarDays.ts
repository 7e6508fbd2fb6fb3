/**
 * Calendar dates (YYYY-MM-DD, the shape of Salesforce Date fields such as CloseDate, ActivityDate
 * and LastActivityDate): validation and day arithmetic. A calendar date has no time zone; date(T)
 * is obtained from an instant with `calendarDate` (windows.ts). Valid dates compare correctly as
 * strings, so `a < b` is the calendar order.
 */
import { DAY_MS } from './windows';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a date, or null when the text is not a date that exists (2026-02-30). */
function utcMidnight(date: string): number | null {
  const match = CALENDAR_DATE.exec(date);
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls an impossible day over into the next month: such a date does not round-trip.
  return new Date(time).toISOString().slice(0, 10) === date ? time : null;
}

export function isCalendarDate(value: string): boolean {
  return utcMidnight(value) !== null;
}

/**
 * A record's calendar date, or null when blank (null, undefined, empty or whitespace); a malformed
 * date is named, not skipped, so a bad export fails loudly instead of skewing a KPI.
 */
export function readCalendarDate(value: string | null | undefined, what: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const date = value.trim();
  if (!isCalendarDate(date)) {
    throw new RangeError(`${what} is not a calendar date (YYYY-MM-DD): "${date}".`);
  }
  return date;
}

/** The calendar date `days` days before `date` (a negative count moves forward). */
export function subtractCalendarDays(date: string, days: number): string {
  if (!Number.isInteger(days)) {
    throw new RangeError(`A number of days must be a whole number; got ${String(days)}.`);
  }
  const midnight = utcMidnight(date);
  if (midnight === null) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}".`);
  }
  // Whole days of 24h are exact at midnight UTC: UTC has no daylight-saving shifts.
  return new Date(midnight - days * DAY_MS).toISOString().slice(0, 10);
}
