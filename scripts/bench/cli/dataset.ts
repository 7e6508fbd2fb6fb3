/**
 * The benchmark's input: a demo org written as the CSV folder the CLI reads (all of writeDemoCsv's
 * files, so the folder is a real export), sized by its LoginHistory. The demo org has ~147 logins
 * per user over its default 183 days; up to 50,000 users that reaches ~7.4M rows, beyond that the
 * history grows longer instead (loginHistoryDays).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createLoginFold } from '../../../force-app/main/default/lwc/adoptionMetrics/loginFold';
import { writeDemoCsv } from '../../demo/csv';
import {
  LOGIN_HISTORY_DAYS,
  MAX_LOGIN_HISTORY_DAYS,
  MAX_USERS,
  MIN_USERS,
  generateDemoOrg
} from '../../demo/generate';
import type { DemoOrg } from '../../demo/model';

/** Measured on seed 42: 7,357,108 rows for 50,000 users, 729,904 for 5,000. */
const LOGINS_PER_USER = 146;
const SEED = 42;

export interface DatasetShape {
  users: number;
  loginHistoryDays: number;
}

/** Users and days of history for about `rows` LoginHistory rows. */
export function shapeFor(rows: number): DatasetShape {
  const users = Math.ceil(rows / LOGINS_PER_USER);
  if (users <= MAX_USERS)
    return { users: Math.max(MIN_USERS, users), loginHistoryDays: LOGIN_HISTORY_DAYS };
  const days = Math.ceil((LOGIN_HISTORY_DAYS * users) / MAX_USERS);
  if (days > MAX_LOGIN_HISTORY_DAYS) {
    throw new RangeError(`The demo generator cannot make ${rows} LoginHistory rows.`);
  }
  return { users: MAX_USERS, loginHistoryDays: days };
}

export interface Dataset {
  dir: string;
  asOf: Date;
  shape: DatasetShape;
  loginRows: number;
  loginCsv: string;
  loginCsvBytes: number;
  /** Seconds to fold the org's LoginHistory in this process (no parsing): the fold's share. */
  foldSeconds: number;
}

/**
 * The fold alone over the generated rows, with one interned Id string per user, as the CSV
 * reader hands them over: the part of the CLI's time that is not reading and parsing.
 */
function timeFold(org: DemoOrg, periodDays: number): number {
  const table = org.tables.LoginHistory;
  const readUser = table.accessor('UserId');
  const readTime = table.accessor('LoginTime');
  const readStatus = table.accessor('Status');
  if (!readUser || !readTime || !readStatus) throw new Error('LoginHistory lacks a column');
  const interned = new Map<string, string>();
  const users: string[] = new Array<string>(table.size);
  const times = new Float64Array(table.size);
  const statuses: string[] = new Array<string>(table.size);
  for (let row = 0; row < table.size; row += 1) {
    const id = String(readUser(row));
    users[row] = interned.get(id) ?? (interned.set(id, id), id);
    times[row] = Number(readTime(row));
    statuses[row] = String(readStatus(row));
  }
  const fold = createLoginFold({ asOf: org.asOf, timeZone: org.timeZone, periodDays });
  const started = performance.now();
  for (let row = 0; row < table.size; row += 1) fold.add(users[row], times[row], statuses[row]);
  return (performance.now() - started) / 1000;
}

/** Generates the org for about `rows` logins and writes it into `dir`. */
export async function writeDataset(
  dir: string,
  rows: number,
  periodDays: number
): Promise<Dataset> {
  const shape = shapeFor(rows);
  const org = generateDemoOrg({ ...shape, seed: SEED });
  await writeDemoCsv(org, dir);
  const loginCsv = path.join(dir, 'LoginHistory.csv');
  return {
    dir,
    asOf: org.asOf,
    shape,
    loginRows: org.tables.LoginHistory.size,
    loginCsv,
    loginCsvBytes: (await stat(loginCsv)).size,
    foldSeconds: timeFold(org, periodDays)
  };
}
