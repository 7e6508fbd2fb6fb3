/**
 * Datetime.format(pattern) with java.text.SimpleDateFormat letters, en_US names. Supported:
 * y M d E D H h k K m s S a Z z and quoting ('text', '' for a quote); other letters are refused.
 */
import { pad, wallClock, zoneOffset, type WallClock } from './calendar';
import { unsupported } from './support';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dayOfYear(clock: WallClock): number {
  return (
    (Date.UTC(clock.year, clock.month - 1, clock.day) - Date.UTC(clock.year, 0, 1)) / 86_400_000 + 1
  );
}

function zoneName(epochMillis: number, zone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(epochMillis))
    .find((p) => p.type === 'timeZoneName');
  return part ? part.value : zone;
}

function field(
  letter: string,
  count: number,
  epochMillis: number,
  zone: string,
  clock: WallClock
): string {
  const hour12 = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
  switch (letter) {
    case 'y':
      return count === 2 ? pad(clock.year % 100, 2) : pad(clock.year, count);
    case 'M':
      if (count >= 4) return MONTHS[clock.month - 1];
      if (count === 3) return MONTHS[clock.month - 1].slice(0, 3);
      return pad(clock.month, count);
    case 'd':
      return pad(clock.day, count);
    case 'E': {
      const day = DAYS[new Date(Date.UTC(clock.year, clock.month - 1, clock.day)).getUTCDay()];
      return count >= 4 ? day : day.slice(0, 3);
    }
    case 'D':
      return pad(dayOfYear(clock), count);
    case 'H':
      return pad(clock.hour, count);
    case 'k':
      return pad(clock.hour === 0 ? 24 : clock.hour, count);
    case 'K':
      return pad(clock.hour % 12, count);
    case 'h':
      return pad(hour12, count);
    case 'm':
      return pad(clock.minute, count);
    case 's':
      return pad(clock.second, count);
    case 'S':
      return pad(clock.millisecond, count);
    case 'a':
      return clock.hour < 12 ? 'AM' : 'PM';
    case 'Z': {
      const minutes = Math.round(zoneOffset(epochMillis, zone) / 60_000);
      const sign = minutes < 0 ? '-' : '+';
      return `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${pad(Math.abs(minutes) % 60, 2)}`;
    }
    case 'z':
      return zoneName(epochMillis, zone);
    default:
      return unsupported(`Datetime.format pattern letter ${letter}`);
  }
}

export function formatDatetime(epochMillis: number, pattern: string, zone: string): string {
  const clock = wallClock(epochMillis, zone);
  let result = '';
  for (let index = 0; index < pattern.length;) {
    const char = pattern[index];
    if (char === "'") {
      const close = pattern.indexOf("'", index + 1);
      if (close === index + 1) {
        result += "'";
        index += 2;
        continue;
      }
      const end = close < 0 ? pattern.length : close;
      result += pattern.slice(index + 1, end).replace(/''/g, "'");
      index = end + 1;
    } else if (/[a-zA-Z]/.test(char)) {
      let count = 1;
      while (pattern[index + count] === char) count++;
      result += field(char, count, epochMillis, zone, clock);
      index += count;
    } else {
      result += char;
      index++;
    }
  }
  return result;
}
