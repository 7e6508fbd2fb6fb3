/** Test results and coverage as the CLI prints them: a readable table, or the documented JSON. */
import type { TestRun } from './runTests';

export function jsonReport(run: TestRun): string {
  const passed = run.tests.filter((test) => test.outcome === 'Pass').length;
  return JSON.stringify(
    {
      summary: { passed, failed: run.tests.length - passed },
      tests: run.tests.map(({ className, methodName, outcome, message }) => ({
        className,
        methodName,
        outcome,
        message
      })),
      coverage: run.coverage
    },
    null,
    2
  );
}

function percent(covered: number, total: number): string {
  return `${Math.round((covered / total) * 100)}%`;
}

export function tableReport(run: TestRun): string {
  const lines: string[] = [];
  for (const test of run.tests) {
    const mark = test.outcome === 'Pass' ? 'PASS' : 'FAIL';
    lines.push(`${mark}  ${test.className}.${test.methodName} (${test.durationMs} ms)`);
    if (test.outcome === 'Fail') {
      lines.push(`      ${test.message}`);
      if (test.stackTrace)
        lines.push(...test.stackTrace.split('\n').map((line) => `      ${line}`));
    }
  }
  const passed = run.tests.filter((test) => test.outcome === 'Pass').length;
  lines.push(
    '',
    `Tests: ${passed} passed, ${run.tests.length - passed} failed, ${run.tests.length} total`,
    '',
    'Coverage'
  );
  const width = Math.max(5, ...Object.keys(run.coverage).map((name) => name.length));
  lines.push(`  ${'Class'.padEnd(width)}  Lines     Covered`);
  for (const [name, { covered, total }] of Object.entries(run.coverage)) {
    lines.push(
      `  ${name.padEnd(width)}  ${`${covered}/${total}`.padEnd(8)}  ${percent(covered, total)}`
    );
  }
  return lines.join('\n');
}
