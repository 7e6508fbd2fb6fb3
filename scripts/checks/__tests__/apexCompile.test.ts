import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatCompileFinding, judgeRun, parseCheckerOutput } from '../apexCompile';

/** apex-ls 6.0.2 over this package before its compile errors were fixed (exit code 4). */
const CAPTURED = readFileSync(path.join(__dirname, 'data', 'apex-ls-report.txt'), 'utf8');
const ROOT = '/work/main';

describe('Apex compile check', () => {
  it('reads every finding of a captured report with its file, line and severity', () => {
    const { findings, unparsed } = parseCheckerOutput(CAPTURED);
    expect(unparsed).toEqual([]);
    expect(findings.filter((finding) => finding.severity === 'error')).toHaveLength(7);
    expect(findings.filter((finding) => finding.severity === 'warning')).toHaveLength(6);
    expect(findings[0]).toEqual({
      file: `${ROOT}/force-app/main/default/classes/AdoptionKpiService.cls`,
      line: 738,
      severity: 'error',
      kind: 'Missing',
      message: "Unknown field or type 'AMOUNT_NUMERATOR' on 'AdoptionKpiService.Mode'"
    });
  });

  it('fails the captured report on its errors', () => {
    const report = judgeRun({ exitCode: 4, stdout: CAPTURED, stderr: '' });
    expect(report).toMatchObject({ errors: 7, warnings: 6 });
    expect(report.failure).toBeUndefined();
  });

  it('reads syntax errors and file-level errors, which have no column range', () => {
    const output = [
      '/p/force-app/main/default/classes/Syn.cls',
      "Syntax: line 1 at 27: mismatched input '{' expecting {')', '@', Identifier}",
      "Error: line 1: Type 'Syn' is defined, but meta file is missing for '/p/Syn.cls'"
    ].join('\n');
    expect(parseCheckerOutput(output).findings).toEqual([
      expect.objectContaining({ line: 1, kind: 'Syntax', severity: 'error' }),
      expect.objectContaining({ line: 1, kind: 'Error', severity: 'error' })
    ]);
  });

  it('passes a clean run, and a run with warnings only', () => {
    expect(judgeRun({ exitCode: 0, stdout: '', stderr: '' })).toEqual({
      findings: [],
      errors: 0,
      warnings: 0
    });
    const warningOnly = [
      '/p/A.cls',
      "Warning: line 3 at 4-19: Local variable is hiding class field 'won', see /p/A.cls: line 2 at 23-49"
    ].join('\n');
    expect(judgeRun({ exitCode: 0, stdout: warningOnly, stderr: '' })).toMatchObject({
      errors: 0,
      warnings: 1
    });
  });

  it('says the checker could not run when it fails without reporting an error', () => {
    const noJar = judgeRun({
      exitCode: 1,
      stdout: '',
      stderr:
        'Error: Could not find or load main class io.github.apexdevtools.apexls.CheckForIssues'
    });
    expect(noJar.failure).toBe(
      'the checker could not run (it exited with 1 without reporting an error):\nError: Could not find or load main class io.github.apexdevtools.apexls.CheckForIssues'
    );
    expect(judgeRun({ exitCode: null, stdout: '', stderr: '' }).failure).toBe(
      'the checker could not run (it was killed without reporting an error)'
    );
  });

  it('does not pass output it cannot read', () => {
    const report = judgeRun({
      exitCode: 0,
      stdout: 'Note: line 3: a category this check does not know\nMissing: line 2: before any file',
      stderr: ''
    });
    expect(report.failure).toBe(
      'unrecognised checker output:\nNote: line 3: a category this check does not know\nMissing: line 2: before any file'
    );
  });

  it('prints paths relative to the project, in the message too', () => {
    const [, , , , , , warning] = parseCheckerOutput(CAPTURED).findings;
    expect(formatCompileFinding(warning, ROOT)).toBe(
      "info force-app/main/default/classes/AdoptionSettings.cls:315 Warning: Local variable is hiding class field 'cadences', see force-app/main/default/classes/AdoptionSettings.cls: line 28:23 to 33:4"
    );
    const [error] = parseCheckerOutput(CAPTURED).findings;
    expect(formatCompileFinding(error, ROOT)).toBe(
      "FAIL force-app/main/default/classes/AdoptionKpiService.cls:738 Missing: Unknown field or type 'AMOUNT_NUMERATOR' on 'AdoptionKpiService.Mode'"
    );
  });
});
