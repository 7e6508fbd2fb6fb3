import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli';
import { loadSourceFolder } from '../language/loader';
import { systemLibrary } from '../language/systemLibrary';
import { coverageProblems } from '../testing/coverageGates';
import { runTests } from '../testing/runTests';
import { USER_ID } from './languageHelpers';

const FIXTURE = join(__dirname, 'fixtures', 'calculator');

function cli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(
    args,
    (text) => (out += text),
    (text) => (err += text)
  );
  return { code, out, err };
}

describe('runTests', () => {
  it('runs each test method and reports failures with the platform message', () => {
    const run = runTests(loadSourceFolder(FIXTURE), { library: systemLibrary, userId: USER_ID });
    expect(run.tests.map((test) => [test.methodName, test.outcome])).toEqual([
      ['shouldAddWhenGivenTwoNumbers', 'Pass'],
      ['shouldThrowWhenDividingByZero', 'Pass'],
      ['shouldFailWhenTheExpectationIsWrong', 'Fail']
    ]);
    expect(run.tests[2].message).toBe(
      'System.AssertException: Assertion Failed: Deliberately wrong: Expected: 4, Actual: 3'
    );
    expect(run.tests[2].stackTrace).toContain(
      'Class.CalculatorTest.shouldFailWhenTheExpectationIsWrong: line 20'
    );
    expect(run.coverage).toEqual({ Calculator: { covered: 3, total: 5 } });
  });
});

describe('the apex CLI', () => {
  it('prints results and coverage and exits 1 when a test fails', () => {
    const result = cli('test', '--source-dir', FIXTURE);
    expect(result.code).toBe(1);
    expect(result.out).toContain('FAIL  CalculatorTest.shouldFailWhenTheExpectationIsWrong');
    expect(result.out).toContain('Calculator  3/5       60%');
  });

  it('prints the documented JSON', () => {
    const result = cli('test', '--source-dir', FIXTURE, '--class', 'calculatortest', '--json');
    const report = JSON.parse(result.out);
    expect(report.summary).toEqual({ passed: 2, failed: 1 });
    expect(report.tests[0]).toEqual({
      className: 'CalculatorTest',
      methodName: 'shouldAddWhenGivenTwoNumbers',
      outcome: 'Pass',
      message: ''
    });
    expect(report.coverage).toEqual({ Calculator: { covered: 3, total: 5 } });
  });

  it('exits 2 with a clear message when it cannot start', () => {
    expect(cli('test', '--source-dir', join(FIXTURE, 'missing')).err).toContain(
      'Source folder not found'
    );
    expect(cli('test', '--source-dir', FIXTURE, '--class', 'Nope')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Test class not found: Nope')
    });
    expect(cli('deploy').code).toBe(2);
    expect(cli('--bogus').code).toBe(2);
    expect(cli('--help')).toMatchObject({ code: 0, out: expect.stringContaining('Examples:') });
  });
});

describe('--result-file', () => {
  it('writes the JSON report to the file while printing the table', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'apex-results-')), 'nested', 'results.json');

    const { code, out } = cli('test', '--source-dir', FIXTURE, '--result-file', file);

    expect(code).toBe(1);
    expect(out).toContain('Tests: 2 passed, 1 failed, 3 total');
    expect(JSON.parse(readFileSync(file, 'utf8')).summary).toEqual({ passed: 2, failed: 1 });
  });
});

describe('coverage gates', () => {
  it('fails the run and names the class under the per-class gate', () => {
    const { code, err } = cli('test', '--source-dir', FIXTURE, '--min-class-coverage', '75');

    expect(code).toBe(1);
    expect(err).toContain('Coverage gate: Calculator covers 60.0 % of its lines (3/5), under 75 %');
  });

  it('fails the run when the classes together are under the overall gate', () => {
    expect(
      coverageProblems(
        { A: { covered: 9, total: 10 }, B: { covered: 0, total: 10 } },
        { overall: 90 }
      )
    ).toEqual(['the classes cover 45.0 % of their lines (9/20), under 90 %']);
    expect(
      coverageProblems({ A: { covered: 9, total: 10 } }, { perClass: 75, overall: 90 })
    ).toEqual([]);
  });

  it('refuses a gate that is not a percentage', () => {
    const { code, err } = cli('test', '--source-dir', FIXTURE, '--min-coverage', 'lots');

    expect(code).toBe(2);
    expect(err).toContain("A coverage gate is a percentage from 0 to 100, not 'lots'.");
  });
});
