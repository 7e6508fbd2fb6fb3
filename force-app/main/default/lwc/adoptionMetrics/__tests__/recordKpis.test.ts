import {
  accountsCreated,
  activitiesClosed,
  activitiesCreated,
  casesClosed,
  casesCreated,
  contactsCreated,
  contactsUpdated,
  countRecords,
  opportunitiesCreated,
  optionalRecordInstant,
  sliceCountsByUser,
  sliceRatesByUser
} from '../recordKpis';
import type {
  AccountRecord,
  CaseRecord,
  ContactRecord,
  OpportunityRecord,
  TaskRecord
} from '../crmRecords';
import { DEFAULT_KPI_OPTIONS } from '../kpiResult';
import {
  countSlice,
  makeAccount,
  makeCase,
  makeContact,
  makeOpportunity,
  makeTask
} from './crmFixtures';
import type { KpiOptions, KpiResult, SliceValue, UserDirectory } from '../kpiResult';

// T = 2026-11-23T12:00Z; the 7-day period is 2026-11-16T12:00Z (excluded) < instant ≤ T.
const asOf = new Date('2026-11-23T12:00:00.000Z');
const options: KpiOptions = { ...DEFAULT_KPI_OPTIONS, asOf };
const PERIOD_START = '2026-11-16T12:00:00.000Z';
const JUST_AFTER_START = '2026-11-16T12:00:00.001Z';
const AT_T = '2026-11-23T12:00:00.000Z';
const JUST_AFTER_T = '2026-11-23T12:00:00.001Z';
const IN_PERIOD = '2026-11-20T09:00:00.000Z';
const BEFORE_PERIOD = '2026-11-01T09:00:00.000Z';

const users: UserDirectory = new Map([
  ['rep', { role: 'Rep', region: 'EMEA' }],
  ['manager', { role: 'Manager', region: 'AMER' }],
  ['blank', { role: null, region: '  ' }]
]);

const account = (id: string, overrides: Partial<AccountRecord> = {}): AccountRecord =>
  makeAccount(id, IN_PERIOD, overrides);
const contact = (id: string, overrides: Partial<ContactRecord> = {}): ContactRecord =>
  makeContact(id, BEFORE_PERIOD, overrides);
const opportunity = (id: string, overrides: Partial<OpportunityRecord> = {}): OpportunityRecord =>
  makeOpportunity(id, IN_PERIOD, overrides);
const task = (id: string, overrides: Partial<TaskRecord> = {}): TaskRecord =>
  makeTask(id, BEFORE_PERIOD, overrides);
const supportCase = (id: string, overrides: Partial<CaseRecord> = {}): CaseRecord =>
  makeCase(id, BEFORE_PERIOD, overrides);
const slice = countSlice;

function sliceTotal(slices: Record<string, SliceValue> | undefined): number {
  return Object.values(slices ?? {}).reduce((sum, entry) => sum + entry.numerator, 0);
}

describe('empty inputs', () => {
  it.each([
    ['records.accounts.created', () => accountsCreated([], users, options)],
    ['records.contacts.created', () => contactsCreated([], users, options)],
    ['records.contacts.updated', () => contactsUpdated([], users, options)],
    ['records.opportunities.created', () => opportunitiesCreated([], users, options)],
    ['records.activities.created', () => activitiesCreated([], users, options)],
    ['records.activities.closed', () => activitiesClosed([], users, options)],
    ['records.cases.created', () => casesCreated([], users, options)],
    ['records.cases.closed', () => casesClosed([], users, options)]
  ])('%s counts 0 with empty slices', (id, evaluate: () => KpiResult) => {
    expect(evaluate()).toEqual({ id, value: 0, slices: { role: {}, region: {} } });
  });

  it('rejects an invalid period even when there is nothing to count', () => {
    expect(() => accountsCreated([], users, { ...options, periodDays: 0 })).toThrow(RangeError);
    expect(() => casesClosed([], users, { ...options, periodDays: 1.5 })).toThrow(RangeError);
    expect(() => contactsUpdated([], users, { ...options, periodDays: -7 })).toThrow(RangeError);
  });
});

