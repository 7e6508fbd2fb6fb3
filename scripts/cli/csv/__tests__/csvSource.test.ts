/**
 * The CSV source over the demo exporter's folder, compared with the demo org's tables read
 * directly (not through the CSV source's column specs), and over the same data rewritten the way
 * Data Loader writes it.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeDemoCsv } from '../../../demo/csv';
import { generateDemoOrg } from '../../../demo/generate';
import type { DemoOrg, FieldValue } from '../../../demo/model';
import type { CrmObjectName, DataSource, ProgressSink } from '../../source';
import { createCsvSource } from '../csvSource';

/** A progress sink that keeps what it was told. */
function recorder(): ProgressSink & { events: string[]; rows: Map<string, number> } {
  let label = '';
  const events: string[] = [];
  const rows = new Map<string, number>();
  return {
    events,
    rows,
    start: (name) => {
      label = name;
      events.push(`start ${name}`);
    },
    add: (count) => rows.set(label, (rows.get(label) ?? 0) + count),
    finish: () => events.push(`finish ${label}`)
  };
}

const iso = (value: FieldValue): string | null =>
  value === null ? null : new Date(value as number).toISOString();

/** [record key, API field, demo type] per object: what the record types say, read from the tables. */
const FIELDS: Record<CrmObjectName, [string, string, 'value' | 'datetime'][]> = {
  Account: [
    ['id', 'Id', 'value'],
    ['ownerId', 'OwnerId', 'value'],
    ['createdById', 'CreatedById', 'value'],
    ['createdDate', 'CreatedDate', 'datetime'],
    // The demo's Account has no LastModifiedDate: the source stands in CreatedDate.
    ['lastModifiedDate', 'CreatedDate', 'datetime']
  ],
  Contact: [
    ['id', 'Id', 'value'],
    ['accountId', 'AccountId', 'value'],
    ['ownerId', 'OwnerId', 'value'],
    ['createdById', 'CreatedById', 'value'],
    ['createdDate', 'CreatedDate', 'datetime'],
    ['lastModifiedDate', 'LastModifiedDate', 'datetime']
  ],
  Opportunity: [
    ['id', 'Id', 'value'],
    ['ownerId', 'OwnerId', 'value'],
    ['createdById', 'CreatedById', 'value'],
    ['createdDate', 'CreatedDate', 'datetime'],
    ['lastModifiedDate', 'LastModifiedDate', 'datetime'],
    ['lastActivityDate', 'LastActivityDate', 'value'],
    ['isClosed', 'IsClosed', 'value'],
    ['isWon', 'IsWon', 'value'],
    ['closeDate', 'CloseDate', 'value'],
    ['stageName', 'StageName', 'value'],
    ['amount', 'Amount', 'value'],
    ['probability', 'Probability', 'value']
  ],
  Lead: [
    ['id', 'Id', 'value'],
    ['ownerId', 'OwnerId', 'value'],
    ['createdById', 'CreatedById', 'value'],
    ['createdDate', 'CreatedDate', 'datetime'],
    ['lastActivityDate', 'LastActivityDate', 'value'],
    ['isConverted', 'IsConverted', 'value'],
    ['convertedDate', 'ConvertedDate', 'value'],
    ['status', 'Status', 'value']
  ],
  Task: [
    ['id', 'Id', 'value'],
    ['ownerId', 'OwnerId', 'value'],
    ['createdById', 'CreatedById', 'value'],
    ['createdDate', 'CreatedDate', 'datetime'],
    ['lastModifiedDate', 'LastModifiedDate', 'datetime'],
    ['activityDate', 'ActivityDate', 'value'],
    ['isClosed', 'IsClosed', 'value'],
    ['status', 'Status', 'value']
  ],
  Case: [
    ['id', 'Id', 'value'],
    ['ownerId', 'OwnerId', 'value'],
    ['createdById', 'CreatedById', 'value'],
    ['createdDate', 'CreatedDate', 'datetime'],
    ['closedDate', 'ClosedDate', 'datetime'],
    ['isClosed', 'IsClosed', 'value']
  ],
  OpportunityFieldHistory: [
    ['opportunityId', 'OpportunityId', 'value'],
    ['createdDate', 'CreatedDate', 'datetime'],
    ['oldValue', 'OldValue', 'value'],
    ['newValue', 'NewValue', 'value']
  ],
  DuplicateRecordItem: [
    ['recordId', 'RecordId', 'value'],
    ['duplicateRecordSetId', 'DuplicateRecordSetId', 'value']
  ]
};

function read(org: DemoOrg, object: string, field: string): (row: number) => FieldValue {
  const accessor = org.tables[object].accessor(field);
  if (accessor === undefined) throw new Error(`demo org has no ${object}.${field}`);
  return accessor;
}

