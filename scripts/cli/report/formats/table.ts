/** The text format: an aligned table for a terminal, the title above it and the notes below. */
import { cellText } from './grid';
import type { Grid } from './grid';

export function renderTable(grid: Grid): string {
  const widths = grid.columns.map((column) =>
    Math.max(column.label.length, ...grid.rows.map((row) => cellText(row[column.key]).length))
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, index) =>
        grid.columns[index].numeric ? cell.padStart(widths[index]) : cell.padEnd(widths[index])
      )
      .join('  ')
      .trimEnd();
  const lines = [
    ...grid.title,
    ...(grid.title.length > 0 ? [''] : []),
    line(grid.columns.map((column) => column.label)),
    line(widths.map((width) => '-'.repeat(width))),
    ...grid.rows.map((row) => line(grid.columns.map((column) => cellText(row[column.key]))))
  ];
  if (grid.notes.length > 0) {
    lines.push('', 'Notes:', ...grid.notes.map((note) => `  - ${note}`));
  }
  return `${lines.join('\n')}\n`;
}
