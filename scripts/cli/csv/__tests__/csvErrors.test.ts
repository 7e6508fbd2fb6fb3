/**
 * Every way a CSV folder can be wrong, and the message that says so; plus the User columns that
 * are optional or come in more than one form.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DataSource, ProgressSink } from '../../source';
import { CsvDataError } from '../csvErrors';
import { createCsvSource } from '../csvSource';

const quiet: ProgressSink = {
  start: () => undefined,
  add: () => undefined,
  finish: () => undefined
};

const VALID: Record<string, string> = {
  'User.csv':
    'Id,Name,IsActive,UserType,UserRole.Name,Profile.Name,Division,LastLoginDate,ManagerId\n' +
    '005A,Ann Lee,true,Standard,Rep,Sales User,EMEA,2026-11-20T10:00:00.000Z,\n' +
    '005B,Bo Chen,false,Standard,,,,,005A\n',
  'LoginHistory.csv': 'UserId,LoginTime,Status\n005A,2026-11-20T10:00:00.000Z,Success\n',
  'Opportunity.csv':
    'Id,OwnerId,CreatedById,CreatedDate,LastModifiedDate,LastActivityDate,IsClosed,IsWon,CloseDate,StageName,Amount,Probability\n' +
    '006A,005A,005A,2026-11-01T00:00:00.000Z,2026-11-02T00:00:00.000Z,,false,false,2026-12-01,Prospecting,100.5,10\n',
  'Lead.csv':
    'Id,OwnerId,CreatedById,CreatedDate,LastActivityDate,IsConverted,ConvertedDate,Status\n' +
    '00QA,005A,005A,2026-11-01T00:00:00.000Z,,false,,Open\n',
  'Task.csv':
    'Id,OwnerId,CreatedById,CreatedDate,LastModifiedDate,ActivityDate,IsClosed,Status\n' +
    '00TA,005A,005A,2026-11-01T00:00:00.000Z,2026-11-01T00:00:00.000Z,2026-11-30,false,Open\n'
};

let root: string;
let folders = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'csv-errors-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A folder holding the valid files with `changes` applied (null removes a file). */
async function folder(changes: Record<string, string | null> = {}): Promise<string> {
  folders += 1;
  const dir = path.join(root, `f${folders}`);
  await mkdir(dir);
  for (const [name, text] of Object.entries({ ...VALID, ...changes })) {
    if (text !== null) await writeFile(path.join(dir, name), text);
  }
  return dir;
}

async function failure(work: Promise<unknown>): Promise<CsvDataError> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown
  );
  expect(error).toBeInstanceOf(CsvDataError);
  return error as CsvDataError;
}

const allLogins = (source: DataSource): Promise<void> =>
  source.forEachLogin(
    { after: new Date(0), notAfter: new Date('2030-01-01T00:00:00Z') },
    () => undefined,
    quiet
  );

const taskRow = (cells: Partial<Record<string, string>>): string => {
  const row = {
    Id: '00TA',
    OwnerId: '005A',
    CreatedById: '005A',
    CreatedDate: '2026-11-01T00:00:00.000Z',
    LastModifiedDate: '2026-11-01T00:00:00.000Z',
    ActivityDate: '2026-11-30',
    IsClosed: 'false',
    Status: 'Open',
    ...cells
  };
  return `${Object.keys(row).join(',')}\n${Object.values(row).join(',')}\n`;
};

