import {
  INSTALL_COMMAND,
  checkPrerequisites,
  formatPrerequisites,
  javaMajorVersion
} from '../prerequisites';
import type { Probes } from '../prerequisites';
import { chromiumPath } from '../../shared/chromium';

const JAVA_17 = [
  'openjdk version "17.0.15" 2025-04-15',
  'OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)'
].join('\n');
const CHROMIUM = '/usr/bin/chromium';

function probes(java: string | undefined, executables: string[]): Probes {
  return {
    javaVersion: () => java,
    isExecutable: (file) => executables.includes(file)
  };
}

describe('prerequisites of npm test', () => {
  it('reads the major version of old and new java -version formats', () => {
    expect(javaMajorVersion(JAVA_17)).toBe(17);
    expect(javaMajorVersion('java version "1.8.0_402"')).toBe(8);
    expect(javaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(javaMajorVersion('openjdk version "11.0.2"')).toBe(11);
    expect(javaMajorVersion('no version here')).toBeUndefined();
  });

  it('passes with Java 17 and Chromium, printing nothing to fix', () => {
    const report = checkPrerequisites(probes(JAVA_17, [CHROMIUM]), CHROMIUM);
    expect(report).toEqual({
      missing: [],
      found: ['Java 17', 'Chromium at /usr/bin/chromium'],
      notes: []
    });
    expect(formatPrerequisites(report)).toEqual([]);
  });

  it('passes with Java 11 and recommends 17', () => {
    const report = checkPrerequisites(probes('openjdk version "11.0.22"', [CHROMIUM]), CHROMIUM);
    expect(report.missing).toEqual([]);
    expect(formatPrerequisites(report)).toEqual([
      'info Java 11 works; Java 17 is recommended (the Apex checks are measured on it).'
    ]);
  });

  it('names both when both are missing, why they are needed and the install command', () => {
    const lines = formatPrerequisites(checkPrerequisites(probes(undefined, []), CHROMIUM));
    expect(lines).toEqual([
      'FAIL No java on PATH: the Apex compile check (check:apex-compile) and Salesforce Code Analyzer (check:apex) run on Java 11 or later (17 recommended).',
      'FAIL No Chromium at /usr/bin/chromium: the browser tests (test:browser) drive it (CHROMIUM_PATH names another binary).',
      'Install what is missing (Debian/Ubuntu), then run npm test again:',
      '  sudo apt-get install -y default-jre-headless chromium'
    ]);
    expect(INSTALL_COMMAND).toBe('sudo apt-get install -y default-jre-headless chromium');
  });

  it('fails on a Java older than 11 and on a version it cannot read', () => {
    expect(
      checkPrerequisites(probes('java version "1.8.0_402"', [CHROMIUM]), CHROMIUM).missing
    ).toEqual([
      'Java 8 is too old: the Apex compile check (check:apex-compile) and Salesforce Code Analyzer (check:apex) run on Java 11 or later (17 recommended).'
    ]);
    expect(
      checkPrerequisites(probes('garbled\nsecond line', [CHROMIUM]), CHROMIUM).missing
    ).toEqual([
      '`java -version` gave no version ("garbled"): the Apex compile check (check:apex-compile) and Salesforce Code Analyzer (check:apex) run on Java 11 or later (17 recommended).'
    ]);
  });

  it("looks for Chromium where the browser tests do: Debian's, unless CHROMIUM_PATH says otherwise", () => {
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chrome' })).toBe('/opt/chrome');
  });

  it('looks for Chromium where it is told to', () => {
    const report = checkPrerequisites(probes(JAVA_17, ['/opt/chrome']), '/opt/chrome');
    expect(report.found).toEqual(['Java 17', 'Chromium at /opt/chrome']);
  });
});
