/**
 * Throughput of the CSV source on LoginHistory.csv (not a jest test: run it by hand).
 *
 *   npx tsx scripts/cli/csv/__tests__/loginBench.ts [rows=1000000] [runs=3]
 *
 * Writes two files of `rows` rows in a temporary folder — the demo exporter's form (every value
 * quoted, LF, `…Z`) and Data Loader's (BOM, unquoted, CRLF, `+0000`) — then, in a child process
 * (so the generator's memory is not counted), streams each through the source's forEachLogin
 * `runs` times and prints rows/s, MB/s and the reader's peak RSS.
 */
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ProgressSink } from '../../source';
import { createCsvSource } from '../csvSource';

const USERS = 4000;
const START_MS = Date.parse('2026-05-24T12:00:00.000Z');
const SPAN_MS = 183 * 86_400_000;
const STATUSES = ['Success', 'Success', 'Success', 'Invalid Password'];

const userId = (n: number): string => `0055g${String(n).padStart(10, '0')}AAA`;

async function writeLogins(file: string, rows: number, dataLoader: boolean): Promise<void> {
  const handle = await open(file, 'w');
  const end = dataLoader ? '\r\n' : '\n';
  const q = (text: string): string => (dataLoader ? text : `"${text}"`);
  let chunk = `${dataLoader ? '\ufeff' : ''}${['Id', 'UserId', 'LoginTime', 'Status', 'LoginType', 'Application'].map(q).join(',')}${end}`;
  for (let row = 0; row < rows; row += 1) {
    const iso = new Date(START_MS + Math.floor((row / rows) * SPAN_MS)).toISOString();
    const time = dataLoader ? `${iso.slice(0, -1)}+0000` : iso;
    chunk +=
      [
        `0Ya5g${String(row).padStart(10, '0')}AAA`,
        userId((row * 7919) % USERS),
        time,
        STATUSES[row % STATUSES.length],
        'Application',
        'Browser'
      ]
        .map(q)
        .join(',') + end;
    if (chunk.length > 1 << 20) {
      await handle.write(chunk);
      chunk = '';
    }
  }
  await handle.write(chunk);
  await handle.close();
}

const quiet: ProgressSink = {
  start: () => undefined,
  add: () => undefined,
  finish: () => undefined
};

const FORMS = [
  ['demo export (quoted, LF, Z)', 'demo'],
  ['Data Loader (unquoted, CRLF, +0000, BOM)', 'loader']
] as const;

/** The child: reads the files the parent wrote. */
async function read(dir: string, runs: number): Promise<void> {
  console.log(`reader RSS before reading ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  for (const [form, name] of FORMS) {
    const folder = path.join(dir, name);
    const { size } = await stat(path.join(folder, 'LoginHistory.csv'));
    const source = createCsvSource(folder);
    const range = { after: new Date(0), notAfter: new Date(START_MS + SPAN_MS) };
    for (let run = 1; run <= runs; run += 1) {
      let visited = 0;
      let checksum = 0;
      const started = process.hrtime.bigint();
      await source.forEachLogin(
        range,
        (user, time, status) => {
          visited += 1;
          checksum += user.length + status.length + (time % 7);
        },
        quiet
      );
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      console.log(
        `${form} run ${run}: ${visited} rows in ${seconds.toFixed(3)} s = ` +
          `${Math.round(visited / seconds).toLocaleString('en-US')} rows/s, ` +
          `${(size / 1e6 / seconds).toFixed(0)} MB/s (file ${(size / 1e6).toFixed(0)} MB, ` +
          `checksum ${checksum}), RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`
      );
    }
  }
  console.log(`reader peak RSS ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB`);
}

async function main(): Promise<void> {
  if (process.argv[2] === 'read') {
    await read(process.argv[3], Number(process.argv[4]));
    return;
  }
  const rows = Number(process.argv[2] ?? 1_000_000);
  const runs = process.argv[3] ?? '3';
  const dir =
    process.env.LOGIN_BENCH_DIR ?? (await mkdtemp(path.join(os.tmpdir(), 'login-bench-')));
  try {
    for (const [, name] of FORMS) {
      await mkdir(path.join(dir, name));
      await writeLogins(path.join(dir, name, 'LoginHistory.csv'), rows, name === 'loader');
    }
    const child = fork(__filename, ['read', dir, runs], { execArgv: process.execArgv });
    await new Promise((resolve) => child.on('exit', resolve));
  } finally {
    if (process.env.LOGIN_BENCH_DIR === undefined) await rm(dir, { recursive: true, force: true });
  }
}

void main();
