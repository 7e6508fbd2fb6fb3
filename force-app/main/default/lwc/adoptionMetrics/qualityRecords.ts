/**
 * Record inputs of the data-quality and pipeline KPIs (KPI_CATALOG.md sections 4–5): only the
 * fields those KPIs read, so that a wider record type with the same field names fits by structural
 * typing. Also how a record is attributed to its owner's role and region slices.
 */
import type { SliceValue, UserDirectory } from './kpiResult';
import { compareSliceKeys, rate, sliceKey } from './loginRates';

/** Any record with an owner: an Account, or the records of the object `quality.duplicates` reads. */
export interface OwnedRecord {
  id: string;
  ownerId: string;
}

export type AccountQualityFields = OwnedRecord;

/** The Opportunity fields read by `quality.opps.*` and `pipeline.*`. */
export interface OpportunityQualityFields extends OwnedRecord {
  isClosed: boolean;
  /**
   * Null when no amount was entered. In a multi-currency org the gateway supplies amounts in one
   * currency (SOQL `convertCurrency(Amount)`), otherwise sums would add up different currencies.
   */
  amount: number | null;
  /** A calendar date, YYYY-MM-DD; blank where the org lets an opportunity be saved without one. */
  closeDate: string | null;
  /** Salesforce's percentage, 0–100 (not a 0–1 fraction). */
  probability: number | null;
  stageName: string;
}

/** A Contact reduced to the Account it belongs to (`AccountId`, blank for a private contact). */
export interface ContactAccountLink {
  id: string;
  accountId: string | null;
}

/** A DuplicateRecordItem row: one record's membership of one duplicate record set. */
export interface DuplicateRecordItemRow {
  recordId: string;
  duplicateRecordSetId: string;
}

/** A record of any object with the values of the admin's gate fields, keyed by API name. */
export interface GateFieldRecord extends OwnedRecord {
  fields: Readonly<Record<string, unknown>>;
}

/** A text value that carries nothing: null, undefined, empty or whitespace only. */
export function isBlankText(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

/** An amount that carries nothing: null, undefined (a column absent from an export) or NaN. */
export function isBlankAmount(value: number | null | undefined): boolean {
  return value === null || value === undefined || Number.isNaN(value);
}

/** The amount that pipeline sums add up: a blank amount counts as 0. */
export function amountOf(opportunity: OpportunityQualityFields): number {
  return isBlankAmount(opportunity.amount) ? 0 : (opportunity.amount as number);
}

/** One record's contribution to its owner's slices. */
export interface OwnerTally {
  ownerId: string;
  numerator: number;
  denominator: number;
  /** Summed per slice for amount KPIs; 0 when the KPI has no amount. */
  amount: number;
}

export type SliceTotals = Omit<OwnerTally, 'ownerId'>;

export interface OwnerSlices {
  role: Record<string, SliceValue>;
  region: Record<string, SliceValue>;
}

/** A slice's share: numerator / denominator (0 for an empty denominator). */
export function shareOf(totals: SliceTotals): SliceValue {
  return {
    value: rate(totals.numerator, totals.denominator),
    numerator: totals.numerator,
    denominator: totals.denominator
  };
}

function addTo(totals: Map<string, SliceTotals>, key: string, tally: OwnerTally): void {
  const slice = totals.get(key) ?? { numerator: 0, denominator: 0, amount: 0 };
  slice.numerator += tally.numerator;
  slice.denominator += tally.denominator;
  slice.amount += tally.amount;
  totals.set(key, slice);
}

function toRecord(
  totals: Map<string, SliceTotals>,
  toSliceValue: (totals: SliceTotals) => SliceValue
): Record<string, SliceValue> {
  const slices: Record<string, SliceValue> = {};
  for (const key of [...totals.keys()].sort(compareSliceKeys)) {
    slices[key] = toSliceValue(totals.get(key) as SliceTotals);
  }
  return slices;
}

/**
 * Adds up the tallies per role and per region of each record's owner. An owner missing from the
 * directory, or one without a role or region, counts under `(none)`. Keys are ordered
 * alphabetically with `(none)` last; only slices with at least one record appear.
 */
export function sliceByRecordOwner(
  tallies: Iterable<OwnerTally>,
  directory: UserDirectory,
  toSliceValue: (totals: SliceTotals) => SliceValue = shareOf
): OwnerSlices {
  const role = new Map<string, SliceTotals>();
  const region = new Map<string, SliceTotals>();
  for (const tally of tallies) {
    const owner = directory.get(tally.ownerId);
    addTo(role, sliceKey(owner?.role), tally);
    addTo(region, sliceKey(owner?.region), tally);
  }
  return { role: toRecord(role, toSliceValue), region: toRecord(region, toSliceValue) };
}
