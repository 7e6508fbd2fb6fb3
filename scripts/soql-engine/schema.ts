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

/**
 * The fields of the Name object, what a polymorphic relationship (`Task.Owner`, `Task.What`) points
 * to in SOQL (Object Reference, "Name"): `Owner.Name` works, `Owner.Division` does not. Each comes
 * from the record's own object when that object has it, else reads null.
 */
const NAME_FIELDS: Readonly<Record<string, FieldSpec>> = {
  Id: { type: 'id' },
  Name: { type: 'string' },
  Alias: { type: 'string' },
  Email: { type: 'email' },
  FirstName: { type: 'string' },
  LastName: { type: 'string' },
  IsActive: { type: 'boolean' },
  Phone: { type: 'string' },
  Title: { type: 'string' },
  Type: { type: 'string' },
  Username: { type: 'string' },
  UserRoleId: { type: 'reference', referenceTo: 'UserRole', relationshipName: 'UserRole' },
  ProfileId: { type: 'reference', referenceTo: 'Profile', relationshipName: 'Profile' }
};

/**
 * The Name view over the target tables of a polymorphic reference: rows of the first target come
 * first, then the second's, and so on. `Type` is the record's object (a Group's own Type when it
 * has one, e.g. 'Queue').
 */
function nameTable(targets: readonly SObjectTable[]): SObjectTable {
  const offsets: number[] = [];
  let size = 0;
  for (const target of targets) {
    offsets.push(size);
    size += target.size;
  }
  const locate = (row: number): number => {
    let index = targets.length - 1;
    while (index > 0 && row < offsets[index]) index -= 1;
    return index;
  };
  return {
    name: 'Name',
    size,
    fields: NAME_FIELDS,
    accessor(field) {
      if (!(field in NAME_FIELDS)) return undefined;
      const readers = targets.map((target) => {
        const own = target.accessor(field);
        if (own) return own;
        return field === 'Type' ? () => target.name : () => null;
      });
      return (row) => {
        const index = locate(row);
        return readers[index](row - offsets[index]);
      };
    },
    rowOf(id) {
      for (let index = 0; index < targets.length; index += 1) {
        const row = targets[index].rowOf(id);
        if (row !== undefined) return offsets[index] + row;
      }
      return undefined;
    }
  };
}

function hopFrom(tables: Tables, table: SObjectTable, relationship: string): Hop {
  const wanted = relationship.toLowerCase();
  const entry = Object.entries(table.fields).find(
    ([, spec]) => spec.type === 'reference' && spec.relationshipName?.toLowerCase() === wanted
  );
  const targetNames =
    entry?.[1].referenceTargets ?? (entry?.[1].referenceTo ? [entry[1].referenceTo] : []);
  const targetKeys = targetNames
    .map((name) => findKey(Object.keys(tables), name))
    .filter((key): key is string => key !== undefined);
  const polymorphic = targetNames.length > 1;
  if (!entry || targetKeys.length === 0 || (!polymorphic && targetKeys.length !== 1)) {
    throw invalidField(
      `Didn't understand relationship '${relationship}' in field path on entity '${table.name}'`
    );
  }
  const [referenceField, spec] = entry;
  const parent = polymorphic
    ? nameTable(targetKeys.map((key) => tables[key]))
    : tables[targetKeys[0]];
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
