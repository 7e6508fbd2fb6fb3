/**
 * A hand-made org small enough to check every number by hand (as of 2026-11-23T12:00Z, UTC):
 * three population users (Alice logged in this week, Bob three weeks ago, Carol never), an
 * inactive user and a partner user whose logins must not count, and a few records of each kind.
 */
import type {
  LeadRecord,
  OpportunityRecord,
  TaskRecord
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type { MemoryData, MemoryLogin } from './memorySource';
import { user } from './memorySource';

export const AS_OF = new Date('2026-11-23T12:00:00.000Z');

export const USERS = [
  user('005A', 'Alice Archer', {
    role: 'Account Executive',
    region: 'EMEA',
    lastLoginDate: '2026-11-23T09:00:00.000Z'
  }),
  user('005B', 'Bob Baker', {
    role: 'Account Executive',
    region: 'AMER',
    lastLoginDate: '2026-11-10T09:00:00.000Z'
  }),
  user('005C', 'Carol Cole', { role: 'Executive', region: null }),
  user('005D', 'Dan Dale', {
    isActive: false,
    role: 'Account Executive',
    region: 'AMER',
    lastLoginDate: '2026-11-22T09:00:00.000Z'
  }),
  user('005E', 'Eve Eden', {
    userType: 'PowerPartner',
    lastLoginDate: '2026-11-23T08:00:00.000Z'
  })
];

export const LOGINS: MemoryLogin[] = [
  ['005A', '2026-11-14T09:00:00.000Z', 'Success'],
  ['005B', '2026-11-10T09:00:00.000Z', 'Success'],
  ['005A', '2026-11-21T08:00:00.000Z', 'Invalid Password'],
  ['005A', '2026-11-22T09:00:00.000Z', 'Success'],
  ['005A', '2026-11-22T10:00:00.000Z', 'Success'],
  ['005D', '2026-11-22T09:00:00.000Z', 'Success'],
  ['005A', '2026-11-23T09:00:00.000Z', 'Success'],
  ['005E', '2026-11-23T08:00:00.000Z', 'Success'],
  // After the as-of instant: never counted.
  ['005B', '2026-11-24T09:00:00.000Z', 'Success']
];

function opportunity(fields: Partial<OpportunityRecord> & { id: string }): OpportunityRecord {
  return {
    ownerId: '005A',
    createdById: '005A',
    createdDate: '2026-10-01T10:00:00.000Z',
    lastModifiedDate: '2026-11-22T00:00:00.000Z',
    lastActivityDate: null,
    isClosed: false,
    isWon: false,
    closeDate: '2026-12-31',
    stageName: 'Prospecting',
    amount: 100,
    probability: 10,
    ...fields
  };
}

export const OPPORTUNITIES: OpportunityRecord[] = [
  opportunity({
    id: '006P',
    closeDate: '2026-11-20',
    amount: 1000,
    probability: 90,
    createdDate: '2026-11-20T10:00:00.000Z',
    lastActivityDate: '2026-11-21'
  }),
  opportunity({
    id: '006S',
    ownerId: '005B',
    createdById: '005B',
    amount: null,
    probability: 20,
    createdDate: '2026-08-01T10:00:00.000Z',
    lastModifiedDate: '2026-09-01T00:00:00.000Z'
  }),
  opportunity({
    id: '006W',
    isClosed: true,
    isWon: true,
    closeDate: '2026-11-21',
    stageName: 'Closed Won',
    amount: 500,
    probability: 100
  }),
  opportunity({
    id: '006L',
    ownerId: '005D',
    createdById: '005D',
    isClosed: true,
    closeDate: '2026-11-19',
    stageName: 'Closed Lost',
    amount: 200,
    probability: 0
  })
];

function lead(fields: Partial<LeadRecord> & { id: string }): LeadRecord {
  return {
    ownerId: '005B',
    createdById: '005B',
    createdDate: '2026-10-01T10:00:00.000Z',
    lastActivityDate: null,
    isConverted: false,
    convertedDate: null,
    status: 'Open - Not Contacted',
    ...fields
  };
}

export const LEADS: LeadRecord[] = [
  lead({ id: '00QO' }),
  lead({
    id: '00QC',
    isConverted: true,
    convertedDate: '2026-11-22',
    status: 'Qualified',
    createdDate: '2026-11-20T10:00:00.000Z'
  }),
  lead({
    id: '00QD',
    ownerId: '005A',
    status: 'Closed - Not Converted',
    createdDate: '2026-11-21T10:00:00.000Z'
  })
];

function task(fields: Partial<TaskRecord> & { id: string }): TaskRecord {
  return {
    ownerId: '005B',
    createdById: '005B',
    createdDate: '2026-11-01T10:00:00.000Z',
    lastModifiedDate: '2026-11-01T10:00:00.000Z',
    activityDate: null,
    isClosed: false,
    status: 'Not Started',
    ...fields
  };
}

export const TASKS: TaskRecord[] = [
  task({
    id: '00TP',
    ownerId: '005A',
    createdById: '005A',
    activityDate: '2026-11-20',
    createdDate: '2026-11-19T10:00:00.000Z'
  }),
  task({ id: '00TN' }),
  task({ id: '00TC', isClosed: true, status: 'Completed', activityDate: '2026-11-01' })
];

export function smallOrg(): MemoryData {
  return {
    users: USERS,
    logins: LOGINS,
    records: {
      Opportunity: OPPORTUNITIES,
      Lead: LEADS,
      Task: TASKS,
      Account: 'Account.csv not found in ./export.',
      Contact: [],
      Case: 'Case.csv not found in ./export',
      OpportunityFieldHistory: 'OpportunityFieldHistory.csv not found in ./export',
      DuplicateRecordItem: 'DuplicateRecordItem.csv not found in ./export'
    }
  };
}
