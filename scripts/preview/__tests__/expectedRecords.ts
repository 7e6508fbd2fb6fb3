/**
 * Neglected opportunities and audiences as the dashboard should show them for a demo org, computed
 * straight from the generated tables (not through the SOQL engine, the gateway or the KPI library)
 * from the catalog's definitions, so the browser tests check those rather than repeat them.
 */
import type { DemoOrg } from '../../demo/model';
import { populationUsers, read } from './expectedFromDemo';
import type { DemoUser } from './expectedFromDemo';

const DAY_MS = 86_400_000;

/** date(T) in the org's time zone, YYYY-MM-DD. */
function todayOf(org: DemoOrg): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: org.timeZone }).format(org.asOf);
}

function minusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

interface OpenOpportunity {
  id: string;
  ownerId: string;
  closeDate: string | null;
  lastActivityDate: string | null;
  lastModified: number;
}

function openOpportunities(org: DemoOrg, owners: ReadonlySet<string>): OpenOpportunity[] {
  const [id, ownerId, isClosed, closeDate, lastActivity, lastModified] = [
    'Id',
    'OwnerId',
    'IsClosed',
    'CloseDate',
    'LastActivityDate',
    'LastModifiedDate'
  ].map((field) => read(org, 'Opportunity', field));
  const result: OpenOpportunity[] = [];
  for (let row = 0; row < org.tables.Opportunity.size; row += 1) {
    if (isClosed(row) !== false || !owners.has(String(ownerId(row)))) continue;
    result.push({
      id: String(id(row)),
      ownerId: String(ownerId(row)),
      closeDate: closeDate(row) === null ? null : String(closeDate(row)),
      lastActivityDate: lastActivity(row) === null ? null : String(lastActivity(row)),
      lastModified: Number(lastModified(row))
    });
  }
  return result;
}

/** opps.neglected.pastClose: open, CloseDate < date(T); the Ids, sorted. */
export function pastCloseIds(org: DemoOrg, owners: ReadonlySet<string>): string[] {
  const today = todayOf(org);
  return openOpportunities(org, owners)
    .filter((opportunity) => opportunity.closeDate !== null && opportunity.closeDate < today)
    .map((opportunity) => opportunity.id)
    .sort();
}

/** opps.neglected.stale with N days: no activity since date(T) − N and no change since T − N×24h. */
export function staleIds(org: DemoOrg, owners: ReadonlySet<string>, staleDays: number): string[] {
  const activityCutoff = minusDays(todayOf(org), staleDays);
  const changeCutoff = org.asOf.getTime() - staleDays * DAY_MS;
  return openOpportunities(org, owners)
    .filter(
      (opportunity) =>
        (opportunity.lastActivityDate === null || opportunity.lastActivityDate < activityCutoff) &&
        opportunity.lastModified <= changeCutoff
    )
    .map((opportunity) => opportunity.id)
    .sort();
}

/**
 * A manager's audience: themself, their direct and second-level reports, and the users of their
 * region (population users only).
 */
export function teamOf(org: DemoOrg, managerId: string): DemoUser[] {
  const managerOf = new Map<string, string | null>();
  const [id, manager] = ['Id', 'ManagerId'].map((field) => read(org, 'User', field));
  for (let row = 0; row < org.tables.User.size; row += 1) {
    managerOf.set(String(id(row)), manager(row) === null ? null : String(manager(row)));
  }
  const population = populationUsers(org);
  const region = population.find((user) => user.id === managerId)?.region ?? null;
  return population.filter((user) => {
    const direct = managerOf.get(user.id) ?? null;
    const second = direct === null ? null : (managerOf.get(direct) ?? null);
    return (
      user.id === managerId ||
      direct === managerId ||
      second === managerId ||
      (region !== null && user.region === region)
    );
  });
}

/**
 * The owners whose records a user may read with the demo org's sharing (every sales object
 * Private, no sharing rules): the user and the users in roles below theirs (UserRole.ParentRoleId).
 */
export function visibleOwners(org: DemoOrg, userId: string): Set<string> {
  const [roleId, parentRole] = ['Id', 'ParentRoleId'].map((field) => read(org, 'UserRole', field));
  const children = new Map<string, string[]>();
  for (let row = 0; row < org.tables.UserRole.size; row += 1) {
    const parent = parentRole(row);
    if (parent !== null) {
      children.set(String(parent), [...(children.get(String(parent)) ?? []), String(roleId(row))]);
    }
  }
  const [id, role] = ['Id', 'UserRoleId'].map((field) => read(org, 'User', field));
  const own = role(org.tables.User.rowOf(userId) as number);
  const below = new Set<string>();
  const pending = own === null ? [] : [...(children.get(String(own)) ?? [])];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    below.add(next);
    pending.push(...(children.get(next) ?? []));
  }
  const owners = new Set([userId]);
  for (let row = 0; row < org.tables.User.size; row += 1) {
    if (below.has(String(role(row)))) owners.add(String(id(row)));
  }
  return owners;
}

/** Parses RFC 4180 CSV text (quoted cells, doubled quotes, CRLF rows) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
