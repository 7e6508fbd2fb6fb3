import { IN_LIST_CHUNK, RestQueryRunner, splittableBind } from '../restRunner';
import type { RestConnection, RestQueryResult } from '../restRunner';
import { SoqlDate } from '../soqlLiterals';

class FakeConnection implements RestConnection {
  readonly queries: string[] = [];
  readonly locators: string[] = [];
  private readonly pages: Map<string, RestQueryResult>;
  private readonly answer: (soql: string) => RestQueryResult;

  constructor(
    answer: (soql: string) => RestQueryResult,
    pages: Map<string, RestQueryResult> = new Map()
  ) {
    this.answer = answer;
    this.pages = pages;
  }

  async query(soql: string): Promise<RestQueryResult> {
    this.queries.push(soql);
    return this.answer(soql);
  }

  async queryMore(locator: string): Promise<RestQueryResult> {
    this.locators.push(locator);
    const page = this.pages.get(locator);
    if (!page) throw new Error(`unknown locator ${locator}`);
    return page;
  }
}

describe('RestQueryRunner', () => {
  it('inlines binds, drops WITH USER_MODE, strips attributes and follows every page', async () => {
    const connection = new FakeConnection(
      () => ({
        done: false,
        totalSize: 2,
        nextRecordsUrl: '/query/01g-2',
        records: [
          {
            attributes: { type: 'User' },
            Id: '005A',
            UserRole: { attributes: { type: 'UserRole' }, Name: 'Rep' }
          }
        ]
      }),
      new Map([
        [
          '/query/01g-2',
          { done: true, records: [{ attributes: { type: 'User' }, Id: '005B', UserRole: null }] }
        ]
      ])
    );
    const rows = await new RestQueryRunner(connection).query(
      'SELECT Id, UserRole.Name FROM User WHERE LastLoginDate > :since WITH USER_MODE',
      { since: new Date('2026-11-16T12:00:00Z') }
    );
    expect(connection.queries).toEqual([
      'SELECT Id, UserRole.Name FROM User WHERE LastLoginDate > 2026-11-16T12:00:00Z'
    ]);
    expect(connection.locators).toEqual(['/query/01g-2']);
    expect(rows).toEqual({
      records: [
        { Id: '005A', UserRole: { Name: 'Rep' } },
        { Id: '005B', UserRole: null }
      ],
      totalSize: 2,
      rowsCharged: 2
    });
  });

  it('reports the count of SELECT COUNT(), which has no records', async () => {
    const connection = new FakeConnection(() => ({ done: true, totalSize: 42, records: [] }));
    const rows = await new RestQueryRunner(connection).query(
      'SELECT COUNT() FROM Opportunity WHERE CloseDate < :today',
      { today: new SoqlDate('2026-11-23') }
    );
    expect(connection.queries).toEqual([
      'SELECT COUNT() FROM Opportunity WHERE CloseDate < 2026-11-23'
    ]);
    expect(rows).toEqual({ records: [], totalSize: 42, rowsCharged: 0 });
  });

  it('splits a long Id list into several queries and keeps every record once', async () => {
    const ids = Array.from({ length: IN_LIST_CHUNK * 2 + 1 }, (_, index) => `005${index}`);
    const connection = new FakeConnection((soql) => ({
      done: true,
      records: [...soql.matchAll(/'(005\d+)'/g)].map(([, id]) => ({ UserId: id, attempts: 1 }))
    }));
    const rows = await new RestQueryRunner(connection).query(
      'SELECT UserId, Status, COUNT(Id) attempts FROM LoginHistory WHERE UserId IN :userIds GROUP BY UserId, Status',
      { userIds: ids }
    );
    expect(connection.queries).toHaveLength(3);
    expect(rows.records.map((record) => record.UserId)).toEqual(ids);
  });

  it('splits only where each record falls in exactly one chunk', () => {
    const ids = Array.from({ length: IN_LIST_CHUNK + 1 }, (_, index) => `005${index}`);
    expect(splittableBind('SELECT Id FROM User WHERE Id IN :ids', { ids })).toBe('ids');
    expect(
      splittableBind('SELECT Division, COUNT(Id) FROM User WHERE Id IN :ids GROUP BY Division', {
        ids
      })
    ).toBeUndefined();
    expect(
      splittableBind('SELECT Id FROM User WHERE Id IN :ids', { ids: ids.slice(0, 3) })
    ).toBeUndefined();
    expect(
      splittableBind(
        "SELECT Opportunity.OwnerId userId, OpportunityId, COUNT(Id) n FROM OpportunityFieldHistory WHERE Field = 'StageName' AND Opportunity.OwnerId IN :userIds GROUP BY Opportunity.OwnerId, OpportunityId LIMIT :groupLimit",
        { userIds: ids }
      )
    ).toBe('userIds');
    expect(
      splittableBind(
        'SELECT Id FROM Task WHERE OwnerId IN :userIds ORDER BY ActivityDate ASC NULLS LAST, Id LIMIT :pageSize OFFSET :pageOffset',
        { userIds: ids }
      )
    ).toBeUndefined();
  });
});
