/**
 * npm run bench (Apex step) — the governor cost of the package's Apex as the local Apex runtime
 * executes it: every @AuraEnabled call the components make (COMPONENT_CALLS), as rep, manager and
 * admin, one transaction per call, on 200-, 5,000- and 50,000-user demo orgs. Prints one table per
 * org size: SOQL queries, query rows, DML statements and rows, statements executed, response
 * bytes, wall time. On the 50,000-user org only CORE_CALLS run (one call per method and parameter
 * kind, with each controller's refusal), which keeps the whole step near 4 minutes.
 * Exits 1 when a call breaks a platform limit (100 SOQL, 50,000 query rows, 150 DML statements,
 * 10,000 DML rows) or fails other than by a documented refusal (AuraHandledException), 2 on bad
 * usage. Options: --users 200,5000 (org sizes), --all-calls (every call on every size).
 * Example: npx tsx scripts/bench/apexRuntime.ts --users 200 --all-calls
 */
import { parseArgs } from 'node:util';
import {
  COMPONENT_CALLS,
  CORE_CALLS,
  equivalenceSetup,
  invokeCall
} from '../apex-runtime/aura/equivalence';
import type { AuraCall, EquivalenceSetup } from '../apex-runtime/aura/equivalence';
import { VIEWERS } from '../preview/options';
import { failures, formatTable, outcomeOf, peaks } from './apexReport';
import type { CallMeasure } from './apexReport';

const DEFAULT_USERS = [200, 5_000, 50_000];
/** From this size on, CORE_CALLS only unless --all-calls. */
const SUBSET_FROM_USERS = 50_000;

const USAGE = `Usage: npx tsx scripts/bench/apexRuntime.ts [--users 200,5000,50000] [--all-calls]
Example: npx tsx scripts/bench/apexRuntime.ts --users 200 --all-calls`;

async function measureOrg(
  setup: EquivalenceSetup,
  calls: readonly AuraCall[]
): Promise<CallMeasure[]> {
  const measures: CallMeasure[] = [];
  for (const viewer of VIEWERS) {
    const { runtime, userId } = setup.runtime(viewer);
    process.stderr.write(`  ${viewer}: ${calls.length} calls …`);
    const started = performance.now();
    for (const [index, request] of calls.entries()) {
      const response = await invokeCall(runtime, request, userId);
      measures.push({
        step: index + 1,
        viewer,
        call: `${request.method.slice(request.method.lastIndexOf('.') + 1)}(${request.label})`,
        outcome: outcomeOf(response),
        usage: response.usage
      });
    }
    process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return measures;
}

function parseUsers(text: string): number[] | undefined {
  const users = text.split(',').map(Number);
  return users.every((each) => Number.isInteger(each) && each > 0) ? users : undefined;
}

async function main(): Promise<void> {
  let values: { users: string; 'all-calls': boolean; help: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        users: { type: 'string', default: DEFAULT_USERS.join(',') },
        'all-calls': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false }
      }
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sizes = parseUsers(values.users);
  if (!sizes) {
    console.error(`--users takes positive whole numbers separated by commas.\n${USAGE}`);
    process.exitCode = 2;
    return;
  }

  const benchStarted = performance.now();
  let failed = 0;
  for (const users of sizes) {
    const started = performance.now();
    process.stderr.write(`${users.toLocaleString('en-US')} users: generating the demo org …\n`);
    const setup = await equivalenceSetup(users);
    const subset = users >= SUBSET_FROM_USERS && !values['all-calls'];
    const calls = subset ? CORE_CALLS : COMPONENT_CALLS;
    const measures = await measureOrg(setup, calls);
    const seconds = (performance.now() - started) / 1000;
    const scope = subset
      ? `CORE_CALLS: ${calls.length} of ${COMPONENT_CALLS.length} calls`
      : `all ${calls.length} calls`;
    console.log(
      formatTable(
        `\n== ${users.toLocaleString('en-US')}-user demo org — ${scope} × ${VIEWERS.join(', ')} — ${seconds.toFixed(1)} s`,
        measures
      )
    );
    console.log(`peaks: ${peaks(measures)}`);
    failed += measures.filter((measure) => failures(measure).length > 0).length;
  }
  const total = (performance.now() - benchStarted) / 1000;
  console.log(
    `\nApex runtime bench: ${total.toFixed(1)} s, ${failed === 0 ? 'no call broke a limit or failed' : `${failed} call(s) FAILED`}`
  );
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
