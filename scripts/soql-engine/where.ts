/**
 * Compiles a WHERE clause into one row predicate: names are resolved, literals and binds
 * converted and semi-join sub-selects run once, before any row is scanned.
 */
import type {
  Condition,
  LiteralType,
  Operator,
  Query,
  ValueQueryCondition,
  WhereClause
} from '@jetstreamapp/soql-parser-js';
import type { SObjectTable } from '../demo/model';
import { lookupBind } from './binds';
import { comparison, likePredicate } from './compare';
import { malformed, unsupported } from './errors';
import { compileField, compileScalar, isAggregateFunction } from './expressions';
import type { Expr, QueryContext } from './expressions';
import { compileLogic, logicTree } from './logic';
import type { Leaf, Predicate } from './logic';
import { findTable } from './schema';
import { bindCollection, bindValue, likePattern, literalOperand } from './values';
import type { Operand, Target } from './values';

/** Checks the clauses every query, outer or sub-select, may not use here. */
export type QueryCheck = (query: Query, role: 'semi-join') => void;

const MAX_SEMI_JOINS = 2;

interface ConditionParts {
  operator: Operator;
  value?: string | string[];
  literalType?: LiteralType | LiteralType[];
  dateLiteralVariable?: number | number[];
}

function at<T>(value: T | T[] | undefined, index: number): T | undefined {
  return Array.isArray(value) ? value[index] : value;
}

/** The operands of a condition whose right-hand side is literals or one bind variable. */
export function conditionOperands(
  context: QueryContext,
  target: Target,
  condition: ConditionParts
): Operand[] {
  const { operator, value } = condition;
  const isList = operator === 'IN' || operator === 'NOT IN';
  if (at(condition.literalType, 0) === 'APEX_BIND_VARIABLE') {
    const name = String(value);
    const bound = lookupBind(context.binds, name);
    const values = isList ? bindCollection(name, bound) : [bound];
    return values.map((element) => ({ kind: 'value', value: bindValue(target, name, element) }));
  }
  const texts = Array.isArray(value) ? value : [value ?? ''];
  if (Array.isArray(value) !== isList) {
    throw malformed(`${operator} needs ${isList ? 'a list of values' : 'one value'}`);
  }
  return texts.map((text, index) => {
    const literalType = at(condition.literalType, index) ?? 'STRING';
    const variable = at(condition.dateLiteralVariable, index) ?? undefined;
    return literalOperand(context, target, literalType, text, variable);
  });
}

/** A condition's left side and its comparison, for any expression reader (rows or groups). */
export function conditionPredicate(
  context: QueryContext,
  expr: Pick<Expr, 'type' | 'read' | 'signature'>,
  condition: ConditionParts
): Predicate {
  const target: Target = { type: expr.type, label: expr.signature };
  const { operator } = condition;
  if (operator === 'INCLUDES' || operator === 'EXCLUDES') throw unsupported(operator);
  if (operator === 'LIKE') {
    if (condition.literalType !== 'STRING' || typeof condition.value !== 'string') {
      throw malformed(`LIKE needs a quoted pattern for field '${expr.signature}'`);
    }
    return likePredicate(target, expr.read, likePattern(condition.value));
  }
  return comparison(target, expr.read, operator, conditionOperands(context, target, condition));
}

class WhereCompiler {
  private semiJoins = 0;
  private readonly context: QueryContext;
  private readonly table: SObjectTable;
  private readonly check: QueryCheck;
  private readonly allowSemiJoins: boolean;

  constructor(
    context: QueryContext,
    table: SObjectTable,
    check: QueryCheck,
    allowSemiJoins: boolean
  ) {
    this.context = context;
    this.table = table;
    this.check = check;
    this.allowSemiJoins = allowSemiJoins;
  }

  compile(where: WhereClause): Predicate {
    return compileLogic(logicTree(where), (leaf, topLevel) => this.leaf(leaf, topLevel));
  }

