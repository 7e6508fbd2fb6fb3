/**
 * Pipeline hygiene, leads and qualification (KPI_CATALOG.md section 3, weekly), following the
 * catalog's "Precise definitions": T = options.asOf; date(T) = T's calendar date in
 * options.timeZone; "N days" before an instant is N×24h, before a calendar date N calendar days.
 *
 * List KPIs (value = count, records = the counted Ids sorted) and count KPIs slice by the role and
 * region of the record's owner (OwnerId), with the count-slice convention of recordKpis.ts
 * (value = numerator = count in slice, denominator = the KPI's total). Rate KPIs slice as rates.
 *
 * States (IsClosed, IsWon, IsConverted, Status) are read as they are at evaluation: an as-of
 * instant in the past moves the dates, not the records' states.
 *
 * Also `evaluateCrmKpis`, every KPI of sections 2 and 3 whose input is present, in catalog order.
 */
import { readCalendarDate, subtractCalendarDays } from './calendarDays';
import type {
  AccountRecord,
  CaseRecord,
  ContactRecord,
  LeadRecord,
  OpportunityRecord,
  OpportunityStageChange,
  TaskRecord
} from './crmRecords';
import type { KpiOptions, KpiResult, UserDirectory } from './kpiResult';
import { rate } from './loginRates';
import {
  accountsCreated,
  activitiesClosed,
  activitiesCreated,
  casesClosed,
  casesCreated,
  contactsCreated,
  contactsUpdated,
  countRecords,
  opportunitiesCreated,
  periodWindow,
  recordInstant,
  sliceRatesByUser
} from './recordKpis';
import { assertPeriodDays, calendarDate, windowStart } from './windows';

/** `cases.aged`: a case is aged once it has been open this many days. */
export const AGED_CASE_DAYS = 3;

const byOwner = (record: { ownerId: string }): string => record.ownerId;

/** date(T): the as-of instant's calendar date in the options' time zone. */
function today(options: KpiOptions): string {
  return calendarDate(options.asOf, options.timeZone);
}

/** Not after `cutoff` (an instant N×24h before T): `instant ≤ T − N×24h`. */
function isAtOrBefore(instant: Date, cutoff: Date): boolean {
  return instant.getTime() <= cutoff.getTime();
}

/** `LastActivityDate` blank or `< date(T) − N days`: nothing logged in the last N calendar days. */
function noActivitySince(
  lastActivityDate: string | null,
  cutoffDate: string,
  recordId: string
): boolean {
  const last = readCalendarDate(lastActivityDate, `LastActivityDate of ${recordId}`);
  return last === null || last < cutoffDate;
}

/** opps.neglected.pastClose: `IsClosed = false` and `CloseDate < date(T)` (blank CloseDate: never). */
export function opportunitiesPastClose(
  opportunities: readonly OpportunityRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  const date = today(options);
  return countRecords(
    'opps.neglected.pastClose',
    opportunities,
    (opportunity) => {
      if (opportunity.isClosed) return false;
      const closeDate = readCalendarDate(opportunity.closeDate, `CloseDate of ${opportunity.id}`);
      return closeDate !== null && closeDate < date;
    },
    byOwner,
    users,
    true
  );
}

/**
 * opps.neglected.stale: `IsClosed = false`, `LastActivityDate` blank or `< date(T) − N days`, and
 * `LastModifiedDate ≤ T − N×24h` (N = options.staleDays). Both are required: a recent edit keeps
 * an opportunity fresh even without activity, and a recent activity keeps it fresh without edits.
 */
export function staleOpportunities(
  opportunities: readonly OpportunityRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  const modifiedCutoff = windowStart(options.asOf, options.staleDays);
  const activityCutoff = subtractCalendarDays(today(options), options.staleDays);
  return countRecords(
    'opps.neglected.stale',
    opportunities,
    (opportunity) =>
      !opportunity.isClosed &&
      noActivitySince(opportunity.lastActivityDate, activityCutoff, opportunity.id) &&
      isAtOrBefore(
        recordInstant(opportunity.lastModifiedDate, 'LastModifiedDate', opportunity.id),
        modifiedCutoff
      ),
    byOwner,
    users,
    true
  );
}

/** opps.wonLost, with the counts behind the win rate. */
export interface WonLostResult extends KpiResult {
  won: number;
  lost: number;
}

/**
 * opps.wonLost: among closed opportunities (`IsClosed = true`) whose CloseDate is in the period
 * by calendar date, `date(T) − N days < CloseDate ≤ date(T)` (N = options.periodDays, so the N
 * dates ending today): won = `IsWon = true`, lost = `IsWon = false`. value = won / (won + lost),
 * 0 when none closed; numerator = won, denominator = won + lost. Sliced by OwnerId as rates.
 * CloseDate rather than a closing instant because that is the date Salesforce reports close on.
 */
