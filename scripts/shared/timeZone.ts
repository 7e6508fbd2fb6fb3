/** Wall-clock offsets of IANA time zones, shared by the demo generator and the SOQL engine. */

/** A reader of a zone's UTC offset at an instant (ms to add to UTC to get wall-clock time). */
export type OffsetReader = (instantMs: number) => number;

/** Throws a RangeError naming the zone when it is not a known IANA time zone. */
export function zoneOffsetReader(timeZone: string): OffsetReader {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": use an IANA name such as Europe/Paris.`);
  }
  return (instantMs) => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(instantMs)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(
      parts.year,
      parts.month - 1,
      parts.day,
      parts.hour,
      parts.minute,
      parts.second
    );
    return wall - Math.floor(instantMs / 1000) * 1000;
  };
}