  private leaf(condition: Leaf, topLevel: boolean): Predicate {
    if ('valueQuery' in condition && condition.valueQuery) {
      return this.semiJoin(condition, topLevel);
    }
    const plain = condition as Condition & ConditionParts & { field?: string };
    let expr: Expr;
    if ('fn' in plain && plain.fn) {
      if (isAggregateFunction(plain.fn)) {
        throw malformed(
          `aggregate functions are not allowed in WHERE; use HAVING: ${plain.fn.rawValue}`
        );
      }
      expr = compileScalar(this.context, this.table, plain.fn);
    } else if (plain.field !== undefined) {
      expr = compileField(this.context, this.table, plain.field);
    } else {
      throw malformed('a WHERE condition has no field');
    }
    return conditionPredicate(this.context, expr, plain);
  }

  /** `field IN (SELECT ref FROM Other WHERE …)`: runs the sub-select once, then tests membership. */
  private semiJoin(condition: ValueQueryCondition, topLevel: boolean): Predicate {
    if (!this.allowSemiJoins) {
      throw malformed('Nesting of semi join sub-selects is not supported');
    }
    if (!topLevel) {
      throw malformed(
        'Semi join sub-selects are only allowed at the top level WHERE expressions and not in nested WHERE expressions'
      );
    }
    this.semiJoins += 1;
    if (this.semiJoins > MAX_SEMI_JOINS) {
      throw malformed(`a WHERE clause allows at most ${MAX_SEMI_JOINS} semi-join sub-selects`);
    }
    if (condition.operator !== 'IN' && condition.operator !== 'NOT IN') {
      throw malformed(`a sub-select needs IN or NOT IN, not ${condition.operator}`);
    }
    const left = compileField(this.context, this.table, condition.field);
    const ids = semiJoinIds(this.context, condition.valueQuery, this.check, left, this.table);
    const read = left.read;
    return condition.operator === 'IN'
      ? (row) => {
          const value = read(row);
          return value !== null && ids.has(value as string);
        }
      : (row) => {
          const value = read(row);
          return value === null || !ids.has(value as string);
        };
  }
}

/** The objects an Id or reference expression may point at (several for a polymorphic field). */
function pointsAt(expr: Expr, table: SObjectTable): readonly string[] {
  if (expr.type === 'id') return [table.name];
  const spec = expr.field?.spec;
  return spec?.referenceTargets ?? (spec?.referenceTo ? [spec.referenceTo] : []);
}

function semiJoinIds(
  context: QueryContext,
  query: Query,
  check: QueryCheck,
  left: Expr,
  leftTable: SObjectTable
): Set<string> {
  check(query, 'semi-join');
  const table = findTable(context.tables, query.sObject ?? '');
  const fields = query.fields ?? [];
  const [only] = fields;
  if (fields.length !== 1 || only.type !== 'Field') {
    throw malformed('a semi-join sub-select selects exactly one Id or reference field');
  }
  const selected = compileField(context, table, only.field);
  if (selected.type !== 'id' && selected.type !== 'reference') {
    throw malformed(
      `a semi-join sub-select must select an Id or reference field, not ${selected.signature}`
    );
  }
  if (left.type !== 'id' && left.type !== 'reference') {
    throw malformed(
      `a semi-join needs an Id or reference field on the left, not ${left.signature}`
    );
  }
  const leftObjects = pointsAt(left, leftTable);
  const rightObjects = pointsAt(selected, table);
  const shared = leftObjects.some((object) =>
    rightObjects.some((other) => other.toLowerCase() === object.toLowerCase())
  );
  if (leftObjects.length > 0 && rightObjects.length > 0 && !shared) {
    throw malformed(
      `${left.signature} holds ${leftObjects.join('/')} Ids but the sub-select returns ${rightObjects.join('/')} Ids`
    );
  }
  const predicate = query.where
    ? new WhereCompiler(context, table, check, false).compile(query.where)
    : () => true;
  const ids = new Set<string>();
  const read = selected.read;
  for (let row = 0; row < table.size; row += 1) {
    if (!predicate(row)) continue;
    const value = read(row);
    if (value !== null) ids.add(value as string);
  }
  return ids;
}

/** The row predicate of a WHERE clause (every row passes when there is none). */
export function compileWhere(
  context: QueryContext,
  table: SObjectTable,
  where: WhereClause | undefined,
  check: QueryCheck
): Predicate {
  if (!where) return () => true;
  return new WhereCompiler(context, table, check, true).compile(where);
}
