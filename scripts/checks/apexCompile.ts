/**
 * Reads the text report of Apex Dev Tools' semantic checker (apex-ls CheckForIssues, shipped with
 * Code Analyzer's PMD engine) and decides whether the Apex compiles. Kept apart from the process
 * that runs it so that captured reports can be unit tested.
 */
import path from 'node:path';

export type CompileSeverity = 'error' | 'warning';

export interface CompileFinding {
  file: string;
  line: number;
  severity: CompileSeverity;
  /** The checker's category: Syntax, Error, Missing or Warning. */
  kind: string;
  message: string;
}

export interface CheckerRun {
  /** null when the process was killed by a signal. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface CompileReport {
  findings: CompileFinding[];
  errors: number;
  warnings: number;
  /** Set when the checker did not produce a report this check can trust. */
  failure?: string;
}

/** Syntax, Error and Missing (unknown type, field or method) are what the Apex compiler rejects. */
const SEVERITY_BY_KIND: Record<string, CompileSeverity> = {
  Syntax: 'error',
  Error: 'error',
  Missing: 'error',
  Warning: 'warning'
};

/** `Missing: line 738 at 32-53: msg`, `Syntax: line 1 at 27: msg`, `Error: line 1: msg`. */
const FINDING_LINE = /^(\w+): line (\d+)(?: at [\d-]+)?: (.*)$/;

/** The checker prints each file's absolute path on a line of its own, then that file's findings. */
function isPathLine(line: string): boolean {
  return path.isAbsolute(line);
}

export interface ParsedOutput {
  findings: CompileFinding[];
  /** Lines that are neither a file path nor a finding of a known category. */
  unparsed: string[];
}

export function parseCheckerOutput(output: string): ParsedOutput {
  const findings: CompileFinding[] = [];
  const unparsed: string[] = [];
  let file: string | undefined;
  for (const line of output.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (isPathLine(line)) {
      file = line.trim();
      continue;
    }
    const match = FINDING_LINE.exec(line);
    const severity = match ? SEVERITY_BY_KIND[match[1]] : undefined;
    if (!match || !severity || !file) {
      unparsed.push(line);
      continue;
    }
    findings.push({
      file,
      line: Number(match[2]),
      severity,
      kind: match[1],
      message: match[3]
    });
  }
  return { findings, unparsed };
}

/**
 * Fails on any error finding, and also when the checker exits non-zero without reporting one or
 * prints lines this parser does not know: a report that cannot be read must not pass as clean.
 */
export function judgeRun(run: CheckerRun): CompileReport {
  const { findings, unparsed } = parseCheckerOutput(run.stdout);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const report = { findings, errors, warnings: findings.length - errors };
  const output = [...unparsed, run.stderr.trim()].filter(Boolean).join('\n');
  if (unparsed.length > 0) {
    return { ...report, failure: `unrecognised checker output:\n${output}` };
  }
  if (run.exitCode !== 0 && errors === 0) {
    const status = run.exitCode === null ? 'was killed' : `exited with ${run.exitCode}`;
    return {
      ...report,
      failure: `the checker could not run (it ${status} without reporting an error)${output ? `:\n${output}` : ''}`
    };
  }
  return report;
}

/** `FAIL force-app/…/A.cls:12 Missing: …`, paths relative to the project (in the message too). */
export function formatCompileFinding(finding: CompileFinding, projectRoot: string): string {
  const prefix = finding.severity === 'error' ? 'FAIL' : 'info';
  const relative = (text: string): string => text.split(`${projectRoot}${path.sep}`).join('');
  return `${prefix} ${relative(finding.file)}:${finding.line} ${finding.kind}: ${relative(finding.message)}`;
}
