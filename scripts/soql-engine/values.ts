/**
 * The right-hand side of a condition: literals (strings, numbers, booleans, null, dates,
 * datetimes, relative date literals) and bind values, checked against the type of the field they
 * are compared with and converted to the engine's value domain. Also the REST-style formatting of
 * result values.
 */
import type { LiteralType } from '@jetstreamapp/soql-parser-js';
import type { FieldType, FieldValue } from '../demo/model';
import { formatDay, parseDay, relativeDateRange } from './calendar';
import { invalidBind, invalidField, malformed, unsupported } from './errors';
import type { QueryContext } from './expressions';

/** How values of a field type compare. */
export type Domain = 'text' | 'id' | 'number' | 'boolean' | 'date' | 'datetime';

export function domainOf(type: FieldType): Domain {
  switch (type) {
    case 'string':
    case 'picklist':
    case 'email':
      return 'text';
    case 'id':
    case 'reference':
      return 'id';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    default:
      return type;
  }
}

/**
 * One value to compare with, or the range of instants or days a relative date literal covers
 * (`start` included, `end` excluded; epoch ms for datetimes, 'YYYY-MM-DD' for dates).
 */
export type Operand =
  | { readonly kind: 'value'; readonly value: FieldValue }
  | { readonly kind: 'range'; readonly start: number | string; readonly end: number | string };

/** The target the operand is compared with: its type and a name for messages. */
export interface Target {
  readonly type: FieldType;
  readonly label: string;
}

const SALESFORCE_TYPE_NAME: Record<Domain, string> = {
  text: 'string',
  id: 'id',
  number: 'double',
  boolean: 'boolean',
  date: 'date',
  datetime: 'dateTime'
};

function wrongType(target: Target): Error {
  const domain = domainOf(target.type);
  const quoting =
    domain === 'text' || domain === 'id'
      ? 'should be enclosed in quotes'
      : 'should not be enclosed in quotes';
  return invalidField(
    `value of filter criterion for field '${target.label}' must be of type ${SALESFORCE_TYPE_NAME[domain]} and ${quoting}`
  );
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
  '%': '%',
  _: '_'
};

/** The text of a quoted SOQL string literal, with its backslash escapes resolved. */
export function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, (_match, character: string) => {
    const resolved = ESCAPES[character.toLowerCase()] ?? ESCAPES[character];
    if (resolved === undefined)
      throw malformed(`invalid escape sequence \\${character} in ${literal}`);
    return resolved;
  });
}

/** A LIKE pattern as a case-insensitive regular expression: % is any run, _ any one character. */
export function likePattern(literal: string): RegExp {
  const body = literal.slice(1, -1);
  let source = '';
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index];
    if (character === '\\' && index + 1 < body.length) {
      index += 1;
      const escaped = body[index];
      const resolved = ESCAPES[escaped.toLowerCase()] ?? ESCAPES[escaped] ?? escaped;
      source += resolved.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    } else if (character === '%') {
      source += '.*';
    } else if (character === '_') {
      source += '.';
    } else {
      source += character.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'is');
}

const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

function dateRange(context: QueryContext, target: Target, literal: string, n?: number): Operand {
  const domain = domainOf(target.type);
  if (domain !== 'date' && domain !== 'datetime') throw wrongType(target);
  const [name] = literal.split(':');
  const days = relativeDateRange(name, n, context.today);
  // Against a datetime field a date literal covers whole days of the running user's time zone.
  return domain === 'date'
    ? { kind: 'range', start: formatDay(days.start), end: formatDay(days.end) }
    : {
        kind: 'range',
        start: context.clock.startOfDay(days.start),
        end: context.clock.startOfDay(days.end)
      };
}

/** One literal from a condition, checked against the target's type. */
export function literalOperand(
  context: QueryContext,
  target: Target,
  literalType: LiteralType,
  text: string,
  n?: number
): Operand {
  const domain = domainOf(target.type);
  const value = (v: FieldValue): Operand => ({ kind: 'value', value: v });
  switch (literalType) {
    case 'NULL':
      return value(null);
    case 'STRING':
      if (domain !== 'text' && domain !== 'id') throw wrongType(target);
      return value(unquote(text));
    case 'INTEGER':
    case 'DECIMAL':
      if (domain !== 'number') throw wrongType(target);
      return value(Number(text));
    case 'BOOLEAN':
      if (domain !== 'boolean') throw wrongType(target);
      return value(text.toUpperCase() === 'TRUE');
    case 'DATE': {
      if (domain !== 'date' || parseDay(text) === undefined) throw wrongType(target);
      return value(text);
    }
    case 'DATETIME': {
      if (domain !== 'datetime' || !DATETIME_PATTERN.test(text)) throw wrongType(target);
      return value(Date.parse(text));
    }
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL':
      return dateRange(context, target, text, n);
    case 'INTEGER_WITH_CURRENCY_PREFIX':
    case 'DECIMAL_WITH_CURRENCY_PREFIX':
      throw unsupported(`the currency-prefixed literal ${text}`);
    default:
      throw malformed(`unexpected ${literalType} value ${text} for field '${target.label}'`);
  }
}

/** A bound Apex value converted to the target's domain (Date → epoch ms for datetimes). */
export function bindValue(target: Target, name: string, bound: unknown): FieldValue {
  if (bound === null || bound === undefined) return null;
  const domain = domainOf(target.type);
  const refuse = (expected: string): Error =>
    invalidBind(
      `:${name} is compared with ${target.label} (${target.type}) and must be ${expected}, not ${describe(bound)}`
    );
  switch (domain) {
    case 'datetime':
      if (!(bound instanceof Date) || Number.isNaN(bound.getTime())) throw refuse('a valid Date');
      return bound.getTime();
    case 'date':
      if (typeof bound !== 'string' || parseDay(bound) === undefined) {
        throw refuse("a 'YYYY-MM-DD' string");
      }
      return bound;
    case 'number':
      if (typeof bound !== 'number' || !Number.isFinite(bound)) throw refuse('a number');
      return bound;
    case 'boolean':
      if (typeof bound !== 'boolean') throw refuse('a boolean');
      return bound;
    default:
      if (typeof bound !== 'string') throw refuse('a string');
      return bound;
  }
}

function describe(value: unknown): string {
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Set) return 'a Set';
  return `a ${typeof value}`;
}

/** Elements of a bound collection for IN / NOT IN: an array or a Set. */
export function bindCollection(name: string, bound: unknown): readonly unknown[] {
  if (Array.isArray(bound)) return bound;
  if (bound instanceof Set) return [...bound];
  throw invalidBind(
    `:${name} is used with IN and must be an array or a Set, not ${describe(bound)}`
  );
}

/** Formats a value the way the REST API returns it. */
export function formatterFor(type: FieldType): (value: FieldValue) => unknown {
  if (type !== 'datetime') return (value) => value;
  return (value) => (value === null ? null : formatDatetime(value as number));
}

/** '2026-11-23T12:00:00.000+0000', as the REST API writes datetimes. */
export function formatDatetime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}