describe('records.accounts.created', () => {
  it('counts one account created in the period, attributed to its creator', () => {
    const result = accountsCreated(
      [account('001A', { createdById: 'manager', ownerId: 'rep' })],
      users,
      options
    );
    expect(result).toEqual({
      id: 'records.accounts.created',
      value: 1,
      slices: { role: { Manager: slice(1, 1) }, region: { AMER: slice(1, 1) } }
    });
  });

  it('excludes the period start and instants after T, and includes T itself', () => {
    const result = accountsCreated(
      [
        account('start', { createdDate: PERIOD_START }),
        account('justAfterStart', { createdDate: JUST_AFTER_START }),
        account('atT', { createdDate: AT_T }),
        account('afterT', { createdDate: JUST_AFTER_T }),
        account('before', { createdDate: BEFORE_PERIOD })
      ],
      users,
      options
    );
    expect(result.value).toBe(2);
  });

  it('follows the period length of the options', () => {
    const accounts = [
      account('oneDayStart', { createdDate: '2026-11-22T12:00:00.000Z' }),
      account('justAfterOneDayStart', { createdDate: '2026-11-22T12:00:00.001Z' }),
      account('beforeOneDay', { createdDate: '2026-11-22T11:59:59.999Z' }),
      account('threeWeeksAgo', { createdDate: BEFORE_PERIOD })
    ];
    expect(accountsCreated(accounts, users, { ...options, periodDays: 1 }).value).toBe(1);
    expect(accountsCreated(accounts, users, options).value).toBe(3);
    expect(accountsCreated(accounts, users, { ...options, periodDays: 30 }).value).toBe(4);
  });

  it('slices by the creator role and region, with (none) for unknown and blank users', () => {
    const result = accountsCreated(
      [
        account('1', { createdById: 'rep' }),
        account('2', { createdById: 'rep' }),
        account('3', { createdById: 'rep' }),
        account('4', { createdById: 'manager' }),
        account('5', { createdById: 'unknownUser' }),
        account('6', { createdById: 'blank' }),
        account('7', { createdById: 'manager', createdDate: BEFORE_PERIOD })
      ],
      users,
      options
    );
    expect(result.value).toBe(6);
    expect(result.slices).toEqual({
      role: { Manager: slice(1, 6), Rep: slice(3, 6), '(none)': slice(2, 6) },
      region: { AMER: slice(1, 6), EMEA: slice(3, 6), '(none)': slice(2, 6) }
    });
    expect(Object.keys(result.slices?.role ?? {})).toEqual(['Manager', 'Rep', '(none)']);
    expect(sliceTotal(result.slices?.role)).toBe(6);
    expect(sliceTotal(result.slices?.region)).toBe(6);
  });

  it('reads the offset format the REST API returns', () => {
    const result = accountsCreated(
      [account('a', { createdDate: '2026-11-23T13:00:00.000+0100' })],
      users,
      options
    );
    expect(result.value).toBe(1);
  });

  it('names the record and field of a malformed instant', () => {
    expect(() =>
      accountsCreated([account('001BAD', { createdDate: 'yesterday' })], users, options)
    ).toThrow(/CreatedDate of 001BAD/);
  });
});

describe('records.contacts.created and records.contacts.updated', () => {
  const contacts = [
    contact('createdInPeriod', { createdDate: IN_PERIOD, lastModifiedDate: IN_PERIOD }),
    contact('oldModifiedInPeriod', { lastModifiedDate: IN_PERIOD }),
    contact('createdAtStartModifiedInPeriod', {
      createdDate: PERIOD_START,
      lastModifiedDate: AT_T
    }),
    contact('createdJustAfterStart', {
      createdDate: JUST_AFTER_START,
      lastModifiedDate: JUST_AFTER_START
    }),
    contact('modifiedAtStart', { lastModifiedDate: PERIOD_START }),
    contact('modifiedAfterT', { lastModifiedDate: JUST_AFTER_T }),
    contact('untouched')
  ];

  it('counts contacts created in the period', () => {
    expect(contactsCreated(contacts, users, options).value).toBe(2);
  });

  it('counts contacts modified in the period and created before it', () => {
    expect(contactsUpdated(contacts, users, options).value).toBe(2);
  });

  it('attributes created contacts to the creator and updated ones to the owner', () => {
    const one = [contact('c', { createdById: 'manager', ownerId: 'rep', lastModifiedDate: AT_T })];
    expect(contactsUpdated(one, users, options).slices?.role).toEqual({ Rep: slice(1, 1) });
    const created = [contact('c', { createdById: 'manager', ownerId: 'rep', createdDate: AT_T })];
    expect(contactsCreated(created, users, options).slices?.role).toEqual({
      Manager: slice(1, 1)
    });
  });
});

describe('records.opportunities.created', () => {
  it('counts opportunities created in the period by creator', () => {
    const result = opportunitiesCreated(
      [
        opportunity('a', { createdById: 'rep', ownerId: 'manager' }),
        opportunity('b', { createdDate: PERIOD_START }),
        opportunity('c', { createdById: 'manager', createdDate: AT_T })
      ],
      users,
      options
    );
    expect(result.value).toBe(2);
    expect(result.slices?.role).toEqual({ Manager: slice(1, 2), Rep: slice(1, 2) });
  });
});

