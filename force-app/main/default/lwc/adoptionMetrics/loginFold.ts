/**
 * The login KPIs in streaming form: LoginHistory rows are added one at a time and never held, so a
 * CLI can fold millions of rows in memory proportional to users × period days. It answers what
 * buildLeaderboardEntries and buildLoginSummary answer from a whole table: per user the successful
 * logins and distinct active dates in the period (T − N×24h < t ≤ T) and in the one before it,
 * and the last successful login ≤ T (which decides every "logged in within D days" question).
 */
import type { LeaderboardEntry } from './contract';
import { SUCCESSFUL_LOGIN_STATUS, isInPopulation } from './loginActivity';
import type { PopulationUser } from './loginActivity';
import { DAY_MS, assertPeriodDays, calendarDate, windowStart } from './windows';

export interface LoginFoldOptions {
  asOf: Date;
  /** IANA name: active days are calendar dates in this zone. */
  timeZone: string;
  /** N of the leaderboard's period (and of the previous period before it). */
  periodDays: number;
}

export interface LoginFold {
  /** One LoginHistory row; loginTime in epoch ms. Only successful logins ≤ T count. */
  add(userId: string, loginTime: number, status: string): void;
  /** Population users with a successful login in the period or the previous one, in `users` order. */
  entries(users: readonly PopulationUser[]): LeaderboardEntry[];
  /** The latest successful login ≤ T, epoch ms, or null when there is none. */
  lastSuccessfulLogin(userId: string): number | null;
  /** Whether the user has a successful login in T − days×24h < t ≤ T. */
  loggedInWithin(userId: string, days: number): boolean;
}

/**
 * Time-zone offsets (and so local midnights) are whole multiples of 15 minutes in every zone in
 * use today, so one calendar date holds for a whole 15-minute bucket: one Intl call per bucket,
 * not per row. A bucket that straddles a local midnight anyway (a historical offset such as
 * Monrovia's −0:44:30) is marked and resolved per row, so the answer stays exact.
 */
const BUCKET_MS = 15 * 60 * 1000;
const UNKNOWN_BUCKET = -1;
const MIXED_BUCKET = -2;
/** The earliest instant a Date can hold; anything lower (NaN included) is not a login time. */
const MIN_INSTANT = -8.64e15;

/** Days since 1970-01-01 of the calendar date of an instant in a zone. */
function localDayNumber(instant: number, timeZone: string): number {
  const date = calendarDate(new Date(instant), timeZone);
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    DAY_MS
  );
}

/** Calendar day (as an offset from `firstDay`) of instants in (from, to], cached per bucket. */
class LocalDays {
  readonly firstDay: number;
  readonly span: number;
  private readonly timeZone: string;
  private readonly firstBucket: number;
  private readonly buckets: Int32Array;

  constructor(from: number, to: number, timeZone: string) {
    this.timeZone = timeZone;
    // One day of margin each side: a daylight-saving change at midnight can move a date back.
    this.firstDay = localDayNumber(from, timeZone) - 1;
    this.span = localDayNumber(to, timeZone) + 1 - this.firstDay + 1;
    this.firstBucket = Math.floor(from / BUCKET_MS);
    this.buckets = new Int32Array(Math.floor(to / BUCKET_MS) - this.firstBucket + 1).fill(
      UNKNOWN_BUCKET
    );
  }

  /** The day offset of an instant in (from, to]. */
  of(instant: number): number {
    const index = Math.floor(instant / BUCKET_MS) - this.firstBucket;
    const cached = this.buckets[index];
    if (cached >= 0) return cached;
    if (cached === MIXED_BUCKET) return this.dayOffset(instant);
    const start = (this.firstBucket + index) * BUCKET_MS;
    const day = this.dayOffset(start);
    if (this.dayOffset(start + BUCKET_MS - 1) === day) {
      this.buckets[index] = day;
      return day;
    }
    this.buckets[index] = MIXED_BUCKET;
    return this.dayOffset(instant);
  }

  private dayOffset(instant: number): number {
    return localDayNumber(instant, this.timeZone) - this.firstDay;
  }
}

/** Set bits of a 32-bit word. */
function bitCount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

const INITIAL_SLOTS = 1024;

/**
 * Per-user state in typed arrays indexed by a slot (one per user with a successful login ≤ T):
 * the last success, login counts per window and one bitmap of active dates per window.
 */
