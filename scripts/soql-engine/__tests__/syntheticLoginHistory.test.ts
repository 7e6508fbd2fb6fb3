/** The benchmark's synthetic LoginHistory behaves as an SObjectTable the engine can query. */
import { runQuery } from '../engine';
import { LOGIN_STATUSES, syntheticLoginHistory, syntheticUserId } from '../syntheticLoginHistory';

const start = new Date('2026-01-01T00:00:00Z');
const end = new Date('2026-02-01T00:00:00Z');
const table = syntheticLoginHistory({ rows: 2000, users: 20, start, end, seed: 7 });
const org = { tables: { LoginHistory: table }, asOf: end, timeZone: 'UTC' };

describe('syntheticLoginHistory', () => {
  it('stores users, times in the window and known statuses', () => {
    const userId = table.accessor('UserId');
    const loginTime = table.accessor('LoginTime');
    const status = table.accessor('Status');

    expect(table.size).toBe(2000);
    expect(table.accessor('Nope')).toBeUndefined();
    for (let row = 0; row < table.size; row += 50) {
      expect(String(userId?.(row))).toMatch(/^005\d{12}$/);
      expect(loginTime?.(row)).toBeGreaterThanOrEqual(start.getTime());
      expect(loginTime?.(row)).toBeLessThan(end.getTime());
      expect(LOGIN_STATUSES).toContain(status?.(row));
    }
  });

  it('finds rows by Id and is deterministic for a seed', () => {
    const again = syntheticLoginHistory({ rows: 2000, users: 20, start, end, seed: 7 });
    const id = table.accessor('Id')?.(1234) as string;

    expect(table.rowOf(id)).toBe(1234);
    expect(table.rowOf('0Ya999999999999')).toBeUndefined();
    expect(table.rowOf('005000000000001')).toBeUndefined();
    expect(again.accessor('LoginTime')?.(99)).toBe(table.accessor('LoginTime')?.(99));
  });

  it('answers the selector query consistently with a plain scan', () => {
    const userIds = new Set([syntheticUserId(0), syntheticUserId(1)]);
    const binds = { userIds, start, end };
    const grouped = runQuery(
      org,
      'SELECT UserId, Status, COUNT(Id) attempts FROM LoginHistory WHERE UserId IN :userIds AND LoginTime > :start AND LoginTime <= :end GROUP BY UserId, Status',
      binds
    );
    const raw = runQuery(
      org,
      'SELECT UserId, Status FROM LoginHistory WHERE UserId IN :userIds AND LoginTime > :start AND LoginTime <= :end',
      binds
    );

    const total = grouped.records.reduce((sum, record) => sum + Number(record.attempts), 0);
    expect(total).toBe(raw.totalSize);
    expect(raw.totalSize).toBeGreaterThan(100);
  });
});
