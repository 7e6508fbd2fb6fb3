/**
 * npm run check:apex-compile — compiles the package's Apex without an org: Apex Dev Tools' apex-ls
 * (the jar ships with Code Analyzer's PMD engine) resolves every type, field, method and signature
 * as the Apex compiler does, and fails on what an org would reject at deploy time. Warnings (a local
 * variable hiding a field) are printed for information.
 *
 * The workspace is the project root: apex-ls reads sfdx-project.json and loads only the package
 * directories it names, so Apex under node_modules or .tmp is not compiled.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../build/projectFiles';
import { formatCompileFinding, judgeRun } from './apexCompile';
import type { CheckerRun } from './apexCompile';

const JAVA_LIB = path.join(
  PROJECT_ROOT,
  'node_modules',
  '@salesforce',
  'code-analyzer-pmd-engine',
  'dist',
  'java-lib'
);
const CHECKER_CLASS = 'io.github.apexdevtools.apexls.CheckForIssues';
/** No cache (-n): a cache in the home folder could hide a change; warnings included (-d). */
const CHECKER_ARGS = ['-n', '-d', 'warnings', '-w', PROJECT_ROOT];

function runChecker(): Promise<CheckerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-cp', path.join(JAVA_LIB, '*'), CHECKER_CLASS, ...CHECKER_ARGS], {
      cwd: PROJECT_ROOT
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!existsSync(JAVA_LIB)) {
    throw new Error(`no apex-ls jars in ${JAVA_LIB}: run npm ci.`);
  }
  const report = judgeRun(await runChecker());
  for (const finding of report.findings) console.log(formatCompileFinding(finding, PROJECT_ROOT));
  if (report.failure) console.log(`FAIL ${report.failure}`);
  const files = new Set(report.findings.map((finding) => finding.file)).size;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `check:apex-compile: ${report.errors} errors, ${report.warnings} warnings in ${files} files (apex-ls over the package directories of sfdx-project.json), ${seconds}s`
  );
  if (report.errors > 0 || report.failure) process.exitCode = 1;
}

main().catch((error: unknown) => {
  const notFound = (error as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(
    `check:apex-compile could not run: ${
      notFound
        ? 'java is not on PATH (npm run check:prerequisites says how to install it)'
        : error instanceof Error
          ? error.message
          : String(error)
    }`
  );
  process.exitCode = 1;
});
