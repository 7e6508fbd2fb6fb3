/**
 * Cell → record value, as the KPI library's record types want them: text as written, null for a
 * blank cell, booleans, numbers, instants as ISO strings in UTC (`2026-11-23T12:00:00.000Z`, also
 * for a `+0000` input, so the library never sees two spellings of one instant), dates as
 * YYYY-MM-DD. A cell that cannot be read throws a CellProblem saying what was expected.
 *
 * A reader is made per file (`() => CellReader`), so it may keep state: the shared-text readers
 * keep an interner, so a million tasks hold each owner Id once.
 */
import { ByteInterner } from './byteInterner';
import { CellProblem } from './csvErrors';
import type { CsvRow } from './csvReader';
import { InstantReader, isCalendarDate, parseInstantText } from './instants';

export type CellReader<V> = (row: CsvRow, index: number) => V;
export type CellReaderFactory<V> = () => CellReader<V>;

const BLANK = 'is blank, but every record has a value here';
const INSTANT_FORM = 'is not a date and time with a UTC offset (like 2026-11-23T12:00:00.000Z)';
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function required<V>(read: CellReader<V | null>): CellReader<V> {
  return (row, index) => {
    const value = read(row, index);
    if (value === null) throw new CellProblem(row, index, BLANK);
    return value;
  };
}

const optionalText: CellReaderFactory<string | null> = () => (row, index) =>
  row.isBlank(index) ? null : row.text(index);

/** Text that repeats across rows (Ids of users, picklist values): decoded once per value. */
const optionalSharedText: CellReaderFactory<string | null> = () => {
  const interner = new ByteInterner();
  return (row, index) => {
    if (row.isBlank(index)) return null;
    if (row.escaped[index] === 1) return row.text(index);
    return interner.intern(row.bytes, row.starts[index], row.ends[index]);
  };
};

/** Epoch ms of an instant cell (not blank); fast path on the bytes, then the text forms. */
export function instantMs(reader: InstantReader, row: CsvRow, index: number): number {
  let ms = reader.read(row.bytes, row.starts[index], row.ends[index]);
  if (Number.isNaN(ms)) ms = parseInstantText(row.text(index));
  if (Number.isNaN(ms)) throw new CellProblem(row, index, INSTANT_FORM);
  return ms;
}

const optionalInstant: CellReaderFactory<string | null> = () => {
  const reader = new InstantReader();
  return (row, index) => {
    if (row.isBlank(index)) return null;
    return new Date(instantMs(reader, row, index)).toISOString();
  };
};

const optionalDate: CellReaderFactory<string | null> = () => (row, index) => {
  if (row.isBlank(index)) return null;
  const text = row.text(index).trim();
  if (!isCalendarDate(text)) throw new CellProblem(row, index, 'is not a date (YYYY-MM-DD)');
  return text;
};

const flag: CellReaderFactory<boolean> = () => (row, index) => {
  const text = row.text(index).trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new CellProblem(row, index, 'is not a boolean (true, false, 1 or 0)');
};

const optionalNumber: CellReaderFactory<number | null> = () => (row, index) => {
  if (row.isBlank(index)) return null;
  const text = row.text(index).trim();
  if (!NUMBER_TEXT.test(text)) {
    throw new CellProblem(row, index, 'is not a number (digits, a point for decimals)');
  }
  return Number(text);
};

export const cells = {
  text: (): CellReader<string> => required(optionalText()),
  optionalText,
  sharedText: (): CellReader<string> => required(optionalSharedText()),
  optionalSharedText,
  instant: (): CellReader<string> => required(optionalInstant()),
  optionalInstant,
  optionalDate,
  flag,
  optionalNumber
};