function expectedRecords(org: DemoOrg, object: CrmObjectName): Record<string, unknown>[] {
  const readers = FIELDS[object].map(([key, field, type]) => {
    const value = read(org, object, field);
    return { key, value: type === 'datetime' ? (row: number) => iso(value(row)) : value };
  });
  const field = object === 'OpportunityFieldHistory' ? read(org, object, 'Field') : undefined;
  const records: Record<string, unknown>[] = [];
  for (let row = 0; row < org.tables[object].size; row += 1) {
    if (field !== undefined && field(row) !== 'StageName') continue;
    records.push(Object.fromEntries(readers.map(({ key, value }) => [key, value(row)])));
  }
  return records;
}

function expectedUsers(org: DemoOrg, withUserType = true): Record<string, unknown>[] {
  const [id, name, active, type, roleId, profileId, manager, division, lastLogin] = [
    'Id',
    'Name',
    'IsActive',
    'UserType',
    'UserRoleId',
    'ProfileId',
    'ManagerId',
    'Division',
    'LastLoginDate'
  ].map((field) => read(org, 'User', field));
  const nameOf = (object: string, ref: FieldValue): FieldValue => {
    const row = ref === null ? undefined : org.tables[object].rowOf(String(ref));
    return row === undefined ? null : read(org, object, 'Name')(row);
  };
  return Array.from({ length: org.tables.User.size }, (_, row) => ({
    id: id(row),
    name: name(row),
    isActive: active(row),
    ...(withUserType ? { userType: type(row) } : {}),
    role: nameOf('UserRole', roleId(row)),
    region: division(row),
    lastLoginDate: iso(lastLogin(row)),
    profile: nameOf('Profile', profileId(row)),
    managerId: manager(row)
  }));
}

interface Login {
  userId: string;
  time: number;
  status: string;
}

function expectedLogins(org: DemoOrg, after: number, notAfter: number): Login[] {
  const [user, time, status] = ['UserId', 'LoginTime', 'Status'].map((field) =>
    read(org, 'LoginHistory', field)
  );
  const logins: Login[] = [];
  for (let row = 0; row < org.tables.LoginHistory.size; row += 1) {
    const ms = time(row) as number;
    if (ms > after && ms <= notAfter) {
      logins.push({ userId: String(user(row)), time: ms, status: String(status(row)) });
    }
  }
  return logins;
}

async function logins(source: DataSource, after: number, notAfter: number): Promise<Login[]> {
  const seen: Login[] = [];
  await source.forEachLogin(
    { after: new Date(after), notAfter: new Date(notAfter) },
    (userId, time, status) => seen.push({ userId, time, status }),
    recorder()
  );
  return seen;
}

const OBJECTS = Object.keys(FIELDS) as CrmObjectName[];

