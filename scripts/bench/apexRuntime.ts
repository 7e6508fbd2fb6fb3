/**
 * The package's @AuraEnabled methods in the local Apex runtime on the preview's demo org (500 users
 * unless `--users N`), as each viewer: wall time and one transaction's governor usage (SOQL
 * queries, query rows, DML, statements executed) and response size, per call. Measured, not
 * asserted: `npx tsx scripts/bench/apexRuntime.ts [--users N] [--json]`.
 */
import { parseArgs } from 'node:util';
import { COMPONENT_CALLS, equivalenceSetup } from '../apex-runtime/aura/equivalence';
import { invokeAuraEnabled } from '../apex-runtime/aura/auraRequest';
import type { AuraUsage } from '../apex-runtime/aura/auraRequest';
import { VIEWERS } from '../preview/options';

interface Measure extends AuraUsage {
  viewer: string;
  call: string;
  outcome: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '500' },
      json: { type: 'boolean', default: false }
    }
  });
  const started = performance.now();
  const setup = await equivalenceSetup(Number(values.users));
  const generated = performance.now();
  const measures: Measure[] = [];
  for (const viewer of VIEWERS) {
    const orgStarted = performance.now();
    const { runtime, userId } = setup.runtime(viewer);
    const orgMs = performance.now() - orgStarted;
    if (!values.json) console.log(`${viewer}: runtime org ready in ${orgMs.toFixed(0)} ms`);
    for (const request of COMPONENT_CALLS) {
      const dot = request.method.lastIndexOf('.');
      const response = await invokeAuraEnabled(runtime, {
        className: request.method.slice(0, dot),
        methodName: request.method.slice(dot + 1),
        params: request.params,
        userId
      });
      measures.push({
        viewer,
        call: `${request.method.slice(request.method.indexOf('.') + 1)}(${request.label})`,
        outcome: response.ok ? 'ok' : `${response.error.kind}: ${response.error.body.message}`,
        ...response.usage
      });
    }
  }
  if (values.json) {
    console.log(JSON.stringify(measures, null, 2));
    return;
  }
  console.log(
    `demo org ${values.users} users generated and sources loaded in ${((generated - started) / 1000).toFixed(1)} s`
  );
  console.log('viewer\tcall\tms\tSOQL\trows\tDML\tDML rows\tstatements\tbytes\toutcome');
  for (const m of measures) {
    console.log(
      [
        m.viewer,
        m.call,
        m.durationMs.toFixed(0),
        m.soqlQueries,
        m.queryRows,
        m.dmlStatements,
        m.dmlRows,
        m.statements,
        m.responseBytes,
        m.outcome.slice(0, 90)
      ].join('\t')
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
