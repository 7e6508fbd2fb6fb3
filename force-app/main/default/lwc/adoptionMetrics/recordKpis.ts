/**
 * Key record creation (KPI_CATALOG.md section 2, weekly / monthly): how many accounts, contacts,
 * opportunities, tasks and cases were created, updated or closed in the period
 * `T − N×24h < instant ≤ T` (N = options.periodDays). Also how the count and list KPIs of
 * sections 2 and 3 attribute records to role and region slices.
 *
 * Count KPIs: value = the number of records counted. Slices (per role and per region of the user
 * a record is attributed to): value = numerator = the records counted in the slice; denominator =
 * the KPI's total count across all slices, so numerator / denominator is the slice's share of the
 * total. A count has no population of its own ("accounts that could have been created" is not a
 * thing), which is why the denominator is the total rather than a slice population.
 */
import type {
  AccountRecord,
  CaseRecord,
  ContactRecord,
  OpportunityRecord,
  TaskRecord
} from './crmRecords';
import type { KpiOptions, KpiResult, SliceValue, UserDirectory } from './kpiResult';
import { compareSliceKeys, rate, sliceKey } from './loginRates';
import { assertPeriodDays, isWithinWindow, parseInstant, windowStart } from './windows';

/** Slices of a KPI over the records' attributed users, per role and per region. */
export interface AttributedSlices {
  role: Record<string, SliceValue>;
  region: Record<string, SliceValue>;
}

/** One record's part in a rate: it is in the denominator, and in the numerator when `counted`. */
export interface AttributedOutcome {
  userId: string;
  counted: boolean;
}

interface Tally {
  numerator: number;
  denominator: number;
}

function tallyBy(
  outcomes: readonly AttributedOutcome[],
  users: UserDirectory,
  dimension: 'role' | 'region'
): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const outcome of outcomes) {
    const key = sliceKey(users.get(outcome.userId)?.[dimension]);
    const tally = tallies.get(key) ?? { numerator: 0, denominator: 0 };
    tally.denominator += 1;
    if (outcome.counted) tally.numerator += 1;
    tallies.set(key, tally);
  }
  return tallies;
}

function toSlices(
  tallies: Map<string, Tally>,
  toValue: (tally: Tally) => SliceValue
): Record<string, SliceValue> {
  const slices: Record<string, SliceValue> = {};
  for (const key of [...tallies.keys()].sort(compareSliceKeys)) {
    slices[key] = toValue(tallies.get(key) as Tally);
  }
  return slices;
}

/**
 * Rate slices: per slice, numerator = counted outcomes, denominator = all outcomes of the slice,
 * value = numerator / denominator. A user missing from the directory, or without a role or
 * region, counts under `(none)`; only slices with at least one outcome appear, `(none)` last.
 */
export function sliceRatesByUser(
  outcomes: readonly AttributedOutcome[],
  users: UserDirectory
): AttributedSlices {
  const share = (tally: Tally): SliceValue => ({
    value: rate(tally.numerator, tally.denominator),
    numerator: tally.numerator,
    denominator: tally.denominator
  });
  return {
    role: toSlices(tallyBy(outcomes, users, 'role'), share),
    region: toSlices(tallyBy(outcomes, users, 'region'), share)
  };
}

/** Count slices (see the file comment): value = numerator = count in slice, denominator = total. */
export function sliceCountsByUser(
  userIds: readonly string[],
  users: UserDirectory
): AttributedSlices {
  const outcomes = userIds.map((userId) => ({ userId, counted: true }));
  const count = (tally: Tally): SliceValue => ({
    value: tally.numerator,
    numerator: tally.numerator,
    denominator: userIds.length
  });
  return {
    role: toSlices(tallyBy(outcomes, users, 'role'), count),
    region: toSlices(tallyBy(outcomes, users, 'region'), count)
  };
}

/**
 * A count KPI over the records `isCounted` picks, each attributed to the user `attributedTo`
 * names. A list KPI (`listIds`) also carries the counted records' Ids, sorted.
 */
export function countRecords<T extends { id: string }>(
  id: string,
  records: readonly T[],
  isCounted: (record: T) => boolean,
  attributedTo: (record: T) => string,
  users: UserDirectory,
  listIds = false
): KpiResult {
  const counted = records.filter(isCounted);
  const result: KpiResult = {
    id,
    value: counted.length,
    slices: sliceCountsByUser(counted.map(attributedTo), users)
  };
  if (listIds) result.records = counted.map((record) => record.id).sort();
  return result;
}

/** A record's instant field; a malformed one is named, not skipped. */
export function recordInstant(value: string, field: string, recordId: string): Date {
  return parseInstant(value, `${field} of ${recordId}`);
}

