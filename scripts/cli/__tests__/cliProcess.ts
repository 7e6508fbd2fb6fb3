/**
 * End-to-end helpers: run the real executable (`node scripts/cli/bin/adoption.mjs`, on the Node
 * that runs jest, which npm gives the project's Node 22) as a child process, and write a demo org
 * as the CSV folder a user would export.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeDemoCsv } from '../../demo/csv';
import type { DemoOrg } from '../../demo/model';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const BIN = path.join(REPO_ROOT, 'scripts/cli/bin/adoption.mjs');
/** The demo generator's as-of instant: the reports are asked for the same instant. */
export const AS_OF = '2026-11-23T12:00:00.000Z';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; resolves with its exit code and output (a failing exit is not an error here). */
export function runProcess(
  file: string,
  args: readonly string[],
  env: Record<string, string> = {}
): Promise<CliRun> {
  // A token from the developer's shell must not leak into a run that means to go without one.
  const inherited = { ...process.env };
  delete inherited.SF_ACCESS_TOKEN;
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { cwd: REPO_ROOT, env: { ...inherited, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : error.code;
        if (typeof code !== 'number') {
          reject(error ?? new Error('no exit code'));
          return;
        }
        resolve({ code, stdout, stderr });
      }
    );
  });
}

/** `node scripts/cli/bin/adoption.mjs <args>`. */
export function runAdoption(
  args: readonly string[],
  env: Record<string, string> = {}
): Promise<CliRun> {
  return runProcess(process.execPath, [BIN, ...args], env);
}

/** The stdout of a run that must succeed (set-up runs, outside any test's expectations). */
export function outputOf(run: CliRun): string {
  if (run.code !== 0) throw new Error(`adoption exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}

/** The demo org as `<Object>.csv` files in a fresh temporary folder. */
export async function demoCsvFolder(org: DemoOrg): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'adoption-e2e-'));
  await writeDemoCsv(org, dir);
  return dir;
}