describe('createCsvSource over the demo export', () => {
  let org: DemoOrg;
  let root: string;
  let dir: string;

  beforeAll(async () => {
    org = generateDemoOrg({ users: 50, seed: 3 });
    root = await mkdtemp(path.join(os.tmpdir(), 'csv-source-'));
    dir = path.join(root, 'demo');
    await writeDemoCsv(org, dir);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('describes itself by its folder and closes', async () => {
    const source = createCsvSource(dir);
    expect(source.description).toBe(`CSV folder ${dir}`);
    await expect(source.close()).resolves.toBeUndefined();
  });

  it('reads every user with role and profile names, region and last login', async () => {
    const progress = recorder();
    const users = await createCsvSource(dir).users('Division', progress);
    expect(users).toEqual(expectedUsers(org));
    expect(users.filter((user) => user.region === null).length).toBeGreaterThan(0);
    expect(progress.events).toEqual(['start User', 'finish User']);
    expect(progress.rows.get('User')).toBe(50);
  });

  it('takes the region from the --region-field column', async () => {
    const users = await createCsvSource(dir).users('country', recorder());
    const country = read(org, 'User', 'Country');
    expect(users.map((user) => user.region)).toEqual(users.map((_, row) => country(row)));
  });

  it.each(OBJECTS)('maps %s onto its record type', async (object) => {
    const progress = recorder();
    const result = await createCsvSource(dir).records(object, progress);
    const expected = expectedRecords(org, object);
    expect(result).toEqual({ available: true, records: expected });
    expect(expected.length).toBeGreaterThan(0);
    expect(progress.events).toEqual([`start ${object}`, `finish ${object}`]);
    expect(progress.rows.get(object)).toBe(org.tables[object].size);
  });

  it('streams every LoginHistory row of the range once, with its instant and status', async () => {
    const asOf = org.asOf.getTime();
    const source = createCsvSource(dir);
    const all = await logins(source, 0, asOf);
    expect(all).toEqual(expectedLogins(org, 0, asOf));
    expect(all).toHaveLength(org.tables.LoginHistory.size);
    const week = await logins(source, asOf - 7 * 86_400_000, asOf);
    expect(week).toEqual(expectedLogins(org, asOf - 7 * 86_400_000, asOf));
    expect(week.length).toBeLessThan(all.length / 10);
    expect(new Set(all.map((login) => login.status))).toEqual(
      new Set([
        'Success',
        'Invalid Password',
        'Failed: Computer activation required',
        'Password Lockout'
      ])
    );
  });

  it('reports LoginHistory progress for every row read, in or out of the range', async () => {
    const progress = recorder();
    const asOf = org.asOf.getTime();
    await createCsvSource(dir).forEachLogin(
      { after: new Date(asOf - 86_400_000), notAfter: new Date(asOf) },
      () => undefined,
      progress
    );
    expect(progress.events).toEqual(['start LoginHistory', 'finish LoginHistory']);
    expect(progress.rows.get('LoginHistory')).toBe(org.tables.LoginHistory.size);
  });

  describe('the same data as Data Loader writes it', () => {
    let loaderDir: string;

    beforeAll(async () => {
      loaderDir = path.join(root, 'loader');
      await mkdir(loaderDir);
      for (const name of await readdir(dir)) {
        const text = await readFile(path.join(dir, name), 'utf8');
        await writeFile(
          // Data Loader names files as the user saves them: lower case here.
          path.join(loaderDir, name.toLowerCase()),
          asDataLoader(name.replace('.csv', ''), parseDemoCsv(text))
        );
      }
    });

    it('is read the same: unquoted, CRLF, BOM, upper-case headers, +0000, 1/0 booleans', async () => {
      const source = createCsvSource(loaderDir);
      for (const object of OBJECTS) {
        const result = await source.records(object, recorder());
        expect(result).toEqual({ available: true, records: expectedRecords(org, object) });
      }
      const asOf = org.asOf.getTime();
      expect(await logins(source, 0, asOf)).toEqual(expectedLogins(org, 0, asOf));
    });

    it('names roles and profiles through UserRole.csv and Profile.csv, without UserType', async () => {
      const raw = await readFile(path.join(loaderDir, 'user.csv'), 'utf8');
      expect(raw.startsWith('\ufeffID,NAME,')).toBe(true);
      expect(raw).toContain('USERROLEID');
      expect(raw).not.toContain('USERROLE.NAME');
      expect(raw).toContain('\r\n');
      const users = await createCsvSource(loaderDir).users('DIVISION', recorder());
      expect(users).toEqual(expectedUsers(org, false));
      expect(users.every((user) => !('userType' in user))).toBe(true);
    });
  });
});

/** The demo exporter's CSV (every value quoted, empty = null, LF, no line breaks in values). */
function parseDemoCsv(text: string): (string | null)[][] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const cells: (string | null)[] = [];
      let at = 0;
      for (;;) {
        if (line[at] === '"') {
          let value = '';
          at += 1;
          for (;;) {
            const quote = line.indexOf('"', at);
            value += line.slice(at, quote);
            at = quote + 1;
            if (line[at] !== '"') break;
            value += '"';
            at += 1;
          }
          cells.push(value);
        } else {
          cells.push(null);
        }
        if (line[at] !== ',') return cells;
        at += 1;
      }
    });
}

/**
 * Rewrites rows the way Data Loader exports: BOM, upper-case headers, a value quoted only when it
 * must be, CRLF, `+0000` offsets; IsClosed/IsWon as 1/0; User with UserRoleId and ProfileId but
 * not their names (nor UserType), and Manager.Id for ManagerId.
 */
function asDataLoader(object: string, rows: (string | null)[][]): string {
  let [header, ...data] = rows;
  if (object === 'User') {
    const drop = new Set(['UserRole.Name', 'Profile.Name', 'UserType']);
    const keep = header
      .map((name, index) => (drop.has(name ?? '') ? -1 : index))
      .filter((i) => i >= 0);
    header = keep.map((index) => (header[index] === 'ManagerId' ? 'Manager.Id' : header[index]));
    data = data.map((row) => keep.map((index) => row[index]));
  }
  const flags = new Set(['IsClosed', 'IsWon']);
  const cell = (value: string | null, column: string): string => {
    if (value === null) return '';
    let text = value.replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})Z$/, '$1+0000');
    if (flags.has(column)) text = text === 'true' ? '1' : '0';
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    header.map((name) => (name ?? '').toUpperCase()).join(','),
    ...data.map((row) => row.map((value, index) => cell(value, header[index] ?? '')).join(','))
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
