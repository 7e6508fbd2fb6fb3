import { loginQuery, recordQuery, userQuery } from '../orgQueries';
import {
  JsonRow,
  PageReader,
  cellText,
  loginReader,
  recordReader,
  userReader,
  valueAt
} from '../orgRows';

const RANGE = {
  after: new Date('2026-11-01T00:00:00.000Z'),
  notAfter: new Date('2026-11-23T12:00:00.000Z')
};

describe('REST values as CSV cells', () => {
  it('writes each kind of value as Bulk CSV would', () => {
    expect([null, undefined, 'Ünïcode', 12.5, 0, true, false].map(cellText)).toEqual([
      '',
      '',
      'Ünïcode',
      '12.5',
      '0',
      'true',
      'false'
    ]);
    expect(cellText({ Name: 'x' })).toBe('{"Name":"x"}');
  });

  it('follows relationship paths, matching names in any case', () => {
    const record = {
      attributes: { type: 'User' },
      UserRole: { Name: 'Executive' },
      Division: 'EMEA',
      Profile: null
    };
    expect(valueAt(record, 'UserRole.Name')).toBe('Executive');
    expect(valueAt(record, 'userrole.name')).toBe('Executive');
    expect(valueAt(record, 'DIVISION')).toBe('EMEA');
    expect(valueAt(record, 'Profile.Name')).toBeNull();
    expect(valueAt(record, 'Missing')).toBeNull();
  });

  it('fills one reusable row, multi-byte text included', () => {
    const rows = new JsonRow(['A', 'B', 'C']);
    const row = rows.fill({ A: 'Zoë', B: null, C: 3 }, 7);
    expect(row.cells()).toEqual(['Zoë', '', '3']);
    expect(row.isBlank(1)).toBe(true);
    expect(row.line).toBe(7);
    const wide = rows.fill({ A: 'x'.repeat(5000), B: 'b', C: 'c' }, 8);
    expect(wide.text(0)).toHaveLength(5000);
    expect(wide.text(2)).toBe('c');
  });

  it('grows past sixteen columns', () => {
    const columns = Array.from({ length: 40 }, (_, i) => `F${i}`);
    const record = Object.fromEntries(columns.map((column, i) => [column, i]));
    expect(new JsonRow(columns).fill(record, 1).cells()).toEqual(columns.map((_, i) => String(i)));
  });
});

