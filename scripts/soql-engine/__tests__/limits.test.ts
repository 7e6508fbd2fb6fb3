/** QueryLimits: one Apex transaction's SOQL query and row budget. */
import { runQuery } from '../engine';
import { LimitException, QueryLimits } from '../limits';
import { ORG } from './fixtures';

describe('QueryLimits', () => {
  it('counts queries and the rows each is charged', () => {
    const limits = new QueryLimits();

    limits.charge(runQuery(ORG, 'SELECT Id FROM User'));
    const counted = limits.charge(runQuery(ORG, 'SELECT COUNT() FROM LoginHistory'));

    expect(counted.totalSize).toBe(10);
    expect(limits.queries).toBe(2);
    expect(limits.rows).toBe(8);
    expect(() => limits.assertWithinLimits()).not.toThrow();
  });

  it('throws like Apex past 100 queries', () => {
    const limits = new QueryLimits();
    for (let query = 0; query < 100; query += 1) limits.charge({ queryRowsCharged: 0 });
    expect(() => limits.assertWithinLimits()).not.toThrow();

    limits.charge({ queryRowsCharged: 0 });

    expect(() => limits.assertWithinLimits()).toThrow(
      new LimitException('Too many SOQL queries: 101')
    );
  });

  it('throws like Apex past 50,000 query rows', () => {
    const limits = new QueryLimits();
    limits.charge({ queryRowsCharged: 50_000 });
    expect(() => limits.assertWithinLimits()).not.toThrow();

    limits.charge({ queryRowsCharged: 7 });

    expect(() => limits.assertWithinLimits()).toThrow('Too many query rows: 50001');
  });

  it('takes other limits, such as an asynchronous transaction’s 200 queries', () => {
    const limits = new QueryLimits({ maxQueries: 200, maxRows: 50_000 });
    for (let query = 0; query < 201; query += 1) limits.charge({ queryRowsCharged: 1 });

    expect(() => limits.assertWithinLimits()).toThrow('Too many SOQL queries: 201');
  });
});
