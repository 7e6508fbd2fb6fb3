import {
  InstantReader,
  daysFromCivil,
  isCalendarDate,
  parseInstantText,
  utcDayStart
} from '../instants';

function fast(text: string, reader = new InstantReader()): number {
  // Surrounding bytes prove the reader keeps to [start, end).
  const bytes = Buffer.from(`,${text},9`, 'utf8');
  return reader.read(bytes, 1, 1 + Buffer.byteLength(text));
}

describe('InstantReader (bytes)', () => {
  it.each([
    ['2026-11-23T12:00:00.000Z', '2026-11-23T12:00:00.000Z'],
    ['2026-11-23T12:00:00.123+0000', '2026-11-23T12:00:00.123Z'],
    ['2026-11-23T12:00:00.123+00:00', '2026-11-23T12:00:00.123Z'],
    ['2026-11-23T12:00:00Z', '2026-11-23T12:00:00.000Z'],
    ['2026-11-23T12:00:00-0500', '2026-11-23T17:00:00.000Z'],
    ['2026-11-23T12:00:00.999+05:30', '2026-11-23T06:30:00.999Z'],
    ['2024-02-29T23:59:59.999Z', '2024-02-29T23:59:59.999Z'],
    ['2000-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z'],
    ['1969-12-31T23:59:59.000Z', '1969-12-31T23:59:59.000Z']
  ])('reads %s', (text, iso) => {
    expect(new Date(fast(text)).toISOString()).toBe(iso);
  });

  it.each([
    '2026-13-01T00:00:00.000Z',
    '2026-02-29T00:00:00.000Z',
    '1900-02-29T00:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-00-10T00:00:00.000Z',
    '2026-11-00T00:00:00.000Z',
    '2026-11-23T24:00:00.000Z',
    '2026-11-23T12:60:00.000Z',
    '2026-11-23T12:00:60.000Z',
    '2026-11-23T12:00:00.000+2400',
    '2026-11-23T12:00:00.000+0060',
    '2026-11-23T12:00:00.000',
    '2026-11-23T12:00:00.000X',
    '2026-11-23T12:00:00.000+00-00',
    '2026-11-23T12:00:00.0Z',
    '2026-11-23T12:00:00.12xZ',
    '2026-11-23 12:00:00.000Z',
    '2026/11/23T12:00:00.000Z',
    '2026-11-23',
    'yesterday at noon, UTC'
  ])('leaves %s to the text fallback (NaN)', (text) => {
    expect(fast(text)).toBeNaN();
  });

  it('remembers one date without mixing dates up', () => {
    const reader = new InstantReader();
    const texts = [
      '2026-11-23T10:00:00.000Z',
      '2026-11-23T11:00:00.000Z',
      '2026-11-24T01:00:00.000Z',
      '2026-11-23T12:00:00.000Z',
      '2026-02-30T12:00:00.000Z',
      '2026-11-23T13:00:00.000Z'
    ];
    expect(texts.map((text) => fast(text, reader))).toEqual([
      Date.parse(texts[0]),
      Date.parse(texts[1]),
      Date.parse(texts[2]),
      Date.parse(texts[3]),
      NaN,
      Date.parse(texts[5])
    ]);
  });

  it('agrees with Date.parse on instants spread over three centuries', () => {
    const reader = new InstantReader();
    for (let i = 0; i < 2000; i += 1) {
      const ms = Date.UTC(1900, 0, 1) + Math.floor((((i * 7919) % 2000) / 2000) * 9.5e12) + i;
      const iso = new Date(ms).toISOString();
      expect(fast(iso, reader)).toBe(ms);
      expect(fast(`${iso.slice(0, -1)}+0000`, reader)).toBe(ms);
    }
  });
});

describe('parseInstantText (fallback)', () => {
  it.each([
    ['2026-11-23 12:00:00Z', '2026-11-23T12:00:00.000Z'],
    ['2026-11-23T12:00Z', '2026-11-23T12:00:00.000Z'],
    ['2026-11-23t12:00:00.5z', '2026-11-23T12:00:00.500Z'],
    ['2026-11-23T12:00:00.123456789Z', '2026-11-23T12:00:00.123Z'],
    ['2026-11-23T12:00:00,29Z', '2026-11-23T12:00:00.290Z'],
    ['2026-11-23T12:00:00+01', '2026-11-23T11:00:00.000Z'],
    ['2026-11-23T12:00:00 -02:30', '2026-11-23T14:30:00.000Z'],
    ['  2026-11-23T12:00:00.000+0000  ', '2026-11-23T12:00:00.000Z']
  ])('reads %j', (text, iso) => {
    expect(new Date(parseInstantText(text)).toISOString()).toBe(iso);
  });

  it.each([
    '2026-11-23T12:00:00',
    '2026-11-23',
    '2026-02-30T12:00:00Z',
    '2026-11-23T25:00:00Z',
    '2026-11-23T12:61:00Z',
    '2026-11-23T12:00:61Z',
    '2026-11-23T12:00:00+25:00',
    '2026-11-23T12:00:00+01:75',
    '23/11/2026 12:00',
    ''
  ])('rejects %j', (text) => {
    expect(parseInstantText(text)).toBeNaN();
  });
});

describe('calendar dates', () => {
  it('counts days like Date.UTC, before and after 1970 and across leap centuries', () => {
    for (const [year, month, day] of [
      [1970, 1, 1],
      [1969, 12, 31],
      [1600, 2, 29],
      [2000, 3, 1],
      [2100, 2, 28],
      [2026, 11, 23],
      [9999, 12, 31]
    ]) {
      expect(daysFromCivil(year, month, day) * 86_400_000).toBe(Date.UTC(year, month - 1, day));
    }
  });

  it('knows which dates exist', () => {
    expect(utcDayStart(2026, 11, 23)).toBe(Date.UTC(2026, 10, 23));
    expect(utcDayStart(2026, 2, 29)).toBeNaN();
    expect(utcDayStart(2026, 6, 31)).toBeNaN();
    expect(utcDayStart(2026, 13, 1)).toBeNaN();
    expect(
      ['2026-11-23', '2024-02-29', '2026-02-29', '2026-1-5', '2026-11-23T00:00:00Z', ''].map(
        isCalendarDate
      )
    ).toEqual([true, true, false, false, false, false]);
  });
});
