/**
 * The SOQL the org source runs: per object, the columns the CSV source reads from that object's
 * export (csv/columns.ts is the authority), so both sources fill the library's record types from
 * the same fields. A field may have stand-ins (Account.LastModifiedDate → CreatedDate); when the
 * org rejects a field that has one (INVALID_FIELD: the field is missing or hidden by field-level
 * security), the query is run again without it and the stand-in is read, as the CSV source reads
 * the next header when a column is absent.
 */
import { soqlLiteral } from '../../gateway/soqlLiterals';
import { LOGIN_COLUMNS, RECORD_SPECS, USER_COLUMNS } from '../csv/columns';
import type { CrmObjectName } from '../source';
import { OrgError } from './orgErrors';

export interface ObjectQuery {
  object: string;
  /** Selected fields, in order: the "header" the row readers bind to. */
  columns: readonly string[];
  where?: string;
  /** For each record field, the columns that may fill it, in order of preference. */
  alternatives: readonly (readonly string[])[];
}

function distinct(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function soqlOf(query: ObjectQuery): string {
  const where = query.where === undefined ? '' : ` WHERE ${query.where}`;
  return `SELECT ${query.columns.join(', ')} FROM ${query.object}${where}`;
}

/** The query reading a CRM object: every header of its RecordSpec, and its `keep` filter. */
export function recordQuery(object: CrmObjectName): ObjectQuery {
  const spec = RECORD_SPECS[object];
  const alternatives = Object.values(spec.fields).map(
    (field) => (field as { headers: readonly string[] }).headers
  );
  const keep = spec.keep;
  return {
    object,
    columns: distinct([...alternatives.flat(), ...(keep ? [keep.header] : [])]),
    // Filtered in the org too: OpportunityFieldHistory holds every tracked field's changes.
    where: keep === undefined ? undefined : `${keep.header} = ${soqlLiteral(keep.value)}`,
    alternatives: keep === undefined ? alternatives : [...alternatives, [keep.header]]
  };
}

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/**
 * The query reading User. Role and profile by name through their relationships (the org always
 * has them, unlike an export), the region from the --region-field field.
 */
export function userQuery(regionField: string): ObjectQuery {
  if (!FIELD_PATH.test(regionField)) {
    throw new OrgError(
      `--region-field "${regionField}" is not a User field's API name (e.g. Division, Country, Region__c).`
    );
  }
  const columns = distinct([
    USER_COLUMNS.id,
    USER_COLUMNS.name,
    USER_COLUMNS.isActive,
    USER_COLUMNS.userType,
    USER_COLUMNS.lastLoginDate,
    USER_COLUMNS.role[0],
    USER_COLUMNS.profile[0],
    USER_COLUMNS.managerId[0],
    regionField
  ]);
  return { object: 'User', columns, alternatives: columns.map((column) => [column]) };
}

/** SOQL datetimes have whole seconds: widen the range outwards; the rows are filtered exactly. */
function wholeSeconds(date: Date, round: (seconds: number) => number): Date {
  return new Date(round(date.getTime() / 1000) * 1000);
}

/** LoginHistory with `after < LoginTime ≤ notAfter` (to the second, widened). */
export function loginQuery(range: { after: Date; notAfter: Date }): ObjectQuery {
  const columns = [LOGIN_COLUMNS.userId, LOGIN_COLUMNS.loginTime, LOGIN_COLUMNS.status];
  const after = soqlLiteral(wholeSeconds(range.after, Math.floor));
  const notAfter = soqlLiteral(wholeSeconds(range.notAfter, Math.ceil));
  return {
    object: 'LoginHistory',
    columns,
    where: `LoginTime > ${after} AND LoginTime <= ${notAfter}`,
    alternatives: columns.map((column) => [column])
  };
}

export function countSoql(query: ObjectQuery): string {
  const where = query.where === undefined ? '' : ` WHERE ${query.where}`;
  return `SELECT COUNT() FROM ${query.object}${where}`;
}

/** The field an INVALID_FIELD message names ("No such column 'X' on entity 'Y'"). */
export function rejectedField(message: string): string | undefined {
  return /No such column '([^']+)'/i.exec(message)?.[1];
}

/**
 * The query without `column`, when every record field it fills has another column left; else
 * undefined (the field cannot be read at all).
 */
export function withoutColumn(query: ObjectQuery, column: string): ObjectQuery | undefined {
  const lower = column.toLowerCase();
  const selected = query.columns.find((name) => name.toLowerCase() === lower);
  if (selected === undefined) return undefined;
  const remaining = query.columns.filter((name) => name !== selected);
  const left = new Set(remaining.map((name) => name.toLowerCase()));
  const stillFilled = query.alternatives.every(
    (names) =>
      !names.some((name) => name.toLowerCase() === lower) ||
      names.some((name) => left.has(name.toLowerCase()))
  );
  if (!stillFilled) return undefined;
  return { ...query, columns: remaining };
}