class StreamingLoginFold implements LoginFold {
  private readonly asOfMs: number;
  private readonly currentStartMs: number;
  private readonly previousStartMs: number;
  private readonly days: LocalDays;
  /** 32-bit words of one window's date bitmap. */
  private readonly words: number;
  private readonly slots = new Map<string, number>();
  private capacity = INITIAL_SLOTS;
  private lastSuccess = new Float64Array(INITIAL_SLOTS);
  private currentLogins = new Int32Array(INITIAL_SLOTS);
  private previousLogins = new Int32Array(INITIAL_SLOTS);
  /** Per slot: `words` words for the current window's dates, then `words` for the previous one. */
  private dates: Int32Array;

  constructor(options: LoginFoldOptions) {
    const { asOf, timeZone, periodDays } = options;
    assertPeriodDays(periodDays);
    if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) {
      throw new RangeError(`The login fold needs a valid as-of instant; got ${String(asOf)}.`);
    }
    this.asOfMs = asOf.getTime();
    this.currentStartMs = windowStart(asOf, periodDays).getTime();
    this.previousStartMs = windowStart(asOf, 2 * periodDays).getTime();
    this.days = new LocalDays(this.previousStartMs, this.asOfMs, timeZone);
    this.words = Math.ceil(this.days.span / 32);
    this.dates = new Int32Array(INITIAL_SLOTS * 2 * this.words);
  }

  add(userId: string, loginTime: number, status: string): void {
    if (status !== SUCCESSFUL_LOGIN_STATUS || loginTime > this.asOfMs) return;
    if (!(loginTime >= MIN_INSTANT)) {
      throw new RangeError(
        `LoginTime of a login by ${userId} is not a valid instant: ${String(loginTime)}.`
      );
    }
    let slot = this.slots.get(userId);
    if (slot === undefined) slot = this.allocate(userId);
    if (loginTime > this.lastSuccess[slot]) this.lastSuccess[slot] = loginTime;
    if (loginTime <= this.previousStartMs) return;
    const day = this.days.of(loginTime);
    let word = slot * 2 * this.words + (day >>> 5);
    if (loginTime > this.currentStartMs) {
      this.currentLogins[slot] += 1;
    } else {
      this.previousLogins[slot] += 1;
      word += this.words;
    }
    this.dates[word] |= 1 << (day & 31);
  }

  entries(users: readonly PopulationUser[]): LeaderboardEntry[] {
    return users.filter(isInPopulation).flatMap((user) => {
      const slot = this.slots.get(user.id);
      if (slot === undefined) return [];
      const logins = this.currentLogins[slot];
      const previousLogins = this.previousLogins[slot];
      if (logins === 0 && previousLogins === 0) return [];
      return [
        {
          userId: user.id,
          name: user.name,
          role: user.role,
          region: user.region,
          logins,
          activeDays: this.countDates(slot * 2 * this.words),
          previousLogins,
          previousActiveDays: this.countDates((slot * 2 + 1) * this.words)
        }
      ];
    });
  }

  lastSuccessfulLogin(userId: string): number | null {
    const slot = this.slots.get(userId);
    return slot === undefined ? null : this.lastSuccess[slot];
  }

  loggedInWithin(userId: string, days: number): boolean {
    const start = windowStart(new Date(this.asOfMs), days).getTime();
    const last = this.lastSuccessfulLogin(userId);
    return last !== null && last > start;
  }

  private countDates(from: number): number {
    let count = 0;
    for (let word = from; word < from + this.words; word += 1) count += bitCount(this.dates[word]);
    return count;
  }

  private allocate(userId: string): number {
    const slot = this.slots.size;
    if (slot === this.capacity) this.grow();
    this.slots.set(userId, slot);
    this.lastSuccess[slot] = -Infinity;
    return slot;
  }

  /** Doubles every per-slot array; amortized O(1) per user. */
  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Float64Array | Int32Array>(old: T, make: (size: number) => T): T => {
      const array = make(old.length * 2);
      array.set(old);
      return array;
    };
    this.lastSuccess = grown(this.lastSuccess, (size) => new Float64Array(size));
    this.currentLogins = grown(this.currentLogins, (size) => new Int32Array(size));
    this.previousLogins = grown(this.previousLogins, (size) => new Int32Array(size));
    this.dates = grown(this.dates, (size) => new Int32Array(size));
  }
}

/**
 * A fold for one (asOf, time zone, period): feed it every LoginHistory row (any order, any range;
 * rows outside the windows only move the last login), then read the entries and windows.
 * Throws a RangeError for a period that is not whole days ≥ 1, an invalid asOf or an unknown zone.
 */
export function createLoginFold(options: LoginFoldOptions): LoginFold {
  return new StreamingLoginFold(options);
}
