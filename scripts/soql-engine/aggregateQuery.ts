/**
 * Runs aggregate queries: GROUP BY fields and date functions, COUNT / COUNT_DISTINCT / SUM / AVG /
 * MIN / MAX, HAVING, ORDER BY on groups, OFFSET/LIMIT, and the flat REST-style records (keys are
 * aliases, exprN for unaliased functions, the field name for grouped fields). Also `SELECT COUNT()`.
 */
import type {
  FieldType as SelectItem,
  FunctionExp,
  HavingClause,
  OrderByClause,
  Query
} from '@jetstreamapp/soql-parser-js';
import type { FieldType, FieldValue, SObjectTable } from '../demo/model';
import { malformed } from './errors';
import { compileField, compileScalar, functionName, isAggregateFunction } from './expressions';
import type { Expr, QueryContext } from './expressions';
import { compileLogic, logicTree } from './logic';
import type { Predicate } from './logic';
import { compareValues, sortDirection, sortIndices } from './ordering';
import type { SortKey } from './ordering';
import type { RowReader } from './schema';
import { domainOf, formatterFor } from './values';
import { conditionPredicate } from './where';

/**
 * An aggregate function as three plain functions over a state (a count, a sum, a Set…). Every
 * group keeps its states in an array and the scan calls the same `add` for all groups: closures
 * per group would make that call site megamorphic and the scan several times slower.
 */
interface AggregateSpec {
  readonly signature: string;
  readonly name: string;
  readonly type: FieldType;
  readonly init: () => unknown;
  readonly add: (state: unknown, row: number) => unknown;
  readonly result: (state: unknown) => FieldValue;
}

type Aggregation = Pick<AggregateSpec, 'init' | 'add' | 'result'>;

/** A value of every group: a GROUP BY key or an aggregate. */
interface Column {
  readonly index: number;
  readonly type: FieldType;
  readonly signature: string;
}

/** Types Salesforce does not allow in GROUP BY. */
const NOT_GROUPABLE = new Set<FieldType>(['datetime', 'double', 'currency', 'percent']);

const COUNT_FAMILY = new Set(['COUNT', 'COUNT_DISTINCT']);

const COUNT_ROWS: Aggregation = {
  init: () => 0,
  add: (count) => (count as number) + 1,
  result: (count) => count as number
};

function aggregation(name: string, expr: Expr): Aggregation {
  const read = expr.read;
  switch (name) {
    case 'COUNT':
      if (expr.type === 'id' && !expr.field?.hops.length) return COUNT_ROWS;
      return {
        init: () => 0,
        add: (count, row) => (read(row) === null ? count : (count as number) + 1),
        result: (count) => count as number
      };
    case 'COUNT_DISTINCT': {
      const text = domainOf(expr.type) === 'text';
      return {
        init: () => new Set<FieldValue>(),
        add: (seen, row) => {
          const value = read(row);
          if (value !== null)
            (seen as Set<FieldValue>).add(text ? (value as string).toLowerCase() : value);
          return seen;
        },
        result: (seen) => (seen as Set<FieldValue>).size
      };
    }
    case 'SUM':
    case 'AVG':
      return {
        init: () => ({ sum: 0, count: 0 }),
        add: (state, row) => {
          const value = read(row);
          if (value !== null) {
            const totals = state as { sum: number; count: number };
            totals.sum += value as number;
            totals.count += 1;
          }
          return state;
        },
        result: (state) => {
          const { sum, count } = state as { sum: number; count: number };
          return count === 0 ? null : name === 'SUM' ? sum : sum / count;
        }
      };
    default: {
      const sign = name === 'MAX' ? 1 : -1;
      return {
        init: () => null,
        add: (best, row) => {
          const value = read(row);
          return value !== null &&
            (best === null || sign * compareValues(expr.type, value, best as FieldValue) > 0)
            ? value
            : best;
        },
        result: (best) => best as FieldValue
      };
    }
  }
}

