/**
 * The interpreter's side of the data layer: SOQL literals and Database.query calls, DML
 * statements, SObject fields. Converts Apex values to the data layer's plain values and records
 * back into SObjects, charges the governor, and applies the access-mode default of the calling
 * class's API version (user mode from 67.0, system mode before).
 */
import { parseQuery, type FieldFunctionExpression } from '@jetstreamapp/soql-parser-js';
import { OrgDataError } from '../org/errors';
import type { AccessMode, DmlResult } from '../org/types';
import { SoqlError } from '../../soql-engine/errors';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexEnumValue,
  ApexId,
  ApexList,
  ApexMap,
  ApexNumber,
  ApexObject,
  ApexSet,
  SObjectValue,
  typeName,
  type ApexValue
} from '../values';
import type { DmlOperation, Expr, Stmt } from './ast';
import { databaseDml } from './databaseDml';
import { evaluate } from './expressions';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';

const NPE = 'Attempt to de-reference a null object';
const CHUNK = 200;
const AGGREGATE_LOOP_ROWS = 2000;

function org(interp: Interpreter, line: number) {
  return interp.org ?? interp.unsupported('database operation without a data layer', line);
}

/**
 * Runs a data-layer call, turning its failures into the Apex exceptions the platform throws: a
 * query the engine rejects → QueryException (its message as is), an OrgDataError → the exception
 * it names. A query the engine does not implement stays a refusal of the runtime.
 */
export function dataCall<T>(interp: Interpreter, line: number, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof SoqlError) {
      if (error.code === 'UNSUPPORTED') return interp.unsupported(`SOQL: ${error.detail}`, line);
      return interp.throwApex('QueryException', error.message);
    }
    if (error instanceof OrgDataError) return interp.throwApex(error.exceptionType, error.message);
    throw error;
  }
}

export function defaultMode(frame: Frame): AccessMode {
  return frame.cls.apiVersion >= 67 ? 'USER_MODE' : 'SYSTEM_MODE';
}

/** An Apex value as the data layer takes a bind or a field value. */
export function plain(interp: Interpreter, value: ApexValue, line: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof ApexNumber || value instanceof ApexDecimal) return value.toNumber();
  if (value instanceof ApexId) return value.value;
  if (value instanceof ApexDate) return value.toIsoString();
  if (value instanceof ApexDatetime) return new Date(value.epochMillis);
  if (value instanceof ApexEnumValue) return value.name;
  if (value instanceof ApexList) return value.items.map((item) => plain(interp, item, line));
  if (value instanceof ApexSet)
    return [...value.entries.values()].map((item) => plain(interp, item, line));
  if (value instanceof SObjectValue)
    return plain(interp, value.fields.get('id')?.value ?? null, line);
  return interp.unsupported(`bind of ${interp.library.runtimeTypeName(value)}`, line);
}

function fieldValue(type: string | undefined, raw: unknown, numbersAsInteger: boolean): ApexValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') {
    if (type === 'int' || numbersAsInteger) return ApexNumber.integer(raw);
    return ApexDecimal.fromNumber(raw);
  }
  const text = String(raw);
  switch (type) {
    case 'id':
    case 'reference':
      return new ApexId(text);
    case 'date':
      return new ApexDate(
        Number(text.slice(0, 4)),
        Number(text.slice(5, 7)),
        Number(text.slice(8, 10))
      );
    case 'datetime':
      return new ApexDatetime(Date.parse(text.replace(/\+0000$/, 'Z')));
    default:
      return text;
  }
}

