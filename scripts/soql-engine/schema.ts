/**
 * Resolves SOQL names against the demo org's tables: objects and fields case-insensitively (as SOQL
 * does), relationship paths (`Owner.UserRole.Name`) hop by hop through reference fields. Every
 * lookup happens once per query; what comes back are closures over `SObjectTable.accessor`.
 */
import type { FieldSpec, FieldValue, SObjectTable } from '../demo/model';
import { SoqlError, invalidField } from './errors';

export type Tables = Readonly<Record<string, SObjectTable>>;

export type RowReader = (row: number) => FieldValue;

/** One relationship hop: from a row of the child table to the row of the parent it references. */
export interface Hop {
  /** The relationship name as the schema spells it (`UserRole`). */
  readonly name: string;
  readonly parent: SObjectTable;
  /** The parent's row, or undefined when the reference is null or dangling. */
  readonly parentRow: (row: number) => number | undefined;
}

export interface ResolvedField {
  /** The path as the schema spells it: `['Owner', 'UserRole', 'Name']`. */
  readonly path: readonly string[];
  readonly hops: readonly Hop[];
  /** The field's own name and spec, on the last table of the path. */
  readonly name: string;
  readonly spec: FieldSpec;
  /** Reads the field on the last table of the path (a row of `hops.at(-1).parent`). */
  readonly readOwn: RowReader;
  /** Reads the field from a row of the root table, following every hop. */
  readonly read: RowReader;
}

function findKey(names: readonly string[], wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  return names.find((name) => name.toLowerCase() === lower);
}

export function findTable(tables: Tables, name: string): SObjectTable {
  const key = findKey(Object.keys(tables), name);
  if (key === undefined) {
    throw new SoqlError('INVALID_TYPE', `sObject type '${name}' is not supported`);
  }
  return tables[key];
}

function hopFrom(tables: Tables, table: SObjectTable, relationship: string): Hop {
  const wanted = relationship.toLowerCase();
  const entry = Object.entries(table.fields).find(
    ([, spec]) => spec.type === 'reference' && spec.relationshipName?.toLowerCase() === wanted
  );
  const parentName = entry?.[1].referenceTo;
  const parentKey = parentName ? findKey(Object.keys(tables), parentName) : undefined;
  if (!entry || parentKey === undefined) {
    throw invalidField(
      `Didn't understand relationship '${relationship}' in field path on entity '${table.name}'`
    );
  }
  const [referenceField, spec] = entry;
  const parent = tables[parentKey];
  const readId = accessorOf(table, referenceField);
  return {
    name: spec.relationshipName ?? relationship,
    parent,
    parentRow: (row) => {
      const id = readId(row);
      return id === null ? undefined : parent.rowOf(id as string);
    }
  };
}

function accessorOf(table: SObjectTable, field: string): RowReader {
  const accessor = table.accessor(field);
  if (!accessor) throw invalidField(`No such column '${field}' on entity '${table.name}'`);
  return accessor;
}

/** Follows `path` (dot-separated, any case) from `root`; names the missing step when there is one. */
export function resolveField(tables: Tables, root: SObjectTable, path: string): ResolvedField {
  const segments = path.split('.');
  const hops: Hop[] = [];
  let table = root;
  for (const relationship of segments.slice(0, -1)) {
    const hop = hopFrom(tables, table, relationship);
    hops.push(hop);
    table = hop.parent;
  }
  const fieldName = segments[segments.length - 1];
  const name = findKey(Object.keys(table.fields), fieldName);
  if (name === undefined) {
    throw invalidField(`No such column '${fieldName}' on entity '${table.name}'`);
  }
  const readOwn = accessorOf(table, name);
  let read = readOwn;
  for (const hop of [...hops].reverse()) {
    const inner = read;
    read = (row) => {
      const parentRow = hop.parentRow(row);
      return parentRow === undefined ? null : inner(parentRow);
    };
  }
  return {
    path: [...hops.map((hop) => hop.name), name],
    hops,
    name,
    spec: table.fields[name],
    readOwn,
    read
  };
}