describe('PageReader', () => {
  it('reads REST records into the library’s record types, as the CSV source does', () => {
    const reader = new PageReader(recordQuery('Opportunity'), recordReader('Opportunity'));
    const [opportunity] = reader.fromRecords(
      [
        {
          attributes: { type: 'Opportunity' },
          Id: '006A',
          OwnerId: '005A',
          CreatedById: '005B',
          CreatedDate: '2026-11-01T09:00:00.000+0000',
          LastModifiedDate: '2026-11-02T09:00:00.000+0000',
          LastActivityDate: null,
          IsClosed: false,
          IsWon: false,
          CloseDate: '2026-12-01',
          StageName: 'Prospecting',
          Amount: 12000.5,
          Probability: 10
        }
      ],
      0
    );
    expect(opportunity).toEqual({
      id: '006A',
      ownerId: '005A',
      createdById: '005B',
      createdDate: '2026-11-01T09:00:00.000Z',
      lastModifiedDate: '2026-11-02T09:00:00.000Z',
      lastActivityDate: null,
      isClosed: false,
      isWon: false,
      closeDate: '2026-12-01',
      stageName: 'Prospecting',
      amount: 12000.5,
      probability: 10
    });
  });

  it('reads users, with the region field', () => {
    const reader = new PageReader(userQuery('Country'), userReader('Country'));
    expect(
      reader.fromRecords(
        [
          {
            Id: '005A',
            Name: 'Ada Lovelace',
            IsActive: true,
            UserType: 'Standard',
            LastLoginDate: null,
            UserRole: null,
            Profile: { Name: 'Sales User' },
            ManagerId: '005B',
            Country: 'France'
          }
        ],
        0
      )
    ).toEqual([
      {
        id: '005A',
        name: 'Ada Lovelace',
        isActive: true,
        role: null,
        region: 'France',
        lastLoginDate: null,
        profile: 'Sales User',
        managerId: '005B',
        userType: 'Standard'
      }
    ]);
  });

  it('names the object, the row over the whole result and the column of a bad value', () => {
    const reader = new PageReader(loginQuery(RANGE), loginReader(RANGE));
    const records = [
      { UserId: '005A', LoginTime: '2026-11-20T09:00:00.000+0000', Status: 'Success' },
      { UserId: '005B', LoginTime: 'yesterday', Status: 'Success' }
    ];
    expect(() => reader.fromRecords(records, 2000)).toThrow(
      'Malformed LoginHistory row 2,002 from the org: LoginTime "yesterday" is not a date and time with a UTC offset (like 2026-11-23T12:00:00.000Z).'
    );
    expect(() =>
      reader.fromRecords(
        [{ UserId: null, LoginTime: '2026-11-20T09:00:00Z', Status: 'Success' }],
        0
      )
    ).toThrow(
      'Malformed LoginHistory row 1 from the org: UserId "" is blank, but every login has a UserId.'
    );
  });

  it('keeps only logins inside the range, to the millisecond', () => {
    const reader = new PageReader(loginQuery(RANGE), loginReader(RANGE));
    const rows = reader.fromRecords(
      [
        { UserId: '005A', LoginTime: '2026-11-01T00:00:00.000Z', Status: 'Success' },
        { UserId: '005A', LoginTime: '2026-11-01T00:00:00.001Z', Status: 'Success' },
        { UserId: '005B', LoginTime: '2026-11-23T12:00:00.000Z', Status: 'Failed' },
        { UserId: '005B', LoginTime: '2026-11-23T12:00:00.001Z', Status: 'Success' }
      ],
      0
    );
    expect(rows).toEqual([
      { userId: '005A', loginTime: Date.parse('2026-11-01T00:00:00.001Z'), status: 'Success' },
      { userId: '005B', loginTime: Date.parse('2026-11-23T12:00:00.000Z'), status: 'Failed' }
    ]);
  });

  it('reads a Bulk CSV page whole and counts its data rows', () => {
    const reader = new PageReader(loginQuery(RANGE), loginReader(RANGE));
    const page = reader.fromCsv(
      '"UserId","LoginTime","Status"\n"005A","2026-11-20T09:00:00.000Z","Success"\n"005B","2020-01-01T00:00:00.000Z","Success"\n',
      0
    );
    expect(page.count).toBe(2);
    expect(page.values).toEqual([
      { userId: '005A', loginTime: Date.parse('2026-11-20T09:00:00.000Z'), status: 'Success' }
    ]);
  });

  it('refuses a CSV row of the wrong width, naming what is missing', () => {
    const reader = new PageReader(loginQuery(RANGE), loginReader(RANGE));
    expect(() =>
      reader.fromCsv(
        '"UserId","LoginTime","Status"\n"005A","2026-11-20T09:00:00.000Z","Success"\n"005B","2026-11-20T09:00:00.000Z"\n',
        100
      )
    ).toThrow(
      'Malformed LoginHistory row 102 from the org: 2 fields where the query selected 3 (UserId, LoginTime, Status): no value for Status.'
    );
    expect(() =>
      reader.fromCsv(
        '"UserId","LoginTime","Status"\n"005A","2026-11-20T09:00:00Z","Success","x"\n',
        0
      )
    ).toThrow(
      '4 fields where the query selected 3 (UserId, LoginTime, Status): an extra value "x".'
    );
  });

  it('refuses broken CSV and unexpected columns', () => {
    const reader = new PageReader(loginQuery(RANGE), loginReader(RANGE));
    expect(() =>
      reader.fromCsv('"UserId","LoginTime","Status"\n"005A","2026-11-20T09:00:00Z","Succ\n', 0)
    ).toThrow(
      'Malformed LoginHistory row 1 from the org: the Bulk API CSV is broken at page line 2: a quoted cell is never closed (unterminated quote).'
    );
    expect(() => reader.fromCsv('"Id","LoginTime","Status"\n', 0)).toThrow(
      'the Bulk API results have the columns Id, LoginTime, Status, not the UserId, LoginTime, Status selected'
    );
  });
});
