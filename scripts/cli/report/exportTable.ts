/**
 * `adoption export`: one row per population user — the people list of the dashboard's drill-down —
 * for a spreadsheet. Logins and active days are the leaderboard's (period = --period), the last
 * login is the latest successful LoginHistory row ≤ T, records created counts the accounts,
 * contacts, opportunities, tasks and cases the user created in the period (CreatedById,
 * T − N×24h < CreatedDate ≤ T) and past-due tasks are the user's (OwnerId) under tasks.pastDue.
 */
import {
  compareSliceKeys,
  pastDueTasks,
  periodWindow,
  recordInstant,
  sliceKey
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type { DataSource, ProgressSink } from '../source';
import type { ReportRequest } from './buildReport';
import { kpiOptionsOf } from './buildReport';
import { directoryOf } from './loginKpis';
import { readInputs } from './readInputs';

export interface ExportRow {
  userId: string;
  name: string;
  role: string;
  region: string;
  /** ISO-8601, or null when the user has no successful login ≤ T in the data. */
  lastLogin: string | null;
  logins: number;
  activeDays: number;
  recordsCreated: number;
  pastDueTasks: number;
}

export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  'userId',
  'name',
  'role',
  'region',
  'lastLogin',
  'logins',
  'activeDays',
  'recordsCreated',
  'pastDueTasks'
];

export interface ExportTable {
  asOf: string;
  source: string;
  periodDays: number;
  regionField: string;
  timeZone: string;
  notes: string[];
  /** Ordered by role, then region (blank last), then name. */
  users: ExportRow[];
}

/** The objects whose records a user creates (Task and Opportunity are required, the rest optional). */
const CREATED_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Task', 'Case'] as const;

const nameCollator = new Intl.Collator('en', { sensitivity: 'base' });

function increment(counts: Map<string, number>, userId: string): void {
  counts.set(userId, (counts.get(userId) ?? 0) + 1);
}

export async function buildExportTable(
  source: DataSource,
  request: Omit<ReportRequest, 'kpis'>,
  progress: ProgressSink
): Promise<ExportTable> {
  // The last login is wanted whenever it was, so LoginHistory is read from its beginning.
  const inputs = await readInputs(
    source,
    { ...request, loginsAfter: new Date(0), objects: CREATED_OBJECTS },
    progress
  );
  const options = kpiOptionsOf({ ...request, kpis: null });
  const inPeriod = periodWindow(options);

  const created = new Map<string, number>();
  for (const object of CREATED_OBJECTS) {
    for (const record of inputs.records[object] ?? []) {
      if (inPeriod(recordInstant(record.createdDate, 'CreatedDate', record.id))) {
        increment(created, record.createdById);
      }
    }
  }
  const pastDue = new Map<string, number>();
  const tasks = inputs.records.Task ?? [];
  const taskOwners = new Map(tasks.map((task) => [task.id, task.ownerId]));
  for (const taskId of pastDueTasks(tasks, directoryOf(inputs.users), options).records ?? []) {
    increment(pastDue, taskOwners.get(taskId) as string);
  }
  const loginCounts = new Map(
    (inputs.logins?.entries(inputs.population) ?? []).map((entry) => [entry.userId, entry])
  );

  const users = inputs.population.map((user): ExportRow => {
    const last = inputs.logins?.lastSuccessfulLogin(user.id) ?? null;
    const logins = loginCounts.get(user.id);
    return {
      userId: user.id,
      name: user.name,
      role: sliceKey(user.role),
      region: sliceKey(user.region),
      lastLogin: last === null ? null : new Date(last).toISOString(),
      logins: logins?.logins ?? 0,
      activeDays: logins?.activeDays ?? 0,
      recordsCreated: created.get(user.id) ?? 0,
      pastDueTasks: pastDue.get(user.id) ?? 0
    };
  });
  users.sort(
    (a, b) =>
      compareSliceKeys(a.role, b.role) ||
      compareSliceKeys(a.region, b.region) ||
      nameCollator.compare(a.name, b.name) ||
      (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
  );
  const notes = [...inputs.unavailable].map(
    ([object, note]) =>
      `${note.trim().replace(/\.$/, '')}. recordsCreated counts no ${object} records.`
  );
  return {
    asOf: request.asOf.toISOString(),
    source: source.description,
    periodDays: request.periodDays,
    regionField: request.regionField,
    timeZone: request.timeZone,
    notes,
    users
  };
}
