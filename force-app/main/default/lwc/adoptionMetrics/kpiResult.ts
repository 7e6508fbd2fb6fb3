/**
 * The shape every KPI evaluates to, whatever its family: the same shape the CLI's JSON report
 * prints and the dashboard's tiles, charts and lists read.
 */

/** A rate (or count) within one slice of the population. */
export interface SliceValue {
  value: number;
  numerator: number;
  denominator: number;
}

export interface KpiResult {
  /** The catalog id, e.g. `opps.neglected.pastClose`. */
  id: string;
  /** A rate in 0–1 for rate KPIs; a count for count and list KPIs; an amount for amount KPIs. */
  value: number;
  numerator?: number;
  denominator?: number;
  /** Per role and per region, keyed by slice key (`(none)` for blank). */
  slices?: { role?: Record<string, SliceValue>; region?: Record<string, SliceValue> };
  /** For list KPIs: the Salesforce Ids of the records (or users) behind the count, sorted. */
  records?: string[];
}

/** Role and region of a user, for attributing records to slices (by owner or creator). */
export interface UserSlices {
  role: string | null;
  region: string | null;
}

/** User Id → role and region. Records whose user is unknown count under `(none)`. */
export type UserDirectory = ReadonlyMap<string, UserSlices>;

/** Thresholds and the evaluation instant shared by every KPI family (KPI_CATALOG.md defaults). */
export interface KpiOptions {
  asOf: Date;
  /** Calendar dates (date(T), CloseDate comparisons) are taken in this zone. */
  timeZone: string;
  /** The period N of `records.*` KPIs and `opps.wonLost`: T − N×24h < instant ≤ T. */
  periodDays: number;
  /** `opps.neglected.stale`: no activity and no change for this many days (default 30). */
  staleDays: number;
  /** `leads.abandoned`: no activity for this many days (default 14). */
  abandonedDays: number;
  /** Lead statuses that mean "disqualified" (default `Closed - Not Converted`). */
  disqualifiedLeadStatuses: readonly string[];
}

export const DEFAULT_KPI_OPTIONS: Omit<KpiOptions, 'asOf'> = {
  timeZone: 'UTC',
  periodDays: 7,
  staleDays: 30,
  abandonedDays: 14,
  disqualifiedLeadStatuses: ['Closed - Not Converted']
};
