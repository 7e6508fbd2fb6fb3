/**
 * The demo org's records as the org source must return them, read straight from the generated
 * tables (no SOQL engine, no fake server, no CSV reader), so the integration tests check those
 * rather than repeat them.
 */
import type { DemoOrg, FieldValue } from '../../../demo/model';
import type { CrmObjectName, SourceUser } from '../../source';

type Get = (field: string) => FieldValue;

function rows<T>(org: DemoOrg, object: string, map: (get: Get) => T | undefined): T[] {
  const table = org.tables[object];
  const out: T[] = [];
  for (let row = 0; row < table.size; row += 1) {
    const value = map((field) => {
      const read = table.accessor(field);
      if (!read) throw new Error(`the demo org has no ${object}.${field}`);
      return read(row);
    });
    if (value !== undefined) out.push(value);
  }
  return out;
}

const iso = (value: FieldValue): string => new Date(Number(value)).toISOString();
const isoOrNull = (value: FieldValue): string | null => (value === null ? null : iso(value));
const text = (value: FieldValue): string => String(value);
const textOrNull = (value: FieldValue): string | null => (value === null ? null : String(value));
const numberOrNull = (value: FieldValue): number | null => (value === null ? null : Number(value));

/** Name of a parent record (UserRole, Profile) by Id. */
function names(org: DemoOrg, object: string): Map<string, string> {
  return new Map(rows(org, object, (get) => [text(get('Id')), text(get('Name'))] as const));
}

export function expectedUsers(org: DemoOrg, regionField = 'Division'): SourceUser[] {
  const roles = names(org, 'UserRole');
  const profiles = names(org, 'Profile');
  return rows(org, 'User', (get) => ({
    id: text(get('Id')),
    name: text(get('Name')),
    isActive: get('IsActive') === true,
    role: get('UserRoleId') === null ? null : (roles.get(text(get('UserRoleId'))) ?? null),
    region: textOrNull(get(regionField)),
    lastLoginDate: isoOrNull(get('LastLoginDate')),
    profile: get('ProfileId') === null ? null : (profiles.get(text(get('ProfileId'))) ?? null),
    managerId: textOrNull(get('ManagerId')),
    userType: textOrNull(get('UserType'))
  }));
}

const owned = (get: Get) => ({
  id: text(get('Id')),
  ownerId: text(get('OwnerId')),
  createdById: text(get('CreatedById')),
  createdDate: iso(get('CreatedDate'))
});

export function expectedRecords(org: DemoOrg): Record<CrmObjectName, unknown[]> {
  return {
    // The demo's Account has no LastModifiedDate: the CSV source and the org source both read
    // CreatedDate in its place.
    Account: rows(org, 'Account', (get) => ({
      ...owned(get),
      lastModifiedDate: iso(get('CreatedDate'))
    })),
    Contact: rows(org, 'Contact', (get) => ({
      ...owned(get),
      accountId: textOrNull(get('AccountId')),
      lastModifiedDate: iso(get('LastModifiedDate'))
    })),
    Opportunity: rows(org, 'Opportunity', (get) => ({
      ...owned(get),
      lastModifiedDate: iso(get('LastModifiedDate')),
      lastActivityDate: textOrNull(get('LastActivityDate')),
      isClosed: get('IsClosed') === true,
      isWon: get('IsWon') === true,
      closeDate: textOrNull(get('CloseDate')),
      stageName: text(get('StageName')),
      amount: numberOrNull(get('Amount')),
      probability: numberOrNull(get('Probability'))
    })),
    Lead: rows(org, 'Lead', (get) => ({
      ...owned(get),
      lastActivityDate: textOrNull(get('LastActivityDate')),
      isConverted: get('IsConverted') === true,
      convertedDate: textOrNull(get('ConvertedDate')),
      status: text(get('Status'))
    })),
    Task: rows(org, 'Task', (get) => ({
      ...owned(get),
      lastModifiedDate: iso(get('LastModifiedDate')),
      activityDate: textOrNull(get('ActivityDate')),
      isClosed: get('IsClosed') === true,
      status: text(get('Status'))
    })),
    Case: rows(org, 'Case', (get) => ({
      ...owned(get),
      closedDate: isoOrNull(get('ClosedDate')),
      isClosed: get('IsClosed') === true
    })),
    OpportunityFieldHistory: rows(org, 'OpportunityFieldHistory', (get) =>
      get('Field') !== 'StageName'
        ? undefined
        : {
            opportunityId: text(get('OpportunityId')),
            createdDate: iso(get('CreatedDate')),
            oldValue: textOrNull(get('OldValue')),
            newValue: textOrNull(get('NewValue'))
          }
    ),
    DuplicateRecordItem: rows(org, 'DuplicateRecordItem', (get) => ({
      recordId: text(get('RecordId')),
      duplicateRecordSetId: text(get('DuplicateRecordSetId'))
    }))
  };
}

/** LoginHistory rows with after < LoginTime ≤ notAfter as `userId|epoch ms|status`, sorted. */
export function expectedLogins(org: DemoOrg, range: { after: Date; notAfter: Date }): string[] {
  const after = range.after.getTime();
  const notAfter = range.notAfter.getTime();
  return rows(org, 'LoginHistory', (get) => {
    const time = Number(get('LoginTime'));
    if (time <= after || time > notAfter) return undefined;
    return `${text(get('UserId'))}|${time}|${text(get('Status'))}`;
  }).sort();
}
