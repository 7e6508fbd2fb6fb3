/**
 * A tiny demo org for the engine's tests: row-stored tables implementing SObjectTable, with Users
 * in roles and profiles, their LoginHistory and a few Opportunities. The running user is in
 * America/Los_Angeles and the data is "as of" Monday 2026-11-23 12:00 UTC (04:00 there).
 */
import type { FieldSpec, FieldValue, SObjectTable } from '../../demo/model';
import type { QueryOrg } from '../engine';

export function rowTable(
  name: string,
  fields: Record<string, FieldSpec>,
  rows: Record<string, FieldValue>[]
): SObjectTable {
  const rowById = new Map(rows.map((row, index) => [row.Id as string, index]));
  return {
    name,
    size: rows.length,
    fields,
    accessor: (field) => (field in fields ? (row) => rows[row][field] ?? null : undefined),
    rowOf: (id) => rowById.get(id)
  };
}

const ms = (iso: string): number => Date.parse(iso);

export const ROLE = { sales: '00E000000000001', support: '00E000000000002' };
export const PROFILE = { standard: '00e000000000001', chatter: '00e000000000002' };
export const USER = {
  ada: '005000000000001',
  ben: '005000000000002',
  cleo: '005000000000003',
  dan: '005000000000004',
  eve: '005000000000005',
  fay: '005000000000006',
  gus: '005000000000007'
};

const userRole = rowTable('UserRole', { Id: { type: 'id' }, Name: { type: 'string' } }, [
  { Id: ROLE.sales, Name: 'Sales' },
  { Id: ROLE.support, Name: 'Support' }
]);

const profile = rowTable('Profile', { Id: { type: 'id' }, Name: { type: 'string' } }, [
  { Id: PROFILE.standard, Name: 'Standard User' },
  { Id: PROFILE.chatter, Name: 'Chatter Free User' }
]);

function person(
  Id: string,
  Name: string,
  options: {
    active?: boolean;
    type?: string;
    division?: string | null;
    role?: string | null;
    manager?: string | null;
    lastLogin?: string | null;
  }
): Record<string, FieldValue> {
  return {
    Id,
    Name,
    Username: `${Name.toLowerCase()}@demo.example`,
    IsActive: options.active ?? true,
    UserType: options.type ?? 'Standard',
    Division: options.division ?? null,
    UserRoleId: options.role ?? null,
    ProfileId: options.type === 'CsnOnly' ? PROFILE.chatter : PROFILE.standard,
    ManagerId: options.manager ?? null,
    LastLoginDate: options.lastLogin ? ms(options.lastLogin) : null,
    CreatedDate: ms('2025-01-10T09:30:00Z')
  };
}

const user = rowTable(
  'User',
  {
    Id: { type: 'id' },
    Name: { type: 'string' },
    Username: { type: 'string' },
    IsActive: { type: 'boolean' },
    UserType: { type: 'picklist' },
    Division: { type: 'string' },
    UserRoleId: { type: 'reference', referenceTo: 'UserRole', relationshipName: 'UserRole' },
    ProfileId: { type: 'reference', referenceTo: 'Profile', relationshipName: 'Profile' },
    ManagerId: { type: 'reference', referenceTo: 'User', relationshipName: 'Manager' },
    LastLoginDate: { type: 'datetime' },
    CreatedDate: { type: 'datetime' }
  },
  [
    person(USER.ada, 'Ada', {
      division: 'EMEA',
      role: ROLE.sales,
      lastLogin: '2026-11-23T10:00:00Z'
    }),
    person(USER.ben, 'Ben', {
      division: 'EMEA',
      role: ROLE.sales,
      manager: USER.ada,
      lastLogin: '2026-11-20T09:00:00Z'
    }),
    person(USER.cleo, 'Cleo', { division: 'AMER', role: ROLE.support, manager: USER.ada }),
    person(USER.dan, 'Dan', { division: 'AMER', lastLogin: '2026-11-22T18:00:00Z' }),
    person(USER.eve, 'Eve', {
      active: false,
      division: 'EMEA',
      role: ROLE.sales,
      lastLogin: '2026-10-01T00:00:00Z'
    }),
    person(USER.fay, 'Fay', { type: 'CsnOnly', lastLogin: '2026-11-23T11:00:00Z' }),
    person(USER.gus, 'Gus', {
      role: ROLE.support,
      manager: USER.cleo,
      lastLogin: '2026-11-23T07:00:00Z'
    })
  ]
);

