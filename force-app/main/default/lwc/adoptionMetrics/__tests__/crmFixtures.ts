/**
 * CRM record factories for the KPI tests: `at` is when the record was created (and last
 * modified, where the object has that field); overrides set anything else.
 */
import type {
  AccountRecord,
  CaseRecord,
  ContactRecord,
  LeadRecord,
  OpportunityRecord,
  TaskRecord
} from '../crmRecords';
import type { SliceValue } from '../kpiResult';

export function makeAccount(
  id: string,
  at: string,
  overrides: Partial<AccountRecord> = {}
): AccountRecord {
  return {
    id,
    ownerId: 'rep',
    createdById: 'rep',
    createdDate: at,
    lastModifiedDate: at,
    ...overrides
  };
}

export function makeContact(
  id: string,
  at: string,
  overrides: Partial<ContactRecord> = {}
): ContactRecord {
  return {
    id,
    accountId: 'acc',
    ownerId: 'rep',
    createdById: 'rep',
    createdDate: at,
    lastModifiedDate: at,
    ...overrides
  };
}

export function makeOpportunity(
  id: string,
  at: string,
  overrides: Partial<OpportunityRecord> = {}
): OpportunityRecord {
  return {
    id,
    ownerId: 'rep',
    createdById: 'rep',
    createdDate: at,
    lastModifiedDate: at,
    lastActivityDate: null,
    isClosed: false,
    isWon: false,
    closeDate: '2026-12-31',
    stageName: 'Prospecting',
    amount: 1000,
    probability: 10,
    ...overrides
  };
}

export function makeLead(id: string, at: string, overrides: Partial<LeadRecord> = {}): LeadRecord {
  return {
    id,
    ownerId: 'rep',
    createdById: 'rep',
    createdDate: at,
    lastActivityDate: null,
    isConverted: false,
    convertedDate: null,
    status: 'Open - Not Contacted',
    ...overrides
  };
}

export function makeTask(id: string, at: string, overrides: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id,
    ownerId: 'rep',
    createdById: 'rep',
    createdDate: at,
    lastModifiedDate: at,
    activityDate: null,
    isClosed: false,
    status: 'Not Started',
    ...overrides
  };
}

export function makeCase(id: string, at: string, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    ownerId: 'rep',
    createdById: 'rep',
    createdDate: at,
    closedDate: null,
    isClosed: false,
    ...overrides
  };
}

/** The slice of a count KPI: value = numerator = count; denominator = the KPI's total. */
export const countSlice = (value: number, denominator: number): SliceValue => ({
  value,
  numerator: value,
  denominator
});
