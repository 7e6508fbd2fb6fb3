/**
 * CSV for the drill-down exports: RFC 4180 (a header row, CRLF line ends, a field quoted when it
 * holds a comma, a quote or a line break, quotes doubled), safe to open in a spreadsheet.
 */

export interface CsvColumn {
  fieldName: string;
  label: string;
}

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection"): a leading = + - @, or a tab
 * or carriage return that hides one. Numbers are not text: -5 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const NEEDS_QUOTES = /[",\r\n]/;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(value: unknown): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Own properties only: a column named "constructor" is not the row's constructor. */
function ownValue(row: Readonly<Record<string, unknown>>, column: CsvColumn): unknown {
  return Object.prototype.hasOwnProperty.call(row, column.fieldName) ? row[column.fieldName] : null;
}

/** The rows as CSV: the columns' labels, then each row's `fieldName` values; null and missing are empty. */
export function toCsv(
  columns: readonly CsvColumn[],
  rows: readonly Record<string, unknown>[]
): string {
  const lines = [columns.map((column) => csvField(column.label))];
  for (const row of rows) lines.push(columns.map((column) => csvField(ownValue(row, column))));
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}