const loginRows: [string, string, string][] = [
  [USER.ada, '2026-11-23T10:00:00Z', 'Success'],
  [USER.ada, '2026-11-22T09:00:00Z', 'Success'],
  [USER.ada, '2026-11-22T08:00:00Z', 'Invalid Password'],
  [USER.ben, '2026-11-20T09:00:00Z', 'Success'],
  [USER.ben, '2026-11-10T09:00:00Z', 'Success'],
  [USER.dan, '2026-11-22T18:00:00Z', 'Success'],
  [USER.gus, '2026-11-23T07:00:00Z', 'Success'],
  [USER.cleo, '2026-11-21T12:00:00Z', 'Invalid Password'],
  [USER.eve, '2026-10-01T00:00:00Z', 'Success'],
  [USER.ben, '2026-11-15T00:00:00Z', 'Success']
];

/** LoginHistory Ids are '0Ya' + the row number, from 1. */
export const loginId = (rowNumber: number): string => `0Ya${String(rowNumber).padStart(12, '0')}`;

const loginHistory = rowTable(
  'LoginHistory',
  {
    Id: { type: 'id' },
    UserId: { type: 'reference', referenceTo: 'User' },
    LoginTime: { type: 'datetime' },
    Status: { type: 'picklist' }
  },
  loginRows.map(([UserId, time, Status], index) => ({
    Id: loginId(index + 1),
    UserId,
    LoginTime: ms(time),
    Status
  }))
);

const opportunity = rowTable(
  'Opportunity',
  {
    Id: { type: 'id' },
    Name: { type: 'string' },
    Amount: { type: 'currency' },
    Probability: { type: 'percent' },
    CloseDate: { type: 'date' },
    StageName: { type: 'picklist' },
    IsWon: { type: 'boolean' },
    OwnerId: { type: 'reference', referenceTo: 'User', relationshipName: 'Owner' }
  },
  [
    {
      Id: '006000000000001',
      Name: 'Alpha',
      Amount: 100,
      Probability: 100,
      CloseDate: '2026-11-23',
      StageName: 'Closed Won',
      IsWon: true,
      OwnerId: USER.ada
    },
    {
      Id: '006000000000002',
      Name: 'Beta',
      Amount: 250.5,
      Probability: 100,
      CloseDate: '2026-11-01',
      StageName: 'Closed Won',
      IsWon: true,
      OwnerId: USER.ben
    },
    {
      Id: '006000000000003',
      Name: 'Gamma',
      Amount: null,
      Probability: 10,
      CloseDate: '2026-10-15',
      StageName: 'Prospecting',
      IsWon: false,
      OwnerId: USER.cleo
    },
    {
      Id: '006000000000004',
      Name: 'Delta',
      Amount: 50,
      Probability: 60,
      CloseDate: '2026-12-05',
      StageName: 'Negotiation',
      IsWon: null,
      OwnerId: USER.gus
    },
    {
      Id: '006000000000005',
      Name: 'Echo',
      Amount: 75,
      Probability: 0,
      CloseDate: '2026-11-16',
      StageName: 'Closed Lost',
      IsWon: false,
      OwnerId: null
    }
  ]
);

export const ORG: QueryOrg = {
  asOf: new Date('2026-11-23T12:00:00Z'),
  timeZone: 'America/Los_Angeles',
  tables: {
    User: user,
    UserRole: userRole,
    Profile: profile,
    LoginHistory: loginHistory,
    Opportunity: opportunity
  }
};

/** The Names of the records, for terse assertions. */
export function names(records: Record<string, unknown>[]): unknown[] {
  return records.map((record) => record.Name);
}
