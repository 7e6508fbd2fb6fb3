/**
 * Comparison predicates, built once per condition: `=`, `!=`, `<`, `<=`, `>`, `>=`, IN, NOT IN and
 * LIKE with SOQL's rules. Text compares case-insensitively; a null boolean counts as FALSE;
 * `!=` and NOT IN keep rows whose value is null (unless null is the value compared with); the
 * ordering operators never match null. A relative date literal is a range of days.
 */
import type { Operator } from '@jetstreamapp/soql-parser-js';
import type { FieldValue } from '../demo/model';
import { malformed } from './errors';
import type { Predicate } from './logic';
import type { RowReader } from './schema';
import { domainOf } from './values';
import type { Domain, Operand, Target } from './values';

type Scalar = string | number | boolean;

function normalizer(domain: Domain): (value: Scalar) => Scalar {
  return domain === 'text' ? (value) => (value as string).toLowerCase() : (value) => value;
}

/** Reads values ready to compare: lower-cased text, FALSE for a null boolean. */
function normalizedReader(domain: Domain, read: RowReader): RowReader {
  if (domain === 'text') {
    return (index) => {
      const value = read(index);
      return value === null ? null : (value as string).toLowerCase();
    };
  }
  if (domain === 'boolean') return (index) => read(index) ?? false;
  return read;
}

function single(operator: Operator, operands: readonly Operand[], target: Target): Operand {
  if (operands.length !== 1) {
    throw malformed(`${operator} takes one value for field '${target.label}'`);
  }
  return operands[0];
}

function rangePredicate(
  operator: Operator,
  read: RowReader,
  start: number | string,
  end: number | string,
  target: Target
): Predicate {
  switch (operator) {
    case '=':
      return (index) => {
        const value = read(index);
        return value !== null && value >= start && value < end;
      };
    case '!=':
      return (index) => {
        const value = read(index);
        return value === null || value < start || value >= end;
      };
    case '<':
      return (index) => {
        const value = read(index);
        return value !== null && value < start;
      };
    case '<=':
      return (index) => {
        const value = read(index);
        return value !== null && value < end;
      };
    case '>':
      return (index) => {
        const value = read(index);
        return value !== null && value >= end;
      };
    case '>=':
      return (index) => {
        const value = read(index);
        return value !== null && value >= start;
      };
    default:
      throw malformed(`${operator} cannot compare field '${target.label}' with a date literal`);
  }
}

function valuePredicate(
  operator: Operator,
  read: RowReader,
  domain: Domain,
  target: Target,
  raw: FieldValue
): Predicate {
  const value = raw === null ? (domain === 'boolean' ? false : null) : normalizer(domain)(raw);
  if (operator === '=') return (index) => read(index) === value;
  if (operator === '!=') return (index) => read(index) !== value;
  if (domain === 'boolean') {
    throw malformed(`${operator} is not a valid operator for the boolean field '${target.label}'`);
  }
  if (value === null) return () => false;
  switch (operator) {
    case '<':
      return (index) => {
        const candidate = read(index);
        return candidate !== null && candidate < value;
      };
    case '<=':
      return (index) => {
        const candidate = read(index);
        return candidate !== null && candidate <= value;
      };
    case '>':
      return (index) => {
        const candidate = read(index);
        return candidate !== null && candidate > value;
      };
    case '>=':
      return (index) => {
        const candidate = read(index);
        return candidate !== null && candidate >= value;
      };
    default:
      throw malformed(`unexpected operator ${operator} for field '${target.label}'`);
  }
}

function membershipPredicate(
  negated: boolean,
  read: RowReader,
  domain: Domain,
  operands: readonly Operand[]
): Predicate {
  const normalize = normalizer(domain);
  const values = new Set<Scalar>();
  const ranges: { start: number | string; end: number | string }[] = [];
  let nullListed = false;
  for (const operand of operands) {
    if (operand.kind === 'range') ranges.push(operand);
    else if (operand.value === null) nullListed = true;
    else values.add(normalize(operand.value));
  }
  if (domain === 'boolean' && nullListed) values.add(false);
  const member =
    ranges.length === 0
      ? (value: Scalar): boolean => values.has(value)
      : (value: Scalar): boolean =>
          values.has(value) || ranges.some((range) => value >= range.start && value < range.end);
  return negated
    ? (index) => {
        const value = read(index);
        return value === null ? !nullListed : !member(value);
      }
    : (index) => {
        const value = read(index);
        return value === null ? nullListed : member(value);
      };
}

/** A predicate for `target operator operands`, reading the target's value with `read`. */
export function comparison(
  target: Target,
  read: RowReader,
  operator: Operator,
  operands: readonly Operand[]
): Predicate {
  const domain = domainOf(target.type);
  const normalizedRead = normalizedReader(domain, read);
  if (operator === 'IN' || operator === 'NOT IN') {
    return membershipPredicate(operator === 'NOT IN', normalizedRead, domain, operands);
  }
  const operand = single(operator, operands, target);
  if (operand.kind === 'range') {
    return rangePredicate(operator, normalizedRead, operand.start, operand.end, target);
  }
  return valuePredicate(operator, normalizedRead, domain, target, operand.value);
}

/** `field LIKE 'pattern'` on a text field; null never matches. */
export function likePredicate(target: Target, read: RowReader, pattern: RegExp): Predicate {
  if (domainOf(target.type) !== 'text') {
    throw malformed(`LIKE can only filter string fields; '${target.label}' is a ${target.type}`);
  }
  return (index) => {
    const value = read(index);
    return value !== null && pattern.test(value as string);
  };
}
