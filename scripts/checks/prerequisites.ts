/**
 * What `npm test` needs besides Node and node_modules, decided from injected probes so that the
 * decision is unit tested without the real machine: Java for the Apex checks, Chromium for the
 * browser tests.
 */

export const MINIMUM_JAVA = 11;
export const RECOMMENDED_JAVA = 17;
/** Debian/Ubuntu: default-jre-headless is Java 17 on Debian 12 and Ubuntu 22.04. */
export const INSTALL_COMMAND = 'sudo apt-get install -y default-jre-headless chromium';

export interface Probes {
  /** What `java -version` prints, or undefined when there is no java on PATH. */
  javaVersion(): string | undefined;
  isExecutable(file: string): boolean;
}

export interface PrerequisiteReport {
  /** One sentence per missing prerequisite: what, and what needs it. */
  missing: string[];
  /** What was found, e.g. "Java 17". */
  found: string[];
  /** Advice that does not fail the check. */
  notes: string[];
}

const JAVA_USERS = `the Apex compile check (check:apex-compile) and Salesforce Code Analyzer (check:apex) run on Java ${MINIMUM_JAVA} or later (${RECOMMENDED_JAVA} recommended)`;

/** The major version in `java -version` output: `"17.0.15"` → 17, `"1.8.0_402"` → 8. */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 && match[2] !== undefined ? Number(match[2]) : major;
}

function checkJava(probes: Probes, report: PrerequisiteReport): void {
  const output = probes.javaVersion();
  if (output === undefined) {
    report.missing.push(`No java on PATH: ${JAVA_USERS}.`);
    return;
  }
  const major = javaMajorVersion(output);
  if (major === undefined) {
    const firstLine = output.trim().split('\n')[0];
    report.missing.push(`\`java -version\` gave no version ("${firstLine}"): ${JAVA_USERS}.`);
  } else if (major < MINIMUM_JAVA) {
    report.missing.push(`Java ${major} is too old: ${JAVA_USERS}.`);
  } else {
    report.found.push(`Java ${major}`);
    if (major < RECOMMENDED_JAVA) {
      report.notes.push(
        `Java ${major} works; Java ${RECOMMENDED_JAVA} is recommended (the Apex checks are measured on it).`
      );
    }
  }
}

export function checkPrerequisites(probes: Probes, chromium: string): PrerequisiteReport {
  const report: PrerequisiteReport = { missing: [], found: [], notes: [] };
  checkJava(probes, report);
  if (probes.isExecutable(chromium)) {
    report.found.push(`Chromium at ${chromium}`);
  } else {
    report.missing.push(
      `No Chromium at ${chromium}: the browser tests (test:browser) drive it (CHROMIUM_PATH names another binary).`
    );
  }
  return report;
}

/** The lines to print: problems first, then the one command that installs both. */
export function formatPrerequisites(report: PrerequisiteReport): string[] {
  return [
    ...report.missing.map((problem) => `FAIL ${problem}`),
    ...report.notes.map((note) => `info ${note}`),
    ...(report.missing.length > 0
      ? [
          'Install what is missing (Debian/Ubuntu), then run npm test again:',
          `  ${INSTALL_COMMAND}`
        ]
      : [])
  ];
}
