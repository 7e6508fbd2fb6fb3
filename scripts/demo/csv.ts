/**
 * The demo org on disk and as a fingerprint. writeDemoCsv writes one `<Object>.csv` per table the
 * way a Bulk API 2.0 query returns it (API names as headers, every value double-quoted, null as an
 * empty field, datetimes as 2026-11-23T12:00:00.000Z, dates as YYYY-MM-DD, booleans true/false,
 * LF line ends), plus the `UserRole.Name` and `Profile.Name` relationship columns on User.csv.
 * demoDigest is a SHA-256 over a canonical serialization of every table, to prove two runs
 * produced identical data. Both stream through a byte buffer: no file or table is ever held whole.
 */
import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { ByteSink } from './byteSink';
import type { DemoOrg, FieldType, FieldValue, SObjectTable } from './model';

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

/** Relationship columns added after a table's own fields (path = relationshipName.Field). */
export const RELATIONSHIP_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  User: ['UserRole.Name', 'Profile.Name']
};

/** Bytes collected before a write to disk or into the hash. */
const FLUSH_BYTES = 1 << 20;

type Read = (row: number) => FieldValue;

interface CsvColumn {
  header: string;
  type: FieldType;
  read: Read;
}

function fieldColumns(table: SObjectTable): CsvColumn[] {
  return Object.entries(table.fields).map(([field, spec]) => ({
    header: field,
    type: spec.type,
    read: table.accessor(field) as Read
  }));
}

/** A parent's field through a reference, e.g. User → UserRole.Name. */
export function relationshipColumn(org: DemoOrg, table: SObjectTable, pathName: string): CsvColumn {
  const [relationship, field] = pathName.split('.');
  const entry = Object.entries(table.fields).find(
    ([, spec]) => spec.type === 'reference' && spec.relationshipName === relationship
  );
  const parent =
    entry?.[1].referenceTo === undefined ? undefined : org.tables[entry[1].referenceTo];
  const readParent = parent?.accessor(field);
  if (entry === undefined || parent === undefined || readParent === undefined) {
    throw new Error(`${table.name} has no relationship column ${pathName}`);
  }
  const readId = table.accessor(entry[0]) as Read;
  return {
    header: pathName,
    type: parent.fields[field].type,
    read: (row) => {
      const id = readId(row);
      const parentRow = typeof id === 'string' ? parent.rowOf(id) : undefined;
      return parentRow === undefined ? null : readParent(parentRow);
    }
  };
}

/** Writes one CSV field of a column into the sink (nothing at all for null). */
function csvWriter(column: CsvColumn, sink: ByteSink): (row: number) => void {
  const { read } = column;
  if (column.type === 'datetime') {
    return (row) => {
      const value = read(row);
      if (value === null) return;
      sink.byte(QUOTE);
      sink.isoDateTime(value as number);
      sink.byte(QUOTE);
    };
  }
  return (row) => {
    const value = read(row);
    if (value !== null) sink.quoted(typeof value === 'string' ? value : String(value));
  };
}

export interface CsvFile {
  object: string;
  file: string;
  rows: number;
  bytes: number;
}

/** Writes `<dir>/<Object>.csv` for every table; returns what was written. */
export async function writeDemoCsv(org: DemoOrg, dir: string): Promise<CsvFile[]> {
  await mkdir(dir, { recursive: true });
  const written: CsvFile[] = [];
  const sink = new ByteSink(FLUSH_BYTES * 2);
  for (const [object, table] of Object.entries(org.tables)) {
    const columns = [
      ...fieldColumns(table),
      ...(RELATIONSHIP_COLUMNS[object] ?? []).map((name) => relationshipColumn(org, table, name))
    ];
    const writers = columns.map((column) => csvWriter(column, sink));
    const file = path.join(dir, `${object}.csv`);
    const handle = await open(file, 'w');
    let bytes = 0;
    const flush = async (): Promise<void> => {
      const chunk = sink.take();
      bytes += chunk.length;
      await handle.write(chunk);
    };
    try {
      columns.forEach((column, index) => {
        if (index > 0) sink.byte(COMMA);
        sink.quoted(column.header);
      });
      sink.byte(NEWLINE);
      for (let row = 0; row < table.size; row += 1) {
        writers[0](row);
        for (let c = 1; c < writers.length; c += 1) {
          sink.byte(COMMA);
          writers[c](row);
        }
        sink.byte(NEWLINE);
        if (sink.length >= FLUSH_BYTES) await flush();
      }
      await flush();
    } finally {
      await handle.close();
    }
    written.push({ object, file, rows: table.size, bytes });
  }
  return written;
}

/**
 * SHA-256 (hex) of a canonical binary serialization of the org: a header line (seed, asOf, time
 * zone, running user), then every table in name order ('T', name, NUL, row count as uint32 LE)
 * and each of its fields in declared order ('F', then name, type, referenceTo and relationshipName,
 * each NUL-terminated) followed by the field's values row by row: null 0x00, false 0x01, true
 * 0x02, number 0x03 + float64 LE, string 0x04 + UTF-16 length (uint32 LE) + UTF-8 bytes.
 */
export function demoDigest(org: DemoOrg): string {
  const hash = createHash('sha256');
  const sink = new ByteSink(FLUSH_BYTES * 2);
  const terminated = (text: string): void => {
    sink.text(text);
    sink.byte(0);
  };
  sink.text(
    `demo-org\t${org.seed}\t${org.asOf.toISOString()}\t${org.timeZone}\t${org.runningUserId}\n`
  );
  for (const name of Object.keys(org.tables).sort()) {
    const table = org.tables[name];
    sink.byte(0x54);
    terminated(name);
    sink.uint32(table.size);
    for (const [field, spec] of Object.entries(table.fields)) {
      sink.byte(0x46);
      for (const text of [field, spec.type, spec.referenceTo ?? '', spec.relationshipName ?? '']) {
        terminated(text);
      }
      const read = table.accessor(field) as Read;
      for (let row = 0; row < table.size; row += 1) {
        const value = read(row);
        if (value === null) {
          sink.byte(0);
        } else if (typeof value === 'boolean') {
          sink.byte(value ? 2 : 1);
        } else if (typeof value === 'number') {
          sink.byte(3);
          sink.float64(value);
        } else {
          sink.byte(4);
          sink.uint32(value.length);
          sink.text(value);
        }
        if (sink.length >= FLUSH_BYTES) hash.update(sink.take());
      }
    }
  }
  hash.update(sink.take());
  return hash.digest('hex');
}
