/**
 * A table of cells, the one shape the text, Markdown and CSV formats print: the report (one row
 * per KPI) and the export (one row per user) both become a Grid, so each format is written once.
 */

export type Cell = string | number | null;

export interface GridColumn {
  /** The CSV header and the row key, e.g. `numerator`. */
  key: string;
  /** The header in the text and Markdown tables, e.g. `Numerator`. */
  label: string;
  /** Right-aligned in the text table. */
  numeric?: boolean;
}

export interface Grid {
  /** Lines printed above the table (text and Markdown only), e.g. the as-of instant. */
  title: string[];
  columns: GridColumn[];
  rows: Record<string, Cell>[];
  /** Printed below the table (text and Markdown); CSV carries no notes. */
  notes: string[];
}

/** A cell as text: null is empty. */
export function cellText(cell: Cell): string {
  return cell === null ? '' : String(cell);
}