/** A REST-style record as an SObject, relationships nested, `queried` set to its fields. */
function toSObject(
  interp: Interpreter,
  row: Record<string, unknown>,
  fallbackType: string,
  integerAliases: ReadonlySet<string>
): SObjectValue {
  const attributes = row.attributes as { type?: string } | undefined;
  const record = new SObjectValue(attributes?.type ?? fallbackType);
  record.queried = new Set();
  for (const [name, raw] of Object.entries(row)) {
    if (name === 'attributes') continue;
    const key = name.toLowerCase();
    record.queried.add(key);
    let value: ApexValue;
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !(raw instanceof Date)) {
      const nested = raw as Record<string, unknown>;
      value = Array.isArray(nested.records)
        ? new ApexList(
            typeName('SObject'),
            (nested.records as Record<string, unknown>[]).map((child) =>
              toSObject(interp, child, name, integerAliases)
            )
          )
        : toSObject(interp, nested, name, integerAliases);
    } else {
      const type =
        record.sObjectType === 'AggregateResult'
          ? undefined
          : interp.org?.fieldType(record.sObjectType, name);
      value = fieldValue(type?.toLowerCase(), raw, integerAliases.has(key));
    }
    record.fields.set(key, { name, value });
  }
  return record;
}

/** A data-layer row (custom metadata) as an SObject whose every field may be read. */
export function recordFromRow(
  interp: Interpreter,
  row: Record<string, unknown>,
  sObjectType: string
): SObjectValue {
  const record = toSObject(interp, row, sObjectType, new Set());
  record.queried = null;
  return record;
}

interface QueryShape {
  readonly from: string;
  readonly aggregate: boolean;
  /** Lower-case aliases of COUNT() columns: Integer in Apex; other aggregates are Decimal. */
  readonly integerAliases: ReadonlySet<string>;
  /** `SELECT COUNT() FROM …`: the query's value is the Integer count (Apex Developer Guide, "Count"). */
  readonly countOnly: boolean;
}

// Parsing SOQL costs tens of milliseconds; a query text's shape never changes.
const shapes = new Map<string, QueryShape>();

function shapeOf(soql: string): QueryShape {
  let shape = shapes.get(soql);
  if (!shape) {
    shape = parseShape(soql);
    shapes.set(soql, shape);
  }
  return shape;
}

function parseShape(soql: string): QueryShape {
  const query = parseQuery(soql, { allowApexBindVariables: true, ignoreParseErrors: true });
  const integerAliases = new Set<string>();
  let aggregate = query.groupBy !== undefined;
  (query.fields ?? []).forEach((field, index) => {
    if (field.type !== 'FieldFunctionExpression') return;
    const fn = field as FieldFunctionExpression;
    if (!fn.isAggregateFn) return;
    aggregate = true;
    if (/^count/i.test(fn.functionName))
      integerAliases.add((fn.alias ?? `expr${index}`).toLowerCase());
  });
  const fields = query.fields ?? [];
  const countOnly =
    fields.length === 1 &&
    fields[0].type === 'FieldFunctionExpression' &&
    /^count$/i.test((fields[0] as FieldFunctionExpression).functionName) &&
    (fields[0] as FieldFunctionExpression).parameters.length === 0;
  return {
    from: query.sObject ?? 'SObject',
    aggregate: aggregate && !countOnly,
    integerAliases,
    countOnly
  };
}

/**
 * Records read as the platform reads its caches (custom settings, custom metadata, the running
 * user): system mode, no sharing, no governor charge.
 */
export function readRecords(
  interp: Interpreter,
  soql: string,
  binds: Record<string, unknown>,
  line: number
): SObjectValue[] {
  const data = org(interp, line);
  const shape = shapeOf(soql);
  const outcome = dataCall(interp, line, () =>
    data.query(soql, binds, {
      userId: interp.userId,
      accessMode: 'SYSTEM_MODE',
      enforceSharing: false
    })
  );
  return outcome.records.map((row) => {
    const record = toSObject(interp, row, shape.from, shape.integerAliases);
    record.queried = null;
    return record;
  });
}

