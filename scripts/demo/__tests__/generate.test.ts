import { demoDigest } from '../csv';
import { DEFAULT_AS_OF, DEMO_SHAPE, generateDemoOrg } from '../generate';
import { objectOfId } from '../ids';
import type { DemoOrg, FieldValue } from '../model';

const DAY_MS = 86_400_000;

function reader(org: DemoOrg, object: string, field: string): (row: number) => FieldValue {
  const read = org.tables[object].accessor(field);
  if (read === undefined) throw new Error(`no ${object}.${field}`);
  return read;
}

function countRows(org: DemoOrg, object: string, predicate: (row: number) => boolean): number {
  let count = 0;
  for (let row = 0; row < org.tables[object].size; row += 1) if (predicate(row)) count += 1;
  return count;
}

describe('generateDemoOrg options', () => {
  it('gives identical data for the same seed and different data for another seed', () => {
    const digest = demoDigest(generateDemoOrg({ users: 50, seed: 42 }));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(demoDigest(generateDemoOrg({ users: 50, seed: 42 }))).toBe(digest);
    expect(demoDigest(generateDemoOrg({ users: 50, seed: 43 }))).not.toBe(digest);
  });

  it.each([49, 50001, 2.5, Number.NaN])('rejects %p users with a clear message', (users) => {
    expect(() => generateDemoOrg({ users, seed: 1 })).toThrow(RangeError);
    expect(() => generateDemoOrg({ users, seed: 1 })).toThrow(
      `users must be an integer from 50 to 50,000 (got ${users})`
    );
  });

  it('rejects a bad seed, asOf or time zone', () => {
    expect(() => generateDemoOrg({ users: 50, seed: 0.5 })).toThrow('seed must be an integer');
    expect(() => generateDemoOrg({ users: 50, seed: 1, asOf: new Date('nope') })).toThrow(
      'asOf must be a valid Date'
    );
    expect(() => generateDemoOrg({ users: 50, seed: 1, timeZone: 'Mars/Olympus' })).toThrow(
      'Unknown time zone "Mars/Olympus"'
    );
  });

  it('defaults to a fixed asOf and UTC, and follows another asOf and time zone', () => {
    const org = generateDemoOrg({ users: 50, seed: 1 });
    expect(org.asOf.toISOString()).toBe(DEFAULT_AS_OF.toISOString());
    expect(org.timeZone).toBe('UTC');
    const asOf = new Date('2027-01-15T08:30:00Z');
    const later = generateDemoOrg({ users: 50, seed: 1, asOf, timeZone: 'Asia/Tokyo' });
    expect(later.asOf.getTime()).toBe(asOf.getTime());
    expect(later.timeZone).toBe('Asia/Tokyo');
    const times = reader(later, 'LoginHistory', 'LoginTime');
    const size = later.tables.LoginHistory.size;
    expect(Number(times(size - 1))).toBeLessThanOrEqual(asOf.getTime());
    expect(Number(times(0))).toBeGreaterThan(asOf.getTime() - 183 * DAY_MS);
    // The Christmas break (24 Dec – 1 Jan) is almost silent.
    const perDay = (day: string): number =>
      countRows(later, 'LoginHistory', (row) =>
        new Date(Number(times(row))).toISOString().startsWith(day)
      );
    expect(perDay('2026-12-29')).toBeLessThan(perDay('2026-12-15') / 4);
  });

  it('generates a longer LoginHistory when asked, leaving the users as they were', () => {
    const usual = generateDemoOrg({ users: 200, seed: 3 });
    const longer = generateDemoOrg({ users: 200, seed: 3, loginHistoryDays: 365 });
    const times = reader(longer, 'LoginHistory', 'LoginTime');
    const asOf = longer.asOf.getTime();
    expect(Number(times(0))).toBeGreaterThan(asOf - 365 * DAY_MS);
    expect(Number(times(0))).toBeLessThan(asOf - 300 * DAY_MS);
    expect(longer.tables.LoginHistory.size).toBeGreaterThan(usual.tables.LoginHistory.size * 1.5);
    const ids = (org: DemoOrg): FieldValue[] =>
      Array.from({ length: org.tables.User.size }, (_, row) => reader(org, 'User', 'Id')(row));
    expect(ids(longer)).toEqual(ids(usual));
  });

  it.each([0, 731, 1.5])('rejects %p days of LoginHistory', (loginHistoryDays) => {
    expect(() => generateDemoOrg({ users: 50, seed: 1, loginHistoryDays })).toThrow(
      `loginHistoryDays must be an integer from 1 to 730 (got ${loginHistoryDays})`
    );
  });

  it('describes its shape for the README', () => {
    expect(Object.keys(DEMO_SHAPE)).toEqual(
      expect.arrayContaining(['User', 'LoginHistory', 'Opportunity', 'Task'])
    );
  });
});

