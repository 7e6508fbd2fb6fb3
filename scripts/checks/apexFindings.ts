/**
 * Rules of the Apex static-analysis gate, kept apart from the engines so they can be unit tested:
 * which findings fail the build, and that every suppression states its reason.
 */

/** Code Analyzer severities 1 (Critical) and 2 (High) fail the build; 3–5 are reported. */
export const FAILING_SEVERITY_MAX = 2;

export interface Finding {
  engine: string;
  rule: string;
  severity: number;
  file: string;
  line: number;
  message: string;
}

export function isFailing(finding: Finding): boolean {
  return finding.severity <= FAILING_SEVERITY_MAX;
}

export function formatFinding(finding: Finding): string {
  return `sev ${finding.severity} ${finding.engine}:${finding.rule} ${finding.file}:${finding.line} ${finding.message}`;
}

const SUPPRESSION = /@SuppressWarnings\s*\(|NOPMD|sfge-disable/i;
const REASON_COMMENT = /^\s*(\/\/|\/\*|\*)\s*\S+(\s+\S+){3,}/;

export interface SuppressionProblem {
  line: number;
  text: string;
}

/**
 * Every suppression must be explained by a comment of at least four words on the line itself or
 * within the three lines above it.
 */
export function unexplainedSuppressions(source: string): SuppressionProblem[] {
  const lines = source.split(/\r?\n/);
  const problems: SuppressionProblem[] = [];
  lines.forEach((text, index) => {
    if (!SUPPRESSION.test(text)) return;
    const trailingComment = text.includes('//') ? text.slice(text.indexOf('//')) : '';
    const context = [trailingComment, ...lines.slice(Math.max(0, index - 3), index)];
    const explained = context.some(
      (candidate) =>
        REASON_COMMENT.test(candidate) &&
        !SUPPRESSION.test(candidate.replace(/sfge-disable\S*\s+\S+/, ''))
    );
    if (!explained) problems.push({ line: index + 1, text: text.trim() });
  });
  return problems;
}