/** Runs a query with the governor charged; returns the records as SObjects. */
export function runQuery(
  interp: Interpreter,
  frame: Frame,
  soql: string,
  binds: Record<string, unknown>,
  mode: AccessMode,
  line: number
): { records: SObjectValue[]; shape: QueryShape; totalSize: number } {
  const data = org(interp, line);
  interp.governor.charge('queries');
  const shape = shapeOf(soql);
  const outcome = dataCall(interp, line, () =>
    data.query(soql, binds, {
      userId: interp.userId,
      accessMode: mode,
      enforceSharing: frame.enforceSharing
    })
  );
  interp.governor.charge('queryRows', outcome.queryRowsCharged);
  const fallback = shape.aggregate ? 'AggregateResult' : shape.from;
  return {
    records: outcome.records.map((row) => toSObject(interp, row, fallback, shape.integerAliases)),
    shape,
    totalSize: outcome.totalSize
  };
}

function literalQuery(interp: Interpreter, frame: Frame, expr: Extract<Expr, { kind: 'soql' }>) {
  const binds: Record<string, unknown> = {};
  expr.binds.forEach((bind, index) => {
    binds[`bind${index}`] = plain(interp, evaluate(interp, frame, bind), expr.line);
  });
  return runQuery(interp, frame, expr.text, binds, defaultMode(frame), expr.line);
}

export function soqlValue(
  interp: Interpreter,
  frame: Frame,
  expr: Extract<Expr, { kind: 'soql' }>
): ApexValue {
  const { records, shape, totalSize } = literalQuery(interp, frame, expr);
  if (shape.countOnly) return ApexNumber.integer(totalSize);
  return new ApexList(typeName(shape.aggregate ? 'AggregateResult' : shape.from), records);
}

/** A SOQL for loop's iterations: each record, or lists of 200 (`for (List<X> xs : [SELECT …])`). */
export function soqlRecords(
  interp: Interpreter,
  frame: Frame,
  expr: Extract<Expr, { kind: 'soql' }>,
  mode: 'loop' | 'chunks'
): ApexValue[] {
  const { records, shape } = literalQuery(interp, frame, expr);
  if (shape.aggregate && records.length > AGGREGATE_LOOP_ROWS) {
    interp.throwApex(
      'QueryException',
      'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch'
    );
  }
  if (mode === 'loop') return records;
  const chunks: ApexValue[] = [];
  for (let start = 0; start < records.length; start += CHUNK) {
    chunks.push(
      new ApexList(
        typeName(shape.aggregate ? 'AggregateResult' : shape.from),
        records.slice(start, start + CHUNK)
      )
    );
  }
  return chunks;
}

/** The one row a query assigned to a single SObject must return. */
export function singleRow(interp: Interpreter, list: ApexList): ApexValue {
  if (list.items.length === 0)
    return interp.throwApex('QueryException', 'List has no rows for assignment to SObject');
  if (list.items.length > 1)
    return interp.throwApex('QueryException', 'List has more than 1 row for assignment to SObject');
  return list.items[0];
}

export function accessLevelOf(interp: Interpreter, value: ApexValue, frame: Frame): AccessMode {
  if (value instanceof ApexEnumValue && value.enumName === 'System.AccessLevel')
    return value.name as AccessMode;
  if (value === null) return defaultMode(frame);
  throw new Error(`Expected an AccessLevel, got ${interp.library.runtimeTypeName(value)}`);
}

