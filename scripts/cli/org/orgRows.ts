/**
 * Org rows into the library's record types with the CSV source's own cell readers
 * (csv/cellReaders.ts), so a record read from the org equals the record read from its export:
 * same trimming, same blanks, instants in one spelling. Bulk API 2.0 pages are CSV and give
 * `CsvRow`s directly; a REST record's selected values are written into a `CsvRow` (JsonRow) first.
 *
 * A cell a reader refuses, or a row of the wrong width, becomes a MalformedRowError naming the
 * object, the row (counted over the whole result) and the column.
 */
import { ByteInterner } from '../csv/byteInterner';
import { cells, instantMs } from '../csv/cellReaders';
import type { CellReader } from '../csv/cellReaders';
import { LOGIN_COLUMNS, RECORD_SPECS, USER_COLUMNS } from '../csv/columns';
import { CellProblem, shown } from '../csv/csvErrors';
import { CsvParser, CsvRow, CsvSyntaxError } from '../csv/csvReader';
import { CsvHeader } from '../csv/csvTable';
import { InstantReader } from '../csv/instants';
import type { CrmObjectName, CrmRecordTypes, SourceUser } from '../source';
import { MalformedRowError } from './orgErrors';
import type { ObjectQuery } from './orgQueries';
import type { SoqlRecord } from './restQuery';

/** Reads one row; undefined when the row is not kept (a LoginHistory row outside the range). */
export type RowReader<T> = (row: CsvRow) => T | undefined;

/** A value from a REST record as the text a Bulk CSV cell would hold ('' for null). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A field of a REST record by its path (`UserRole.Name`), names matched case-insensitively. */
export function valueAt(record: SoqlRecord, path: string): unknown {
  let value: unknown = record;
  for (const name of path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    const object = value as Record<string, unknown>;
    if (name in object) {
      value = object[name];
      continue;
    }
    const lower = name.toLowerCase();
    const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
    value = key === undefined ? null : object[key];
  }
  return value;
}

/** Writes a REST record's selected values into one reusable CsvRow. */
export class JsonRow {
  private readonly row = new CsvRow();
  private buffer = Buffer.allocUnsafe(1024);
  private readonly columns: readonly string[];

  constructor(columns: readonly string[]) {
    this.columns = columns;
    while (this.row.starts.length < columns.length) this.row.grow();
    this.row.escaped.fill(0);
  }

  fill(record: SoqlRecord, line: number): CsvRow {
    const texts = this.columns.map((column) => cellText(valueAt(record, column)));
    const size = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size * 2);
    const row = this.row;
    let offset = 0;
    texts.forEach((text, index) => {
      row.starts[index] = offset;
      offset += this.buffer.write(text, offset);
      row.ends[index] = offset;
    });
    row.bytes = this.buffer;
    row.count = texts.length;
    row.line = line;
    return row;
  }
}

/** The problem of a row, in the user's terms; `row` counts from 1 over the whole result. */
function malformed(object: string, header: CsvHeader, row: number, error: unknown): unknown {
  if (error instanceof CellProblem) {
    return new MalformedRowError(
      object,
      row,
      `${header.columnName(error.index)} ${shown(error.value)} ${error.problem}`
    );
  }
  return error;
}

/**
 * Reads the rows of one page (REST records or a Bulk CSV page) with `reader`, checking width and
 * numbering rows from `rowsBefore + 1`. Returns the kept values; throws before returning anything
 * when any row is bad, so a page is taken whole or not at all.
 */
export class PageReader<T> {
  readonly query: ObjectQuery;
  private readonly header: CsvHeader;
  private readonly read: RowReader<T>;

  constructor(query: ObjectQuery, makeReader: (header: CsvHeader) => RowReader<T>) {
    this.query = query;
    this.header = new CsvHeader(query.object, query.columns);
    this.read = makeReader(this.header);
  }

  private readRow(row: CsvRow, number: number, into: T[]): void {
    const width = this.header.names.length;
    if (row.count !== width) {
      const missing =
        row.count < width
          ? `no value for ${this.header.columnName(row.count)}`
          : `an extra value ${shown(row.text(width))}`;
      throw new MalformedRowError(
        this.query.object,
        number,
        `${row.count} fields where the query selected ${width} (${this.header.names.join(', ')}): ${missing}`
      );
    }
    try {
      const value = this.read(row);
      if (value !== undefined) into.push(value);
    } catch (error) {
      throw malformed(this.query.object, this.header, number, error);
    }
  }

  /** REST records: the page's values, and how many records it had. */
  fromRecords(records: readonly SoqlRecord[], rowsBefore: number): T[] {
    const rows = new JsonRow(this.query.columns);
    const values: T[] = [];
    records.forEach((record, index) => {
      const number = rowsBefore + index + 1;
      this.readRow(rows.fill(record, number), number, values);
    });
    return values;
  }

