/**
 * Clean records (KPI_CATALOG.md section 4, reviewed monthly): records missing what makes them
 * usable, and the fill rate of the admin's gate fields. Every KPI is sliced by the role and region
 * of the record's owner, with value = the share of the slice's records that are counted.
 */
import type { KpiResult, SliceValue, UserDirectory } from './kpiResult';
import { rate } from './loginRates';
import { isBlankAmount, isBlankText, sliceByRecordOwner } from './qualityRecords';
import type {
  AccountQualityFields,
  ContactAccountLink,
  DuplicateRecordItemRow,
  GateFieldRecord,
  OpportunityQualityFields,
  OwnedRecord
} from './qualityRecords';

/**
 * The records of `population` that `isCounted` picks: numerator = counted, denominator =
 * population, records = the counted Ids sorted, slices by owner with value = share counted.
 * A list KPI's value is the count; a rate KPI's value is the share (0 for an empty population).
 */
function countedRecords<T extends OwnedRecord>(
  id: string,
  population: readonly T[],
  isCounted: (record: T) => boolean,
  directory: UserDirectory,
  value: 'count' | 'share'
): KpiResult {
  const counted = population.filter(isCounted);
  const numerator = counted.length;
  const denominator = population.length;
  return {
    id,
    value: value === 'count' ? numerator : rate(numerator, denominator),
    numerator,
    denominator,
    slices: sliceByRecordOwner(
      population.map((record) => ({
        ownerId: record.ownerId,
        numerator: isCounted(record) ? 1 : 0,
        denominator: 1,
        amount: 0
      })),
      directory
    ),
    records: counted.map((record) => record.id).sort()
  };
}

/**
 * quality.opps.missingAmount: open opportunities (IsClosed = false) whose Amount is blank.
 * A list KPI: value = count; denominator = open opportunities. An Amount of 0 is an amount.
 */
export function opportunitiesMissingAmount(
  opportunities: readonly OpportunityQualityFields[],
  directory: UserDirectory
): KpiResult {
  return countedRecords(
    'quality.opps.missingAmount',
    opportunities.filter((opportunity) => !opportunity.isClosed),
    (opportunity) => isBlankAmount(opportunity.amount),
    directory,
    'count'
  );
}

/**
 * quality.opps.missingCloseDate: opportunities, open or closed, whose CloseDate is blank (null,
 * empty or whitespace). Salesforce requires CloseDate on save, so this finds records loaded around
 * that rule. A list KPI: value = count; denominator = all opportunities.
 */
export function opportunitiesMissingCloseDate(
  opportunities: readonly OpportunityQualityFields[],
  directory: UserDirectory
): KpiResult {
  return countedRecords(
    'quality.opps.missingCloseDate',
    opportunities,
    (opportunity) => isBlankText(opportunity.closeDate),
    directory,
    'count'
  );
}

/**
 * quality.accounts.noContact: accounts that no contact's AccountId points to. A list KPI:
 * value = count; denominator = accounts; slices by account owner with value = share of accounts.
 * Contacts of accounts outside the list, and contacts without an account, change nothing.
 */
export function accountsWithoutContact(
  accounts: readonly AccountQualityFields[],
  contacts: readonly ContactAccountLink[],
  directory: UserDirectory
): KpiResult {
  const withContact = new Set<string>();
  for (const contact of contacts) {
    if (!isBlankText(contact.accountId)) withContact.add((contact.accountId as string).trim());
  }
  return countedRecords(
    'quality.accounts.noContact',
    accounts,
    (account) => !withContact.has(account.id),
    directory,
    'count'
  );
}

/**
 * Whether a gate field is filled: anything but null, undefined, or a string that is empty or
 * whitespace only. `false` and `0` are answers, so they count as filled.
 */
export function isFilled(value: unknown): boolean {
  return (
    value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '')
  );
}

/** A field's value by API name; Salesforce API names are case-insensitive, so is this lookup. */
function fieldValue(fields: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(fields, name)) return fields[name];
  const wanted = name.toLowerCase();
  const key = Object.keys(fields).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : fields[key];
}

export interface FillRateResult extends KpiResult {
  /** The object the gate fields belong to, e.g. `Account`. */
  object: string;
  /** The gate fields in the admin's order (duplicates removed). */
  gateFields: string[];
  /** Per gate field: records with the field filled / records. */
  fields: Record<string, SliceValue>;
}

/**
 * quality.fields.fillRate for one object: value = filled (record, gate field) pairs / (records ×
 * gate fields), 0 when there is nothing to fill. Per field: records with it filled / records.
 * Slices by record owner, in pairs. A field absent from a record counts as not filled.
 * `records` lists the Ids of records with at least one gate field not filled.
 */
export function gateFieldFillRate(
  object: string,
  records: readonly GateFieldRecord[],
  gateFields: readonly string[],
  directory: UserDirectory
): FillRateResult {
  const names = [...new Set(gateFields.map((name) => name.trim()))];
  if (names.includes('')) {
    throw new RangeError(`A gate field of ${object} has a blank name: use its API name.`);
  }
  const filledByField = new Map(names.map((name) => [name, 0]));
  const incomplete: string[] = [];
  const tallies = records.map((record) => {
    let filled = 0;
    for (const name of names) {
      if (isFilled(fieldValue(record.fields, name))) {
        filled += 1;
        filledByField.set(name, (filledByField.get(name) as number) + 1);
      }
    }
    if (filled < names.length) incomplete.push(record.id);
    return { ownerId: record.ownerId, numerator: filled, denominator: names.length, amount: 0 };
  });
  const numerator = tallies.reduce((sum, tally) => sum + tally.numerator, 0);
  const denominator = records.length * names.length;
  const fields: Record<string, SliceValue> = {};
  for (const [name, filled] of filledByField) {
    fields[name] = {
      value: rate(filled, records.length),
      numerator: filled,
      denominator: records.length
    };
  }
  return {
    id: 'quality.fields.fillRate',
    object,
    gateFields: names,
    value: rate(numerator, denominator),
    numerator,
    denominator,
    fields,
    slices: sliceByRecordOwner(tallies, directory),
    records: incomplete.sort()
  };
}

/**
 * quality.duplicates for one object: the share of its records that appear in at least one
 * DuplicateRecordItem row (whatever the size of the set). A rate KPI: numerator = such records,
 * denominator = the object's records; `records` lists them. Items of other objects' records are
 * ignored, and a record in several sets counts once.
 */
export function duplicateRecordShare(
  records: readonly OwnedRecord[],
  duplicateItems: readonly DuplicateRecordItemRow[],
  directory: UserDirectory
): KpiResult {
  const inASet = new Set(duplicateItems.map((item) => item.recordId));
  return countedRecords(
    'quality.duplicates',
    records,
    (record) => inASet.has(record.id),
    directory,
    'share'
  );
}