export function databaseMethod(
  interp: Interpreter,
  frame: Frame,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue {
  if (method === 'query' || method === 'querywithbinds') {
    const [soql, second, third] = args;
    if (typeof soql !== 'string') return interp.throwApex('NullPointerException', NPE);
    const withBinds = method === 'querywithbinds';
    const binds: Record<string, unknown> = {};
    if (withBinds) {
      if (!(second instanceof ApexMap)) return interp.throwApex('NullPointerException', NPE);
      for (const entry of second.entries.values())
        binds[String(entry.key)] = plain(interp, entry.value, line);
    } else if (/:\s*[A-Za-z_]/.test(soql)) {
      return interp.unsupported(
        'Database.query with bind variables (use Database.queryWithBinds)',
        line
      );
    }
    const mode = accessLevelOf(interp, (withBinds ? third : second) ?? null, frame);
    const { records, shape } = runQuery(interp, frame, soql, binds, mode, line);
    return new ApexList(typeName(shape.aggregate ? 'AggregateResult' : shape.from), records);
  }
  const dml = databaseDml(interp, frame, method, args, line);
  if (dml !== undefined) return dml;
  return interp.unsupported(`Database.${method}()`, line);
}

// ---- SObject fields ----

export function readSObjectField(
  interp: Interpreter,
  record: SObjectValue,
  name: string
): ApexValue {
  const key = name.toLowerCase();
  const entry = record.fields.get(key);
  if (entry) return entry.value;
  if (record.queried && !record.queried.has(key)) {
    return interp.throwApex(
      'SObjectException',
      `SObject row was retrieved via SOQL without querying the requested field: ${record.sObjectType}.${name}`
    );
  }
  return null;
}

function spelled(interp: Interpreter, sObjectType: string, name: string): string {
  const fields = interp.org?.describe(sObjectType)?.fields;
  if (!fields) return name;
  const found = Object.keys(fields).find((field) => field.toLowerCase() === name.toLowerCase());
  if (!found && !name.includes('.'))
    interp.throwApex('SObjectException', `Invalid field ${name} for ${sObjectType}`);
  return found ?? name;
}

export function writeSObjectField(
  interp: Interpreter,
  record: SObjectValue,
  name: string,
  value: ApexValue
): ApexValue {
  record.fields.set(name.toLowerCase(), { name: spelled(interp, record.sObjectType, name), value });
  record.queried?.add(name.toLowerCase());
  return value;
}

export function newSObject(
  interp: Interpreter,
  type: string,
  inits: { name: string; value: ApexValue }[],
  line: number
): SObjectValue {
  const describe = org(interp, line).describe(type);
  if (!describe)
    return interp.unsupported(`type ${type} (no class, system type or SObject of that name)`, line);
  const record = new SObjectValue(describe.name);
  for (const init of inits) writeSObjectField(interp, record, init.name, init.value);
  return record;
}

export function sObjectMethod(
  interp: Interpreter,
  record: SObjectValue,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue | undefined {
  const [field, value] = args;
  switch (method) {
    case 'get':
      if (typeof field !== 'string')
        return interp.unsupported('SObject.get of a field token', line);
      return field
        .split('.')
        .reduce<ApexValue>(
          (current, part) =>
            current instanceof SObjectValue ? readSObjectField(interp, current, part) : null,
          record
        );
    case 'put':
      if (typeof field !== 'string')
        return interp.unsupported('SObject.put of a field token', line);
      {
        const previous = record.fields.get(field.toLowerCase())?.value ?? null;
        writeSObjectField(interp, record, field, value);
        return previous;
      }
    case 'getsobject':
      if (typeof field !== 'string')
        return interp.unsupported('SObject.getSObject of a field token', line);
      return readSObjectField(interp, record, field);
    default:
      return undefined;
  }
}

// ---- DML ----

const failures = new WeakMap<
  ApexObject,
  { index: number; id: string | null; statusCode: string; message: string; fields: string[] }[]
>();

export function recordsOf(interp: Interpreter, value: ApexValue): SObjectValue[] {
  if (value === null) return interp.throwApex('NullPointerException', NPE);
  const items = value instanceof ApexList ? value.items : [value];
  return items.map((item) => {
    if (!(item instanceof SObjectValue)) throw new Error('DML needs SObjects');
    return item;
  });
}

function plainRecord(
  interp: Interpreter,
  record: SObjectValue,
  line: number
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const { name, value } of record.fields.values()) {
    if (value instanceof SObjectValue || value instanceof ApexList) continue;
    row[name] = value instanceof ApexDatetime ? value.epochMillis : plain(interp, value, line);
  }
  return row;
}

export function executeDml(
  interp: Interpreter,
  frame: Frame,
  statement: Extract<Stmt, { kind: 'dml' }>,
  value: ApexValue
): void {
  const records = recordsOf(interp, value);
  runDml(
    interp,
    frame,
    statement.operation,
    records,
    statement.accessMode ?? defaultMode(frame),
    statement.externalIdField,
    statement.line,
    true
  );
}

/**
 * One DML operation: governor charged, the data layer's results returned. With allOrNone a failed
 * record throws DmlException (nothing is written); without, the failures are in the results.
 * Inserted and upserted records get their Ids.
 */
export function runDml(
  interp: Interpreter,
  frame: Frame,
  operation: DmlOperation,
  records: SObjectValue[],
  mode: AccessMode,
  externalIdField: string | null,
  line: number,
  allOrNone: boolean
): DmlResult[] {
  const data = org(interp, line);
  interp.governor.charge('dmlStatements');
  interp.governor.charge('dmlRows', records.length);
  if (records.length === 0) return [];
  const type = records[0].sObjectType;
  const results = dataCall(interp, line, () =>
    data.dml(
      operation,
      type,
      records.map((record) => plainRecord(interp, record, line)),
      {
        userId: interp.userId,
        accessMode: mode,
        enforceSharing: frame.enforceSharing,
        allOrNone,
        ...(externalIdField ? { externalIdField } : {})
      }
    )
  );
  const failed = results
    .map((result, index) => ({ result, index }))
    .filter(({ result }) => !result.success);
  if (failed.length > 0 && allOrNone) {
    const first = failed[0];
    const error = first.result.errors[0] ?? {
      statusCode: 'UNKNOWN_EXCEPTION',
      message: 'unknown',
      fields: []
    };
    const verb = operation.charAt(0).toUpperCase() + operation.slice(1);
    const fieldText = error.fields.length ? `: [${error.fields.join(', ')}]` : ': []';
    try {
      interp.throwApex(
        'DmlException',
        `${verb} failed. First exception on row ${first.index}; first error: ${error.statusCode}, ${error.message}${fieldText}`
      );
    } catch (thrown) {
      const exception = (thrown as { exception?: ApexObject }).exception;
      if (exception) {
        failures.set(
          exception,
          failed.map(({ result, index }) => ({
            index,
            id: result.id,
            ...(result.errors[0] ?? {
              statusCode: 'UNKNOWN_EXCEPTION',
              message: 'unknown',
              fields: []
            })
          }))
        );
      }
      throw thrown;
    }
  }
  if (operation === 'insert' || operation === 'upsert') {
    results.forEach((result, index) => {
      if (result.id) writeSObjectField(interp, records[index], 'Id', new ApexId(result.id));
    });
  }
  return results;
}

export function dmlExceptionMethod(
  interp: Interpreter,
  exception: ApexObject,
  method: string,
  args: ApexValue[]
): ApexValue | undefined {
  const list = failures.get(exception) ?? [];
  if (method === 'getnumdml') return ApexNumber.integer(list.length);
  const index = args[0] instanceof ApexNumber ? args[0].toNumber() : -1;
  const failure = list[index];
  const need = (): NonNullable<typeof failure> =>
    failure ?? interp.throwApex('ListException', `List index out of bounds: ${index}`);
  switch (method) {
    case 'getdmlmessage':
      return need().message;
    case 'getdmltype':
      return new ApexEnumValue('System.StatusCode', need().statusCode, 0);
    case 'getdmlfieldnames':
      return new ApexList(typeName('String'), [...need().fields]);
    case 'getdmlid':
      return need().id === null ? null : new ApexId(need().id as string);
    case 'getdmlindex':
      return ApexNumber.integer(need().index);
    default:
      return undefined;
  }
}
