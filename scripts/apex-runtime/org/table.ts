/**
 * One SObject's records as a mutable SObjectTable: an optional read-only base layer (a generated
 * demo org's columns, millions of rows) under an overlay of inserted rows, updated values and
 * deletions. Rows 0…base.size-1 are the base's, later rows the inserted ones, so the engine reads
 * both through one accessor per field and the base is never copied.
 */
import type { FieldSpec, FieldValue, SObjectTable } from '../../demo/model';
import { idSuffix } from '../values';

export type Row = Record<string, FieldValue>;

/** The overlay, which is all a snapshot needs to copy. */
export interface TableState {
  readonly inserted: readonly Row[];
  readonly patches: ReadonlyMap<number, Row>;
  readonly deleted: ReadonlySet<number>;
}

function to18(id: string): string {
  return id.length === 15 ? `${id}${idSuffix(id)}` : id;
}

export class OrgTable implements SObjectTable {
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  private readonly base: SObjectTable | undefined;
  private readonly baseSize: number;
  private inserted: Row[] = [];
  private insertedById = new Map<string, number>();
  private patches = new Map<number, Row>();
  private deleted = new Set<number>();

  constructor(name: string, fields: Record<string, FieldSpec>, base?: SObjectTable) {
    this.name = name;
    this.base = base;
    this.baseSize = base?.size ?? 0;
    // The base's own specs win for its columns: its readers return values of those types.
    this.fields = Object.freeze({ ...fields, ...base?.fields });
  }

  get size(): number {
    return this.baseSize + this.inserted.length;
  }

  /** Rows deleted and not undeleted: queries leave them out (no ALL ROWS). */
  get deletedCount(): number {
    return this.deleted.size;
  }

  accessor(field: string): ((row: number) => FieldValue) | undefined {
    if (!(field in this.fields)) return undefined;
    const baseRead = this.base?.accessor(field);
    const baseSize = this.baseSize;
    return (row) => {
      if (row >= baseSize) return this.inserted[row - baseSize][field] ?? null;
      if (this.patches.size !== 0) {
        const patch = this.patches.get(row);
        if (patch && field in patch) return patch[field];
      }
      return baseRead ? baseRead(row) : null;
    };
  }

  rowOf(id: string): number | undefined {
    if (typeof id !== 'string' || (id.length !== 15 && id.length !== 18)) return undefined;
    const full = to18(id);
    const own = this.insertedById.get(full);
    if (own !== undefined) return this.baseSize + own;
    return this.base?.rowOf(full);
  }

  isDeleted(row: number): boolean {
    return this.deleted.has(row);
  }

  /** Every field of a row, as stored. */
  read(row: number): Row {
    const values: Row = {};
    for (const field of Object.keys(this.fields))
      values[field] = this.accessor(field)?.(row) ?? null;
    return values;
  }

  /** Appends a row, which must carry its Id; returns its row number. */
  insert(values: Row): number {
    const index = this.inserted.push({ ...values }) - 1;
    this.insertedById.set(values.Id as string, index);
    return this.baseSize + index;
  }

  update(row: number, values: Row): void {
    if (row >= this.baseSize) {
      Object.assign(this.inserted[row - this.baseSize], values);
      return;
    }
    this.patches.set(row, { ...this.patches.get(row), ...values });
  }

  setDeleted(row: number, deleted: boolean): void {
    if (deleted) this.deleted.add(row);
    else this.deleted.delete(row);
  }

  state(): TableState {
    return {
      inserted: this.inserted.map((row) => ({ ...row })),
      patches: new Map([...this.patches].map(([row, patch]) => [row, { ...patch }])),
      deleted: new Set(this.deleted)
    };
  }

  restore(state: TableState): void {
    this.inserted = state.inserted.map((row) => ({ ...row }));
    this.insertedById = new Map(this.inserted.map((row, index) => [row.Id as string, index]));
    this.patches = new Map([...state.patches].map(([row, patch]) => [row, { ...patch }]));
    this.deleted = new Set(state.deleted);
  }
}