describe.each([
  [50, 42],
  [5000, 7]
])('a demo org of %i users (seed %i)', (users, seed) => {
  let org: DemoOrg;
  let today: string;
  const daysBefore = (days: number): string =>
    new Date(org.asOf.getTime() - days * DAY_MS).toISOString().slice(0, 10);

  beforeAll(() => {
    org = generateDemoOrg({ users, seed });
    today = org.asOf.toISOString().slice(0, 10);
  });

  it('has every object, sized in proportion to the users', () => {
    expect(Object.keys(org.tables).sort()).toEqual(
      [
        'Account',
        'Case',
        'Contact',
        'DuplicateRecordItem',
        'DuplicateRecordSet',
        'Lead',
        'LoginHistory',
        'Opportunity',
        'OpportunityFieldHistory',
        'Profile',
        'Task',
        'User',
        'UserRole'
      ].sort()
    );
    expect(org.tables.User.size).toBe(users);
    expect(org.tables.UserRole.size).toBe(5);
    expect(org.tables.Profile.size).toBe(4);
    expect(org.tables.LoginHistory.size).toBeGreaterThan(users * 80);
    expect(org.tables.Account.size).toBeGreaterThan(users * 5);
    expect(org.tables.Task.size).toBeGreaterThan(org.tables.Opportunity.size * 3);
  });

  it('sets LastLoginDate to the latest successful LoginTime, null without one', () => {
    const userId = reader(org, 'LoginHistory', 'UserId');
    const time = reader(org, 'LoginHistory', 'LoginTime');
    const status = reader(org, 'LoginHistory', 'Status');
    const latest = new Map<string, number>();
    let descending = 0;
    let previous = -Infinity;
    for (let row = 0; row < org.tables.LoginHistory.size; row += 1) {
      const at = Number(time(row));
      if (at < previous) descending += 1;
      previous = at;
      if (status(row) !== 'Success' || at > org.asOf.getTime()) continue;
      const id = String(userId(row));
      latest.set(id, Math.max(latest.get(id) ?? -Infinity, at));
    }
    expect(descending).toBe(0); // ascending LoginTime over the whole table
    const id = reader(org, 'User', 'Id');
    const lastLogin = reader(org, 'User', 'LastLoginDate');
    const wrong: string[] = [];
    for (let row = 0; row < org.tables.User.size; row += 1) {
      const expected = latest.get(String(id(row))) ?? null;
      if (lastLogin(row) !== expected) wrong.push(`${String(id(row))}: ${String(lastLogin(row))}`);
    }
    expect(wrong).toEqual([]);
    expect(latest.size).toBeLessThan(org.tables.User.size);
  });

  it('has the adoption problems the dashboard looks for', () => {
    const active = reader(org, 'User', 'IsActive');
    const lastLogin = reader(org, 'User', 'LastLoginDate');
    const userType = reader(org, 'User', 'UserType');
    expect(
      countRows(org, 'User', (r) => active(r) === true && lastLogin(r) === null)
    ).toBeGreaterThan(0);
    expect(countRows(org, 'User', (r) => active(r) === false)).toBeGreaterThan(0);
    expect(
      countRows(org, 'User', (r) => reader(org, 'User', 'UserRoleId')(r) === null)
    ).toBeGreaterThan(0);
    expect(
      countRows(org, 'User', (r) => reader(org, 'User', 'Division')(r) === null)
    ).toBeGreaterThan(0);
    expect(countRows(org, 'User', (r) => userType(r) !== 'Standard')).toBeGreaterThan(0);
    const dormant = countRows(org, 'User', (r) => {
      const at = lastLogin(r);
      return active(r) === true && at !== null && Number(at) < org.asOf.getTime() - 45 * DAY_MS;
    });
    expect(dormant).toBeGreaterThan(0);
    const status = reader(org, 'LoginHistory', 'Status');
    const failed = countRows(org, 'LoginHistory', (r) => status(r) !== 'Success');
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(org.tables.LoginHistory.size * 0.06);
  });

  it('has far fewer logins at weekends and in the summer holiday week', () => {
    const time = reader(org, 'LoginHistory', 'LoginTime');
    const status = reader(org, 'LoginHistory', 'Status');
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    const byDate = new Map<number, number>();
    for (let row = 0; row < org.tables.LoginHistory.size; row += 1) {
      if (status(row) !== 'Success') continue;
      const day = Math.floor(Number(time(row)) / DAY_MS);
      byWeekday[(day + 4) % 7] += 1; // 1970-01-01 was a Thursday
      byDate.set(day, (byDate.get(day) ?? 0) + 1);
    }
    const weekendDay = (byWeekday[0] + byWeekday[6]) / 2;
    const weekday = (byWeekday[1] + byWeekday[2] + byWeekday[3] + byWeekday[4] + byWeekday[5]) / 5;
    expect(weekendDay).toBeLessThan(weekday * 0.25);
    const week = (from: string, to: string): number => {
      const [first, last] = [from, to].map((date) => Date.parse(`${date}T00:00:00Z`) / DAY_MS);
      return [...byDate]
        .filter(([day]) => day >= first && day <= last)
        .reduce((s, [, n]) => s + n, 0);
    };
    expect(week('2026-08-10', '2026-08-16')).toBeLessThan(week('2026-08-03', '2026-08-09') * 0.5);
  });

  it('gives the running user: an active EMEA Account Executive who logs in regularly', () => {
    const row = org.tables.User.rowOf(org.runningUserId) as number;
    expect(row).toBeDefined();
    expect(reader(org, 'User', 'IsActive')(row)).toBe(true);
    expect(reader(org, 'User', 'Division')(row)).toBe('EMEA');
    const role = org.tables.UserRole.rowOf(String(reader(org, 'User', 'UserRoleId')(row)));
    expect(reader(org, 'UserRole', 'Name')(role as number)).toBe('Account Executive');
    expect(Number(reader(org, 'User', 'LastLoginDate')(row))).toBeGreaterThan(
      org.asOf.getTime() - 7 * DAY_MS
    );
  });

  it('has neglected pipeline, overdue tasks, abandoned leads and accounts without contacts', () => {
    const T = org.asOf.getTime();
    const isClosed = reader(org, 'Opportunity', 'IsClosed');
    const closeDate = reader(org, 'Opportunity', 'CloseDate');
    const lastActivity = reader(org, 'Opportunity', 'LastActivityDate');
    const lastModified = reader(org, 'Opportunity', 'LastModifiedDate');
    const isWon = reader(org, 'Opportunity', 'IsWon');
    expect(
      countRows(org, 'Opportunity', (r) => isClosed(r) === false && String(closeDate(r)) < today)
    ).toBeGreaterThan(0);
    const stale = countRows(
      org,
      'Opportunity',
      (r) =>
        isClosed(r) === false &&
        (lastActivity(r) === null || String(lastActivity(r)) < daysBefore(30)) &&
        Number(lastModified(r)) <= T - 30 * DAY_MS
    );
    expect(stale).toBeGreaterThan(0);
    expect(countRows(org, 'Opportunity', (r) => isWon(r) === true)).toBeGreaterThan(0);
    expect(
      countRows(org, 'Opportunity', (r) => isClosed(r) === true && isWon(r) === false)
    ).toBeGreaterThan(0);
    expect(
      countRows(
        org,
        'Opportunity',
        (r) => isClosed(r) === false && reader(org, 'Opportunity', 'Amount')(r) === null
      )
    ).toBeGreaterThan(0);

    const taskClosed = reader(org, 'Task', 'IsClosed');
    const due = reader(org, 'Task', 'ActivityDate');
    expect(
      countRows(
        org,
        'Task',
        (r) => taskClosed(r) === false && due(r) !== null && String(due(r)) < today
      )
    ).toBeGreaterThan(0);
    expect(countRows(org, 'Task', (r) => taskClosed(r) === true)).toBeGreaterThan(0);
    expect(
      countRows(org, 'Task', (r) => taskClosed(r) === false && due(r) === null)
    ).toBeGreaterThan(0);

    const converted = reader(org, 'Lead', 'IsConverted');
    const leadStatus = reader(org, 'Lead', 'Status');
    const leadCreated = reader(org, 'Lead', 'CreatedDate');
    const leadActivity = reader(org, 'Lead', 'LastActivityDate');
    const abandoned = countRows(
      org,
      'Lead',
      (r) =>
        converted(r) === false &&
        leadStatus(r) !== 'Closed - Not Converted' &&
        Number(leadCreated(r)) <= T - 14 * DAY_MS &&
        (leadActivity(r) === null || String(leadActivity(r)) < daysBefore(14))
    );
    expect(abandoned).toBeGreaterThan(0);
    expect(countRows(org, 'Lead', (r) => converted(r) === true)).toBeGreaterThan(0);

    const accountOfContact = reader(org, 'Contact', 'AccountId');
    const withContacts = new Set<FieldValue>();
    for (let r = 0; r < org.tables.Contact.size; r += 1) withContacts.add(accountOfContact(r));
    expect(withContacts.size).toBeLessThan(org.tables.Account.size);
  });

  it('keeps record dates consistent', () => {
    const T = org.asOf.getTime();
    for (const object of [
      'Account',
      'Contact',
      'Opportunity',
      'Lead',
      'Task',
      'Case',
      'User',
      'OpportunityFieldHistory',
      'DuplicateRecordSet',
      'DuplicateRecordItem'
    ]) {
      const created = reader(org, object, 'CreatedDate');
      expect(countRows(org, object, (r) => !(Number(created(r)) <= T))).toBe(0);
    }
    const created = reader(org, 'Opportunity', 'CreatedDate');
    const modified = reader(org, 'Opportunity', 'LastModifiedDate');
    expect(countRows(org, 'Opportunity', (r) => Number(modified(r)) < Number(created(r)))).toBe(0);
    const caseCreated = reader(org, 'Case', 'CreatedDate');
    const caseClosed = reader(org, 'Case', 'ClosedDate');
    const isClosed = reader(org, 'Case', 'IsClosed');
    expect(
      countRows(org, 'Case', (r) =>
        isClosed(r) === true
          ? !(Number(caseClosed(r)) >= Number(caseCreated(r)) && Number(caseClosed(r)) <= T)
          : caseClosed(r) !== null
      )
    ).toBe(0);
  });

  it('resolves every Id and reference through rowOf of its target table', () => {
    for (const [object, table] of Object.entries(org.tables)) {
      const id = reader(org, object, 'Id');
      for (let row = 0; row < table.size; row += 1) {
        if (table.rowOf(String(id(row))) !== row) throw new Error(`${object} row ${row}`);
      }
      for (const [field, spec] of Object.entries(table.fields)) {
        if (spec.type !== 'reference') continue;
        const read = reader(org, object, field);
        const allowed = spec.referenceTargets ?? [spec.referenceTo as string];
        let resolved = 0;
        for (let row = 0; row < table.size; row += 1) {
          const value = read(row);
          if (value === null) continue;
          const target = allowed.length === 1 ? allowed[0] : (objectOfId(String(value)) as string);
          if (!allowed.includes(target) || org.tables[target].rowOf(String(value)) === undefined) {
            throw new Error(`${object}.${field} row ${row}: ${String(value)} does not resolve`);
          }
          resolved += 1;
        }
        expect(resolved).toBeGreaterThan(0);
      }
    }
  });

  it('returns values of the declared types', () => {
    const patterns: Record<string, (value: FieldValue) => boolean> = {
      id: (v) => typeof v === 'string' && /^[0-9A-Za-z]{18}$/.test(v),
      reference: (v) => typeof v === 'string' && /^[0-9A-Za-z]{18}$/.test(v),
      date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
      datetime: (v) => typeof v === 'number' && Number.isInteger(v),
      boolean: (v) => typeof v === 'boolean',
      currency: (v) => typeof v === 'number',
      int: (v) => typeof v === 'number' && Number.isInteger(v),
      percent: (v) => typeof v === 'number',
      string: (v) => typeof v === 'string' && v !== '',
      picklist: (v) => typeof v === 'string' && v !== '',
      email: (v) => typeof v === 'string' && /^[a-z0-9.]+@[a-z0-9.-]+$/.test(v)
    };
    for (const [object, table] of Object.entries(org.tables)) {
      expect(table.accessor('NoSuchField__c')).toBeUndefined();
      expect(table.rowOf('001A0000006Vm9rIAC')).toBeUndefined();
      for (const [field, spec] of Object.entries(table.fields)) {
        const read = reader(org, object, field);
        expect(table.accessor(field)).toBe(read);
        const step = Math.max(1, Math.floor(table.size / 500));
        for (let row = 0; row < table.size; row += step) {
          const value = read(row);
          if (value !== null && !patterns[spec.type](value)) {
            throw new Error(`${object}.${field} (${spec.type}) row ${row}: ${String(value)}`);
          }
        }
      }
    }
  });
});

