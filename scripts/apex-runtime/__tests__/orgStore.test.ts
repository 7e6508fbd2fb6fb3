import { OrgDataError } from '../org/errors';
import { NOW, insertOne, newOrg, systemMode } from './orgTestSupport';

const SYSTEM = (userId: string) => ({
  userId,
  accessMode: 'SYSTEM_MODE' as const,
  enforceSharing: false
});

describe('org data: records, Ids and DML', () => {
  it('gives 18-character Ids with the object key prefix (Object Reference: "Standard Field Record Id Prefix Decoder")', () => {
    const org = newOrg();
    const accountId = insertOne(org, 'Account', { Name: 'Acme' });
    expect(accountId).toMatch(/^001[A-Za-z0-9]{15}$/);
    expect(org.runningUserId.startsWith('005')).toBe(true);
    expect(insertOne(org, 'Lead', { LastName: 'Lee', Company: 'Co' }).startsWith('00Q')).toBe(true);
    expect(insertOne(org, 'Case', {}).startsWith('500')).toBe(true);
    expect(org.describe('Adoption_Baseline_Deployment__c')?.keyPrefix).toMatch(/^a0/);
    expect(org.describe('Adoption_Settings__mdt')?.keyPrefix).toMatch(/^m0/);
  });

  it('sets the system fields on insert (Object Reference: "System Fields")', () => {
    const org = newOrg();
    const id = insertOne(org, 'Account', { Name: 'Acme' });
    const [account] = org.query(
      'SELECT Id, CreatedDate, CreatedById, LastModifiedById, OwnerId, IsDeleted FROM Account WHERE Id = :id',
      { id },
      SYSTEM(org.runningUserId)
    ).records;
    expect(account).toEqual({
      Id: id,
      CreatedDate: '2026-11-23T12:00:00.000+0000',
      CreatedById: org.runningUserId,
      LastModifiedById: org.runningUserId,
      OwnerId: org.runningUserId,
      IsDeleted: false
    });
  });

  it('derives IsClosed and IsWon from StageName (Object Reference: Opportunity IsClosed, IsWon)', () => {
    const org = newOrg();
    const base = { Name: 'Deal', CloseDate: '2026-12-01' };
    for (const stage of ['Prospecting', 'Closed Won', 'Closed Lost']) {
      insertOne(org, 'Opportunity', { ...base, StageName: stage });
    }
    const rows = org.query(
      'SELECT StageName, IsClosed, IsWon, Probability FROM Opportunity ORDER BY Probability',
      {},
      SYSTEM(org.runningUserId)
    ).records;
    expect(rows).toEqual([
      { StageName: 'Closed Lost', IsClosed: true, IsWon: false, Probability: 0 },
      { StageName: 'Prospecting', IsClosed: false, IsWon: false, Probability: 10 },
      { StageName: 'Closed Won', IsClosed: true, IsWon: true, Probability: 100 }
    ]);
  });

  it('keeps a Probability the DML sets and takes the stage default otherwise (Object Reference: Opportunity Probability, "Implied by StageName, but may be overwritten")', () => {
    const org = newOrg();
    const user = SYSTEM(org.runningUserId);
    const base = { Name: 'Deal', CloseDate: '2026-12-01', StageName: 'Prospecting' };
    const chosen = insertOne(org, 'Opportunity', { ...base, Probability: 90 });
    const implied = insertOne(org, 'Opportunity', base);
    const probability = (id: string) =>
      org.query('SELECT Probability FROM Opportunity WHERE Id = :id', { id }, user).records[0]
        .Probability;
    expect([probability(chosen), probability(implied)]).toEqual([90, 10]);
    org.dml(
      'update',
      'Opportunity',
      [{ Id: implied, StageName: 'Negotiation/Review' }],
      systemMode(org.runningUserId)
    );
    org.dml(
      'update',
      'Opportunity',
      [{ Id: chosen, StageName: 'Qualification', Probability: 15 }],
      systemMode(org.runningUserId)
    );
    expect([probability(chosen), probability(implied)]).toEqual([15, 90]);
    org.dml(
      'update',
      'Opportunity',
      [{ Id: chosen, StageName: 'Needs Analysis' }],
      systemMode(org.runningUserId)
    );
    expect(probability(chosen)).toBe(20);
  });

  it('closes tasks on Completed and cases on Closed, and defaults lead fields (Object Reference: Task, Case, Lead)', () => {
    const org = newOrg();
    const user = SYSTEM(org.runningUserId);
    const taskId = insertOne(org, 'Task', { Subject: 'Call', Status: 'Completed' });
    insertOne(org, 'Task', { Subject: 'Call' });
    const caseId = insertOne(org, 'Case', { Status: 'New' });
    insertOne(org, 'Lead', { LastName: 'Lee', Company: 'Co' });
    expect(
      org.query('SELECT Id, IsClosed, Status, Priority FROM Task ORDER BY IsClosed DESC', {}, user)
        .records
    ).toEqual([
      { Id: taskId, IsClosed: true, Status: 'Completed', Priority: 'Normal' },
      { Id: expect.any(String), IsClosed: false, Status: 'Not Started', Priority: 'Normal' }
    ]);
    expect(org.query('SELECT IsConverted, Status, Name FROM Lead', {}, user).records).toEqual([
      { IsConverted: false, Status: 'Open - Not Contacted', Name: 'Lee' }
    ]);
    org.dml('update', 'Case', [{ Id: caseId, Status: 'Closed' }], systemMode(org.runningUserId));
    expect(org.query('SELECT IsClosed, ClosedDate FROM Case', {}, user).records).toEqual([
      { IsClosed: true, ClosedDate: '2026-11-23T12:00:00.000+0000' }
    ]);
  });

  it('refuses a record without its required fields (Object Reference: Opportunity CloseDate, Name, StageName)', () => {
    const org = newOrg();
    const [result] = org.dml('insert', 'Account', [{}], systemMode(org.runningUserId));
    expect(result).toEqual({
      id: null,
      success: false,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [Name]',
          fields: ['Name']
        }
      ]
    });
    const [opportunity] = org.dml(
      'insert',
      'Opportunity',
      [{ Name: 'x' }],
      systemMode(org.runningUserId)
    );
    expect(opportunity.errors[0].message).toBe(
      'Required fields are missing: [CloseDate, StageName]'
    );
  });

  it('refuses DML on LoginHistory and custom metadata (Apex Developer Guide: "sObjects That Don\'t Support DML Operations")', () => {
    const org = newOrg();
    const insert = () =>
      org.dml(
        'insert',
        'LoginHistory',
        [{ UserId: org.runningUserId }],
        systemMode(org.runningUserId)
      );
    expect(insert).toThrow(
      new OrgDataError('TypeException', 'DML operation Insert not allowed on LoginHistory')
    );
    expect(() =>
      org.dml('update', 'Adoption_Settings__mdt', [{}], systemMode(org.runningUserId))
    ).toThrow('DML operation Update not allowed on Adoption_Settings__mdt');
    expect(() => org.dml('insert', 'Nope', [], systemMode(org.runningUserId))).toThrow(
      'Invalid sObject type: Nope'
    );
  });

  it('records the login the test runner started the run with, an hour before now', () => {
    const org = newOrg();
    const result = org.query(
      'SELECT UserId, LoginTime, Status FROM LoginHistory',
      {},
      SYSTEM(org.runningUserId)
    );
    expect(result.records).toEqual([
      {
        UserId: org.runningUserId,
        LoginTime: new Date(NOW - 3_600_000).toISOString().replace('Z', '+0000'),
        Status: 'Success'
      }
    ]);
  });

  it('lets the runtime seed LoginHistory for its fixtures', () => {
    const org = newOrg();
    org.seedRecords('LoginHistory', [
      { UserId: org.runningUserId, LoginTime: NOW - 1000, Status: 'Success' },
      { UserId: org.runningUserId, LoginTime: NOW - 2000, Status: 'Invalid Password' }
    ]);
    const result = org.query(
      "SELECT COUNT() FROM LoginHistory WHERE Status = 'Success' AND LoginTime > :since",
      { since: new Date(NOW - 1500) },
      SYSTEM(org.runningUserId)
    );
    expect(result.totalSize).toBe(1);
    expect(() => org.seedRecords('Nope', [])).toThrow('Invalid sObject type: Nope');
  });

  it('updates, deletes and undeletes (Apex Developer Guide: "DML Statements")', () => {
    const org = newOrg();
    const options = systemMode(org.runningUserId);
    const id = insertOne(org, 'Account', { Name: 'Acme' });
    expect(
      org.dml('update', 'Account', [{ Id: id, Name: 'Acme 2', CreatedDate: 0 }], options)[0].success
    ).toBe(true);
    const query = () =>
      org.query('SELECT Name FROM Account', {}, SYSTEM(org.runningUserId)).records;
    expect(query()).toEqual([{ Name: 'Acme 2' }]);
    expect(org.dml('delete', 'Account', [{ Id: id }], options)[0].success).toBe(true);
    expect(query()).toEqual([]);
    expect(org.dml('delete', 'Account', [{ Id: id }], options)[0].errors[0].statusCode).toBe(
      'ENTITY_IS_DELETED'
    );
    expect(
      org.dml('update', 'Account', [{ Id: id, Name: 'x' }], options)[0].errors[0].statusCode
    ).toBe('ENTITY_IS_DELETED');
    expect(org.dml('undelete', 'Account', [{ Id: id }], options)[0].success).toBe(true);
    expect(query()).toEqual([{ Name: 'Acme 2' }]);
    expect(org.dml('undelete', 'Account', [{ Id: id }], options)[0].errors[0].statusCode).toBe(
      'UNDELETE_FAILED'
    );
  });

  it('reports bad Ids and fields per record', () => {
    const org = newOrg();
    const options = systemMode(org.runningUserId);
    const id = insertOne(org, 'Account', { Name: 'Acme' });
    const codes = (operation: 'insert' | 'update', record: Record<string, unknown>) =>
      org.dml(operation, 'Account', [record], options)[0].errors[0].statusCode;
    expect(codes('update', { Name: 'x' })).toBe('MISSING_ARGUMENT');
    expect(codes('update', { Id: '001Rt0000000zzz', Name: 'x' })).toBe(
      'INVALID_CROSS_REFERENCE_KEY'
    );
    expect(codes('insert', { Id: id, Name: 'x' })).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(codes('insert', { Name: 'x', Nope__c: 1 })).toBe('INVALID_FIELD');
    expect(codes('insert', { Name: new Date() })).toBe('INVALID_TYPE_ON_FIELD_IN_RECORD');
    expect(codes('update', { Id: id, Name: null })).toBe('REQUIRED_FIELD_MISSING');
  });

  it('writes nothing when one record fails with allOrNone, the rest without (Apex Developer Guide: Database.insert allOrNone)', () => {
    const org = newOrg();
    const records = [{ Name: 'Good' }, {}];
    const all = org.dml('insert', 'Account', records, systemMode(org.runningUserId));
    expect(all.map((result) => result.success)).toEqual([false, false]);
    expect(all[0].errors).toEqual([]);
    const count = () =>
      org.query('SELECT COUNT() FROM Account', {}, SYSTEM(org.runningUserId)).totalSize;
    expect(count()).toBe(0);
    const partial = org.dml('insert', 'Account', records, {
      ...systemMode(org.runningUserId),
      allOrNone: false
    });
    expect(partial.map((result) => result.success)).toEqual([true, false]);
    expect(count()).toBe(1);
  });

  it('upserts by Id and by an external Id field (Apex Developer Guide: "Upserting Records")', () => {
    const org = newOrg();
    const options = systemMode(org.runningUserId);
    const [created] = org.dml(
      'upsert',
      'Adoption_Baseline_Deployment__c',
      [{ SetupOwnerId: org.organizationId, Status__c: 'Queued' }],
      options
    );
    expect(created).toMatchObject({ success: true, created: true });
    const [updated] = org.dml(
      'upsert',
      'Adoption_Baseline_Deployment__c',
      [{ Id: created.id, Status__c: 'Done' }],
      options
    );
    expect(updated).toEqual({ id: created.id, success: true, errors: [], created: false });
    const external = { ...options, externalIdField: 'Job_Id__c' };
    const first = org.dml(
      'upsert',
      'Adoption_Baseline_Deployment__c',
      [{ Job_Id__c: 'J1' }],
      external
    )[0];
    const again = org.dml(
      'upsert',
      'Adoption_Baseline_Deployment__c',
      [{ Job_Id__c: 'J1', Status__c: 'x' }],
      external
    )[0];
    expect([first.created, again.created, again.id]).toEqual([true, false, first.id]);
    expect(
      org.dml('upsert', 'Adoption_Baseline_Deployment__c', [{}], external)[0].errors[0].statusCode
    ).toBe('MISSING_ARGUMENT');
    expect(
      org.dml('upsert', 'Adoption_Baseline_Deployment__c', [{}], {
        ...options,
        externalIdField: 'Nope'
      })[0].errors[0].statusCode
    ).toBe('INVALID_FIELD');
    insertOne(org, 'Adoption_Baseline_Deployment__c', { Job_Id__c: 'J1' });
    expect(
      org.dml('upsert', 'Adoption_Baseline_Deployment__c', [{ Job_Id__c: 'J1' }], external)[0]
        .errors[0].statusCode
    ).toBe('DUPLICATE_EXTERNAL_ID');
    const [stored] = org.query(
      'SELECT Status__c FROM Adoption_Baseline_Deployment__c WHERE Id = :id',
      { id: created.id },
      SYSTEM(org.runningUserId)
    ).records;
    expect(stored).toEqual({ Status__c: 'Done' });
  });

  it('restores a snapshot, Ids included (Apex Developer Guide: "Isolation of Test Data from Organization Data")', () => {
    const org = newOrg();
    const snapshot = org.snapshot();
    const first = insertOne(org, 'Account', { Name: 'Acme' });
    org.dml(
      'update',
      'User',
      [{ Id: org.runningUserId, Division: 'EMEA' }],
      systemMode(org.runningUserId)
    );
    org.restore(snapshot);
    const options = SYSTEM(org.runningUserId);
    expect(org.query('SELECT COUNT() FROM Account', {}, options).totalSize).toBe(0);
    expect(
      org.query('SELECT Division FROM User WHERE Id = :id', { id: org.runningUserId }, options)
        .records
    ).toEqual([{ Division: null }]);
    expect(insertOne(org, 'Account', { Name: 'Again' })).toBe(first);
  });

  it('backdates CreatedDate (Apex Reference: Test.setCreatedDate)', () => {
    const org = newOrg();
    const id = insertOne(org, 'Account', { Name: 'Acme' });
    org.setCreatedDate(id, Date.parse('2026-01-01T00:00:00Z'));
    const rows = org.query(
      'SELECT Id FROM Account WHERE CreatedDate < 2026-06-01T00:00:00Z',
      {},
      SYSTEM(org.runningUserId)
    );
    expect(rows.records).toEqual([{ Id: id }]);
    expect(() => org.setCreatedDate('001Rt0000000zzzAAA', 0)).toThrow('Test.setCreatedDate');
    expect(org.now()).toBe(NOW);
  });

  it('accepts 15-character Ids in reference fields and stores them as 18', () => {
    const org = newOrg();
    const accountId = insertOne(org, 'Account', { Name: 'Acme' });
    insertOne(org, 'Contact', { LastName: 'Doe', AccountId: accountId.slice(0, 15) });
    const rows = org.query(
      'SELECT AccountId, Account.Name FROM Contact',
      {},
      SYSTEM(org.runningUserId)
    ).records;
    expect(rows).toEqual([{ AccountId: accountId, Account: { Name: 'Acme' } }]);
  });
});
