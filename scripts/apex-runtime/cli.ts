/**
 * The local Apex runtime's command line: `npm run apex -- test` runs a source folder's Apex tests
 * with coverage. Exit codes: 0 all passed, 1 a test failed, 2 the run could not start.
 */
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { loadSourceFolder } from './language/loader';
import { createOrg } from './org/orgData';
import { systemLibrary } from './language/systemLibrary';
import { jsonReport, tableReport } from './testing/report';
import { coverageProblems } from './testing/coverageGates';
import { runTests } from './testing/runTests';

const HELP = `Usage: npm run apex -- test [--source-dir DIR] [--class NAME] [--json] [--result-file FILE]
       [--min-class-coverage N] [--min-coverage N]

Runs the Apex tests of an SFDX source folder in the local Apex runtime (a test double of the
platform) and reports results and code coverage per class.

Options:
  --source-dir DIR  the source folder (default: force-app)
  --class NAME      run only this test class
  --json            print {"summary", "tests", "coverage"} as JSON
  --result-file F   also write that JSON to the file F (for CI totals), whatever is printed
  --min-class-coverage N  fail when a class covers under N % of its lines (the platform: 75)
  --min-coverage N  fail when the classes together cover under N % of their lines
  --help            show this help

Examples:
  npm run apex -- test
  npm run apex -- test --class AdoptionSettingsTest
  npm run apex -- test --source-dir scripts/apex-runtime/__tests__/fixtures/calculator --json`;

function gateOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const gate = Number(text);
  if (!Number.isFinite(gate) || gate < 0 || gate > 100) {
    throw new Error(`A coverage gate is a percentage from 0 to 100, not '${text}'.`);
  }
  return gate;
}

export function main(
  argv: string[],
  out: (text: string) => void,
  err: (text: string) => void
): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'source-dir': { type: 'string', default: 'force-app' },
        class: { type: 'string' },
        json: { type: 'boolean', default: false },
        'result-file': { type: 'string' },
        'min-class-coverage': { type: 'string' },
        'min-coverage': { type: 'string' },
        help: { type: 'boolean', default: false }
      }
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (positionals[0] !== 'test' || positionals.length !== 1) {
    err(`Unknown command: ${positionals.join(' ') || '(none)'}. Try: npm run apex -- test --help`);
    return 2;
  }
  try {
    const sourceDir = resolvePath(values['source-dir']);
    const registry = loadSourceFolder(sourceDir);
    // The in-memory org holds the folder's objects, permission sets and custom metadata.
    const org = createOrg({ sourceDir: join(sourceDir, 'main', 'default') });
    const run = runTests(registry, {
      library: systemLibrary,
      org,
      userId: org.runningUserId,
      ...(values.class ? { className: values.class } : {})
    });
    out(values.json ? jsonReport(run) : tableReport(run));
    const resultFile = values['result-file'];
    if (resultFile) {
      mkdirSync(dirname(resultFile), { recursive: true });
      writeFileSync(resultFile, jsonReport(run));
    }
    const problems = coverageProblems(run.coverage, {
      perClass: gateOf(values['min-class-coverage']),
      overall: gateOf(values['min-coverage'])
    });
    for (const problem of problems) err(`Coverage gate: ${problem}`);
    return run.tests.every((test) => test.outcome === 'Pass') && problems.length === 0 ? 0 : 1;
  } catch (error) {
    err(
      `${(error as Error).message}\nCheck the folder and class name; npm run apex -- test --help shows the options.`
    );
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = main(
    process.argv.slice(2),
    (text) => console.log(text),
    (text) => console.error(text)
  );
}
