/**
 * The tables one query runs over: each object seen through the running user's eyes. In user mode
 * an object the user cannot read is absent (the engine answers "sObject type … is not
 * supported") and a field they cannot read is absent from its table ("No such column …"); with
 * sharing, only the rows they may see are present. Views are built lazily, when the engine first
 * touches a table, so a query over User never scans LoginHistory.
 */
import type { SObjectTable } from '../../demo/model';
import { mayAccessField, mayAccessObject } from './permissions';
import type { UserAccess } from './permissions';
import type { OrgSchema } from './schema';
import { readFilter } from './sharing';
import type { RowFilter, SharingContext } from './sharing';
import type { Store } from './store';
import type { OrgTable } from './table';
import { TableView, visibleRows } from './tableView';

export interface ScopeOptions {
  /** Hide objects and fields the user cannot read (user mode, WITH SECURITY_ENFORCED). */
  readonly enforceCrudFls: boolean;
  readonly enforceSharing: boolean;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

export function hiddenFields(
  access: UserAccess,
  schema: OrgSchema,
  table: OrgTable
): ReadonlySet<string> {
  const object = schema.object(table.name);
  if (!object) return NO_FIELDS;
  const hidden = Object.keys(table.fields).filter(
    (field) => field in object.fields && !mayAccessField(access, object, field, 'read')
  );
  return hidden.length === 0 ? NO_FIELDS : new Set(hidden);
}

/** The sharing row filter of every object, memoised for one query. */
export function sharingFilters(
  store: Store,
  schema: OrgSchema,
  access: UserAccess,
  owners: () => ReadonlySet<string>
): SharingContext {
  const filters = new Map<string, RowFilter | null>();
  const context: SharingContext = {
    store,
    access,
    owners,
    filterOf: (objectName) => {
      const key = objectName.toLowerCase();
      if (!filters.has(key)) {
        const object = schema.object(objectName);
        const grant = access.objects.get(key);
        filters.set(key, object ? readFilter(context, object, grant?.viewAll === true) : null);
      }
      return filters.get(key) ?? null;
    }
  };
  return context;
}

export function queryTables(
  store: Store,
  schema: OrgSchema,
  sharing: SharingContext,
  options: ScopeOptions
): Record<string, SObjectTable> {
  const tables: Record<string, SObjectTable> = {};
  for (const table of store.tables) {
    const object = schema.object(table.name);
    if (options.enforceCrudFls && object && !mayAccessObject(sharing.access, object, 'read')) {
      continue;
    }
    let view: SObjectTable | undefined;
    Object.defineProperty(tables, table.name, {
      enumerable: true,
      get: () => {
        view ??= viewOf(table, schema, sharing, options);
        return view;
      }
    });
  }
  return tables;
}

function viewOf(
  table: OrgTable,
  schema: OrgSchema,
  sharing: SharingContext,
  options: ScopeOptions
): SObjectTable {
  const filter = options.enforceSharing ? sharing.filterOf(table.name) : null;
  const hidden = options.enforceCrudFls ? hiddenFields(sharing.access, schema, table) : NO_FIELDS;
  if (!filter && table.deletedCount === 0 && hidden.size === 0) return table;
  const live = table.deletedCount === 0 ? null : (row: number) => !table.isDeleted(row);
  let rows: Int32Array | null = null;
  if (filter && live) rows = visibleRows(table.size, (row) => live(row) && filter(row));
  else if (filter || live) rows = visibleRows(table.size, (filter ?? live) as RowFilter);
  return new TableView(table, rows, hidden);
}