describe('records.activities.created', () => {
  it('counts tasks created in the last 7 days by default, by creator', () => {
    const tasks = [
      task('a', { createdDate: IN_PERIOD, createdById: 'manager', ownerId: 'rep' }),
      task('b', { createdDate: '2026-11-13T12:00:00.000Z' }),
      task('c', { createdDate: PERIOD_START })
    ];
    const result = activitiesCreated(tasks, users, options);
    expect(result.value).toBe(1);
    expect(result.slices?.region).toEqual({ AMER: slice(1, 1) });
    expect(activitiesCreated(tasks, users, { ...options, periodDays: 30 }).value).toBe(3);
  });
});

describe('records.activities.closed', () => {
  it('counts closed tasks last modified in the period, by owner', () => {
    const result = activitiesClosed(
      [
        task('closedInPeriod', { isClosed: true, lastModifiedDate: IN_PERIOD, ownerId: 'manager' }),
        task('closedAtT', { isClosed: true, lastModifiedDate: AT_T, createdById: 'manager' }),
        task('closedAtStart', { isClosed: true, lastModifiedDate: PERIOD_START }),
        task('closedAfterT', { isClosed: true, lastModifiedDate: JUST_AFTER_T }),
        task('openModifiedInPeriod', { isClosed: false, lastModifiedDate: IN_PERIOD })
      ],
      users,
      options
    );
    expect(result.value).toBe(2);
    expect(result.slices?.role).toEqual({ Manager: slice(1, 2), Rep: slice(1, 2) });
  });
});

describe('records.cases.created and records.cases.closed', () => {
  const cases = [
    supportCase('createdInPeriod', { createdDate: IN_PERIOD, createdById: 'manager' }),
    supportCase('createdAtStart', { createdDate: PERIOD_START }),
    supportCase('closedInPeriod', { isClosed: true, closedDate: IN_PERIOD, ownerId: 'blank' }),
    supportCase('closedAtT', { isClosed: true, closedDate: AT_T, ownerId: '00GQUEUE' }),
    supportCase('closedAtStart', { isClosed: true, closedDate: PERIOD_START }),
    supportCase('closedWithoutDate', { isClosed: true, closedDate: null }),
    supportCase('closedWithEmptyDate', { isClosed: true, closedDate: '' }),
    supportCase('openWithDate', { isClosed: false, closedDate: IN_PERIOD })
  ];

  it('counts cases created in the period by creator', () => {
    const result = casesCreated(cases, users, options);
    expect(result.value).toBe(1);
    expect(result.slices?.role).toEqual({ Manager: slice(1, 1) });
  });

  it('counts closed cases with ClosedDate in the period by owner; a queue owner is (none)', () => {
    const result = casesClosed(cases, users, options);
    expect(result.value).toBe(2);
    expect(result.slices).toEqual({
      role: { '(none)': slice(2, 2) },
      region: { '(none)': slice(2, 2) }
    });
  });
});

describe('slicing helpers', () => {
  it('count slices sum to the total and carry it as denominator', () => {
    const slices = sliceCountsByUser(['rep', 'manager', 'rep', 'nobody'], users);
    expect(slices.role).toEqual({
      Manager: slice(1, 4),
      Rep: slice(2, 4),
      '(none)': slice(1, 4)
    });
  });

  it('rate slices divide within each slice', () => {
    const slices = sliceRatesByUser(
      [
        { userId: 'rep', counted: true },
        { userId: 'rep', counted: false },
        { userId: 'rep', counted: false },
        { userId: 'rep', counted: true },
        { userId: 'manager', counted: false }
      ],
      users
    );
    expect(slices.role).toEqual({
      Manager: { value: 0, numerator: 0, denominator: 1 },
      Rep: { value: 0.5, numerator: 2, denominator: 4 }
    });
  });

  it('lists the counted Ids sorted only for list KPIs', () => {
    const records = [{ id: 'c' }, { id: 'a' }, { id: 'b' }];
    const listed = countRecords(
      'x',
      records,
      (r) => r.id !== 'b',
      () => 'rep',
      users,
      true
    );
    expect(listed.records).toEqual(['a', 'c']);
    expect(listed.value).toBe(2);
    const counted = countRecords(
      'x',
      records,
      () => true,
      () => 'rep',
      users
    );
    expect(counted.records).toBeUndefined();
  });

  it('reads a blank optional instant as null', () => {
    expect(optionalRecordInstant(undefined, 'ClosedDate', 'x')).toBeNull();
    expect(optionalRecordInstant('  ', 'ClosedDate', 'x')).toBeNull();
    expect(optionalRecordInstant(AT_T, 'ClosedDate', 'x')?.toISOString()).toBe(AT_T);
    expect(() => optionalRecordInstant('soon', 'ClosedDate', '500X')).toThrow(/ClosedDate of 500X/);
  });
});
