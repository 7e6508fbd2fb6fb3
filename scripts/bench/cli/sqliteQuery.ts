/**
 * What a user without the CLI would run: sqlite3 imports LoginHistory.csv into an in-memory
 * database and counts successful logins per user in the period and in the one before it. The
 * script prints `.timer` lines for the two queries only (dot-commands such as `.import` are not
 * timed), so import time = the process's wall time − the queries' time.
 */
import { DAY_MS } from '../../../force-app/main/default/lwc/adoptionMetrics/windows';

export const SQLITE = '/usr/bin/sqlite3';

export interface LoginWindow {
  /** Exclusive. */
  after: Date;
  /** Inclusive. */
  notAfter: Date;
}

/** The period T − N×24h < t ≤ T and the previous one, as the KPI catalog defines them. */
export function periodWindows(asOf: Date, periodDays: number): [LoginWindow, LoginWindow] {
  const start = new Date(asOf.getTime() - periodDays * DAY_MS);
  const previousStart = new Date(asOf.getTime() - 2 * periodDays * DAY_MS);
  return [
    { after: start, notAfter: asOf },
    { after: previousStart, notAfter: start }
  ];
}

/**
 * SQL text quoting: the paths and instants are ours, but a temp dir may hold a quote. LoginTime
 * is imported as TEXT; the generator writes it as toISOString() does, so string order is time order.
 */
const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The groupBy query for one window. */
export function countQuery(window: LoginWindow): string {
  return (
    // The leading SQL comment also tells check:schema, which reads every SELECT string, that
    // this is sqlite3's SQL and not SOQL.
    "-- sqlite3\nSELECT UserId, COUNT(*) FROM LoginHistory WHERE Status = 'Success'" +
    ` AND LoginTime > ${quoted(window.after.toISOString())}` +
    ` AND LoginTime <= ${quoted(window.notAfter.toISOString())} GROUP BY UserId;`
  );
}

/** The sqlite3 shell script: import, then one counted query per window into its output file. */
export function sqliteScript(
  csvFile: string,
  queries: readonly { window: LoginWindow; outputFile: string }[]
): string {
  const lines = ['.timer on', `.import --csv ${JSON.stringify(csvFile)} LoginHistory`, '.mode csv'];
  for (const { window, outputFile } of queries) {
    lines.push(`.output ${JSON.stringify(outputFile)}`, countQuery(window));
  }
  return `${lines.join('\n')}\n`;
}

/** Seconds of each `Run Time: real X …` line the shell printed. */
export function runTimes(stdout: string): number[] {
  return [...stdout.matchAll(/^Run Time: real ([\d.]+)/gm)].map((match) => Number(match[1]));
}

/** `UserId,count` lines → count per user. */
export function countsByUser(csv: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of csv.split('\n')) {
    if (line.trim() === '') continue;
    const [userId, count] = line.trim().split(',');
    counts.set(userId, Number(count));
  }
  return counts;
}
