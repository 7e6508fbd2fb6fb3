/**
 * SObjectTable over generated columns. Small objects keep plain arrays, big ones typed arrays; in
 * both cases each field is a reader closure made once, and rowOf decodes the Id (no index map).
 */
import type { IdCodec } from './ids';
import type { FieldSpec, FieldType, FieldValue, SObjectTable } from './model';

export type Reader = (row: number) => FieldValue;

export interface FieldDef {
  spec: FieldSpec;
  read: Reader;
}

export class DemoTable implements SObjectTable {
  readonly name: string;
  readonly size: number;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  private readonly readers: ReadonlyMap<string, Reader>;
  private readonly codec: IdCodec;

  constructor(name: string, size: number, codec: IdCodec, definitions: Record<string, FieldDef>) {
    this.name = name;
    this.size = size;
    this.codec = codec;
    const fields: Record<string, FieldSpec> = {};
    const readers = new Map<string, Reader>();
    for (const [field, definition] of Object.entries(definitions)) {
      const spec = definition.spec;
      fields[field] = Object.freeze(
        spec.referenceTargets
          ? { ...spec, referenceTargets: Object.freeze([...spec.referenceTargets]) }
          : { ...spec }
      );
      readers.set(field, definition.read);
    }
    this.fields = Object.freeze(fields);
    this.readers = readers;
  }

  accessor(field: string): Reader | undefined {
    return this.readers.get(field);
  }

  rowOf(id: string): number | undefined {
    if (typeof id !== 'string') return undefined;
    const row = this.codec.decode(id);
    return row !== undefined && row < this.size ? row : undefined;
  }
}

// ---- field definitions ------------------------------------------------------------------------

export function typed(type: FieldType, read: Reader): FieldDef {
  return { spec: { type }, read };
}

export function reference(referenceTo: string, relationshipName: string, read: Reader): FieldDef {
  return { spec: { type: 'reference', referenceTo, relationshipName }, read };
}

/** A polymorphic reference: paths reach the Name object; the Id's key prefix tells the object. */
export function polymorphic(
  targets: readonly [string, ...string[]],
  relationshipName: string,
  read: Reader
): FieldDef {
  return {
    spec: {
      type: 'reference',
      referenceTo: targets[0],
      relationshipName,
      referenceTargets: targets
    },
    read
  };
}

// ---- readers over columns ---------------------------------------------------------------------

/** Ids of the rows of this table. */
export const ownIds =
  (codec: IdCodec): Reader =>
  (row) =>
    codec.encode(row);

/** Row indexes (-1 = null) as Ids of a target whose Ids are precomputed (small tables). */
export const idsFrom =
  (rows: Int32Array, ids: readonly string[]): Reader =>
  (row) => {
    const target = rows[row];
    return target < 0 ? null : ids[target];
  };

/** Row indexes (-1 = null) as Ids of a big target, encoded on demand. */
export const idsOf =
  (rows: Int32Array, codec: IdCodec): Reader =>
  (row) => {
    const target = rows[row];
    return target < 0 ? null : codec.encode(target);
  };

/** Codes as labels; a code outside the labels (e.g. 255) is null. */
export const labels =
  (codes: Uint8Array, names: readonly string[]): Reader =>
  (row) =>
    names[codes[row]] ?? null;

export const flag =
  (values: Uint8Array, when = 1): Reader =>
  (row) =>
    values[row] === when;

/** Numbers; NaN is null. Serves datetime (epoch ms), currency and other numeric columns. */
export const numbers =
  (values: Float64Array): Reader =>
  (row) => {
    const value = values[row];
    return Number.isNaN(value) ? null : value;
  };

/** Day numbers as 'YYYY-MM-DD'; `nullDay` is null. */
export const dates =
  (days: Int32Array, nullDay: number, format: (day: number) => string): Reader =>
  (row) => {
    const day = days[row];
    return day === nullDay ? null : format(day);
  };

/** A plain array of values (small, row-wise tables). */
export const values =
  (items: readonly FieldValue[]): Reader =>
  (row) =>
    items[row] ?? null;
