/**
 * The CRM records that the record-creation and pipeline-hygiene KPIs (KPI_CATALOG.md sections 2
 * and 3) read: one interface per Salesforce object, camelCase fields mirroring the Salesforce
 * fields (`CreatedById` → `createdById`). The Apex gateway, CSV exports and the demo org all map
 * their rows onto these types; a narrower field set (e.g. a data-quality KPI's) fits by
 * structural typing.
 *
 * Field formats, as the REST API and SOQL return them:
 * - instants (`createdDate`, `lastModifiedDate`, `closedDate`): ISO-8601 with an offset,
 *   e.g. `2026-11-23T12:00:00.000Z` or `2026-11-23T12:00:00.000+0000`;
 * - calendar dates (`closeDate`, `activityDate`, `lastActivityDate`, `convertedDate`): YYYY-MM-DD;
 * - null for a blank field (an empty string from a CSV export is read as blank too).
 */

/** Account (CreatedById, CreatedDate). */
export interface AccountRecord {
  id: string;
  ownerId: string;
  createdById: string;
  createdDate: string;
  lastModifiedDate: string;
}

/** Contact (AccountId is blank for a private contact). */
export interface ContactRecord {
  id: string;
  accountId: string | null;
  ownerId: string;
  createdById: string;
  createdDate: string;
  lastModifiedDate: string;
}

/** Opportunity. */
export interface OpportunityRecord {
  id: string;
  ownerId: string;
  createdById: string;
  createdDate: string;
  lastModifiedDate: string;
  /** Calendar date of the latest closed task or event: blank when nothing was ever logged. */
  lastActivityDate: string | null;
  isClosed: boolean;
  isWon: boolean;
  /** Calendar date; blank only where the org lets an opportunity be saved without one. */
  closeDate: string | null;
  stageName: string;
  amount: number | null;
  /** Salesforce's percentage, 0–100. */
  probability: number | null;
}

/** Lead. */
export interface LeadRecord {
  id: string;
  ownerId: string;
  createdById: string;
  createdDate: string;
  lastActivityDate: string | null;
  isConverted: boolean;
  /** Calendar date of the conversion; blank while unconverted. */
  convertedDate: string | null;
  status: string;
}

/** Task: OwnerId is the assigned user; ActivityDate is the due date. */
export interface TaskRecord {
  id: string;
  ownerId: string;
  createdById: string;
  createdDate: string;
  /**
   * For a closed task, the instant it was closed: Task has no closing timestamp the catalog names,
   * so `records.activities.closed` takes the last modification of a closed task as its closing
   * instant (an edit after closing moves it later).
   */
  lastModifiedDate: string;
  /** The due date; blank for a task without one (never past due). */
  activityDate: string | null;
  isClosed: boolean;
  status: string;
}

/** Case (where Service Cloud is used). OwnerId may be a queue: it then slices under `(none)`. */
export interface CaseRecord {
  id: string;
  ownerId: string;
  createdById: string;
  createdDate: string;
  /** The instant the case was closed; blank while open. */
  closedDate: string | null;
  isClosed: boolean;
}

/**
 * One change of an opportunity's stage: an OpportunityFieldHistory row with Field = 'StageName'
 * (OldValue → NewValue), or consecutive OpportunityHistory rows reduced to their StageName
 * (OldValue blank for the row written when the opportunity was created).
 */
export interface OpportunityStageChange {
  opportunityId: string;
  /** The instant of the change. */
  createdDate: string;
  oldValue: string | null;
  newValue: string | null;
}
