/**
 * Every table of the org, the Id allocator and a version that changes with every write, which the
 * permission and sharing caches key on. A snapshot copies only the overlays (see table.ts), so it
 * stays small over a large base layer.
 */
import type { FieldSpec, FieldValue, SObjectTable } from '../../demo/model';
import { IdAllocator, assignKeyPrefixes, standardPrefix } from './ids';
import type { OrgSchema } from './schema';
import { OrgTable } from './table';
import type { Row, TableState } from './table';

interface StoreSnapshot {
  readonly idCounter: number;
  readonly tables: ReadonlyMap<string, TableState>;
}

export interface Located {
  readonly table: OrgTable;
  readonly row: number;
}

export class Store {
  private readonly tablesByLowerName = new Map<string, OrgTable>();
  private readonly tableByPrefix = new Map<string, OrgTable>();
  readonly prefixes: ReadonlyMap<string, string>;
  private readonly ids = new IdAllocator();
  /** Bumped by every write and restore; never restored, so caches cannot see stale data. */
  version = 0;

  constructor(schema: OrgSchema, base: Readonly<Record<string, SObjectTable>> = {}) {
    this.prefixes = assignKeyPrefixes(schema.objects);
    for (const object of schema.objects) {
      const specs: Record<string, FieldSpec> = {};
      for (const field of Object.values(object.fields)) specs[field.name] = field.spec;
      const table = new OrgTable(object.name, specs, base[object.name]);
      this.tablesByLowerName.set(object.name.toLowerCase(), table);
      this.tableByPrefix.set(this.prefixes.get(object.name) as string, table);
    }
  }

  get tables(): OrgTable[] {
    return [...this.tablesByLowerName.values()];
  }

  table(name: string): OrgTable | undefined {
    return this.tablesByLowerName.get(name.toLowerCase());
  }

  /** The table and row of a record Id (any object), deleted or not. */
  locate(id: string): Located | undefined {
    const table = this.tableByPrefix.get(id.slice(0, 3));
    const row = table?.rowOf(id);
    return table && row !== undefined ? { table, row } : undefined;
  }

  newId(objectName: string): string {
    // Organization has no table, but its Id (UserInfo.getOrganizationId) needs its prefix.
    return this.ids.next((this.prefixes.get(objectName) ?? standardPrefix(objectName)) as string);
  }

  /** Appends a row as given (no defaults, no checks), with a new Id unless it has one. */
  insertRaw(objectName: string, values: Row): string {
    const table = this.table(objectName) as OrgTable;
    const id = (values.Id as string | undefined) ?? this.newId(table.name);
    table.insert({ ...values, Id: id });
    this.version += 1;
    return id;
  }

  /** The live rows of a table whose fields equal `match`, as full rows. */
  select(objectName: string, match: Record<string, FieldValue> = {}): Row[] {
    const table = this.table(objectName);
    if (!table) return [];
    const readers = Object.entries(match).map(
      ([field, value]) => [table.accessor(field), value] as const
    );
    const rows: Row[] = [];
    for (let row = 0; row < table.size; row += 1) {
      if (table.isDeleted(row)) continue;
      if (readers.every(([read, value]) => read?.(row) === value)) rows.push(table.read(row));
    }
    return rows;
  }

  snapshot(): StoreSnapshot {
    return {
      idCounter: this.ids.counter,
      tables: new Map(this.tables.map((table) => [table.name, table.state()]))
    };
  }

  restore(snapshot: StoreSnapshot): void {
    this.ids.counter = snapshot.idCounter;
    for (const table of this.tables) {
      const state = snapshot.tables.get(table.name);
      if (state) table.restore(state);
    }
    this.version += 1;
  }
}
