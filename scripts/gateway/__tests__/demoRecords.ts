/**
 * The demo org's records as the KPI library's record types, read straight from the generated
 * tables (no SOQL engine, no gateway), so that gateway results can be checked against values the
 * record-level library functions compute independently.
 */
import type {
  AccountRecord,
  CaseRecord,
  ContactRecord,
  LeadRecord,
  OpportunityRecord,
  OpportunityStageChange,
  TaskRecord,
  UserDirectory
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type {
  DuplicateRecordItemRow,
  GateFieldRecord
} from '../../../force-app/main/default/lwc/adoptionMetrics/qualityRecords';
import type { DemoOrg, FieldValue } from '../../demo/model';

export interface DemoUser {
  id: string;
  name: string;
  role: string | null;
  region: string | null;
  managerId: string | null;
  lastLogin: number | null;
  isPopulation: boolean;
}

export interface DemoRecords {
  users: DemoUser[];
  accounts: (AccountRecord & { industry: string | null })[];
  contacts: ContactRecord[];
  opportunities: (OpportunityRecord & { nextStep: string | null; name: string })[];
  leads: (LeadRecord & { name: string })[];
  tasks: (TaskRecord & { subject: string })[];
  cases: CaseRecord[];
  stageChanges: OpportunityStageChange[];
  duplicateItems: DuplicateRecordItemRow[];
  logins: { userId: string; time: number; success: boolean }[];
}

function reader(org: DemoOrg, object: string) {
  const table = org.tables[object];
  return (field: string): ((row: number) => FieldValue) => {
    const read = table.accessor(field);
    if (!read) throw new Error(`no ${object}.${field}`);
    return read;
  };
}

function rows<T>(org: DemoOrg, object: string, map: (row: number) => T): T[] {
  return Array.from({ length: org.tables[object].size }, (_, row) => map(row));
}

const iso = (value: FieldValue): string => new Date(Number(value)).toISOString();
const isoOrNull = (value: FieldValue): string | null => (value === null ? null : iso(value));
const textOrNull = (value: FieldValue): string | null => (value === null ? null : String(value));

export function demoRecords(org: DemoOrg): DemoRecords {
  const user = reader(org, 'User');
  const roleName = reader(org, 'UserRole')('Name');
  const users = rows(org, 'User', (row): DemoUser => {
    const roleId = user('UserRoleId')(row);
    const roleRow = roleId === null ? undefined : org.tables.UserRole.rowOf(String(roleId));
    return {
      id: String(user('Id')(row)),
      name: String(user('Name')(row)),
      role: roleRow === undefined ? null : String(roleName(roleRow)),
      region: textOrNull(user('Division')(row)),
      managerId: textOrNull(user('ManagerId')(row)),
      lastLogin: user('LastLoginDate')(row) === null ? null : Number(user('LastLoginDate')(row)),
      isPopulation: user('IsActive')(row) === true && user('UserType')(row) === 'Standard'
    };
  });
  const account = reader(org, 'Account');
  const contact = reader(org, 'Contact');
  const opportunity = reader(org, 'Opportunity');
  const lead = reader(org, 'Lead');
  const task = reader(org, 'Task');
  const supportCase = reader(org, 'Case');
  const history = reader(org, 'OpportunityFieldHistory');
  const item = reader(org, 'DuplicateRecordItem');
  const login = reader(org, 'LoginHistory');
  return {
    users,
    accounts: rows(org, 'Account', (row) => ({
      id: String(account('Id')(row)),
      ownerId: String(account('OwnerId')(row)),
      createdById: String(account('CreatedById')(row)),
      createdDate: iso(account('CreatedDate')(row)),
      lastModifiedDate: iso(account('CreatedDate')(row)),
      industry: textOrNull(account('Industry')(row))
    })),
    contacts: rows(org, 'Contact', (row) => ({
      id: String(contact('Id')(row)),
      accountId: textOrNull(contact('AccountId')(row)),
      ownerId: String(contact('OwnerId')(row)),
      createdById: String(contact('CreatedById')(row)),
      createdDate: iso(contact('CreatedDate')(row)),
      lastModifiedDate: iso(contact('LastModifiedDate')(row))
    })),
    opportunities: rows(org, 'Opportunity', (row) => ({
      id: String(opportunity('Id')(row)),
      name: String(opportunity('Name')(row)),
      ownerId: String(opportunity('OwnerId')(row)),
      createdById: String(opportunity('CreatedById')(row)),
      createdDate: iso(opportunity('CreatedDate')(row)),
      lastModifiedDate: iso(opportunity('LastModifiedDate')(row)),
      lastActivityDate: textOrNull(opportunity('LastActivityDate')(row)),
      isClosed: opportunity('IsClosed')(row) === true,
      isWon: opportunity('IsWon')(row) === true,
      closeDate: textOrNull(opportunity('CloseDate')(row)),
      stageName: String(opportunity('StageName')(row)),
      amount: opportunity('Amount')(row) === null ? null : Number(opportunity('Amount')(row)),
      probability: Number(opportunity('Probability')(row)),
      nextStep: textOrNull(opportunity('NextStep')(row))
    })),
    leads: rows(org, 'Lead', (row) => ({
      id: String(lead('Id')(row)),
      name: String(lead('Name')(row)),
      ownerId: String(lead('OwnerId')(row)),
      createdById: String(lead('CreatedById')(row)),
      createdDate: iso(lead('CreatedDate')(row)),
      lastActivityDate: textOrNull(lead('LastActivityDate')(row)),
      isConverted: lead('IsConverted')(row) === true,
      convertedDate: textOrNull(lead('ConvertedDate')(row)),
      status: String(lead('Status')(row))
    })),
    tasks: rows(org, 'Task', (row) => ({
      id: String(task('Id')(row)),
      subject: String(task('Subject')(row)),
      ownerId: String(task('OwnerId')(row)),
      createdById: String(task('CreatedById')(row)),
      createdDate: iso(task('CreatedDate')(row)),
      lastModifiedDate: iso(task('LastModifiedDate')(row)),
      activityDate: textOrNull(task('ActivityDate')(row)),
      isClosed: task('IsClosed')(row) === true,
      status: String(task('Status')(row))
    })),
    cases: rows(org, 'Case', (row) => ({
      id: String(supportCase('Id')(row)),
      ownerId: String(supportCase('OwnerId')(row)),
      createdById: String(supportCase('CreatedById')(row)),
      createdDate: iso(supportCase('CreatedDate')(row)),
      closedDate: isoOrNull(supportCase('ClosedDate')(row)),
      isClosed: supportCase('IsClosed')(row) === true
    })),
    stageChanges: rows(org, 'OpportunityFieldHistory', (row) => ({
      field: history('Field')(row),
      change: {
        opportunityId: String(history('OpportunityId')(row)),
        createdDate: iso(history('CreatedDate')(row)),
        oldValue: textOrNull(history('OldValue')(row)),
        newValue: textOrNull(history('NewValue')(row))
      }
    }))
      .filter((entry) => entry.field === 'StageName')
      .map((entry) => entry.change),
    duplicateItems: rows(org, 'DuplicateRecordItem', (row) => ({
      recordId: String(item('RecordId')(row)),
      duplicateRecordSetId: String(item('DuplicateRecordSetId')(row))
    })),
    logins: rows(org, 'LoginHistory', (row) => ({
      userId: String(login('UserId')(row)),
      time: Number(login('LoginTime')(row)),
      success: login('Status')(row) === 'Success'
    }))
  };
}

/** Role and region of the given users, for the library's slices. */
export function userDirectory(users: readonly DemoUser[]): UserDirectory {
  return new Map(users.map((entry) => [entry.id, { role: entry.role, region: entry.region }]));
}

/** Gate-field records of one object: owner and the field's value. */
export function gateRecords<T extends { id: string; ownerId: string }>(
  records: readonly T[],
  field: string,
  value: (record: T) => unknown
): GateFieldRecord[] {
  return records.map((record) => ({
    id: record.id,
    ownerId: record.ownerId,
    fields: { [field]: value(record) }
  }));
}
