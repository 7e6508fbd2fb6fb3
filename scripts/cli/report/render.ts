/** Turns a report or an export into the text of the chosen --format. */
import type { Format } from '../options';
import { exportGrid } from './exportGrid';
import type { ExportTable } from './exportTable';
import { renderCsv } from './formats/csv';
import type { Grid } from './formats/grid';
import { renderJson } from './formats/json';
import { renderMarkdown } from './formats/markdown';
import { renderTable } from './formats/table';
import { reportGrid } from './reportGrid';
import type { ReportDocument } from './reportDocument';

function renderGrid(grid: Grid, format: Exclude<Format, 'json'>): string {
  if (format === 'csv') return renderCsv(grid);
  return format === 'markdown' ? renderMarkdown(grid) : renderTable(grid);
}

export function renderReport(document: ReportDocument, format: Format): string {
  if (format === 'json') return renderJson(document);
  return renderGrid(reportGrid(document, format !== 'csv'), format);
}

export function renderExport(table: ExportTable, format: Format): string {
  if (format === 'json') return renderJson(table);
  return renderGrid(exportGrid(table), format);
}