export function wonLost(
  opportunities: readonly OpportunityRecord[],
  users: UserDirectory,
  options: KpiOptions
): WonLostResult {
  assertPeriodDays(options.periodDays);
  const lastDate = today(options);
  const dateBefore = subtractCalendarDays(lastDate, options.periodDays);
  const closed = opportunities.filter((opportunity) => {
    if (!opportunity.isClosed) return false;
    const closeDate = readCalendarDate(opportunity.closeDate, `CloseDate of ${opportunity.id}`);
    return closeDate !== null && closeDate > dateBefore && closeDate <= lastDate;
  });
  const won = closed.filter((opportunity) => opportunity.isWon).length;
  const lost = closed.length - won;
  return {
    id: 'opps.wonLost',
    value: rate(won, closed.length),
    numerator: won,
    denominator: closed.length,
    won,
    lost,
    slices: sliceRatesByUser(
      closed.map((opportunity) => ({ userId: opportunity.ownerId, counted: opportunity.isWon })),
      users
    )
  };
}

/**
 * A stage change proper: both stages known and different. The row OpportunityHistory writes when
 * an opportunity is created (no previous stage) and rows that leave the stage as it was are not
 * movements.
 */
function isStageMove(change: OpportunityStageChange): boolean {
  const { oldValue, newValue } = change;
  return (
    oldValue !== null &&
    newValue !== null &&
    oldValue.trim() !== '' &&
    newValue.trim() !== '' &&
    oldValue !== newValue
  );
}

/**
 * opps.stageMovement: opportunities with at least one stage change with
 * `T − N×24h < CreatedDate ≤ T` (N = options.periodDays; the catalog reviews it every other week,
 * so a caller on that cadence passes 14). value = count of distinct opportunities, records = their
 * Ids sorted; sliced by the opportunity's owner, looked up in `opportunities` (an opportunity not
 * among them, e.g. deleted, slices under `(none)`).
 */
export function stageMovement(
  stageChanges: readonly OpportunityStageChange[],
  opportunities: readonly OpportunityRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  const inPeriod = periodWindow(options);
  const owners = new Map(opportunities.map((opportunity) => [opportunity.id, opportunity.ownerId]));
  const moved = new Set<string>();
  for (const change of stageChanges) {
    const changed = recordInstant(
      change.createdDate,
      'CreatedDate',
      `the stage change of ${change.opportunityId}`
    );
    if (isStageMove(change) && inPeriod(changed)) moved.add(change.opportunityId);
  }
  return countRecords(
    'opps.stageMovement',
    [...moved].map((id) => ({ id })),
    () => true,
    (opportunity) => owners.get(opportunity.id) ?? '',
    users,
    true
  );
}

function isDisqualified(lead: LeadRecord, options: KpiOptions): boolean {
  return !lead.isConverted && options.disqualifiedLeadStatuses.includes(lead.status);
}

/**
 * leads.abandoned: `IsConverted = false`, `Status` not one of options.disqualifiedLeadStatuses
 * (exact match), `CreatedDate ≤ T − N×24h`, and `LastActivityDate` blank or `< date(T) − N days`
 * (N = options.abandonedDays). Sliced by OwnerId (a queue slices under `(none)`).
 */
export function abandonedLeads(
  leads: readonly LeadRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  const createdCutoff = windowStart(options.asOf, options.abandonedDays);
  const activityCutoff = subtractCalendarDays(today(options), options.abandonedDays);
  return countRecords(
    'leads.abandoned',
    leads,
    (lead) =>
      !lead.isConverted &&
      !isDisqualified(lead, options) &&
      isAtOrBefore(recordInstant(lead.createdDate, 'CreatedDate', lead.id), createdCutoff) &&
      noActivitySince(lead.lastActivityDate, activityCutoff, lead.id),
    byOwner,
    users,
    true
  );
}

/** leads.conversionRate, with the three parts of its denominator. */
export interface LeadConversionResult extends KpiResult {
  converted: number;
  disqualified: number;
  openPastAge: number;
}

/**
 * leads.conversionRate over the leads created in the period, `T − P×24h < CreatedDate ≤ T`
 * (P = options.periodDays): converted = `IsConverted = true`; disqualified = unconverted with a
 * Status in options.disqualifiedLeadStatuses; open past age = the other unconverted leads with
 * `CreatedDate ≤ T − N×24h` (N = options.abandonedDays). value = converted / (converted +
 * disqualified + open past age), 0 when that is 0. Open leads younger than N days have no verdict
 * yet and are left out. The open-past-age part can only be non-zero when P > N: with the defaults
 * (P = 7, N = 14) the rate is converted / (converted + disqualified). Sliced by OwnerId as rates.
 */
