/**
 * Benchmark: LoginHistorySelector.countAttemptsByUserAndStatus's SOQL over a synthetic
 * 5,000,000-row LoginHistory (10,000 users, one year of logins).
 *
 *   npx tsx scripts/soql-engine/bench.ts [--rows 5000000] [--users 10000] [--runs 3]
 */
import { parseArgs } from 'node:util';
import { runQuery } from './engine';
import { syntheticLoginHistory, syntheticUserId } from './syntheticLoginHistory';

const COUNT_ATTEMPTS = `SELECT UserId, Status, COUNT(Id) attempts
  FROM LoginHistory
  WHERE UserId IN :userIds AND LoginTime > :start AND LoginTime <= :end
  GROUP BY UserId, Status`;

const SELECT_ATTEMPTS = `SELECT UserId, LoginTime, Status
  FROM LoginHistory
  WHERE UserId IN :userIds AND LoginTime > :start AND LoginTime <= :end`;

function time<T>(run: () => T): [T, number] {
  const started = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

function main(): void {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '5000000' },
      users: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' }
    }
  });
  const rows = Number(values.rows);
  const users = Number(values.users);
  const runs = Number(values.runs);
  const end = new Date('2026-11-23T12:00:00Z');
  const yearAgo = new Date(end.getTime() - 365 * 86_400_000);
  const [table, buildMs] = time(() => syntheticLoginHistory({ rows, users, start: yearAgo, end }));
  console.log(
    `built ${rows.toLocaleString('en-US')} LoginHistory rows in ${buildMs.toFixed(0)} ms`
  );
  const org = { tables: { LoginHistory: table }, asOf: end, timeZone: 'America/Los_Angeles' };
  const allUsers = Array.from({ length: users }, (_unused, index) => syntheticUserId(index));
  const cases = [
    {
      label: 'GROUP BY, every user, last 365 days (every row matches)',
      soql: COUNT_ATTEMPTS,
      binds: { userIds: new Set(allUsers), start: yearAgo, end }
    },
    {
      label: 'GROUP BY, 200 users, last 30 days',
      soql: COUNT_ATTEMPTS,
      binds: {
        userIds: new Set(allUsers.slice(0, 200)),
        start: new Date(end.getTime() - 30 * 86_400_000),
        end
      }
    },
    {
      label: 'raw rows, 200 users, last 30 days',
      soql: SELECT_ATTEMPTS,
      binds: {
        userIds: allUsers.slice(0, 200),
        start: new Date(end.getTime() - 30 * 86_400_000),
        end
      }
    }
  ];
  for (const { label, soql, binds } of cases) {
    const timings: number[] = [];
    let summary = '';
    for (let run = 0; run < runs; run += 1) {
      const [result, ms] = time(() => runQuery(org, soql, binds));
      timings.push(ms);
      summary = `${result.totalSize.toLocaleString('en-US')} records, ${result.queryRowsCharged.toLocaleString('en-US')} query rows charged`;
    }
    const best = Math.min(...timings);
    console.log(
      `${label}: best ${best.toFixed(0)} ms of ${runs} (${timings.map((ms) => ms.toFixed(0)).join(', ')}); ${summary}`
    );
  }
}

main();
