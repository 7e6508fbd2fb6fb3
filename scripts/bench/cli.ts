/**
 * npm run bench:cli — the `adoption` CLI's speed and memory on large LoginHistory exports, against
 * the tool a user would otherwise reach for, in the same run:
 * - a demo org with ~1M and ~10M LoginHistory rows is written as a CSV folder (writeDemoCsv);
 * - `adoption report --data <dir> --kpi login.leaderboard,login.rate.7d --format json` runs as a
 *   child process: wall time, rows/s, peak RSS (GNU time);
 * - `sqlite3` imports the same LoginHistory.csv into memory and runs the equivalent GROUP BY for
 *   the period and the previous one; its counts must match the CLI's leaderboard.
 * Exits 1 when the CLI is not faster than sqlite3 (import + query), peaks above 300 MB, or
 * disagrees with sqlite3. Options: --rows 1000000,10000000 (LoginHistory sizes), --runs N (each
 * tool N times per size; the fastest run counts), --keep (leave the data in the temp folder).
 * Takes about 90 s on a 2-core machine with one run.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../build/projectFiles';
import { crossCheck, formatTable, misses } from './cli/benchReport';
import type { SizeResult } from './cli/benchReport';
import { writeDataset } from './cli/dataset';
import type { Dataset } from './cli/dataset';
import { runMeasured } from './cli/measure';
import { SQLITE, countsByUser, periodWindows, runTimes, sqliteScript } from './cli/sqliteQuery';

const BIN = path.join(PROJECT_ROOT, 'scripts', 'cli', 'bin', 'adoption.mjs');
const KPIS = 'login.leaderboard,login.rate.7d';
/** The CLI's default period, which login.rate.7d and the leaderboard then share. */
const PERIOD_DAYS = 7;
const DEFAULT_ROWS = [1_000_000, 10_000_000];

interface BenchOptions {
  rows: number[];
  /** Runs of each tool per size: the fastest counts (a shared machine is noisy), memory the highest. */
  runs: number;
  keep: boolean;
}

function options(): BenchOptions {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      runs: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false }
    },
    strict: true
  });
  const rows = values.rows === undefined ? DEFAULT_ROWS : values.rows.split(',').map(Number);
  if (rows.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new RangeError(`--rows takes whole numbers separated by commas; got "${values.rows}"`);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new RangeError(`--runs takes a whole number of at least 1; got "${values.runs}"`);
  }
  return { rows, runs, keep: values.keep ?? false };
}

const log = (text: string): void => console.error(`[bench:cli] ${text}`);

async function runCli(
  dataset: Dataset,
  outputFile: string
): Promise<{ seconds: number; peakMb: number | null }> {
  const run = await runMeasured(
    process.execPath,
    [
      BIN,
      'report',
      '--data',
      dataset.dir,
      '--as-of',
      dataset.asOf.toISOString(),
      '--kpi',
      KPIS,
      '--format',
      'json',
      '--output',
      outputFile
    ],
    { cwd: PROJECT_ROOT }
  );
  if (run.exitCode !== 0) {
    throw new Error(`adoption exited ${String(run.exitCode)}:\n${run.stderr}`);
  }
  return { seconds: run.seconds, peakMb: run.peakRssMb };
}

async function runSqlite(dataset: Dataset, workDir: string) {
  const [current, previous] = periodWindows(dataset.asOf, PERIOD_DAYS);
  const currentFile = path.join(workDir, 'sqlite-current.csv');
  const script = sqliteScript(dataset.loginCsv, [
    { window: current, outputFile: currentFile },
    { window: previous, outputFile: path.join(workDir, 'sqlite-previous.csv') }
  ]);
  const run = await runMeasured(SQLITE, [':memory:'], { input: script });
  const times = runTimes(run.stdout);
  if (run.exitCode !== 0 || times.length !== 2) {
    throw new Error(`sqlite3 exited ${String(run.exitCode)}:\n${run.stdout}\n${run.stderr}`);
  }
  const querySeconds = times[0] + times[1];
  return {
    importSeconds: run.seconds - querySeconds,
    querySeconds,
    peakMb: run.peakRssMb,
    counts: countsByUser(await readFile(currentFile, 'utf8'))
  };
}

/** Every result of `runs` runs, one after the other. */
async function repeat<T>(runs: number, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < runs; index += 1) results.push(await run());
  return results;
}

const fastest = <T>(runs: readonly T[], seconds: (run: T) => number): T =>
  runs.reduce((best, run) => (seconds(run) < seconds(best) ? run : best));

const highest = (peaks: readonly (number | null)[]): number | null =>
  peaks.some((peak) => peak === null) ? null : Math.max(...(peaks as number[]));

async function benchSize(root: string, rows: number, runs: number): Promise<SizeResult> {
  const dir = path.join(root, `rows-${rows}`);
  await mkdir(dir, { recursive: true });
  log(`writing a demo org with ~${rows.toLocaleString('en-US')} LoginHistory rows into ${dir}`);
  const dataset = await writeDataset(dir, rows, PERIOD_DAYS);
  log(
    `${dataset.loginRows.toLocaleString('en-US')} rows (${dataset.shape.users} users, ` +
      `${dataset.shape.loginHistoryDays} days); running adoption report ×${runs}`
  );
  const reportFile = path.join(dir, 'report.json');
  const cliRuns = await repeat(runs, () => runCli(dataset, reportFile));
  log(`running sqlite3 (import + GROUP BY) ×${runs}`);
  const sqliteRuns = await repeat(runs, () => runSqlite(dataset, dir));
  const sqlite = fastest(sqliteRuns, (run) => run.importSeconds + run.querySeconds);
  return {
    rows: dataset.loginRows,
    csvBytes: dataset.loginCsvBytes,
    cliSeconds: fastest(cliRuns, (run) => run.seconds).seconds,
    cliPeakMb: highest(cliRuns.map((run) => run.peakMb)),
    foldSeconds: dataset.foldSeconds,
    sqliteImportSeconds: sqlite.importSeconds,
    sqliteQuerySeconds: sqlite.querySeconds,
    sqlitePeakMb: highest(sqliteRuns.map((run) => run.peakMb)),
    mismatches: crossCheck(await readFile(reportFile, 'utf8'), sqlite.counts)
  };
}

async function main(): Promise<void> {
  const { rows, runs, keep } = options();
  const root = await mkdtemp(path.join(os.tmpdir(), 'adoption-bench-cli-'));
  const results: SizeResult[] = [];
  try {
    for (const count of rows) results.push(await benchSize(root, count, runs));
  } finally {
    if (keep) log(`data kept in ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
  console.log(
    `adoption report --kpi ${KPIS} --format json vs sqlite3 ${SQLITE} (:memory:, .import --csv + ` +
      `GROUP BY); fastest of ${runs} run(s) each, highest peak; ${os.cpus().length} CPUs, ` +
      `load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`
  );
  console.log(formatTable(results));
  if (results.some((result) => misses(result).length > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench:cli failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