function aggregateSpec(context: QueryContext, table: SObjectTable, fn: FunctionExp): AggregateSpec {
  const name = functionName(fn);
  const parameters = fn.parameters ?? [];
  if (name === 'COUNT' && parameters.length === 0) {
    return { signature: 'COUNT()', name, type: 'int', ...COUNT_ROWS };
  }
  const [parameter] = parameters;
  if (parameters.length !== 1 || typeof parameter !== 'string') {
    throw malformed(`${fn.functionName}() takes exactly one field: ${fn.rawValue}`);
  }
  const expr = compileField(context, table, parameter);
  const domain = domainOf(expr.type);
  const numericOnly = name === 'SUM' || name === 'AVG';
  if ((numericOnly && domain !== 'number') || (!COUNT_FAMILY.has(name) && domain === 'boolean')) {
    throw malformed(`field ${expr.signature} does not support aggregate operator ${name}`);
  }
  const type: FieldType = COUNT_FAMILY.has(name) ? 'int' : name === 'AVG' ? 'double' : expr.type;
  return {
    signature: `${name}(${expr.signature})`,
    name,
    type,
    ...aggregation(name, expr)
  };
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export interface AggregateResult {
  records: Record<string, unknown>[];
  totalSize: number;
  queryRowsCharged: number;
}

/** `SELECT COUNT() FROM …`: no records, the count as totalSize, one query row charged. */
export function isCountQuery(query: Query): boolean {
  return (query.fields ?? []).some(
    (item) =>
      item.type === 'FieldFunctionExpression' &&
      functionName(item) === 'COUNT' &&
      item.parameters.length === 0
  );
}

function runCountQuery(table: SObjectTable, query: Query, predicate: Predicate): AggregateResult {
  if ((query.fields ?? []).length !== 1) {
    throw malformed('COUNT() must be the only element in the SELECT list');
  }
  if (query.groupBy) throw malformed('COUNT() cannot be used with GROUP BY; use COUNT(Id)');
  let count = 0;
  for (let row = 0; row < table.size; row += 1) if (predicate(row)) count += 1;
  const afterOffset = Math.max(0, count - (query.offset ?? 0));
  const totalSize = Math.min(afterOffset, query.limit ?? Infinity);
  // Salesforce charges a COUNT() query one query row, whatever it counts.
  return { records: [], totalSize, queryRowsCharged: 1 };
}

class AggregatePlan {
  readonly groups: Expr[] = [];
  readonly aggregates: AggregateSpec[] = [];
  /** Finished groups, one array of column values each; filled after the scan. */
  rows: FieldValue[][] = [];
  private readonly context: QueryContext;
  private readonly table: SObjectTable;

  constructor(context: QueryContext, table: SObjectTable, groupBy: Query['groupBy']) {
    this.context = context;
    this.table = table;
    for (const item of asList(groupBy)) {
      const expr = compileScalar(context, table, 'field' in item ? item.field : item.fn);
      if (NOT_GROUPABLE.has(expr.type)) {
        throw malformed(`field '${expr.signature}' can not be grouped in a query call`);
      }
      this.groups.push(expr);
    }
  }

  reader(column: Column): RowReader {
    const index = column.index;
    return (group) => this.rows[group][index];
  }

  /** The column a SELECT, HAVING or ORDER BY item stands for; `what` words the error. */
  column(item: string | FunctionExp, what: string): Column {
    if (typeof item !== 'string' && isAggregateFunction(item)) {
      const spec = aggregateSpec(this.context, this.table, item);
      let index = this.aggregates.findIndex((known) => known.signature === spec.signature);
      if (index < 0) index = this.aggregates.push(spec) - 1;
      return { index: this.groups.length + index, type: spec.type, signature: spec.signature };
    }
    const expr = compileScalar(this.context, this.table, item);
    const signature = expr.signature.toLowerCase();
    const index = this.groups.findIndex((group) => group.signature.toLowerCase() === signature);
    if (index < 0) throw malformed(`${what} must be grouped or aggregated: ${expr.signature}`);
    return { index, type: expr.type, signature: expr.signature };
  }

  /** Scans the matching rows into groups; returns how many rows matched. */
  scan(predicate: Predicate): number {
    const reads = this.groups.map((group) => group.read);
    const adds = this.aggregates.map((spec) => spec.add);
    const groups: { keys: FieldValue[]; states: unknown[] }[] = [];
    const newGroup = (row: number) => {
      const group = {
        keys: reads.map((read) => read(row)),
        states: this.aggregates.map((spec) => spec.init())
      };
      groups.push(group);
      return group;
    };
    type Group = ReturnType<typeof newGroup>;
    let find: (row: number) => Group;
    // Nested maps, one level per key: no per-row string keys. One and two keys (the common
    // cases) get their own closures, which V8 optimises far better than the general loop.
    if (reads.length === 0) {
      const only = newGroup(0);
      find = () => only;
    } else if (reads.length === 1) {
      const [read] = reads;
      const groupOf = new Map<FieldValue, Group>();
      find = (row) => {
        const value = read(row);
        let group = groupOf.get(value);
        if (!group) {
          group = newGroup(row);
          groupOf.set(value, group);
        }
        return group;
      };
    } else if (reads.length === 2) {
      const [readFirst, readSecond] = reads;
      const byFirst = new Map<FieldValue, Map<FieldValue, Group>>();
      find = (row) => {
        const first = readFirst(row);
        let groupOf = byFirst.get(first);
        if (!groupOf) {
          groupOf = new Map();
          byFirst.set(first, groupOf);
        }
        const second = readSecond(row);
        let group = groupOf.get(second);
        if (!group) {
          group = newGroup(row);
          groupOf.set(second, group);
        }
        return group;
      };
    } else {
      const root = new Map<FieldValue, unknown>();
      const last = reads.length - 1;
      find = (row) => {
        let level = root;
        for (let key = 0; key < last; key += 1) {
          const value = reads[key](row);
          let next = level.get(value) as Map<FieldValue, unknown> | undefined;
          if (!next) {
            next = new Map();
            level.set(value, next);
          }
          level = next;
        }
        const value = reads[last](row);
        let group = level.get(value) as Group | undefined;
        if (!group) {
          group = newGroup(row);
          level.set(value, group);
        }
        return group;
      };
    }
    let matched = 0;
    for (let row = 0; row < this.table.size; row += 1) {
      if (!predicate(row)) continue;
      matched += 1;
      const states = find(row).states;
      for (let index = 0; index < adds.length; index += 1) {
        states[index] = adds[index](states[index], row);
      }
    }
    this.rows = groups.map((group) => [
      ...group.keys,
      ...group.states.map((state, index) => this.aggregates[index].result(state))
    ]);
    return matched;
  }
}

interface Output {
  readonly key: string;
  readonly column: Column;
  /** Whether the query named the key (`COUNT(Id) attempts`); only such aliases sort. */
  readonly aliased: boolean;
}

function selectOutputs(plan: AggregatePlan, fields: readonly SelectItem[]): Output[] {
  const outputs: Output[] = [];
  let unnamed = 0;
  for (const item of fields) {
    let key: string;
    let column: Column;
    const alias = 'alias' in item ? item.alias : undefined;
    if (item.type === 'Field' || item.type === 'FieldRelationship') {
      const path =
        item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.');
      column = plan.column(path, 'Field');
      key = alias ?? (column.signature.split('.').pop() as string);
    } else if (item.type === 'FieldFunctionExpression') {
      column = plan.column(item, 'Field');
      key = alias ?? `expr${unnamed++}`;
    } else {
      throw malformed(`unexpected SELECT item ${item.type} in an aggregate query`);
    }
    if (outputs.some((output) => output.key.toLowerCase() === key.toLowerCase())) {
      throw malformed(`duplicate alias: ${key}`);
    }
    outputs.push({ key, column, aliased: alias !== undefined });
  }
  return outputs;
}

function havingPredicate(
  context: QueryContext,
  plan: AggregatePlan,
  having: HavingClause | undefined
): Predicate {
  if (!having) return () => true;
  return compileLogic(logicTree(having), (condition) => {
    if ('valueQuery' in condition) throw malformed('semi-joins are not allowed in HAVING');
    const item = 'fn' in condition ? condition.fn : (condition as { field: string }).field;
    const column = plan.column(item, 'Field in HAVING');
    return conditionPredicate(
      context,
      { type: column.type, read: plan.reader(column), signature: column.signature },
      condition as Parameters<typeof conditionPredicate>[2]
    );
  });
}

function sortKeys(
  plan: AggregatePlan,
  outputs: Output[],
  orderBy: readonly OrderByClause[]
): SortKey[] {
  return orderBy.map((item) => {
    let column: Column;
    if ('field' in item) {
      const alias = outputs.find(
        (output) => output.aliased && output.key.toLowerCase() === item.field.toLowerCase()
      );
      column = alias ? alias.column : plan.column(item.field, 'Ordered field');
    } else {
      column = plan.column(item.fn, 'Ordered field');
    }
    return { type: column.type, read: plan.reader(column), ...sortDirection(item) };
  });
}

/**
 * Query rows charged for an aggregate query, by the rule of the Apex Developer Guide ("Working with
 * SOQL Aggregate Functions"): "All aggregate functions other than COUNT() or COUNT(fieldname)
 * include each row used by the aggregation as a query row … For COUNT() or COUNT(fieldname)
 * queries, limits are counted as one query row, unless the query contains a GROUP BY clause, in
 * which case one query row per grouping is consumed." So:
 * - every aggregate (in SELECT, HAVING and ORDER BY) is COUNT(field): one row per group returned
 *   (after HAVING, OFFSET and LIMIT), or one row without GROUP BY;
 * - any other aggregate (COUNT_DISTINCT, SUM, AVG, MIN, MAX): one row per row that matched WHERE;
 * - `SELECT COUNT()` without GROUP BY: one row (see runCountQuery).
 */
function rowsCharged(plan: AggregatePlan, matched: number, returned: number): number {
  const countsOnly = plan.aggregates.every((spec) => spec.name === 'COUNT');
  if (!countsOnly) return matched;
  return plan.groups.length > 0 ? returned : 1;
}

export function runAggregateQuery(
  context: QueryContext,
  table: SObjectTable,
  query: Query,
  predicate: Predicate,
  orderBy: readonly OrderByClause[]
): AggregateResult {
  if (isCountQuery(query)) return runCountQuery(table, query, predicate);
  const plan = new AggregatePlan(context, table, query.groupBy);
  const outputs = selectOutputs(plan, query.fields ?? []);
  const having = havingPredicate(context, plan, query.having);
  const keys = sortKeys(plan, outputs, orderBy);
  const matched = plan.scan(predicate);
  const kept = plan.rows.map((_row, index) => index).filter((index) => having(index));
  const offset = query.offset ?? 0;
  const page = sortIndices(kept, keys).slice(
    offset,
    query.limit === undefined ? undefined : offset + query.limit
  );
  const formats = outputs.map((output) => formatterFor(output.column.type));
  const records = page.map((group) => {
    const record: Record<string, unknown> = {};
    outputs.forEach((output, index) => {
      record[output.key] = formats[index](plan.rows[group][output.column.index]);
    });
    return record;
  });
  return {
    records,
    totalSize: records.length,
    queryRowsCharged: rowsCharged(plan, matched, records.length)
  };
}
