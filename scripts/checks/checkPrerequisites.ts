/**
 * npm run check:prerequisites — the first step of `npm test`: fails within a second, naming what
 * is missing and the command that installs it, instead of letting a newcomer meet a Java or
 * Chromium error minutes into the run.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chromiumPath } from '../shared/chromium';
import { checkPrerequisites, formatPrerequisites } from './prerequisites';
import type { Probes } from './prerequisites';

const probes: Probes = {
  javaVersion() {
    const result = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 10_000 });
    // Java prints its version on stderr.
    return result.error ? undefined : `${result.stderr}${result.stdout}`;
  },
  isExecutable(file) {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }
};

const started = Date.now();
const report = checkPrerequisites(probes, chromiumPath());
for (const line of formatPrerequisites(report)) console.log(line);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `check:prerequisites: ${report.missing.length} missing${report.found.length > 0 ? `, found ${report.found.join(', ')}` : ''}, ${seconds}s`
);
if (report.missing.length > 0) process.exitCode = 1;