describe('a folder the source cannot use', () => {
  it('names a folder that does not exist', async () => {
    const dir = path.join(root, 'nowhere');
    const error = await failure(createCsvSource(dir).users('Division', quiet));
    expect(error.message).toBe(
      `The CSV folder ${dir} does not exist: pass --data the folder holding the exported <Object>.csv files.`
    );
    expect(error.file).toBe(dir);
  });

  it('names a path that is a file, not a folder', async () => {
    const file = path.join(await folder(), 'User.csv');
    const error = await failure(createCsvSource(file).users('Division', quiet));
    expect(error.message).toBe(
      `The CSV folder ${file} is not a folder: pass --data the folder holding the exported <Object>.csv files.`
    );
  });

  it.each([
    ['User', (s: DataSource) => s.users('Division', quiet), 'the population, roles and regions'],
    ['LoginHistory', allLogins, 'the login KPIs'],
    ['Opportunity', (s: DataSource) => s.records('Opportunity', quiet), 'the pipeline KPIs'],
    ['Lead', (s: DataSource) => s.records('Lead', quiet), 'the lead KPIs'],
    ['Task', (s: DataSource) => s.records('Task', quiet), 'the activity KPIs']
  ])('names a missing required %s.csv and the folder', async (object, read, purpose) => {
    const dir = await folder({ [`${object}.csv`]: null });
    const error = await failure(read(createCsvSource(dir)));
    expect(error.message).toBe(
      `No ${object}.csv in the CSV folder ${dir}: it is required (${purpose}). Export ${object} ` +
        `there as ${object}.csv, with API field names as headers.`
    );
    expect(error.file).toBe(path.join(dir, `${object}.csv`));
  });

  it.each([
    'Account',
    'Contact',
    'Case',
    'OpportunityFieldHistory',
    'DuplicateRecordItem'
  ] as const)('skips a missing optional %s.csv with a note', async (object) => {
    const dir = await folder();
    expect(await createCsvSource(dir).records(object, quiet)).toEqual({
      available: false,
      note: `No ${object}.csv in ${dir}.`
    });
  });
});

describe('a header the source cannot use', () => {
  it('names the file and a missing required column', async () => {
    const dir = await folder({ 'Task.csv': 'Id,OwnerId\n00TA,005A\n' });
    const error = await failure(createCsvSource(dir).records('Task', quiet));
    const file = path.join(dir, 'Task.csv');
    expect(error.message).toBe(
      `${file} has no column CreatedById: export the field with its API name as the column header.`
    );
    expect([error.file, error.column, error.line]).toEqual([file, 'CreatedById', undefined]);
  });

  it('names the region field and the option when User.csv lacks it', async () => {
    const dir = await folder();
    const error = await failure(createCsvSource(dir).users('Region__c', quiet));
    expect(error.message).toBe(
      `${path.join(dir, 'User.csv')} has no column Region__c: it is the region field ` +
        '(--region-field Region__c); export that User field, or pass --region-field a User field the file has.'
    );
    expect(error.column).toBe('Region__c');
  });

  it('asks for UserRole.Name when User.csv has neither it nor UserRoleId', async () => {
    const dir = await folder({
      'User.csv': 'Id,Name,IsActive,Division,LastLoginDate\n005A,Ann,true,EMEA,\n'
    });
    const error = await failure(createCsvSource(dir).users('Division', quiet));
    expect(error.message).toBe(
      `${path.join(dir, 'User.csv')} has no column UserRole.Name: export the role name as ` +
        'UserRole.Name (or the UserRoleId field).'
    );
  });

  it('lists the three columns LoginHistory needs', async () => {
    const dir = await folder({
      'LoginHistory.csv': 'UserId,LoginTime\n005A,2026-11-20T10:00:00Z\n'
    });
    const error = await failure(allLogins(createCsvSource(dir)));
    expect(error.message).toBe(
      `${path.join(dir, 'LoginHistory.csv')} has no column Status: export LoginHistory with the ` +
        'fields UserId, LoginTime and Status.'
    );
  });

  it('asks for the Field column of OpportunityFieldHistory', async () => {
    const dir = await folder({
      'OpportunityFieldHistory.csv':
        'OpportunityId,CreatedDate,OldValue,NewValue\n006A,2026-11-01T00:00:00Z,,Prospecting\n'
    });
    const error = await failure(createCsvSource(dir).records('OpportunityFieldHistory', quiet));
    expect(error.column).toBe('Field');
  });

  it('refuses a column that is there twice, in any case', async () => {
    const dir = await folder({ 'Lead.csv': `ID,${VALID['Lead.csv'].split('\n')[0]}\n` });
    const error = await failure(createCsvSource(dir).records('Lead', quiet));
    expect(error.message).toBe(
      `${path.join(dir, 'Lead.csv')} has the column Id more than once (columns 1, 2): keep one.`
    );
  });

  it('refuses an empty file', async () => {
    const dir = await folder({ 'Lead.csv': '\ufeff\r\n' });
    const error = await failure(createCsvSource(dir).records('Lead', quiet));
    expect(error.message).toBe(
      `${path.join(dir, 'Lead.csv')} is empty: it needs a header row of API field names, then one row per record.`
    );
  });

  it('names the header cell of a syntax error in the header', async () => {
    const dir = await folder({ 'Lead.csv': '"Id,OwnerId\n' });
    const error = await failure(createCsvSource(dir).records('Lead', quiet));
    expect(error.message).toBe(
      `${path.join(dir, 'Lead.csv')} line 1, column #1 of the header: a quoted cell is never ` +
        'closed (unterminated quote), at "\\"Id,OwnerId\\n".'
    );
  });
});

