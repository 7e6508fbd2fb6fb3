/** The export as a Grid: one row per population user, the columns of EXPORT_COLUMNS. */
import type { Grid } from './formats/grid';
import { EXPORT_COLUMNS } from './exportTable';
import type { ExportTable } from './exportTable';

const LABELS: Readonly<Record<(typeof EXPORT_COLUMNS)[number], string>> = {
  userId: 'User Id',
  name: 'Name',
  role: 'Role',
  region: 'Region',
  lastLogin: 'Last login',
  logins: 'Logins',
  activeDays: 'Active days',
  recordsCreated: 'Records created',
  pastDueTasks: 'Past-due tasks'
};

const NUMERIC = new Set(['logins', 'activeDays', 'recordsCreated', 'pastDueTasks']);

export function exportGrid(table: ExportTable): Grid {
  return {
    title: [
      'Adoption by user',
      `As of ${table.asOf} (${table.timeZone}), period ${table.periodDays} days, ` +
        `region field ${table.regionField}, source: ${table.source}`
    ],
    columns: EXPORT_COLUMNS.map((key) => ({ key, label: LABELS[key], numeric: NUMERIC.has(key) })),
    rows: table.users.map((user) => ({ ...user })),
    notes: table.notes
  };
}
