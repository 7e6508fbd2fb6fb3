/**
 * What the dashboard should show for a demo org, computed straight from the generated tables —
 * deliberately without the SOQL engine, the gateway or the KPI library, so the browser test
 * checks them rather than repeats them.
 */
import type { DemoOrg, FieldValue } from '../../demo/model';

const DAY_MS = 86_400_000;

export interface DemoUser {
  id: string;
  name: string;
  role: string | null;
  region: string | null;
  lastLogin: number | null;
}

export function read(org: DemoOrg, object: string, field: string): (row: number) => FieldValue {
  const accessor = org.tables[object]?.accessor(field);
  if (!accessor) throw new Error(`demo org has no ${object}.${field}`);
  return accessor;
}

export function populationUsers(org: DemoOrg): DemoUser[] {
  const users = org.tables.User;
  const [id, name, active, type, roleId, division, lastLogin] = [
    'Id',
    'Name',
    'IsActive',
    'UserType',
    'UserRoleId',
    'Division',
    'LastLoginDate'
  ].map((field) => read(org, 'User', field));
  const roleName = read(org, 'UserRole', 'Name');
  const result: DemoUser[] = [];
  for (let row = 0; row < users.size; row += 1) {
    if (active(row) !== true || type(row) !== 'Standard') continue;
    const roleRow =
      roleId(row) === null ? undefined : org.tables.UserRole.rowOf(String(roleId(row)));
    result.push({
      id: String(id(row)),
      name: String(name(row)),
      role: roleRow === undefined ? null : String(roleName(roleRow)),
      region: division(row) === null || division(row) === '' ? null : String(division(row)),
      lastLogin: lastLogin(row) === null ? null : Number(lastLogin(row))
    });
  }
  return result;
}

export interface ExpectedRate {
  key: string;
  numerator: number;
  denominator: number;
}

export function loginRatesBy(
  org: DemoOrg,
  days: number,
  key: (user: DemoUser) => string | null
): ExpectedRate[] {
  const since = org.asOf.getTime() - days * DAY_MS;
  const groups = new Map<string, ExpectedRate>();
  for (const user of populationUsers(org)) {
    const name = key(user) ?? '(none)';
    const group = groups.get(name) ?? { key: name, numerator: 0, denominator: 0 };
    group.denominator += 1;
    if (user.lastLogin !== null && user.lastLogin > since) group.numerator += 1;
    groups.set(name, group);
  }
  return [...groups.values()];
}

export function percent(numerator: number, denominator: number): string {
  return `${denominator === 0 ? 0 : Math.round((numerator / denominator) * 1000) / 10}%`;
}

export interface ExpectedRow {
  rank: number;
  name: string;
  logins: number;
  activeDays: number;
}

/** The leaderboard for a period, optionally for one role, from LoginHistory rows (UTC dates). */
export function leaderboard(org: DemoOrg, days: number, role?: string): ExpectedRow[] {
  const end = org.asOf.getTime();
  const start = end - days * DAY_MS;
  const people = new Map(
    populationUsers(org)
      .filter((user) => role === undefined || user.role === role)
      .map((user) => [user.id, user])
  );
  const userId = read(org, 'LoginHistory', 'UserId');
  const loginTime = read(org, 'LoginHistory', 'LoginTime');
  const status = read(org, 'LoginHistory', 'Status');
  const tally = new Map<string, { logins: number; dates: Set<string> }>();
  for (let row = 0; row < org.tables.LoginHistory.size; row += 1) {
    const time = Number(loginTime(row));
    if (time <= start || time > end || status(row) !== 'Success') continue;
    const id = String(userId(row));
    if (!people.has(id)) continue;
    const entry = tally.get(id) ?? { logins: 0, dates: new Set<string>() };
    entry.logins += 1;
    entry.dates.add(new Date(time).toISOString().slice(0, 10));
    tally.set(id, entry);
  }
  return [...tally.entries()]
    .map(([id, entry]) => ({
      id,
      name: people.get(id)?.name ?? '',
      logins: entry.logins,
      activeDays: entry.dates.size
    }))
    .sort(
      (a, b) =>
        b.logins - a.logins ||
        b.activeDays - a.activeDays ||
        a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
        (a.id < b.id ? -1 : 1)
    )
    .map((row, index) => ({
      rank: index + 1,
      name: row.name,
      logins: row.logins,
      activeDays: row.activeDays
    }));
}
