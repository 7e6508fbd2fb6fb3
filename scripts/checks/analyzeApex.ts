/**
 * npm run check:apex — Salesforce Code Analyzer (PMD and the graph engine, which finds FLS and
 * CRUD violations along every path) over the Apex in force-app. Fails on severity 1–2 findings and
 * on any suppression without a stated reason. The `sf code-analyzer` plugin cannot be installed
 * here, so this drives @salesforce/code-analyzer-core directly.
 */
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import * as sfgeEngine from '@salesforce/code-analyzer-sfge-engine';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CLASSES_DIR, PROJECT_ROOT, listFiles } from '../build/projectFiles';
import { formatFinding, isFailing, unexplainedSuppressions } from './apexFindings';
import type { Finding } from './apexFindings';

/** House rules that PMD's Recommended set leaves out; raised to High so that they fail the build. */
const HOUSE_RULES = [
  'ApexAssertionsShouldIncludeMessage',
  'OperationWithLimitsInLoop',
  'ApexUnitTestShouldNotUseSeeAllDataTrue'
];
const RULE_SELECTORS = [
  'pmd:Recommended',
  'pmd:Security',
  ...HOUSE_RULES.map((rule) => `pmd:${rule}`),
  'sfge'
];
const HIGH_SEVERITY = 2;

async function runEngines(): Promise<Finding[]> {
  const logFolder = path.join(PROJECT_ROOT, '.tmp', 'code-analyzer');
  await mkdir(logFolder, { recursive: true });
  const config = CodeAnalyzerConfig.fromObject(
    {
      config_root: PROJECT_ROOT,
      log_folder: logFolder,
      rules: {
        pmd: Object.fromEntries(HOUSE_RULES.map((rule) => [rule, { severity: HIGH_SEVERITY }]))
      }
    },
    PROJECT_ROOT
  );
  const analyzer = new CodeAnalyzer(config);
  await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
  await analyzer.addEnginePlugin(sfgeEngine.createEnginePlugin());
  const workspace = await analyzer.createWorkspace([CLASSES_DIR]);
  const rules = await analyzer.selectRules(RULE_SELECTORS, { workspace });
  const results = await analyzer.run(rules, { workspace });
  return results.getViolations().map((violation) => {
    const location = violation.getPrimaryLocation();
    return {
      engine: violation.getRule().getEngineName(),
      rule: violation.getRule().getName(),
      severity: violation.getRule().getSeverityLevel(),
      file: path.relative(PROJECT_ROOT, location.getFile() ?? '?'),
      line: location.getStartLine() ?? 0,
      message: violation.getMessage()
    };
  });
}

async function suppressionFindings(): Promise<string[]> {
  const files = await listFiles(CLASSES_DIR, (file) => file.endsWith('.cls'));
  const problems = await Promise.all(
    files.map(async (file) =>
      unexplainedSuppressions(await readFile(file, 'utf8')).map(
        (problem) =>
          `${path.relative(PROJECT_ROOT, file)}:${problem.line} suppression without a reason comment: ${problem.text}`
      )
    )
  );
  return problems.flat();
}

async function main(): Promise<void> {
  const started = Date.now();
  const [findings, suppressionProblems] = await Promise.all([runEngines(), suppressionFindings()]);
  const failing = findings.filter(isFailing);
  for (const finding of findings)
    console.log(`${isFailing(finding) ? 'FAIL' : 'info'} ${formatFinding(finding)}`);
  for (const problem of suppressionProblems) console.log(`FAIL ${problem}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `check:apex: ${findings.length} findings (${failing.length} of severity 1–2), ${suppressionProblems.length} unexplained suppressions, rules ${RULE_SELECTORS.join(' ')}, ${seconds}s`
  );
  if (failing.length > 0 || suppressionProblems.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(
    `check:apex could not run: ${error instanceof Error ? error.stack : String(error)}`
  );
  process.exitCode = 1;
});
