/**
 * Runs a child process and measures what the benchmark reports: wall time and peak resident memory.
 * Peak RSS comes from GNU time's report (`/usr/bin/time -v -o <file>`, exact: the kernel's maximum
 * RSS of the child); without GNU time it falls back to polling `/proc/<pid>/status` for VmHWM,
 * which can miss a peak in the last polling interval.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const GNU_TIME = '/usr/bin/time';
const POLL_MS = 20;

export interface Measured {
  exitCode: number | null;
  seconds: number;
  /** Null when neither GNU time nor /proc could tell. */
  peakRssMb: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
  /** GNU time's path (default GNU_TIME); when it is not executable, /proc is polled instead. */
  gnuTime?: string;
}

/** `Maximum resident set size (kbytes): N` of a `time -v` report, in MB (2^20 bytes). */
export function peakFromTimeReport(report: string): number | null {
  const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
  return match ? Number(match[1]) / 1024 : null;
}

/** VmHWM (the process's peak RSS so far) of a /proc/<pid>/status text, in MB. */
export function peakFromProcStatus(status: string): number | null {
  const match = /^VmHWM:\s*(\d+)\s*kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : null;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface ChildResult {
  exitCode: number | null;
  seconds: number;
  stdout: string;
  stderr: string;
  polledPeakMb: number | null;
}

function runChild(
  command: string,
  args: readonly string[],
  options: RunOptions,
  pollProc: boolean
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, [...args], { cwd: options.cwd, stdio: 'pipe' });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let polledPeakMb: number | null = null;
    const poll = (): void => {
      readFile(`/proc/${child.pid}/status`, 'utf8').then(
        (status) => {
          const peak = peakFromProcStatus(status);
          if (peak !== null) polledPeakMb = Math.max(polledPeakMb ?? 0, peak);
        },
        () => undefined // the process has just ended
      );
    };
    const timer = pollProc ? setInterval(poll, POLL_MS) : undefined;
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearInterval(timer);
      resolve({
        exitCode,
        seconds: (performance.now() - started) / 1000,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        polledPeakMb
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `command args`, measured; never throws for a failing exit code (see `exitCode`). */
export async function runMeasured(
  command: string,
  args: readonly string[],
  options: RunOptions = {}
): Promise<Measured> {
  const gnuTime = options.gnuTime ?? GNU_TIME;
  if (!(await isExecutable(gnuTime))) {
    const result = await runChild(command, args, options, true);
    return { ...result, peakRssMb: result.polledPeakMb };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-time-'));
  try {
    const reportFile = path.join(dir, 'time.txt');
    const result = await runChild(
      gnuTime,
      ['-v', '-o', reportFile, command, ...args],
      options,
      false
    );
    const report = await readFile(reportFile, 'utf8').catch(() => '');
    return { ...result, peakRssMb: peakFromTimeReport(report) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
