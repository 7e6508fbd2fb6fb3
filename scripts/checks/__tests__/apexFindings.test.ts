import { formatFinding, isFailing, unexplainedSuppressions } from '../apexFindings';

describe('Apex analysis gate', () => {
  const finding = {
    engine: 'pmd',
    rule: 'ApexCRUDViolation',
    severity: 2,
    file: 'classes/A.cls',
    line: 7,
    message: 'Validate CRUD'
  };

  it('fails severities 1 and 2 only', () => {
    expect(isFailing({ ...finding, severity: 1 })).toBe(true);
    expect(isFailing(finding)).toBe(true);
    expect(isFailing({ ...finding, severity: 3 })).toBe(false);
  });

  it('formats a finding with its location', () => {
    expect(formatFinding(finding)).toBe(
      'sev 2 pmd:ApexCRUDViolation classes/A.cls:7 Validate CRUD'
    );
  });

  it('accepts a suppression explained by a comment just above or on the same line', () => {
    const source = [
      '  // LoginHistory needs Manage Users: team counts are the documented system-mode exception.',
      "  @SuppressWarnings('PMD.ApexCRUDViolation')",
      '  /* sfge-disable-stack ApexFlsViolation */ // aggregates only, guarded by a custom permission',
      '  public void run() {}'
    ].join('\n');
    expect(unexplainedSuppressions(source)).toEqual([]);
  });

  it('rejects a suppression without a reason', () => {
    const source = [
      'public class A {',
      "  @SuppressWarnings('PMD.ApexCRUDViolation')",
      '  void run() {}',
      '}'
    ].join('\n');
    expect(unexplainedSuppressions(source)).toEqual([
      { line: 2, text: "@SuppressWarnings('PMD.ApexCRUDViolation')" }
    ]);
  });

  it('does not count a short comment as a reason', () => {
    expect(unexplainedSuppressions(['  // needed', '  String s; // NOPMD'].join('\n'))).toEqual([
      { line: 2, text: 'String s; // NOPMD' }
    ]);
  });
});
