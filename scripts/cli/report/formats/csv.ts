/**
 * The CSV format: the library's RFC 4180 writer (CRLF, quotes where needed, formula-injection
 * safe) with the column keys as headers; numbers unformatted, so a spreadsheet computes with them.
 */
import { toCsv } from '../../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type { Grid } from './grid';

export function renderCsv(grid: Grid): string {
  return toCsv(
    grid.columns.map((column) => ({ fieldName: column.key, label: column.key })),
    grid.rows
  );
}
