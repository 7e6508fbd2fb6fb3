/**
 * Time windows and calendar dates, as KPI_CATALOG.md defines them:
 * a window of N days is T − N×24h < instant ≤ T; a calendar date is taken in a named time zone.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

export function assertPeriodDays(days: number): void {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(
      `A period must be a whole number of days of at least 1; got ${String(days)}.`
    );
  }
}

export function windowStart(asOf: Date, days: number): Date {
  assertPeriodDays(days);
  return new Date(asOf.getTime() - days * DAY_MS);
}

export function isWithinWindow(instant: Date, asOf: Date, days: number): boolean {
  const time = instant.getTime();
  return time > windowStart(asOf, days).getTime() && time <= asOf.getTime();
}

/** The previous window of the same length: T − 2N×24h < instant ≤ T − N×24h. */
export function isWithinPreviousWindow(instant: Date, asOf: Date, days: number): boolean {
  return isWithinWindow(instant, windowStart(asOf, days), days);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit'
      });
    } catch {
      throw new RangeError(
        `Unknown time zone "${timeZone}": use an IANA name such as Europe/Paris.`
      );
    }
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function calendarDate(instant: Date, timeZone: string): string {
  return dateFormatter(timeZone).format(instant);
}

export function parseInstant(value: string, what: string): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(`${what} is not a valid ISO-8601 instant: "${value}".`);
  }
  return instant;
}
