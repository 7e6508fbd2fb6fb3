/**
 * ORDER BY: sorts row or group indices by precomputed keys. SOQL's defaults: ascending, nulls
 * first when ascending and last when descending; text sorts case-insensitively.
 */
import type { OrderByClause } from '@jetstreamapp/soql-parser-js';
import type { FieldType, FieldValue } from '../demo/model';
import type { RowReader } from './schema';
import { domainOf } from './values';

export interface SortKey {
  readonly type: FieldType;
  readonly read: RowReader;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** Direction and null placement of an ORDER BY item, with SOQL's defaults. */
export function sortDirection(item: OrderByClause): { descending: boolean; nullsFirst: boolean } {
  const descending = item.order === 'DESC';
  const nullsFirst = item.nulls ? item.nulls === 'FIRST' : !descending;
  return { descending, nullsFirst };
}

/** Compares two non-null values of one type. */
export function compareValues(type: FieldType, a: FieldValue, b: FieldValue): number {
  if (domainOf(type) === 'text') {
    const lowerA = (a as string).toLowerCase();
    const lowerB = (b as string).toLowerCase();
    if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  }
  if (a === b) return 0;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

/** Returns `indices` sorted (stably) by the keys, reading each key once per index. */
export function sortIndices(indices: readonly number[], keys: readonly SortKey[]): number[] {
  if (keys.length === 0) return [...indices];
  const columns = keys.map((key) => indices.map((index) => key.read(index)));
  const positions = indices.map((_index, at) => at);
  positions.sort((left, right) => {
    for (const [k, key] of keys.entries()) {
      const a = columns[k][left];
      const b = columns[k][right];
      if (a === null || b === null) {
        if (a === b) continue;
        return (a === null) === key.nullsFirst ? -1 : 1;
      }
      const order = compareValues(key.type, a, b);
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  });
  return positions.map((at) => indices[at]);
}