describe('a row the source cannot read', () => {
  const task = async (text: string): Promise<[CsvDataError, string]> => {
    const dir = await folder({ 'Task.csv': text });
    return [await failure(createCsvSource(dir).records('Task', quiet)), path.join(dir, 'Task.csv')];
  };

  it('names the line and the first column without a value when a row is short', async () => {
    const [error, file] = await task(`${taskRow({}).split('\n')[0]}\n00TA,005A,005A\n`);
    expect(error.message).toBe(
      `${file} line 2: 3 cells where the header has 8 columns; no value for CreatedDate and after.`
    );
    expect([error.line, error.column]).toEqual([2, 'CreatedDate']);
  });

  it('shows the extra cell of a long row', async () => {
    const [error, file] = await task(taskRow({ Status: 'Open,extra' }));
    expect(error.message).toBe(
      `${file} line 2: 9 cells where the header has 8 columns; an extra cell "extra" after Status ` +
        '(a comma in an unquoted value?).'
    );
    expect([error.line, error.column, error.value]).toEqual([2, '#9', 'extra']);
  });

  it('names the line where an unterminated quoted cell starts', async () => {
    const [error, file] = await task(
      `${taskRow({})}${taskRow({ Status: '"Open' }).split('\n')[1]}\nmore\n`
    );
    expect(error.message).toBe(
      `${file} line 3, column Status: a quoted cell is never closed (unterminated quote), at "\\"Open\\nmore\\n".`
    );
    expect([error.line, error.column, error.value]).toEqual([3, 'Status', '"Open\nmore\n']);
  });

  it('names a character after a closing quote', async () => {
    const [error, file] = await task(taskRow({ Status: '"Open"ed' }));
    expect(error.message).toBe(
      `${file} line 2, column Status: a character after the closing quote; a quote inside a ` +
        'quoted cell must be doubled, at "\\"Open\\"e".'
    );
  });

  it.each([
    ['ActivityDate', '2026-02-30', 'is not a date (YYYY-MM-DD)'],
    [
      'CreatedDate',
      '2026-11-01',
      'is not a date and time with a UTC offset (like 2026-11-23T12:00:00.000Z)'
    ],
    [
      'LastModifiedDate',
      '2026-11-01T10:00:00',
      'is not a date and time with a UTC offset (like 2026-11-23T12:00:00.000Z)'
    ],
    ['IsClosed', 'yes', 'is not a boolean (true, false, 1 or 0)'],
    ['IsClosed', '', 'is not a boolean (true, false, 1 or 0)'],
    ['OwnerId', '', 'is blank, but every record has a value here'],
    ['CreatedDate', '""', 'is blank, but every record has a value here']
  ])('names the line, column %s and the bad value %j', async (column, value, problem) => {
    const [error, file] = await task(taskRow({ [column]: value }));
    const shown = value === '""' ? '' : value;
    expect(error.message).toBe(
      `${file} line 2, column ${column}: ${JSON.stringify(shown)} ${problem}.`
    );
    expect([error.file, error.line, error.column, error.value]).toEqual([file, 2, column, shown]);
  });

  it('names a bad number, unescaping the value it shows', async () => {
    const header = VALID['Opportunity.csv'].split('\n')[0];
    const row = VALID['Opportunity.csv'].split('\n')[1].replace('100.5', '"1,000 ""USD"""');
    const dir = await folder({ 'Opportunity.csv': `${header}\n${row}\n` });
    const error = await failure(createCsvSource(dir).records('Opportunity', quiet));
    expect(error.message).toBe(
      `${path.join(dir, 'Opportunity.csv')} line 2, column Amount: "1,000 \\"USD\\"" is not a ` +
        'number (digits, a point for decimals).'
    );
  });

  it('cuts a long bad value short in the message', async () => {
    const [error] = await task(taskRow({ ActivityDate: 'x'.repeat(100) }));
    expect(error.message).toContain(`"${'x'.repeat(60)}…" is not a date`);
    expect(error.value).toBe('x'.repeat(100));
  });

  it.each([
    ['005A,,Success', 'LoginTime', '""', 'is blank, but every login has a LoginTime'],
    [
      '005A,20/11/2026 10:00,Success',
      'LoginTime',
      '"20/11/2026 10:00"',
      'is not a date and time with a UTC offset (like 2026-11-23T12:00:00.000Z)'
    ],
    [',2026-11-20T10:00:00.000Z,Success', 'UserId', '""', 'is blank, but every login has a UserId']
  ])('names a bad LoginHistory row %s', async (row, column, value, problem) => {
    const dir = await folder({ 'LoginHistory.csv': `UserId,LoginTime,Status\n${row}\n` });
    const error = await failure(allLogins(createCsvSource(dir)));
    expect(error.message).toBe(
      `${path.join(dir, 'LoginHistory.csv')} line 2, column ${column}: ${value} ${problem}.`
    );
  });
});

