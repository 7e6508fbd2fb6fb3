/**
 * The benchmark's verdicts and table: the CLI against sqlite3 (import + query) on the same CSV,
 * and the CLI's peak memory; plus a check that both counted the same logins, so a fast wrong
 * answer cannot pass.
 */

/** Peak resident memory the CLI may reach at 10M LoginHistory rows (issue 6). */
export const PEAK_MB_TARGET = 300;

export interface SizeResult {
  rows: number;
  csvBytes: number;
  cliSeconds: number;
  cliPeakMb: number | null;
  foldSeconds: number;
  sqliteImportSeconds: number;
  sqliteQuerySeconds: number;
  sqlitePeakMb: number | null;
  /** Disagreements between the CLI's JSON and sqlite3's counts (empty when they agree). */
  mismatches: string[];
}

interface LeaderboardJsonRow {
  userId: string;
  logins: number;
}

interface ReportJson {
  kpis?: Record<string, { numerator?: number; rows?: LeaderboardJsonRow[] } | undefined>;
}

/**
 * The CLI's leaderboard logins per user must equal sqlite3's successful logins in the period, and
 * the leaderboard must hold exactly the users login.rate.7d counts (a 7-day period). sqlite3 also
 * counts users outside the population (inactive, partner): those are not compared.
 */
export function crossCheck(
  reportText: string,
  sqliteCounts: ReadonlyMap<string, number>
): string[] {
  const report = JSON.parse(reportText) as ReportJson;
  const rows = report.kpis?.['login.leaderboard']?.rows;
  const loggedIn = report.kpis?.['login.rate.7d']?.numerator;
  if (!rows || loggedIn === undefined) {
    return ['the report lacks login.leaderboard rows or login.rate.7d'];
  }
  const mismatches: string[] = [];
  if (rows.length === 0) mismatches.push('the leaderboard is empty');
  if (rows.length !== loggedIn) {
    mismatches.push(`${rows.length} leaderboard rows but login.rate.7d counts ${loggedIn} users`);
  }
  for (const row of rows) {
    const expected = sqliteCounts.get(row.userId) ?? 0;
    if (row.logins !== expected) {
      mismatches.push(`${row.userId}: CLI ${row.logins} logins, sqlite3 ${expected}`);
    }
  }
  return mismatches.slice(0, 5);
}

export const sqliteSeconds = (result: SizeResult): number =>
  result.sqliteImportSeconds + result.sqliteQuerySeconds;

/** Why a size misses its targets (empty when it meets them). */
export function misses(result: SizeResult): string[] {
  const found: string[] = [];
  if (result.cliSeconds >= sqliteSeconds(result)) {
    found.push(
      `CLI ${result.cliSeconds.toFixed(2)} s is not faster than sqlite3 ${sqliteSeconds(result).toFixed(2)} s`
    );
  }
  if (result.cliPeakMb === null) found.push('peak memory of the CLI unknown');
  else if (result.cliPeakMb > PEAK_MB_TARGET) {
    found.push(`CLI peak ${result.cliPeakMb.toFixed(0)} MB > ${PEAK_MB_TARGET} MB`);
  }
  return [...found, ...result.mismatches];
}

const COLUMNS = [
  'rows',
  'CSV MB',
  'CLI s',
  'rows/s',
  'peak MB',
  'fold s',
  'sqlite3 import s',
  'query s',
  'total s',
  'sqlite3 MB',
  'verdict'
];

const mb = (value: number | null): string => (value === null ? '?' : value.toFixed(0));

function cells(result: SizeResult): string[] {
  return [
    result.rows.toLocaleString('en-US'),
    (result.csvBytes / 2 ** 20).toFixed(0),
    result.cliSeconds.toFixed(2),
    Math.round(result.rows / result.cliSeconds).toLocaleString('en-US'),
    mb(result.cliPeakMb),
    result.foldSeconds.toFixed(2),
    result.sqliteImportSeconds.toFixed(2),
    result.sqliteQuerySeconds.toFixed(2),
    sqliteSeconds(result).toFixed(2),
    mb(result.sqlitePeakMb),
    misses(result).length === 0 ? 'ok' : 'MISS'
  ];
}

/** The results as an aligned text table, then one line per miss. */
export function formatTable(results: readonly SizeResult[]): string {
  const table = [COLUMNS, ...results.map(cells)];
  const widths = COLUMNS.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const lines = table.map((row) =>
    row.map((cell, column) => cell.padStart(widths[column])).join('  ')
  );
  for (const result of results) {
    for (const miss of misses(result)) {
      lines.push(`MISS at ${result.rows.toLocaleString('en-US')} rows: ${miss}`);
    }
  }
  return lines.join('\n');
}
