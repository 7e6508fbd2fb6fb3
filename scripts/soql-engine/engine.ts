/**
 * The demo org's SOQL engine: runs the query text an Apex selector runs against the in-memory
 * tables of scripts/demo/model.ts, and reports the query rows Apex would charge. A test double,
 * not Salesforce: it parses with @jetstreamapp/soql-parser-js, supports the SOQL the package uses
 * (see README.md) and refuses the rest with an error naming the construct.
 *
 * Each query is compiled once (names resolved, literals and binds converted, WHERE built into
 * closures over SObjectTable.accessor), then the table is scanned once.
 */
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { OrderByClause, Query } from '@jetstreamapp/soql-parser-js';
import type { DemoOrg } from '../demo/model';
import { runAggregateQuery } from './aggregateQuery';
import { inlineLimitBinds } from './binds';
import type { Binds } from './binds';
import { zoneClock } from './calendar';
import { SoqlError, malformed, unsupported } from './errors';
import { assertKnownFunction, isAggregateFunction } from './expressions';
import type { QueryContext } from './expressions';
import { runPlainQuery } from './plainQuery';
import { findTable } from './schema';
import { compileWhere } from './where';

export type AccessLevel = 'USER_MODE' | 'SYSTEM_MODE' | 'SECURITY_ENFORCED';

export interface QueryResult {
  records: Record<string, unknown>[];
  /** Records in the result; for `SELECT COUNT()` the count. */
  totalSize: number;
  /** Query rows Apex charges against the 50,000-row limit (see aggregateQuery.ts rowsCharged). */
  queryRowsCharged: number;
  /** The WITH clause's access mode, or null when the query has none. Recorded, not enforced. */
  accessLevel: AccessLevel | null;
}

export type QueryOrg = Pick<DemoOrg, 'tables' | 'asOf' | 'timeZone'>;

/** Salesforce's ceiling on OFFSET. */
const MAX_OFFSET = 2000;

// Parsing costs milliseconds and an Apex run sends the same few texts thousands of times. Each
// caller gets its own copy, so nothing downstream can change a cached tree.
const PARSED_LIMIT = 500;
const parsed = new Map<string, Query>();

function parseCached(text: string): Query {
  let query = parsed.get(text);
  if (!query) {
    query = parseQuery(text, { allowApexBindVariables: true });
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(text, query);
  }
  return structuredClone(query);
}

function parse(soql: string, binds: Binds): Query {
  if (/^\s*\[?\s*FIND\b/i.test(soql)) throw unsupported('SOSL (FIND …)');
  try {
    return parseCached(inlineLimitBinds(soql, binds));
  } catch (error) {
    if (error instanceof SoqlError) throw error;
    throw malformed(error instanceof Error ? error.message : String(error));
  }
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Refuses clauses the engine does not implement; a semi-join sub-select refuses a few more. */
function assertSupported(query: Query, role: 'query' | 'semi-join'): void {
  if (query.sObjectAlias) throw unsupported(`the object alias '${query.sObjectAlias}'`);
  if (query.usingScope) throw unsupported(`USING SCOPE ${query.usingScope}`);
  if (query.withDataCategory) throw unsupported('WITH DATA CATEGORY');
  if (query.for) throw unsupported(`FOR ${query.for}`);
  if (query.update) throw unsupported(`UPDATE ${query.update}`);
  for (const item of query.fields ?? []) {
    if (item.type === 'FieldTypeof') throw unsupported(`TYPEOF ${item.field}`);
    if (item.type === 'FieldSubquery') {
      throw unsupported(`the child subquery (SELECT … FROM ${item.subquery.relationshipName})`);
    }
    if (item.type === 'FieldFunctionExpression') assertKnownFunction(item);
    if ('objectPrefix' in item && item.objectPrefix) {
      throw unsupported(`the object prefix '${item.objectPrefix}.'`);
    }
  }
  for (const item of asList(query.groupBy)) {
    const name = 'fn' in item ? (item.fn.functionName ?? '').toUpperCase() : '';
    if (name === 'ROLLUP' || name === 'CUBE') throw unsupported(`GROUP BY ${name}`);
  }
  if ((query.offset ?? 0) > MAX_OFFSET) {
    throw new SoqlError(
      'NUMBER_OUTSIDE_VALID_RANGE',
      `Maximum SOQL offset allowed is ${MAX_OFFSET}`
    );
  }
  if (role === 'semi-join') {
    const clauses: [string, unknown][] = [
      ['GROUP BY', query.groupBy],
      ['ORDER BY', query.orderBy],
      ['LIMIT', query.limit],
      ['OFFSET', query.offset]
    ];
    for (const [clause, value] of clauses) {
      if (value !== undefined)
        throw malformed(`${clause} is not allowed in a semi-join sub-select`);
    }
  }
}

function accessLevel(query: Query): AccessLevel | null {
  if (query.withSecurityEnforced) return 'SECURITY_ENFORCED';
  return query.withAccessLevel ?? null;
}

function isAggregateQuery(query: Query): boolean {
  return (
    query.groupBy !== undefined ||
    (query.fields ?? []).some(
      (item) => item.type === 'FieldFunctionExpression' && isAggregateFunction(item)
    )
  );
}

/**
 * Runs one SOQL statement. `binds` holds the Apex bind variables by name: Date for datetimes,
 * 'YYYY-MM-DD' for dates, arrays or Sets for IN, plain strings, numbers and booleans otherwise.
 */
export function runQuery(org: QueryOrg, soql: string, binds: Binds = {}): QueryResult {
  const query = parse(soql, binds);
  assertSupported(query, 'query');
  const clock = zoneClock(org.timeZone);
  const context: QueryContext = {
    tables: org.tables,
    clock,
    today: clock.dayOf(org.asOf.getTime()),
    binds
  };
  const table = findTable(org.tables, query.sObject ?? '');
  const predicate = compileWhere(context, table, query.where, assertSupported);
  const orderBy: OrderByClause[] = asList(query.orderBy);
  if (isAggregateQuery(query)) {
    return {
      ...runAggregateQuery(context, table, query, predicate, orderBy),
      accessLevel: accessLevel(query)
    };
  }
  const { records } = runPlainQuery(context, table, query, predicate, orderBy);
  return {
    records,
    totalSize: records.length,
    // A plain query is charged the rows it returns.
    queryRowsCharged: records.length,
    accessLevel: accessLevel(query)
  };
}
