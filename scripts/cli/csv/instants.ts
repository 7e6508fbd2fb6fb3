/**
 * Datetime and date cells as Salesforce exports write them. The fast path reads the forms Bulk API
 * 2.0, Data Loader and `sf data export bulk` write — `2026-11-23T12:00:00.000Z`, with `+0000` or
 * `+00:00` for `Z`, with or without milliseconds — straight from the bytes, without a string or
 * a Date: LoginHistory has millions of them. Anything else goes through `parseInstantText`, which
 * accepts the other ISO-8601 forms of an instant. Both reject impossible dates (2026-02-30) and
 * an instant without a UTC offset, whose meaning would depend on the machine's time zone.
 */

const DAY_MS = 86_400_000;
const ZERO = 0x30;

/** Days from 1970-01-01 to a civil date (proleptic Gregorian; H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch ms of a valid calendar date at 00:00 UTC, or NaN. */
export function utcDayStart(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day) * DAY_MS;
}

/** Two ASCII digits at `at`, or -1. */
function two(bytes: Uint8Array, at: number): number {
  const a = bytes[at] - ZERO;
  const b = bytes[at + 1] - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Reads `YYYY-MM-DDTHH:MM:SS[.sss](Z|+0000|+00:00|±HHMM|±HH:MM)` from bytes[start, end).
 * Returns epoch ms, or NaN when the bytes are not in that form (the caller then tries the text
 * fallback) or name an impossible date or time. One date is remembered: the rows of an export
 * sorted by time share it.
 */
export class InstantReader {
  private lastDateKey = -1;
  private lastDayMs = 0;

  read(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length < 20 || bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d) return NaN;
    if (bytes[start + 10] !== 0x54 || bytes[start + 13] !== 0x3a || bytes[start + 16] !== 0x3a) {
      return NaN;
    }
    const century = two(bytes, start);
    const yy = two(bytes, start + 2);
    const month = two(bytes, start + 5);
    const day = two(bytes, start + 8);
    const hours = two(bytes, start + 11);
    const minutes = two(bytes, start + 14);
    const seconds = two(bytes, start + 17);
    if ((century | yy | month | day | hours | minutes | seconds) < 0) return NaN;
    if (hours > 23 || minutes > 59 || seconds > 59) return NaN;
    let p = start + 19;
    let millis = 0;
    if (bytes[p] === 0x2e) {
      const a = two(bytes, p + 1);
      const c = bytes[p + 3] - ZERO;
      if (a < 0 || !(c >= 0 && c <= 9)) return NaN;
      millis = a * 10 + c;
      p += 4;
    }
    const offset = this.offsetMs(bytes, p, end);
    if (Number.isNaN(offset)) return NaN;
    const dateKey = ((century * 100 + yy) * 100 + month) * 100 + day;
    if (dateKey !== this.lastDateKey) {
      const dayMs = utcDayStart(century * 100 + yy, month, day);
      if (Number.isNaN(dayMs)) return NaN;
      this.lastDateKey = dateKey;
      this.lastDayMs = dayMs;
    }
    return this.lastDayMs + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis - offset;
  }

  /** `Z`, `±HHMM` or `±HH:MM` filling bytes[p, end) exactly: the offset in ms, or NaN. */
  private offsetMs(bytes: Uint8Array, p: number, end: number): number {
    const rest = end - p;
    if (rest === 1) return bytes[p] === 0x5a ? 0 : NaN;
    const sign = bytes[p] === 0x2b ? 1 : bytes[p] === 0x2d ? -1 : 0;
    if (sign === 0 || (rest !== 5 && rest !== 6)) return NaN;
    const hours = two(bytes, p + 1);
    const colon = rest === 6 ? 1 : 0;
    if (colon === 1 && bytes[p + 3] !== 0x3a) return NaN;
    const minutes = two(bytes, p + 3 + colon);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN;
    return sign * (hours * 60 + minutes) * 60_000;
  }
}

const INSTANT_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Any ISO-8601 instant with an offset (seconds and fractions optional, `T` or a space): ms or NaN. */
export function parseInstantText(text: string): number {
  const match = INSTANT_TEXT.exec(text.trim());
  if (match === null) return NaN;
  const [, year, month, day, hours, minutes, seconds = '0', fraction = '', offset] = match;
  const dayMs = utcDayStart(Number(year), Number(month), Number(day));
  const [h, m, s] = [Number(hours), Number(minutes), Number(seconds)];
  if (Number.isNaN(dayMs) || h > 23 || m > 59 || s > 59) return NaN;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMs = 0;
  if (offset.toUpperCase() !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMinutes > 59) return NaN;
    offsetMs = (offset[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return dayMs + ((h * 60 + m) * 60 + s) * 1000 + millis - offsetMs;
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date YYYY-MM-DD that exists. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_TEXT.exec(text);
  return match !== null && !Number.isNaN(utcDayStart(+match[1], +match[2], +match[3]));
}
