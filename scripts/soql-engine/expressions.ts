/**
 * Scalar expressions: a field path or a date function (DAY_ONLY, CALENDAR_MONTH…, optionally over
 * convertTimezone), compiled once into a row reader with a value type and a canonical signature
 * that matches SELECT items against GROUP BY, HAVING and ORDER BY.
 */
import type { FunctionExp } from '@jetstreamapp/soql-parser-js';
import type { FieldType, FieldValue, SObjectTable } from '../demo/model';
import { dayParts, formatDay, parseDay } from './calendar';
import type { DayParts, ZoneClock } from './calendar';
import { malformed, unsupported } from './errors';
import { resolveField } from './schema';
import type { ResolvedField, RowReader, Tables } from './schema';

export interface QueryContext {
  readonly tables: Tables;
  readonly clock: ZoneClock;
  /** The running user's calendar day when the query runs (relative date literals count from it). */
  readonly today: number;
  readonly binds: Readonly<Record<string, unknown>>;
}

export interface Expr {
  readonly type: FieldType;
  readonly read: RowReader;
  /** Canonical text (`UserRole.Name`, `DAY_ONLY(convertTimezone(LoginTime))`). */
  readonly signature: string;
  /** Set when the expression is a plain field path. */
  readonly field?: ResolvedField;
}

export const AGGREGATE_FUNCTIONS = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

/** Functions that are valid SOQL but that the demo engine does not run. */
const UNSUPPORTED_FUNCTIONS = new Set([
  'FORMAT',
  'TOLABEL',
  'CONVERTCURRENCY',
  'DISTANCE',
  'GEOLOCATION',
  'GROUPING',
  'FIELDS'
]);

interface DateFunction {
  readonly type: FieldType;
  readonly datetimeOnly: boolean;
  /** From the calendar day (and hour, for datetimes) to the function's value. */
  readonly value: (day: number, parts: () => DayParts, hour: () => number) => FieldValue;
}

const DAY_STRINGS = new Map<number, string>();
const DAY_PARTS = new Map<number, DayParts>();

function cachedDayString(day: number): string {
  let text = DAY_STRINGS.get(day);
  if (text === undefined) {
    text = formatDay(day);
    DAY_STRINGS.set(day, text);
  }
  return text;
}

function cachedDayParts(day: number): DayParts {
  let parts = DAY_PARTS.get(day);
  if (parts === undefined) {
    parts = dayParts(day);
    DAY_PARTS.set(day, parts);
  }
  return parts;
}

const DATE_FUNCTIONS: Readonly<Record<string, DateFunction>> = {
  DAY_ONLY: { type: 'date', datetimeOnly: true, value: (day) => cachedDayString(day) },
  HOUR_IN_DAY: { type: 'int', datetimeOnly: true, value: (_day, _parts, hour) => hour() },
  CALENDAR_YEAR: { type: 'int', datetimeOnly: false, value: (_day, parts) => parts().year },
  CALENDAR_QUARTER: {
    type: 'int',
    datetimeOnly: false,
    value: (_day, parts) => Math.ceil(parts().month / 3)
  },
  CALENDAR_MONTH: { type: 'int', datetimeOnly: false, value: (_day, parts) => parts().month },
  DAY_IN_MONTH: { type: 'int', datetimeOnly: false, value: (_day, parts) => parts().dayOfMonth },
  DAY_IN_WEEK: { type: 'int', datetimeOnly: false, value: (_day, parts) => parts().weekday + 1 },
  DAY_IN_YEAR: { type: 'int', datetimeOnly: false, value: (_day, parts) => parts().dayOfYear },
  WEEK_IN_MONTH: {
    type: 'int',
    datetimeOnly: false,
    value: (_day, parts) => Math.ceil(parts().dayOfMonth / 7)
  },
  WEEK_IN_YEAR: {
    type: 'int',
    datetimeOnly: false,
    value: (_day, parts) => Math.ceil(parts().dayOfYear / 7)
  }
};

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

export function functionName(fn: FunctionExp): string {
  return (fn.functionName ?? '').toUpperCase();
}

