/**
 * Runs a query without aggregates: scan, sort, OFFSET/LIMIT, then shape each record the way the
 * REST API does, with a nested object per relationship (null when the reference is null).
 */
import type { FieldType as SelectItem, OrderByClause, Query } from '@jetstreamapp/soql-parser-js';
import type { SObjectTable } from '../demo/model';
import { malformed } from './errors';
import { compileField } from './expressions';
import type { QueryContext } from './expressions';
import type { Predicate } from './logic';
import { sortDirection, sortIndices } from './ordering';
import type { SortKey } from './ordering';
import type { Hop, ResolvedField, RowReader } from './schema';
import { formatterFor } from './values';

type ShapeEntry =
  | { readonly kind: 'field'; readonly key: string; readonly read: (row: number) => unknown }
  | { readonly kind: 'parent'; readonly hop: Hop; readonly shape: Shape };

interface Shape {
  readonly entries: ShapeEntry[];
}

function addToShape(root: Shape, field: ResolvedField): void {
  let shape = root;
  for (const hop of field.hops) {
    let entry = shape.entries.find(
      (candidate): candidate is Extract<ShapeEntry, { kind: 'parent' }> =>
        candidate.kind === 'parent' && candidate.hop.name === hop.name
    );
    if (!entry) {
      entry = { kind: 'parent', hop, shape: { entries: [] } };
      shape.entries.push(entry);
    }
    shape = entry.shape;
  }
  const format = formatterFor(field.spec.type);
  const readOwn = field.readOwn;
  shape.entries.push({ kind: 'field', key: field.name, read: (row) => format(readOwn(row)) });
}

function buildRecord(shape: Shape, row: number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const entry of shape.entries) {
    if (entry.kind === 'field') {
      record[entry.key] = entry.read(row);
    } else {
      const parentRow = entry.hop.parentRow(row);
      record[entry.hop.name] = parentRow === undefined ? null : buildRecord(entry.shape, parentRow);
    }
  }
  return record;
}

function selectedPath(item: SelectItem): string {
  if (item.type === 'Field' || item.type === 'FieldRelationship') {
    if ('alias' in item && item.alias) {
      throw malformed(`Only aggregate expressions use field aliasing: ${item.alias}`);
    }
    return item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.');
  }
  if (item.type === 'FieldFunctionExpression') {
    throw malformed(`${item.rawValue ?? item.functionName} can only be selected with GROUP BY`);
  }
  throw malformed(`unexpected SELECT item ${item.type}`);
}

export interface PlainResult {
  records: Record<string, unknown>[];
}

export function runPlainQuery(
  context: QueryContext,
  table: SObjectTable,
  query: Query,
  predicate: Predicate,
  orderBy: readonly OrderByClause[]
): PlainResult {
  const shape: Shape = { entries: [] };
  const seen = new Set<string>();
  for (const item of query.fields ?? []) {
    const field = compileField(context, table, selectedPath(item)).field as ResolvedField;
    const signature = field.path.join('.').toLowerCase();
    if (seen.has(signature)) throw malformed(`duplicate field selected: ${field.path.join('.')}`);
    seen.add(signature);
    addToShape(shape, field);
  }
  const keys: SortKey[] = orderBy.map((item) => {
    if (!('field' in item)) {
      throw malformed(`ORDER BY ${item.fn.rawValue} needs an aggregate query (GROUP BY)`);
    }
    const expr = compileField(context, table, item.field);
    const read: RowReader = expr.read;
    return { type: expr.type, read, ...sortDirection(item) };
  });
  const offset = query.offset ?? 0;
  const end = query.limit === undefined ? Infinity : offset + query.limit;
  // Without ORDER BY the first matches are the answer, so the scan can stop early.
  const stopAt = keys.length === 0 ? end : Infinity;
  const matched: number[] = [];
  for (let row = 0; row < table.size && matched.length < stopAt; row += 1) {
    if (predicate(row)) matched.push(row);
  }
  const page = sortIndices(matched, keys).slice(offset, end);
  return { records: page.map((row) => buildRecord(shape, row)) };
}
