/**
 * Calendar arithmetic for the generator. A "day" is a calendar date counted in days since
 * 1970-01-01 (so day 0 is a Thursday); converting to and from instants needs a time zone, whose
 * UTC offsets come from Intl and are cached per day.
 */

import { zoneOffsetReader } from '../shared/timeZone';
import type { OffsetReader } from '../shared/timeZone';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Day-number sentinel for a null date in Int32Array columns. */
export const NULL_DAY = -0x80000000;

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const dow = weekday(day);
  return dow === 0 || dow === 6;
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Memoised isoDate, for date columns read millions of times. */
export function createDateFormatter(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) {
      text = isoDate(day);
      cache.set(day, text);
    }
    return text;
  };
}

/** Throws a RangeError naming the zone when Intl does not know it. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(
      `Unknown time zone "${timeZone}": use an IANA name such as UTC or Europe/Paris`
    );
  }
}

/** UTC offsets of one IANA time zone (local = UTC + offset), cached per calendar day. */
export class ZoneClock {
  readonly timeZone: string;
  /** The zone's offset at an instant, in ms. */
  readonly offsetAt: OffsetReader;
  private readonly offsets = new Map<number, number>();

  constructor(timeZone: string) {
    assertTimeZone(timeZone);
    this.timeZone = timeZone;
    this.offsetAt = zoneOffsetReader(timeZone);
  }

  /** The offset in force around midday of a local calendar day (DST switches happen at night). */
  offsetOnDay(day: number): number {
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      offset = this.offsetAt(day * DAY_MS + 12 * HOUR_MS);
      this.offsets.set(day, offset);
    }
    return offset;
  }

  /** The instant of a local wall-clock time (minutes after local midnight) on a local day. */
  instant(day: number, minuteOfDay: number): number {
    return day * DAY_MS + minuteOfDay * MINUTE_MS - this.offsetOnDay(day);
  }

  /** The local calendar day of an instant. */
  dayOf(instantMs: number): number {
    return Math.floor((instantMs + this.offsetAt(instantMs)) / DAY_MS);
  }

  /** dayOf through the per-day cache: may be off by a day only within an hour of a DST switch. */
  approximateDayOf(instantMs: number): number {
    return Math.floor((instantMs + this.offsetOnDay(Math.floor(instantMs / DAY_MS))) / DAY_MS);
  }
}

/**
 * Share of the usual activity on a calendar day: the Christmas–New Year break (24 Dec – 1 Jan) is
 * near zero, and the summer holiday week (Monday–Friday of the week holding 12 August; 2026-08-10
 * to 2026-08-14) runs at a quarter.
 */
export function holidayFactor(day: number): number {
  const date = new Date(day * DAY_MS);
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  if ((month === 11 && dayOfMonth >= 24) || (month === 0 && dayOfMonth === 1)) return 0.05;
  if (month === 7) {
    const august12 = Math.floor(Date.UTC(date.getUTCFullYear(), 7, 12) / DAY_MS);
    const monday = august12 - ((weekday(august12) + 6) % 7);
    if (day >= monday && day <= monday + 4) return 0.25;
  }
  return 1;
}
