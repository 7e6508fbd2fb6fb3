/**
 * What one query may see of a table: a subset of its rows (sharing, deletions) and of its fields
 * (field-level security in user mode). The engine runs over the view, so WHERE, COUNT and GROUP BY
 * only ever meet visible rows and an unreadable field is, to the query, a field that does not
 * exist — as in the platform's user mode.
 */
import type { FieldSpec, FieldValue, SObjectTable } from '../../demo/model';

export class TableView implements SObjectTable {
  readonly name: string;
  readonly size: number;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  private readonly table: SObjectTable;
  /** Visible rows of `table`, ascending; null for all. */
  private readonly rows: Int32Array | null;

  constructor(table: SObjectTable, rows: Int32Array | null, hiddenFields: ReadonlySet<string>) {
    this.table = table;
    this.rows = rows;
    this.name = table.name;
    this.size = rows ? rows.length : table.size;
    this.fields =
      hiddenFields.size === 0
        ? table.fields
        : Object.fromEntries(
            Object.entries(table.fields).filter(([field]) => !hiddenFields.has(field))
          );
  }

  accessor(field: string): ((row: number) => FieldValue) | undefined {
    if (!(field in this.fields)) return undefined;
    const read = this.table.accessor(field);
    const rows = this.rows;
    if (!read || !rows) return read;
    return (row) => read(rows[row]);
  }

  rowOf(id: string): number | undefined {
    const row = this.table.rowOf(id);
    if (row === undefined || !this.rows) return row;
    let low = 0;
    let high = this.rows.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const candidate = this.rows[middle];
      if (candidate === row) return middle;
      if (candidate < row) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

/** The rows of `table` that pass `visible`, ascending. */
export function visibleRows(size: number, visible: (row: number) => boolean): Int32Array {
  const rows: number[] = [];
  for (let row = 0; row < size; row += 1) if (visible(row)) rows.push(row);
  return Int32Array.from(rows);
}