export function leadConversionRate(
  leads: readonly LeadRecord[],
  users: UserDirectory,
  options: KpiOptions
): LeadConversionResult {
  const inPeriod = periodWindow(options);
  const ageCutoff = windowStart(options.asOf, options.abandonedDays);
  let converted = 0;
  let disqualified = 0;
  let openPastAge = 0;
  const outcomes: { userId: string; counted: boolean }[] = [];
  for (const lead of leads) {
    const created = recordInstant(lead.createdDate, 'CreatedDate', lead.id);
    if (!inPeriod(created)) continue;
    if (lead.isConverted) converted += 1;
    else if (isDisqualified(lead, options)) disqualified += 1;
    else if (isAtOrBefore(created, ageCutoff)) openPastAge += 1;
    else continue;
    outcomes.push({ userId: lead.ownerId, counted: lead.isConverted });
  }
  const denominator = converted + disqualified + openPastAge;
  return {
    id: 'leads.conversionRate',
    value: rate(converted, denominator),
    numerator: converted,
    denominator,
    converted,
    disqualified,
    openPastAge,
    slices: sliceRatesByUser(outcomes, users)
  };
}

/**
 * tasks.pastDue: `IsClosed = false` and `ActivityDate < date(T)`; a task without a due date is
 * never past due. Sliced by OwnerId, the assigned user.
 */
export function pastDueTasks(
  tasks: readonly TaskRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  const date = today(options);
  return countRecords(
    'tasks.pastDue',
    tasks,
    (task) => {
      if (task.isClosed) return false;
      const due = readCalendarDate(task.activityDate, `ActivityDate of ${task.id}`);
      return due !== null && due < date;
    },
    byOwner,
    users,
    true
  );
}

/** tasks.open: count of tasks with `IsClosed = false`, sliced by OwnerId, the assigned user. */
export function openTasks(tasks: readonly TaskRecord[], users: UserDirectory): KpiResult {
  return countRecords('tasks.open', tasks, (task) => !task.isClosed, byOwner, users);
}

/**
 * cases.aged: `IsClosed = false` and `CreatedDate ≤ T − 3×24h`: open for 3 days or more, the
 * complement of "created within the last 3 days" in the catalog's window convention. Sliced by
 * OwnerId (a queue slices under `(none)`).
 */
export function agedCases(
  cases: readonly CaseRecord[],
  users: UserDirectory,
  options: KpiOptions
): KpiResult {
  const createdCutoff = windowStart(options.asOf, AGED_CASE_DAYS);
  return countRecords(
    'cases.aged',
    cases,
    (supportCase) =>
      !supportCase.isClosed &&
      isAtOrBefore(
        recordInstant(supportCase.createdDate, 'CreatedDate', supportCase.id),
        createdCutoff
      ),
    byOwner,
    users,
    true
  );
}

/**
 * The records sections 2 and 3 read. Each list must hold every record a KPI may count: e.g. tasks
 * = the tasks created or modified in the period plus every open task.
 */
export interface CrmKpiInput {
  users: UserDirectory;
  accounts?: readonly AccountRecord[];
  contacts?: readonly ContactRecord[];
  opportunities?: readonly OpportunityRecord[];
  leads?: readonly LeadRecord[];
  tasks?: readonly TaskRecord[];
  cases?: readonly CaseRecord[];
  stageChanges?: readonly OpportunityStageChange[];
}

/**
 * Every KPI of sections 2 and 3 whose input is present, in catalog order; a KPI whose records were
 * not supplied (undefined, as opposed to an empty list) is skipped. opps.stageMovement needs
 * stageChanges and takes owners from opportunities when present.
 */
export function evaluateCrmKpis(input: CrmKpiInput, options: KpiOptions): KpiResult[] {
  const { users, accounts, contacts, opportunities, leads, tasks, cases, stageChanges } = input;
  const results: KpiResult[] = [];
  if (accounts) results.push(accountsCreated(accounts, users, options));
  if (contacts) {
    results.push(contactsCreated(contacts, users, options));
    results.push(contactsUpdated(contacts, users, options));
  }
  if (opportunities) results.push(opportunitiesCreated(opportunities, users, options));
  if (tasks) {
    results.push(activitiesCreated(tasks, users, options));
    results.push(activitiesClosed(tasks, users, options));
  }
  if (cases) {
    results.push(casesCreated(cases, users, options));
    results.push(casesClosed(cases, users, options));
  }
  if (opportunities) {
    results.push(opportunitiesPastClose(opportunities, users, options));
    results.push(staleOpportunities(opportunities, users, options));
    results.push(wonLost(opportunities, users, options));
  }
  if (stageChanges) {
    results.push(stageMovement(stageChanges, opportunities ?? [], users, options));
  }
  if (leads) {
    results.push(abandonedLeads(leads, users, options));
    results.push(leadConversionRate(leads, users, options));
  }
  if (tasks) {
    results.push(pastDueTasks(tasks, users, options));
    results.push(openTasks(tasks, users));
  }
  if (cases) results.push(agedCases(cases, users, options));
  return results;
}
