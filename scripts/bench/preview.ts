/**
 * npm run bench — the preview's speed, memory and governor targets, measured (not timed tests):
 * - a 50,000-user demo org generates in under 60 s;
 * - the preview is ready (bundle + demo org) in under 60 s;
 * - every Apex request of the dashboard, run by the gateway on that org as an admin (the whole
 *   population) and as a manager (team and region), stays within one Apex transaction's limits:
 *   100 SOQL queries and 50,000 query rows (the engine charges rows as Apex does).
 * Exits 1 when a target is missed.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CLASSES_DIR, PROJECT_ROOT } from '../build/projectFiles';
import { loadStandardObjects } from '../checks/schemaSources';
import { generateDemoOrg } from '../demo/generate';
import {
  getDashboardContext,
  getKpiData,
  getLoginTrend,
  getNeglectedRecords,
  getSlicePeople
} from '../gateway/dashboardGateway';
import { demoContext } from '../gateway/demoContext';
import type { GatewayContext } from '../gateway/gatewayContext';
import { getLoginLeaderboard, getLoginSummary } from '../gateway/loginActivityGateway';
import type { QueryRows, QueryRunner } from '../gateway/queryRunner';
import { loadSelectorQueries } from '../gateway/selectorQueries';
import { bundlePreview } from '../preview/bundle';
import { readSettingsFile } from '../preview/settingsFile';
import { demoViewer } from '../preview/viewers';

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

/** What a partial answer left out: KPIs stopped at their row budget, a capped directory. */
function completeness(result: unknown): string {
  const data = result as { tallies?: { complete: boolean }[]; usersComplete?: boolean };
  const trend = result as { weeks?: unknown[]; complete?: boolean };
  if (data.tallies) {
    const complete = data.tallies.filter((tallies) => tallies.complete).length;
    return ` (${complete}/${data.tallies.length} KPIs complete${data.usersComplete ? '' : ', directory capped'})`;
  }
  if (trend.weeks) return ` (${trend.weeks.length} weeks${trend.complete ? '' : ', incomplete'})`;
  return '';
}
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
  const reference = await loadStandardObjects(
    path.join(PROJECT_ROOT, 'config', 'schema', 'standard-objects.json')
  );
  const settings = await readSettingsFile();
  type Request = [string, (context: GatewayContext) => Promise<unknown>];
  const requests: Request[] = [
    ['getLoginSummary()', (context) => getLoginSummary(context)],
    ...[7, 30, 90].map((days): Request => [
      `getLoginLeaderboard(${days})`,
      (context) => getLoginLeaderboard(context, days)
    ]),
    ['getDashboardContext()', (context) => getDashboardContext(context)],
    ...(['activity', 'pipeline', 'quality'] as const).flatMap((family) =>
      [7, 90].map((days): Request => [
        `getKpiData(${family}, ${days})`,
        (context) => getKpiData(context, family, days)
      ])
    ),
    ['getLoginTrend(12)', (context) => getLoginTrend(context, 12)],
    [
      "getSlicePeople(role, 'Account Executive', 30)",
      (context) =>
        getSlicePeople(context, 'role', 'Account Executive', 30, 'recordsCreated', 'desc', 50, 1)
    ],
    ...['opps.neglected.pastClose', 'opps.neglected.stale', 'tasks.pastDue', 'leads.abandoned'].map(
      (kpiId): Request => [
        `getNeglectedRecords(${kpiId}, region EMEA)`,
        (context) => getNeglectedRecords(context, kpiId, 'region', 'EMEA', 'keyDate', 'asc', 50, 1)
      ]
    )
  ];
  for (const viewer of ['admin', 'manager'] as const) {
    for (const [name, request] of requests) {
      let runner: MeteredRunner | undefined;
      const context = demoContext(org, {
        queries,
        reference,
        settings,
        viewer: demoViewer(org, viewer),
        wrapRunner: (inner) => (runner = new MeteredRunner(inner))
      });
      const metered = runner as unknown as MeteredRunner;
      const started = Date.now();
      const result = await request(context);
      rows.push({
        measure: `${viewer}: ${name}`,
        value: `${metered.queries} SOQL, ${metered.rows.toLocaleString('en')} rows, ${seconds(started).toFixed(1)} s${completeness(result)}`,
        target: `≤ ${SOQL_LIMIT} SOQL, ≤ ${ROW_LIMIT.toLocaleString('en')} rows`,
        ok: metered.queries <= SOQL_LIMIT && metered.rows <= ROW_LIMIT
      });
    }
  }

  for (const row of rows)
    console.log(
      `${row.ok ? 'ok  ' : 'MISS'} ${row.measure.padEnd(64)} ${row.value.padEnd(72)} target ${row.target}`
    );
  if (rows.some((row) => !row.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