describe('field specs', () => {
  it('declare the relationships the SOQL engine follows', () => {
    const { tables } = generateDemoOrg({ users: 50, seed: 3 });
    const relation = (object: string, field: string) => {
      const { referenceTo, relationshipName } = tables[object].fields[field];
      return `${referenceTo}/${relationshipName}`;
    };
    expect(relation('User', 'UserRoleId')).toBe('UserRole/UserRole');
    expect(relation('User', 'ProfileId')).toBe('Profile/Profile');
    expect(relation('User', 'ManagerId')).toBe('User/Manager');
    expect(relation('UserRole', 'ParentRoleId')).toBe('UserRole/ParentRole');
    expect(relation('LoginHistory', 'UserId')).toBe('User/User');
    expect(relation('Contact', 'AccountId')).toBe('Account/Account');
    expect(relation('Opportunity', 'AccountId')).toBe('Account/Account');
    expect(relation('Task', 'WhatId')).toBe('Opportunity/What');
    expect(relation('Task', 'WhoId')).toBe('Contact/Who');
    expect(tables.Task.fields.WhatId.referenceTargets).toEqual(['Opportunity', 'Account']);
    expect(tables.Task.fields.WhoId.referenceTargets).toEqual(['Contact', 'Lead']);
    expect(relation('OpportunityFieldHistory', 'OpportunityId')).toBe('Opportunity/Opportunity');
    expect(relation('DuplicateRecordItem', 'DuplicateRecordSetId')).toBe(
      'DuplicateRecordSet/DuplicateRecordSet'
    );
    expect(tables.DuplicateRecordItem.fields.RecordId.referenceTargets).toEqual([
      'Account',
      'Contact',
      'Lead'
    ]);
    for (const object of ['Account', 'Contact', 'Opportunity', 'Lead', 'Task', 'Case']) {
      expect(relation(object, 'OwnerId')).toBe('User/Owner');
      expect(relation(object, 'CreatedById')).toBe('User/CreatedBy');
    }
    expect(tables.User.fields.LastLoginDate.type).toBe('datetime');
    expect(tables.Opportunity.fields.Amount.type).toBe('currency');
    expect(tables.Opportunity.fields.Probability.type).toBe('percent');
    expect(tables.Opportunity.fields.CloseDate.type).toBe('date');
  });
});
