/**
 * The query shapes the dashboard's KPI selectors use, on a small org: COUNT(field) per owner,
 * grouping through a relationship (Opportunity.OwnerId), semi- and anti-joins including a
 * polymorphic sub-select (DuplicateRecordItem.RecordId), ORDER BY … NULLS LAST with bound
 * LIMIT/OFFSET, and the query rows each is charged.
 */
import { runQuery } from '../engine';
import type { QueryOrg } from '../engine';
import { ORG, USER, rowTable } from './fixtures';

const ACCOUNT = { a: '001000000000001', b: '001000000000002', c: '001000000000003' };
const CONTACT = { x: '003000000000001', y: '003000000000002' };
const OPP = { one: '006000000000001', two: '006000000000002', three: '006000000000003' };

const org: QueryOrg = {
  ...ORG,
  tables: {
    ...ORG.tables,
    Account: rowTable(
      'Account',
      {
        Id: { type: 'id' },
        Name: { type: 'string' },
        Industry: { type: 'picklist' },
        OwnerId: { type: 'reference', referenceTo: 'User', relationshipName: 'Owner' }
      },
      [
        { Id: ACCOUNT.a, Name: 'Acme', Industry: 'Energy', OwnerId: USER.ada },
        { Id: ACCOUNT.b, Name: 'Bolt', Industry: null, OwnerId: USER.ada },
        { Id: ACCOUNT.c, Name: 'Cogs', Industry: 'Media', OwnerId: USER.ben }
      ]
    ),
    Contact: rowTable(
      'Contact',
      {
        Id: { type: 'id' },
        AccountId: { type: 'reference', referenceTo: 'Account', relationshipName: 'Account' },
        OwnerId: { type: 'reference', referenceTo: 'User', relationshipName: 'Owner' }
      },
      [
        { Id: CONTACT.x, AccountId: ACCOUNT.a, OwnerId: USER.ada },
        { Id: CONTACT.y, AccountId: null, OwnerId: USER.ben }
      ]
    ),
    DuplicateRecordItem: rowTable(
      'DuplicateRecordItem',
      {
        Id: { type: 'id' },
        RecordId: {
          type: 'reference',
          referenceTo: 'Account',
          relationshipName: 'Record',
          referenceTargets: ['Account', 'Contact', 'Lead']
        }
      },
      [
        { Id: '0GL000000000001', RecordId: ACCOUNT.b },
        { Id: '0GL000000000002', RecordId: CONTACT.y },
        { Id: '0GL000000000003', RecordId: ACCOUNT.b }
      ]
    ),
    OpportunityFieldHistory: rowTable(
      'OpportunityFieldHistory',
      {
        Id: { type: 'id' },
        OpportunityId: {
          type: 'reference',
          referenceTo: 'Opportunity',
          relationshipName: 'Opportunity'
        },
        Field: { type: 'picklist' },
        CreatedDate: { type: 'datetime' }
      },
      [
        [OPP.one, 'StageName', '2026-11-20T10:00:00Z'],
        [OPP.one, 'StageName', '2026-11-21T10:00:00Z'],
        [OPP.one, 'created', '2026-11-21T10:00:00Z'],
        [OPP.two, 'StageName', '2026-11-22T10:00:00Z'],
        [OPP.three, 'StageName', '2026-11-22T11:00:00Z'],
        [OPP.three, 'StageName', '2026-09-01T11:00:00Z']
      ].map(([OpportunityId, Field, at], index) => ({
        Id: `017${String(index + 1).padStart(12, '0')}`,
        OpportunityId,
        Field,
        CreatedDate: Date.parse(at)
      }))
    )
  }
};

