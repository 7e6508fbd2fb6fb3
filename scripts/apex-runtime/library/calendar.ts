/**
 * Time-zone arithmetic for Date/Datetime calendar views: the wall-clock fields of an instant in an
 * IANA zone and back, through Intl (which carries the tz database, so DST changes are exact).
 */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY_MILLIS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let cached = formatters.get(zone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    });
    formatters.set(zone, cached);
  }
  return cached;
}

/** The wall clock of an instant in a zone. */
export function wallClock(epochMillis: number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(epochMillis))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: ((epochMillis % 1000) + 1000) % 1000
  };
}

function wallClockAsUtc(clock: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  date.setUTCHours(clock.hour, clock.minute, clock.second, clock.millisecond);
  return date.getTime();
}

/** The zone's offset from GMT at an instant, in milliseconds (positive east of Greenwich). */
export function zoneOffset(epochMillis: number, zone: string): number {
  return wallClockAsUtc(wallClock(epochMillis, zone)) - epochMillis;
}

/**
 * The instant a wall clock names in a zone. In a DST gap the clock is read with the offset from
 * before the change (so 02:30 on a spring-forward night becomes 03:30), as java.util.Calendar does.
 */
export function instantOf(clock: WallClock, zone: string): number {
  const asUtc = wallClockAsUtc(clock);
  const before = zoneOffset(asUtc - DAY_MILLIS, zone);
  const after = zoneOffset(asUtc + DAY_MILLIS, zone);
  // The offsets a day either side cover the one in force (zones change at most once a day).
  const consistent = [asUtc - before, asUtc - after].filter(
    (instant) => zoneOffset(instant, zone) === asUtc - instant
  );
  // Two readings in a fall-back overlap: the earlier instant; none in a gap: the offset before.
  return consistent.length > 0 ? Math.min(...consistent) : asUtc - before;
}

/** GMT wall clock (no zone lookup). */
export function gmtClock(epochMillis: number): WallClock {
  const date = new Date(epochMillis);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds()
  };
}

export function pad(value: number, width: number): string {
  const text = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${text}` : text;
}

/** 'yyyy-MM-dd HH:mm:ss' of a wall clock. */
export function clockText(clock: WallClock): string {
  return `${pad(clock.year, 4)}-${pad(clock.month, 2)}-${pad(clock.day, 2)} ${pad(clock.hour, 2)}:${pad(clock.minute, 2)}:${pad(clock.second, 2)}`;
}
