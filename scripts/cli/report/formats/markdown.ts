/** The Markdown format: for a wiki page, an e-mail or a pull request. */
import { cellText } from './grid';
import type { Grid } from './grid';

/** A cell may hold `|` (a name) or a line break; neither may break the table. */
function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderMarkdown(grid: Grid): string {
  const row = (cells: string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  const lines = [
    ...grid.title.map((text, index) => (index === 0 ? `# ${text}` : text)),
    ...(grid.title.length > 0 ? [''] : []),
    row(grid.columns.map((column) => column.label)),
    `|${grid.columns.map((column) => (column.numeric ? ' ---: ' : ' --- ')).join('|')}|`,
    ...grid.rows.map((cells) => row(grid.columns.map((column) => cellText(cells[column.key]))))
  ];
  if (grid.notes.length > 0) {
    lines.push('', '## Notes', '', ...grid.notes.map((note) => `- ${note}`));
  }
  return `${lines.join('\n')}\n`;
}
