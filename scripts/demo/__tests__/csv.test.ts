import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ByteSink } from '../byteSink';
import { RELATIONSHIP_COLUMNS, demoDigest, writeDemoCsv } from '../csv';
import type { CsvFile } from '../csv';
import { generateDemoOrg } from '../generate';
import { KEY_PREFIXES, idCodec } from '../ids';
import type { DemoOrg, FieldValue } from '../model';
import { DemoTable, typed, values } from '../tables';

/** RFC 4180 parser that keeps null (an empty unquoted field) apart from "" (an empty string). */
function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      value = '';
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        value += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        value += '"';
        i += 1;
      }
    } else {
      const end = text.slice(i).search(/[,\n]/);
      value = text.slice(i, end < 0 ? text.length : i + end) || null;
      i = end < 0 ? text.length : i + end;
    }
    row.push(value);
    if (text[i] === ',') {
      i += 1;
    } else {
      rows.push(row);
      row = [];
      i += 1;
    }
  }
  return rows;
}

const expectedCell = (value: FieldValue, type: string): string | null => {
  if (value === null) return null;
  return type === 'datetime' ? new Date(value as number).toISOString() : String(value);
};

describe('writeDemoCsv', () => {
  let org: DemoOrg;
  let dir: string;
  const files = new Map<string, string>();
  let written: CsvFile[];

  beforeAll(async () => {
    org = generateDemoOrg({ users: 50, seed: 42 });
    dir = await mkdtemp(path.join(os.tmpdir(), 'demo-csv-'));
    written = await writeDemoCsv(org, path.join(dir, 'out'));
    for (const file of written) files.set(file.object, await readFile(file.file, 'utf8'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one <Object>.csv per table with API names as quoted headers', () => {
    for (const file of written) {
      expect(Buffer.byteLength(files.get(file.object) as string)).toBe(file.bytes);
      expect(file.rows).toBe(org.tables[file.object].size);
      expect(path.basename(file.file)).toBe(`${file.object}.csv`);
    }
    expect([...files.keys()].sort()).toEqual(Object.keys(org.tables).sort());
    const user = files.get('User') as string;
    expect(user.slice(0, user.indexOf('\n'))).toBe(
      [...Object.keys(org.tables.User.fields), 'UserRole.Name', 'Profile.Name']
        .map((name) => `"${name}"`)
        .join(',')
    );
    expect(RELATIONSHIP_COLUMNS.User).toEqual(['UserRole.Name', 'Profile.Name']);
  });

  it('writes every value as the accessor returns it, in Bulk API 2.0 formats', () => {
    for (const [object, table] of Object.entries(org.tables)) {
      const rows = parseCsv(files.get(object) as string);
      const header = rows[0];
      expect(rows).toHaveLength(table.size + 1);
      const mismatches: string[] = [];
      Object.entries(table.fields).forEach(([field, spec], column) => {
        expect(header[column]).toBe(field);
        const read = table.accessor(field) as (row: number) => FieldValue;
        for (let row = 0; row < table.size; row += 1) {
          const expected = expectedCell(read(row), spec.type);
          if (rows[row + 1][column] !== expected) {
            mismatches.push(
              `${object}.${field} row ${row}: ${rows[row + 1][column]} ≠ ${expected}`
            );
          }
        }
      });
      expect(mismatches).toEqual([]);
    }
  });

  it('formats datetimes, dates, booleans and nulls like a Bulk API query', () => {
    const user = files.get('User') as string;
    expect(user).toMatch(/"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z"/);
    expect(user).toMatch(/,"true",/);
    expect(user).toMatch(/,"false",/);
    expect(user).toMatch(/,,/); // a null (the head of sales has no manager)
    expect(user.endsWith('\n')).toBe(true);
    expect(files.get('Opportunity')).toMatch(/,"\d{4}-\d{2}-\d{2}",/);
    // Case subjects with commas and double quotes.
    expect(files.get('Case')).toContain(
      '"Export fails with error ""INVALID_FIELD"", please advise"'
    );
  });

  it('adds role and profile names to User.csv', () => {
    const rows = parseCsv(files.get('User') as string);
    const [header] = rows;
    const roleColumn = header.indexOf('UserRole.Name');
    const profileColumn = header.indexOf('Profile.Name');
    const roleId = header.indexOf('UserRoleId');
    const running = rows.find((row) => row[0] === org.runningUserId) as (string | null)[];
    expect(running[roleColumn]).toBe('Account Executive');
    expect(running[profileColumn]).toBe('Sales User');
    expect(rows.slice(1).some((row) => row[roleId] === null && row[roleColumn] === null)).toBe(
      true
    );
  });
});

describe('CSV and digest of a hand-made table', () => {
  const codec = idCodec(KEY_PREFIXES.Account);
  const table = new DemoTable('Account', 4, codec, {
    Id: typed('id', (row) => codec.encode(row)),
    Name: typed('string', values(['Smith, Jones & "Partners"', '', null, 'Zoë\nline\\two'])),
    CreatedDate: typed('datetime', values([Date.UTC(2026, 10, 23, 12), null, 0, -1])),
    IsDeleted: typed('boolean', values([false, true, false, true]))
  });
  const org = (tables: DemoOrg['tables']): DemoOrg => ({
    seed: 1,
    asOf: new Date('2026-11-23T12:00:00Z'),
    timeZone: 'UTC',
    runningUserId: '0055g0000000000AAA',
    tables
  });

  it('quotes commas, quotes and new lines, and tells null from an empty string', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'demo-csv-'));
    try {
      await writeDemoCsv(org({ Account: table }), dir);
      const text = await readFile(path.join(dir, 'Account.csv'), 'utf8');
      expect(text.split('\n')[0]).toBe('"Id","Name","CreatedDate","IsDeleted"');
      expect(text).toContain(
        `"${codec.encode(0)}","Smith, Jones & ""Partners""","2026-11-23T12:00:00.000Z","false"\n`
      );
      expect(text).toContain(`"${codec.encode(1)}","",,"true"\n`);
      expect(text).toContain(`"${codec.encode(2)}",,"1970-01-01T00:00:00.000Z","false"\n`);
      expect(text).toContain(`"Zoë\nline\\two","1969-12-31T23:59:59.999Z"`);
      expect(parseCsv(text)[2]).toEqual([codec.encode(1), '', null, 'true']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('changes the digest with any value, including null versus empty', () => {
    const digest = demoDigest(org({ Account: table }));
    expect(demoDigest(org({ Account: table }))).toBe(digest);
    const swapped = new DemoTable('Account', 4, codec, {
      ...Object.fromEntries(
        Object.entries(table.fields).map(([field, spec]) => [
          field,
          { spec, read: table.accessor(field) as (row: number) => FieldValue }
        ])
      ),
      Name: typed('string', values(['Smith, Jones & "Partners"', null, '', 'Zoë\nline\\two']))
    });
    expect(demoDigest(org({ Account: swapped }))).not.toBe(digest);
    expect(demoDigest({ ...org({ Account: table }), seed: 2 })).not.toBe(digest);
  });

  it('refuses a relationship column the table does not have', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'demo-csv-'));
    try {
      await expect(writeDemoCsv(org({ User: table }), dir)).rejects.toThrow(
        'Account has no relationship column UserRole.Name'
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ByteSink', () => {
  it('formats instants exactly like Date.prototype.toISOString', () => {
    const sink = new ByteSink(16);
    const instants = [
      0,
      1,
      999,
      86_399_999,
      Date.UTC(2026, 1, 28, 23, 59, 59, 7),
      -1,
      253_402_300_800_000,
      1.5
    ];
    for (let i = 0; i < 200; i += 1) instants.push(Math.floor(i * 7_919_113_537.3));
    for (const instant of instants) {
      sink.isoDateTime(instant);
      expect(sink.take().toString('utf8')).toBe(new Date(instant).toISOString());
    }
  });

  it('grows for long text and encodes non-ASCII as UTF-8', () => {
    const sink = new ByteSink(4);
    const long = 'x'.repeat(100);
    sink.quoted(`${long} "Zoë" "q"`);
    expect(sink.take().toString('utf8')).toBe(`"${long} ""Zoë"" ""q"""`);
    sink.text('Müller "A"');
    sink.uint32(258);
    sink.float64(1.5);
    const bytes = sink.take();
    expect(bytes.subarray(0, 11).toString('utf8')).toBe('Müller "A"');
    expect(bytes.readUInt32LE(11)).toBe(258);
    expect(bytes.readDoubleLE(15)).toBe(1.5);
  });
});