describe('KPI query shapes', () => {
  it('counts records and filled fields per owner, one query row per owner', () => {
    const result = runQuery(
      org,
      'SELECT OwnerId userId, COUNT(Id) n, COUNT(Industry) filled FROM Account WHERE OwnerId IN :userIds WITH USER_MODE GROUP BY OwnerId LIMIT :groupLimit',
      { userIds: new Set([USER.ada, USER.ben]), groupLimit: 10 }
    );
    expect(result.records).toEqual([
      { userId: USER.ada, n: 2, filled: 1 },
      { userId: USER.ben, n: 1, filled: 1 }
    ]);
    expect(result.queryRowsCharged).toBe(2);
  });

  it('stops at the group limit and charges only the groups returned', () => {
    const result = runQuery(
      org,
      'SELECT OwnerId userId, COUNT(Id) n FROM Account GROUP BY OwnerId LIMIT :groupLimit',
      { groupLimit: 1 }
    );
    expect(result.records).toHaveLength(1);
    expect(result.queryRowsCharged).toBe(1);
  });

  it('groups history rows by the parent opportunity owner, one row per (owner, opportunity)', () => {
    const result = runQuery(
      org,
      "SELECT Opportunity.OwnerId userId, OpportunityId opportunityId, COUNT(Id) n FROM OpportunityFieldHistory WHERE Field = 'StageName' AND Opportunity.OwnerId IN :userIds AND CreatedDate > :periodStart AND CreatedDate <= :asOf WITH USER_MODE GROUP BY Opportunity.OwnerId, OpportunityId LIMIT :groupLimit",
      {
        userIds: [USER.ada, USER.ben, USER.cleo],
        periodStart: new Date('2026-11-16T12:00:00Z'),
        asOf: ORG.asOf,
        groupLimit: 100
      }
    );
    expect(result.records).toEqual([
      { userId: USER.ada, opportunityId: OPP.one, n: 2 },
      { userId: USER.ben, opportunityId: OPP.two, n: 1 },
      { userId: USER.cleo, opportunityId: OPP.three, n: 1 }
    ]);
    expect(result.queryRowsCharged).toBe(3);
  });

  it('charges COUNT_DISTINCT per history row scanned', () => {
    const result = runQuery(
      org,
      "SELECT Opportunity.OwnerId userId, COUNT_DISTINCT(OpportunityId) moved FROM OpportunityFieldHistory WHERE Field = 'StageName' GROUP BY Opportunity.OwnerId"
    );
    expect(result.records).toEqual([
      { userId: USER.ada, moved: 1 },
      { userId: USER.ben, moved: 1 },
      { userId: USER.cleo, moved: 1 }
    ]);
    expect(result.queryRowsCharged).toBe(5);
  });

  it('semi-joins on a polymorphic reference, counting a record in two sets once', () => {
    const accounts = runQuery(
      org,
      'SELECT OwnerId userId, COUNT(Id) n FROM Account WHERE OwnerId IN :userIds AND Id IN (SELECT RecordId FROM DuplicateRecordItem) GROUP BY OwnerId',
      { userIds: [USER.ada, USER.ben] }
    );
    const contacts = runQuery(
      org,
      'SELECT OwnerId userId, COUNT(Id) n FROM Contact WHERE Id IN (SELECT RecordId FROM DuplicateRecordItem) GROUP BY OwnerId'
    );
    expect(accounts.records).toEqual([{ userId: USER.ada, n: 1 }]);
    expect(contacts.records).toEqual([{ userId: USER.ben, n: 1 }]);
  });

  it('refuses a polymorphic semi-join whose targets do not include the outer object', () => {
    expect(() =>
      runQuery(
        org,
        'SELECT Id FROM Opportunity WHERE Id IN (SELECT RecordId FROM DuplicateRecordItem)'
      )
    ).toThrow('Id holds Opportunity Ids but the sub-select returns Account/Contact/Lead Ids');
  });

  it('anti-joins accounts that no contact points to', () => {
    const result = runQuery(
      org,
      'SELECT OwnerId userId, COUNT(Id) n FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact WHERE AccountId != null) GROUP BY OwnerId'
    );
    expect(result.records).toEqual([
      { userId: USER.ada, n: 1 },
      { userId: USER.ben, n: 1 }
    ]);
  });

  it('pages with ORDER BY … NULLS LAST, Id and bound LIMIT/OFFSET', () => {
    const page = (offset: number, direction: string) =>
      runQuery(
        org,
        `SELECT Id, Name, Industry FROM Account WHERE OwnerId IN :userIds ORDER BY Industry ${direction} NULLS LAST, Id LIMIT :pageSize OFFSET :pageOffset`,
        { userIds: [USER.ada, USER.ben], pageSize: 2, pageOffset: offset }
      );
    expect(page(0, 'ASC').records.map((record) => record.Name)).toEqual(['Acme', 'Cogs']);
    expect(page(2, 'ASC').records.map((record) => record.Name)).toEqual(['Bolt']);
    expect(page(0, 'DESC').records.map((record) => record.Name)).toEqual(['Cogs', 'Acme']);
    expect(page(2, 'ASC').queryRowsCharged).toBe(1);
    expect(() =>
      runQuery(org, 'SELECT Id FROM Account LIMIT :pageSize OFFSET :pageOffset', {
        pageSize: 10,
        pageOffset: 2001
      })
    ).toThrow('Maximum SOQL offset allowed is 2000');
  });

  it('sums an amount per owner, charged per record summed', () => {
    const result = runQuery(
      org,
      'SELECT OwnerId userId, SUM(Amount) amount FROM Opportunity WHERE OwnerId IN :userIds GROUP BY OwnerId LIMIT :groupLimit',
      { userIds: [USER.ada, USER.ben, USER.cleo], groupLimit: 1 }
    );
    expect(result.records).toEqual([{ userId: USER.ada, amount: 100 }]);
    expect(result.queryRowsCharged).toBe(3);
  });

  it('counts all matching records for SELECT COUNT(), charged one row', () => {
    const result = runQuery(org, 'SELECT COUNT() FROM Account WHERE OwnerId IN :userIds', {
      userIds: [USER.ada]
    });
    expect(result.totalSize).toBe(2);
    expect(result.queryRowsCharged).toBe(1);
  });
});