  /**
   * A Bulk API 2.0 results page: a header row naming the selected columns (checked against the
   * query's), then the data rows. `count` is the data rows read, kept or not.
   */
  fromCsv(csv: string, rowsBefore: number): { values: T[]; count: number } {
    const values: T[] = [];
    let count = 0;
    let headerSeen = false;
    const parser = new CsvParser((row) => {
      if (!headerSeen) {
        headerSeen = true;
        this.checkHeader(row.cells());
        return;
      }
      count += 1;
      this.readRow(row, rowsBefore + count, values);
    });
    try {
      parser.push(csv);
      parser.end();
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      throw new MalformedRowError(
        this.query.object,
        rowsBefore + count + 1,
        `the Bulk API CSV is broken at page line ${error.line}: ${error.problem}`
      );
    }
    return { values, count };
  }

  private checkHeader(names: string[]): void {
    const expected = this.header.names.map((name) => name.toLowerCase()).join(',');
    if (names.map((name) => name.trim().toLowerCase()).join(',') !== expected) {
      throw new MalformedRowError(
        this.query.object,
        0,
        `the Bulk API results have the columns ${names.join(', ')}, not the ${this.header.names.join(', ')} selected`
      );
    }
  }
}

/** CRM records by the object's RecordSpec, as csv/recordRows.ts reads them from an export. */
export function recordReader<K extends CrmObjectName>(
  object: K
): (header: CsvHeader) => RowReader<CrmRecordTypes[K]> {
  return (header) => {
    const spec = RECORD_SPECS[object];
    const fields = Object.entries(spec.fields).map(([key, field]) => {
      const { headers, reader } = field as {
        headers: readonly string[];
        reader: () => CellReader<unknown>;
      };
      return { key, index: header.require(headers, 'select the field'), read: reader() };
    });
    const keepIndex = spec.keep === undefined ? -1 : header.require([spec.keep.header], '');
    const keepValue = spec.keep?.value.toLowerCase();
    return (row) => {
      if (keepIndex >= 0 && row.text(keepIndex).trim().toLowerCase() !== keepValue) {
        return undefined;
      }
      const record: Record<string, unknown> = {};
      for (const field of fields) record[field.key] = field.read(row, field.index);
      return record as unknown as CrmRecordTypes[K];
    };
  };
}

/** SourceUser rows, as csv/userRows.ts reads User.csv (the columns are those of userQuery). */
export function userReader(regionField: string): (header: CsvHeader) => RowReader<SourceUser> {
  return (header) => {
    const [id, name, isActive, userType, lastLogin, role, profile, manager] = [
      USER_COLUMNS.id,
      USER_COLUMNS.name,
      USER_COLUMNS.isActive,
      USER_COLUMNS.userType,
      USER_COLUMNS.lastLoginDate,
      USER_COLUMNS.role[0],
      USER_COLUMNS.profile[0],
      USER_COLUMNS.managerId[0]
    ].map((column) => header.require([column], ''));
    const region = header.require([regionField], '');
    const [text, flag, instant] = [cells.text(), cells.flag(), cells.optionalInstant()];
    const [roles, regions, profiles, types] = [
      cells.optionalSharedText(),
      cells.optionalSharedText(),
      cells.optionalSharedText(),
      cells.optionalSharedText()
    ];
    const managers = cells.optionalText();
    return (row) => ({
      id: text(row, id),
      name: text(row, name),
      isActive: flag(row, isActive),
      role: roles(row, role),
      region: regions(row, region),
      lastLoginDate: instant(row, lastLogin),
      profile: profiles(row, profile),
      managerId: managers(row, manager),
      userType: types(row, userType)
    });
  };
}

/** A LoginHistory row: the visitor's arguments. */
export interface LoginRow {
  userId: string;
  loginTime: number;
  status: string;
}

/**
 * LoginHistory rows inside `after < LoginTime ≤ notAfter`, as csv/loginRows.ts reads them: blank
 * LoginTime or UserId is an error, user Ids and statuses interned.
 */
export function loginReader(range: {
  after: Date;
  notAfter: Date;
}): (header: CsvHeader) => RowReader<LoginRow> {
  const after = range.after.getTime();
  const notAfter = range.notAfter.getTime();
  return (header) => {
    const [userIndex, timeIndex, statusIndex] = [
      LOGIN_COLUMNS.userId,
      LOGIN_COLUMNS.loginTime,
      LOGIN_COLUMNS.status
    ].map((column) => header.require([column], ''));
    const instants = new InstantReader();
    const users = new ByteInterner();
    const statuses = new ByteInterner();
    const shared = (interner: ByteInterner, row: CsvRow, index: number): string =>
      row.escaped[index] === 1
        ? row.text(index)
        : interner.intern(row.bytes, row.starts[index], row.ends[index]);
    return (row) => {
      if (row.isBlank(timeIndex)) {
        throw new CellProblem(row, timeIndex, 'is blank, but every login has a LoginTime');
      }
      const loginTime = instantMs(instants, row, timeIndex);
      if (loginTime <= after || loginTime > notAfter) return undefined;
      if (row.isBlank(userIndex)) {
        throw new CellProblem(row, userIndex, 'is blank, but every login has a UserId');
      }
      return {
        userId: shared(users, row, userIndex),
        loginTime,
        status: shared(statuses, row, statusIndex)
      };
    };
  };
}
