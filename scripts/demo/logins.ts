/**
 * LoginHistory: six months of logins ending at asOf, in ascending LoginTime order over the whole
 * table (ties: user roster order). Each user follows the login habit of their kind in their own
 * time zone: reps most working days, one to three times a day from about 8:30 local; managers a
 * few times a week; executives about weekly; sales operations daily. Weekends are rare, the
 * holiday weeks are quiet (see holidayFactor), and about 3% of attempts fail just before a
 * successful retry. Users log in only between their first day and their deactivation (or the
 * day they went dormant); some never-logged-in users have only failed attempts.
 */
import { DAY_MS, MINUTE_MS, ZoneClock, holidayFactor, isWeekend } from './calendar';
import { float64Column } from './columns';
import { LOGIN_HABITS, Person } from './people';
import { Random } from './random';

export const LOGIN_STATUSES = [
  'Success',
  'Invalid Password',
  'Failed: Computer activation required',
  'Password Lockout'
] as const;
export const LOGIN_APPLICATIONS = ['Browser', 'Salesforce for iOS'] as const;
/** Weights of the failure statuses (index 0, Success, never chosen as a failure). */
const FAILURE_WEIGHTS = [0, 70, 20, 10];
const FAILURE_RATE = 0.03;
/** The packed sort key holds the user index in 16 bits (the generator allows 50,000 users). */
const USER_SLOTS = 65536;

export interface LoginColumns {
  size: number;
  /** Roster index of the user. */
  user: Int32Array;
  /** LoginTime, epoch ms (whole seconds). */
  time: Float64Array;
  /** Index into LOGIN_STATUSES. */
  status: Uint8Array;
  /** Index into LOGIN_APPLICATIONS. */
  application: Uint8Array;
}

export interface LoginSettings {
  asOfMs: number;
  windowStartMs: number;
}

/**
 * One login packed into a single float so the whole table sorts with a plain numeric sort:
 * ((seconds since the window's base × 65536 + user) × 4 + status) × 2 + application (< 2^53).
 */
class PackedLogins {
  private readonly keys = float64Column(1 << 16);
  private readonly baseSecond: number;
  private readonly windowStartMs: number;
  private readonly asOfMs: number;

  constructor(settings: LoginSettings) {
    this.windowStartMs = settings.windowStartMs;
    this.asOfMs = settings.asOfMs;
    this.baseSecond = Math.floor(settings.windowStartMs / 1000);
  }

  /** Adds a login if it falls in the window (windowStart, asOf]. */
  add(timeMs: number, user: number, status: number, application: number): void {
    if (timeMs <= this.windowStartMs || timeMs > this.asOfMs) return;
    const second = Math.floor(timeMs / 1000) - this.baseSecond;
    this.keys.push(((second * USER_SLOTS + user) * 4 + status) * 2 + application);
  }

  unpack(): LoginColumns {
    const keys = this.keys.finish().sort();
    const size = keys.length;
    const columns: LoginColumns = {
      size,
      user: new Int32Array(size),
      time: new Float64Array(size),
      status: new Uint8Array(size),
      application: new Uint8Array(size)
    };
    for (let row = 0; row < size; row += 1) {
      let key = keys[row];
      columns.application[row] = key % 2;
      key = (key - (key % 2)) / 2;
      columns.status[row] = key % 4;
      key = (key - (key % 4)) / 4;
      const user = key % USER_SLOTS;
      columns.user[row] = user;
      columns.time[row] = ((key - user) / USER_SLOTS + this.baseSecond) * 1000;
    }
    return columns;
  }
}

export function generateLogins(
  people: readonly Person[],
  clocks: readonly ZoneClock[],
  settings: LoginSettings,
  rng: Random
): LoginColumns {
  if (people.length > USER_SLOTS) throw new RangeError(`At most ${USER_SLOTS} users`);
  const { asOfMs, windowStartMs } = settings;
  const firstDay = Math.floor(windowStartMs / DAY_MS) - 1;
  const lastDay = Math.floor(asOfMs / DAY_MS) + 1;
  const dayCount = lastDay - firstDay + 1;
  const factors = new Float64Array(dayCount);
  const weekends = new Uint8Array(dayCount);
  for (let i = 0; i < dayCount; i += 1) {
    factors[i] = holidayFactor(firstDay + i);
    weekends[i] = isWeekend(firstDay + i) ? 1 : 0;
  }
  // Local midnight of each day, per place: the inner loop then needs no time-zone lookups.
  const midnights = clocks.map((clock) => {
    const starts = new Float64Array(dayCount);
    for (let i = 0; i < dayCount; i += 1) starts[i] = clock.instant(firstDay + i, 0);
    return starts;
  });

  const packed = new PackedLogins(settings);
  people.forEach((person, user) => {
    if (person.neverLogsIn) {
      addLockout(person, user, packed, settings, rng);
      return;
    }
    const habit = LOGIN_HABITS[person.kind];
    const starts = midnights[person.place];
    for (let i = 0; i < dayCount; i += 1) {
      const midnight = starts[i];
      if (midnight + DAY_MS <= person.loginFromMs || midnight > person.loginToMs) continue;
      const base = weekends[i] ? habit.weekend : Math.min(0.98, habit.workday * person.engagement);
      if (!rng.chance(base * factors[i])) continue;
      const logins = weekends[i] ? 1 : rng.weighted(habit.perDay) + 1;
      let minute = Math.round(Math.min(720, Math.max(360, rng.gaussian(habit.firstMinute, 40))));
      for (let k = 0; k < logins; k += 1) {
        if (k > 0) minute += rng.int(75, 240);
        if (minute >= 22 * 60) break;
        const time = midnight + minute * MINUTE_MS + rng.int(0, 59) * 1000;
        if (time < person.loginFromMs || time > person.loginToMs) continue;
        const application = rng.chance(person.mobileShare) ? 1 : 0;
        if (rng.chance(FAILURE_RATE)) {
          const status = rng.weighted(FAILURE_WEIGHTS);
          packed.add(time - rng.int(15, 240) * 1000, user, status, application);
        }
        packed.add(time, user, 0, application);
      }
    }
  });
  return packed.unpack();
}

/** Some users who never got in tried: a few wrong passwords ending in a lockout. */
function addLockout(
  person: Person,
  user: number,
  packed: PackedLogins,
  settings: LoginSettings,
  rng: Random
): void {
  if (!person.isActive || !rng.chance(0.4)) return;
  const from = Math.max(person.loginFromMs, settings.asOfMs - 30 * DAY_MS);
  if (from >= settings.asOfMs) return;
  let time = rng.float(from, settings.asOfMs);
  const attempts = rng.int(1, 3);
  for (let k = 0; k < attempts; k += 1) {
    packed.add(time, user, k === attempts - 1 ? 3 : 1, 0);
    time += rng.int(20, 90) * 1000;
  }
}