/** A record's optional instant field: null when blank. */
export function optionalRecordInstant(
  value: string | null | undefined,
  field: string,
  recordId: string
): Date | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return recordInstant(value, field, recordId);
}

/**
 * The period T − N×24h < instant ≤ T as a predicate. The period is checked up front, so an invalid
 * one is reported even when there are no records to test.
 */
export function periodWindow(options: KpiOptions): (instant: Date) => boolean {
  assertPeriodDays(options.periodDays);
  return (instant) => isWithinWindow(instant, options.asOf, options.periodDays);
}

function createdInPeriod(
  options: KpiOptions
): (record: { id: string; createdDate: string }) => boolean {
  const inPeriod = periodWindow(options);
  return (record) => inPeriod(recordInstant(record.createdDate, 'CreatedDate', record.id));
}

const byCreator = (record: { createdById: string }): string => record.createdById;
const byOwner = (record: { ownerId: string }): string => record.ownerId;

/** records.accounts.created: accounts with T − N×24h < CreatedDate ≤ T, by CreatedById. */
export function accountsCreated(
  accounts: readonly AccountRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  return countRecords(
    'records.accounts.created',
    accounts,
    createdInPeriod(options),
    byCreator,
    users
  );
}

/** records.contacts.created: contacts with T − N×24h < CreatedDate ≤ T, by CreatedById. */
export function contactsCreated(
  contacts: readonly ContactRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  return countRecords(
    'records.contacts.created',
    contacts,
    createdInPeriod(options),
    byCreator,
    users
  );
}

/**
 * records.contacts.updated: contacts modified in the period that existed before it,
 * T − N×24h < LastModifiedDate ≤ T and CreatedDate ≤ T − N×24h, by OwnerId (a contact's
 * upkeep is its owner's job). A contact created in the period counts as created, not updated.
 * LastModifiedDate holds the latest change only: for an as-of instant in the past, a contact
 * modified again after T is not seen as modified in the period.
 */
export function contactsUpdated(
  contacts: readonly ContactRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  const inPeriod = periodWindow(options);
  const periodStart = windowStart(options.asOf, options.periodDays).getTime();
  return countRecords(
    'records.contacts.updated',
    contacts,
    (contact) => {
      const modified = recordInstant(contact.lastModifiedDate, 'LastModifiedDate', contact.id);
      const created = recordInstant(contact.createdDate, 'CreatedDate', contact.id);
      return inPeriod(modified) && created.getTime() <= periodStart;
    },
    byOwner,
    users
  );
}

/** records.opportunities.created: opportunities with T − N×24h < CreatedDate ≤ T, by CreatedById. */
export function opportunitiesCreated(
  opportunities: readonly OpportunityRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  return countRecords(
    'records.opportunities.created',
    opportunities,
    createdInPeriod(options),
    byCreator,
    users
  );
}

/**
 * records.activities.created: tasks with T − N×24h < CreatedDate ≤ T, by CreatedById. The catalog
 * reads this one weekly ("the last 7 days"): that is the default period (options.periodDays = 7);
 * a caller with another period gets tasks created in that period.
 */
export function activitiesCreated(
  tasks: readonly TaskRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  return countRecords(
    'records.activities.created',
    tasks,
    createdInPeriod(options),
    byCreator,
    users
  );
}

/**
 * records.activities.closed: closed tasks (IsClosed = true) with T − N×24h < LastModifiedDate ≤ T,
 * by OwnerId (the assigned user). Task has no closing timestamp the catalog names, so the last
 * modification of a closed task stands for the instant it was closed.
 */
export function activitiesClosed(
  tasks: readonly TaskRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  const inPeriod = periodWindow(options);
  return countRecords(
    'records.activities.closed',
    tasks,
    (task) =>
      task.isClosed && inPeriod(recordInstant(task.lastModifiedDate, 'LastModifiedDate', task.id)),
    byOwner,
    users
  );
}

/** records.cases.created: cases with T − N×24h < CreatedDate ≤ T, by CreatedById. */
export function casesCreated(
  cases: readonly CaseRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  return countRecords('records.cases.created', cases, createdInPeriod(options), byCreator, users);
}

/**
 * records.cases.closed: closed cases (IsClosed = true) with T − N×24h < ClosedDate ≤ T, by OwnerId.
 * A closed case without a ClosedDate cannot be placed in a period and is not counted.
 */
export function casesClosed(
  cases: readonly CaseRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  const inPeriod = periodWindow(options);
  return countRecords(
    'records.cases.closed',
    cases,
    (supportCase) => {
      if (!supportCase.isClosed) return false;
      const closed = optionalRecordInstant(supportCase.closedDate, 'ClosedDate', supportCase.id);
      return closed !== null && inPeriod(closed);
    },
    byOwner,
    users
  );
}
