/**
 * The columns of the drill-down's two lists — on screen (datatable) and in the CSV export — and
 * the map from a datatable column to the `sortBy` value Apex whitelists.
 */
import type { CsvColumn } from 'c/adoptionMetrics';
import type { DatatableColumn } from 'c/pagedList';

/** Name cells link to the record: the datatable shows `label` and opens `fieldName` (a URL). */
function linkColumn(label: string, urlField: string, labelField: string): DatatableColumn {
  return {
    label,
    fieldName: urlField,
    type: 'url',
    sortable: true,
    typeAttributes: { label: { fieldName: labelField }, target: '_self' }
  };
}

function numberColumn(label: string, fieldName: string): DatatableColumn {
  return {
    label,
    fieldName,
    type: 'number',
    sortable: true,
    cellAttributes: { alignment: 'left' }
  };
}

export const PEOPLE_COLUMNS: DatatableColumn[] = [
  linkColumn('Name', 'nameUrl', 'name'),
  { label: 'Role', fieldName: 'role', type: 'text', sortable: true },
  { label: 'Region', fieldName: 'region', type: 'text', sortable: true },
  {
    label: 'Last login',
    fieldName: 'lastLoginDate',
    type: 'date',
    sortable: true,
    typeAttributes: { year: 'numeric', month: 'short', day: 'numeric' }
  },
  numberColumn('Logins', 'logins'),
  numberColumn('Records created', 'recordsCreated'),
  numberColumn('Past-due tasks', 'pastDueTasks')
];

/** Datatable column → getSlicePeople sortBy. */
export const PEOPLE_SORT_FIELDS: Readonly<Record<string, string>> = {
  nameUrl: 'name',
  role: 'role',
  region: 'region',
  lastLoginDate: 'lastLoginDate',
  logins: 'logins',
  recordsCreated: 'recordsCreated',
  pastDueTasks: 'pastDueTasks'
};

export const PEOPLE_CSV_COLUMNS: CsvColumn[] = [
  { fieldName: 'name', label: 'Name' },
  { fieldName: 'role', label: 'Role' },
  { fieldName: 'region', label: 'Region' },
  { fieldName: 'lastLoginDate', label: 'Last login' },
  { fieldName: 'logins', label: 'Logins' },
  { fieldName: 'recordsCreated', label: 'Records created' },
  { fieldName: 'pastDueTasks', label: 'Past-due tasks' },
  { fieldName: 'userId', label: 'User Id' }
];

/** What each neglected-record KPI lists, and the date and status it judges them by. */
interface RecordListShape {
  nameLabel: string;
  keyDateLabel: string;
  statusLabel: string;
  hasAmount: boolean;
}

export const RECORD_LISTS: Readonly<Record<string, RecordListShape>> = {
  'opps.neglected.pastClose': {
    nameLabel: 'Opportunity',
    keyDateLabel: 'Close date',
    statusLabel: 'Stage',
    hasAmount: true
  },
  'opps.neglected.stale': {
    nameLabel: 'Opportunity',
    keyDateLabel: 'Last activity',
    statusLabel: 'Stage',
    hasAmount: true
  },
  'tasks.pastDue': {
    nameLabel: 'Task',
    keyDateLabel: 'Due date',
    statusLabel: 'Status',
    hasAmount: false
  },
  'leads.abandoned': {
    nameLabel: 'Lead',
    keyDateLabel: 'Last activity',
    statusLabel: 'Status',
    hasAmount: false
  }
};

/** Every id of NEGLECTED_RECORD_KPIS has a shape here; the drill-down test checks it. */
function recordListShape(kpiId: string): RecordListShape {
  return RECORD_LISTS[kpiId];
}

export function recordColumns(kpiId: string): DatatableColumn[] {
  const shape = recordListShape(kpiId);
  return [
    linkColumn(shape.nameLabel, 'nameUrl', 'name'),
    linkColumn('Owner', 'ownerUrl', 'ownerName'),
    { label: shape.keyDateLabel, fieldName: 'keyDate', type: 'date-local', sortable: true },
    ...(shape.hasAmount ? [numberColumn('Amount', 'amount')] : []),
    { label: shape.statusLabel, fieldName: 'status', type: 'text', sortable: true }
  ];
}

/** Datatable column → getNeglectedRecords sortBy (amount exists only for opportunities). */
export const RECORD_SORT_FIELDS: Readonly<Record<string, string>> = {
  nameUrl: 'name',
  ownerUrl: 'ownerName',
  keyDate: 'keyDate',
  amount: 'amount',
  status: 'status'
};

export function recordCsvColumns(kpiId: string): CsvColumn[] {
  const shape = recordListShape(kpiId);
  return [
    { fieldName: 'name', label: shape.nameLabel },
    { fieldName: 'objectApiName', label: 'Object' },
    { fieldName: 'ownerName', label: 'Owner' },
    { fieldName: 'keyDate', label: shape.keyDateLabel },
    ...(shape.hasAmount ? [{ fieldName: 'amount', label: 'Amount' }] : []),
    { fieldName: 'status', label: shape.statusLabel },
    { fieldName: 'recordId', label: 'Record Id' }
  ];
}