describe('LoginHistory cells', () => {
  it('unescapes quoted user Ids and statuses and keeps rows of the range only', async () => {
    const dir = await folder({
      'LoginHistory.csv':
        'USERID,LOGINTIME,STATUS\r\n' +
        '"005""A",2026-11-20T10:00:00.000+0000,"Failed: ""bad"" token"\r\n' +
        '005A,2026-11-20 11:00:00Z,Success\r\n' +
        '005A,2026-11-20T09:00:00.000Z,Success\r\n'
    });
    const seen: [string, string, string][] = [];
    await createCsvSource(dir).forEachLogin(
      { after: new Date('2026-11-20T09:00:00Z'), notAfter: new Date('2026-11-20T11:00:00Z') },
      (userId, time, status) => seen.push([userId, new Date(time).toISOString(), status]),
      quiet
    );
    expect(seen).toEqual([
      ['005"A', '2026-11-20T10:00:00.000Z', 'Failed: "bad" token'],
      ['005A', '2026-11-20T11:00:00.000Z', 'Success']
    ]);
  });
});

describe('User columns that are optional or come in more than one form', () => {
  it('reads the minimal valid folder', async () => {
    const dir = await folder();
    expect(await createCsvSource(dir).users('Division', quiet)).toEqual([
      {
        id: '005A',
        name: 'Ann Lee',
        isActive: true,
        userType: 'Standard',
        role: 'Rep',
        region: 'EMEA',
        lastLoginDate: '2026-11-20T10:00:00.000Z',
        profile: 'Sales User',
        managerId: null
      },
      {
        id: '005B',
        name: 'Bo Chen',
        isActive: false,
        userType: 'Standard',
        role: null,
        region: null,
        lastLoginDate: null,
        profile: null,
        managerId: '005A'
      }
    ]);
  });

  it('keeps role and profile Ids when there is no UserRole.csv or Profile.csv to name them', async () => {
    const dir = await folder({
      'User.csv':
        'Id,Name,IsActive,UserRoleId,ProfileId,Division,LastLoginDate\n' +
        '005A,Ann,1,00E000000000001,00e000000000001,EMEA,2026-11-20T10:00:00+0000\n'
    });
    expect(await createCsvSource(dir).users('Division', quiet)).toEqual([
      {
        id: '005A',
        name: 'Ann',
        isActive: true,
        role: '00E000000000001',
        region: 'EMEA',
        lastLoginDate: '2026-11-20T10:00:00.000Z',
        profile: '00e000000000001',
        managerId: null
      }
    ]);
  });

  it('names role Ids through UserRole.csv whether Ids have 15 or 18 characters', async () => {
    const dir = await folder({
      'User.csv':
        'Id,Name,IsActive,UserRoleId,Division,LastLoginDate\n' +
        '005A,Ann,true,00E000000000001AAA,EMEA,\n' +
        '005B,Bo,true,00E000000000002,EMEA,\n' +
        '005C,Cy,true,00E000000000009,EMEA,\n',
      'UserRole.csv': 'Id,Name\n00E000000000001,Executive\n00E000000000002AAA,Rep\n'
    });
    const users = await createCsvSource(dir).users('Division', quiet);
    expect(users.map((user) => [user.role, user.profile])).toEqual([
      ['Executive', null],
      ['Rep', null],
      ['00E000000000009', null]
    ]);
  });
});
