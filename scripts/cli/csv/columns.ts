/**
 * Which CSV columns (API field names) fill which field of the KPI library's record types, and how
 * each cell is read. The record types (crmRecords.ts, qualityRecords.ts) are the authority: a
 * spec must name a column for every one of their fields, with a reader of the field's type, or
 * this file does not compile.
 */
import type { CrmObjectName, CrmRecordTypes } from '../source';
import { cells } from './cellReaders';
import type { CellReaderFactory } from './cellReaders';

export interface FieldColumn<V> {
  /** API names the value may come from, tried in order; the first is the one named in errors. */
  headers: readonly string[];
  reader: CellReaderFactory<V>;
}

export interface RecordSpec<T> {
  fields: { readonly [K in keyof T]-?: FieldColumn<T[K]> };
  /** Only rows whose `header` column equals `value` (case-insensitively) become records. */
  keep?: { header: string; value: string };
}

const column = <V>(header: string, reader: CellReaderFactory<V>): FieldColumn<V> => ({
  headers: [header],
  reader
});

const id = column('Id', cells.text);
const ownerId = column('OwnerId', cells.sharedText);
const createdById = column('CreatedById', cells.sharedText);
const createdDate = column('CreatedDate', cells.instant);
const lastModifiedDate = column('LastModifiedDate', cells.instant);
const lastActivityDate = column('LastActivityDate', cells.optionalDate);

export const RECORD_SPECS: { readonly [K in CrmObjectName]: RecordSpec<CrmRecordTypes[K]> } = {
  Account: {
    fields: {
      id,
      ownerId,
      createdById,
      createdDate,
      // No KPI reads an account's last modification, and exports often leave it out (the demo
      // org's does): an account never edited since it was created has LastModifiedDate =
      // CreatedDate, the best stand-in.
      lastModifiedDate: { headers: ['LastModifiedDate', 'CreatedDate'], reader: cells.instant }
    }
  },
  Contact: {
    fields: {
      id,
      accountId: column('AccountId', cells.optionalText),
      ownerId,
      createdById,
      createdDate,
      lastModifiedDate
    }
  },
  Opportunity: {
    fields: {
      id,
      ownerId,
      createdById,
      createdDate,
      lastModifiedDate,
      lastActivityDate,
      isClosed: column('IsClosed', cells.flag),
      isWon: column('IsWon', cells.flag),
      closeDate: column('CloseDate', cells.optionalDate),
      stageName: column('StageName', cells.sharedText),
      amount: column('Amount', cells.optionalNumber),
      probability: column('Probability', cells.optionalNumber)
    }
  },
  Lead: {
    fields: {
      id,
      ownerId,
      createdById,
      createdDate,
      lastActivityDate,
      isConverted: column('IsConverted', cells.flag),
      convertedDate: column('ConvertedDate', cells.optionalDate),
      status: column('Status', cells.sharedText)
    }
  },
  Task: {
    fields: {
      id,
      ownerId,
      createdById,
      createdDate,
      lastModifiedDate,
      activityDate: column('ActivityDate', cells.optionalDate),
      isClosed: column('IsClosed', cells.flag),
      status: column('Status', cells.sharedText)
    }
  },
  Case: {
    fields: {
      id,
      ownerId,
      createdById,
      createdDate,
      closedDate: column('ClosedDate', cells.optionalInstant),
      isClosed: column('IsClosed', cells.flag)
    }
  },
  OpportunityFieldHistory: {
    // Field history of every tracked field: the stage changes are the rows of Field = StageName.
    keep: { header: 'Field', value: 'StageName' },
    fields: {
      opportunityId: column('OpportunityId', cells.sharedText),
      createdDate,
      oldValue: column('OldValue', cells.optionalSharedText),
      newValue: column('NewValue', cells.optionalSharedText)
    }
  },
  DuplicateRecordItem: {
    fields: {
      recordId: column('RecordId', cells.text),
      duplicateRecordSetId: column('DuplicateRecordSetId', cells.sharedText)
    }
  }
};

/** The columns of User.csv the source reads (the region field comes from --region-field). */
export const USER_COLUMNS = {
  id: 'Id',
  name: 'Name',
  isActive: 'IsActive',
  userType: 'UserType',
  lastLoginDate: 'LastLoginDate',
  /** The role's name; without it, UserRoleId (named through UserRole.csv when that is there). */
  role: ['UserRole.Name', 'UserRoleId'],
  profile: ['Profile.Name', 'ProfileId'],
  managerId: ['ManagerId', 'Manager.Id']
} as const;

export const LOGIN_COLUMNS = {
  userId: 'UserId',
  loginTime: 'LoginTime',
  status: 'Status'
} as const;