export function isAggregateFunction(fn: FunctionExp): boolean {
  return AGGREGATE_FUNCTIONS.has(functionName(fn));
}

/** Refuses functions the engine does not implement, naming them as the query spelled them. */
export function assertKnownFunction(fn: FunctionExp): void {
  const name = functionName(fn);
  if (UNSUPPORTED_FUNCTIONS.has(name) || name.startsWith('FISCAL_')) {
    throw unsupported(`${fn.functionName}()`);
  }
  if (name === 'CONVERTTIMEZONE') {
    throw malformed('convertTimezone() can only be used inside a date function');
  }
  if (!AGGREGATE_FUNCTIONS.has(name) && !(name in DATE_FUNCTIONS)) {
    throw malformed(`unknown function ${fn.functionName}()`);
  }
}

export function compileField(context: QueryContext, table: SObjectTable, path: string): Expr {
  const field = resolveField(context.tables, table, path);
  return { type: field.spec.type, read: field.read, signature: field.path.join('.'), field };
}

function singleParameter(fn: FunctionExp): string | FunctionExp {
  const parameters = fn.parameters ?? [];
  if (parameters.length !== 1) {
    throw malformed(`${fn.functionName}() takes exactly one field`);
  }
  return parameters[0];
}

/** A date function over a field, or over convertTimezone(field). */
function compileDateFunction(context: QueryContext, table: SObjectTable, fn: FunctionExp): Expr {
  const name = functionName(fn);
  const definition = DATE_FUNCTIONS[name];
  const parameter = singleParameter(fn);
  let converted = false;
  let path: string;
  if (typeof parameter === 'string') {
    path = parameter;
  } else if (functionName(parameter) === 'CONVERTTIMEZONE') {
    const inner = singleParameter(parameter);
    if (typeof inner !== 'string') throw malformed('convertTimezone() takes a datetime field');
    converted = true;
    path = inner;
  } else {
    throw malformed(`${fn.functionName}() takes a field, not ${parameter.functionName}()`);
  }
  const source = compileField(context, table, path);
  const fieldText = converted ? `convertTimezone(${source.signature})` : source.signature;
  const signature = `${name}(${fieldText})`;
  if (converted && source.type !== 'datetime') {
    throw malformed(
      `convertTimezone() needs a datetime field; ${source.signature} is a ${source.type}`
    );
  }
  if (source.type !== 'datetime' && (source.type !== 'date' || definition.datetimeOnly)) {
    throw malformed(
      `${name}() needs a ${definition.datetimeOnly ? 'datetime' : 'date or datetime'} field; ${source.signature} is a ${source.type}`
    );
  }
  const read = source.read;
  const clock = context.clock;
  let dayAndHour: (value: FieldValue) => [number, number];
  if (source.type === 'date') {
    dayAndHour = (value) => [parseDay(value as string) ?? NaN, 0];
  } else if (converted) {
    dayAndHour = (value) => [clock.dayOf(value as number), clock.hourOf(value as number)];
  } else {
    dayAndHour = (value) => {
      const ms = value as number;
      return [
        Math.floor(ms / MS_PER_DAY),
        Math.floor((ms - Math.floor(ms / MS_PER_DAY) * MS_PER_DAY) / MS_PER_HOUR)
      ];
    };
  }
  return {
    type: definition.type,
    signature,
    read: (row) => {
      const value = read(row);
      if (value === null) return null;
      const [day, hour] = dayAndHour(value);
      return definition.value(
        day,
        () => cachedDayParts(day),
        () => hour
      );
    }
  };
}

/** A field path or a (non-aggregate) date function. */
export function compileScalar(
  context: QueryContext,
  table: SObjectTable,
  item: string | FunctionExp
): Expr {
  if (typeof item === 'string') return compileField(context, table, item);
  assertKnownFunction(item);
  if (isAggregateFunction(item)) {
    throw malformed(`aggregate function ${item.functionName}() is not allowed here`);
  }
  return compileDateFunction(context, table, item);
}
