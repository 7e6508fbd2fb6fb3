import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crossCheck, formatTable, misses } from '../benchReport';
import type { SizeResult } from '../benchReport';
import { shapeFor, writeDataset } from '../dataset';
import { peakFromProcStatus, peakFromTimeReport, runMeasured } from '../measure';
import { countQuery, countsByUser, periodWindows, runTimes, sqliteScript } from '../sqliteQuery';

const asOf = new Date('2026-11-23T12:00:00.000Z');

function result(overrides: Partial<SizeResult> = {}): SizeResult {
  return {
    rows: 10_000_000,
    csvBytes: 1000 * 2 ** 20,
    cliSeconds: 3.2,
    cliPeakMb: 170,
    foldSeconds: 0.5,
    sqliteImportSeconds: 21.5,
    sqliteQuerySeconds: 2.5,
    sqlitePeakMb: 1076,
    mismatches: [],
    ...overrides
  };
}

const report = (rows: { userId: string; logins: number }[], loggedIn = rows.length): string =>
  JSON.stringify({
    kpis: {
      'login.rate.7d': { value: 0.5, numerator: loggedIn, denominator: 10 },
      'login.leaderboard': { value: rows.length, rows }
    }
  });

describe('measuring a child process', () => {
  it('reads the peak RSS from GNU time and from /proc', () => {
    expect(peakFromTimeReport('\tMaximum resident set size (kbytes): 174080\n')).toBe(170);
    expect(peakFromTimeReport('no report')).toBeNull();
    expect(peakFromProcStatus('VmPeak:\t 900 kB\nVmHWM:\t  51200 kB\nVmRSS:\t 100 kB\n')).toBe(50);
    expect(peakFromProcStatus('Name:\tnode\n')).toBeNull();
  });

  const allocate = [
    '-e',
    // It lingers, so that /proc polling sees the peak too where GNU time is missing.
    'const b = Buffer.alloc(64 * 2 ** 20, 1); process.stdout.write(String(b[5])); setTimeout(() => process.exit(3), 200)'
  ];

  it('measures time, peak memory, output and exit code (GNU time)', async () => {
    const run = await runMeasured(process.execPath, allocate);
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toBe('1');
    expect(run.seconds).toBeGreaterThan(0);
    expect(run.peakRssMb).toBeGreaterThan(64);
  });

  it('falls back to polling /proc without GNU time, and passes stdin', async () => {
    const run = await runMeasured(
      process.execPath,
      [
        '-e',
        'let t = ""; process.stdin.on("data", (d) => (t += d)); process.stdin.on("end", () => { const b = Buffer.alloc(64 * 2 ** 20, 1); setTimeout(() => console.log(t.trim() + b[0]), 200); })'
      ],
      { input: 'hello\n', gnuTime: '/nonexistent/time' }
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('hello1\n');
    expect(run.peakRssMb).toBeGreaterThan(64);
  });
});

describe('the sqlite3 side', () => {
  it('uses the catalog windows: T − N×24h < t ≤ T and the one before', () => {
    const [current, previous] = periodWindows(asOf, 7);
    expect([current.after, current.notAfter, previous.after, previous.notAfter]).toEqual([
      new Date('2026-11-16T12:00:00.000Z'),
      asOf,
      new Date('2026-11-09T12:00:00.000Z'),
      new Date('2026-11-16T12:00:00.000Z')
    ]);
    expect(countQuery(current)).toBe(
      "-- sqlite3\nSELECT UserId, COUNT(*) FROM LoginHistory WHERE Status = 'Success' AND LoginTime > " +
        "'2026-11-16T12:00:00.000Z' AND LoginTime <= '2026-11-23T12:00:00.000Z' GROUP BY UserId;"
    );
  });

  it('imports, then writes each window into its own file', () => {
    const [current] = periodWindows(asOf, 1);
    expect(
      sqliteScript('/d/Login History.csv', [{ window: current, outputFile: '/d/c.csv' }])
    ).toBe(
      '.timer on\n.import --csv "/d/Login History.csv" LoginHistory\n.mode csv\n.output "/d/c.csv"\n' +
        `${countQuery(current)}\n`
    );
  });

  it('reads the query times and the counts', () => {
    const stdout = 'Run Time: real 0.250 user 0.2 sys 0.01\nRun Time: real 1.5 user 1 sys 0\n';
    expect(runTimes(stdout)).toEqual([0.25, 1.5]);
    expect([...countsByUser('005A,3\n005B,12\n\n')]).toEqual([
      ['005A', 3],
      ['005B', 12]
    ]);
  });
});

describe('the dataset', () => {
  it('sizes the demo org by users up to 50,000, then by days of history', () => {
    expect(shapeFor(1_000_000)).toEqual({ users: 6850, loginHistoryDays: 183 });
    expect(shapeFor(1000)).toEqual({ users: 50, loginHistoryDays: 183 });
    expect(shapeFor(10_000_000)).toEqual({ users: 50_000, loginHistoryDays: 251 });
    expect(() => shapeFor(50_000_000)).toThrow('cannot make 50000000 LoginHistory rows');
  });

  it('writes a CSV folder the CLI can read and times the fold', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-cli-test-'));
    try {
      const dataset = await writeDataset(dir, 8000, 7);
      expect(dataset.shape).toEqual({ users: 55, loginHistoryDays: 183 });
      expect(dataset.loginRows).toBeGreaterThan(5000);
      expect(dataset.foldSeconds).toBeGreaterThanOrEqual(0);
      const csv = await readFile(dataset.loginCsv, 'utf8');
      expect(csv.split('\n')).toHaveLength(dataset.loginRows + 2);
      expect(dataset.loginCsvBytes).toBe(Buffer.byteLength(csv));
      for (const object of ['User', 'Opportunity', 'Lead', 'Task']) {
        await expect(readFile(path.join(dir, `${object}.csv`), 'utf8')).resolves.toMatch(/^"Id"/);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('verdicts', () => {
  it('agrees when every leaderboard row has sqlite3’s count', () => {
    const counts = new Map([
      ['005A', 3],
      ['005B', 1],
      ['005X', 9]
    ]);
    expect(
      crossCheck(
        report([
          { userId: '005A', logins: 3 },
          { userId: '005B', logins: 1 }
        ]),
        counts
      )
    ).toEqual([]);
    expect(crossCheck(report([{ userId: '005A', logins: 2 }], 2), counts)).toEqual([
      '1 leaderboard rows but login.rate.7d counts 2 users',
      '005A: CLI 2 logins, sqlite3 3'
    ]);
    expect(crossCheck(report([]), counts)).toEqual(['the leaderboard is empty']);
    expect(crossCheck('{"kpis":{}}', counts)).toEqual([
      'the report lacks login.leaderboard rows or login.rate.7d'
    ]);
  });

  it('misses when slower than sqlite3, above 300 MB or wrong', () => {
    expect(misses(result())).toEqual([]);
    expect(misses(result({ cliSeconds: 30, cliPeakMb: 301, mismatches: ['005A: …'] }))).toEqual([
      'CLI 30.00 s is not faster than sqlite3 24.00 s',
      'CLI peak 301 MB > 300 MB',
      '005A: …'
    ]);
    expect(misses(result({ cliPeakMb: null }))).toEqual(['peak memory of the CLI unknown']);
  });

  it('prints one aligned row per size and a line per miss', () => {
    const table = formatTable([result(), result({ rows: 1_000_000, cliSeconds: 99 })]).split('\n');
    expect(table[0]).toMatch(/^ +rows +CSV MB +CLI s +rows\/s +peak MB/);
    expect(table[1]).toMatch(
      /^10,000,000 +1000 +3\.20 +3,125,000 +170 +0\.50 +21\.50 +2\.50 +24\.00 +1076 +ok$/
    );
    expect(table[2]).toMatch(/ MISS$/);
    expect(table[3]).toBe('MISS at 1,000,000 rows: CLI 99.00 s is not faster than sqlite3 24.00 s');
    expect(new Set(table.slice(0, 3).map((line) => line.length)).size).toBe(1);
  });
});
