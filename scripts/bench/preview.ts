/**
 * npm run bench — the preview's speed, memory and governor targets, measured (not timed tests):
 * - a 50,000-user demo org generates in under 60 s;
 * - the preview is ready (bundle + demo org) in under 60 s;
 * - every Apex request of the dashboard, run by the gateway on that org, stays within one Apex
 *   transaction's limits: 100 SOQL queries and 50,000 query rows (the engine charges rows as Apex does).
 * Exits 1 when a target is missed.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CLASSES_DIR } from '../build/projectFiles';
import { generateDemoOrg } from '../demo/generate';
import { DemoQueryRunner } from '../gateway/demoRunner';
import { getLoginLeaderboard, getLoginSummary } from '../gateway/loginActivityGateway';
import type { GatewayContext } from '../gateway/loginActivityGateway';
import type { QueryRows, QueryRunner } from '../gateway/queryRunner';
import { loadSelectorQueries } from '../gateway/selectorQueries';
import { bundlePreview } from '../preview/bundle';

const SECONDS_TARGET = 60;
const SOQL_LIMIT = 100;
const ROW_LIMIT = 50_000;

/** Counts what one request costs, as Apex's Limits class would. */
class MeteredRunner implements QueryRunner {
  queries = 0;
  rows = 0;
  private readonly inner: QueryRunner;

  constructor(inner: QueryRunner) {
    this.inner = inner;
  }

  async query(soql: string, binds: Record<string, unknown>): Promise<QueryRows> {
    const result = await this.inner.query(soql, binds);
    this.queries += 1;
    this.rows += result.rowsCharged;
    return result;
  }
}

interface Row {
  measure: string;
  value: string;
  target: string;
  ok: boolean;
}

const rows: Row[] = [];
const seconds = (startedMs: number): number => (Date.now() - startedMs) / 1000;

async function main(): Promise<void> {
  const bundleStarted = Date.now();
  await bundlePreview(await mkdtemp(path.join(os.tmpdir(), 'adoption-bench-')));
  const bundleSeconds = seconds(bundleStarted);

  const generateStarted = Date.now();
  const org = generateDemoOrg({ users: 50_000, seed: 42 });
  const generateSeconds = seconds(generateStarted);
  const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  rows.push({
    measure: 'generate 50,000-user demo org',
    value: `${generateSeconds.toFixed(1)} s (RSS ${rssMb} MB)`,
    target: `< ${SECONDS_TARGET} s`,
    ok: generateSeconds < SECONDS_TARGET
  });
  rows.push({
    measure: 'preview ready at 50,000 users (bundle + org)',
    value: `${(bundleSeconds + generateSeconds).toFixed(1)} s`,
    target: `< ${SECONDS_TARGET} s`,
    ok: bundleSeconds + generateSeconds < SECONDS_TARGET
  });

  const queries = await loadSelectorQueries(CLASSES_DIR);
  const requests: [string, (context: GatewayContext) => Promise<unknown>][] = [
    ['getLoginSummary()', (context) => getLoginSummary(context)],
    ...[7, 30, 90].map((days): [string, (context: GatewayContext) => Promise<unknown>] => [
      `getLoginLeaderboard(${days})`,
      (context) => getLoginLeaderboard(context, days)
    ])
  ];
  for (const [name, request] of requests) {
    const runner = new MeteredRunner(new DemoQueryRunner(org));
    const context: GatewayContext = {
      runner,
      queries,
      asOf: org.asOf,
      timeZone: org.timeZone,
      viewerId: org.runningUserId,
      canViewTeamLogins: true
    };
    const started = Date.now();
    await request(context);
    rows.push({
      measure: `${name} on 50,000 users`,
      value: `${runner.queries} SOQL, ${runner.rows.toLocaleString('en')} rows, ${seconds(started).toFixed(1)} s`,
      target: `≤ ${SOQL_LIMIT} SOQL, ≤ ${ROW_LIMIT.toLocaleString('en')} rows`,
      ok: runner.queries <= SOQL_LIMIT && runner.rows <= ROW_LIMIT
    });
  }

  for (const row of rows)
    console.log(
      `${row.ok ? 'ok  ' : 'MISS'} ${row.measure.padEnd(48)} ${row.value.padEnd(36)} target ${row.target}`
    );
  if (rows.some((row) => !row.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
