/**
 * Apex equality and ordering (Apex Developer Guide, "Expression Operators"): `==` compares strings
 * case-insensitively, Ids by their 18-character form, numbers by value across kinds, collections
 * element by element and SObjects field by field; user objects by reference (a class's own
 * equals is the interpreter's to call). `equals` is the same with case-sensitive strings.
 */
import {
  ApexDate,
  ApexDatetime,
  ApexEnumValue,
  ApexId,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  ApexType,
  SObjectValue,
  valueKey,
  type ApexValue
} from '../values';
import type { LibraryContext } from './context';
import { compareNumeric } from './numeric';
import { isNumeric } from './support';

export interface EqualityOptions {
  /** True for `==` (String comparison ignores case), false for `equals`. */
  readonly ignoreCase: boolean;
}

function idText(value: string): string | undefined {
  try {
    return new ApexId(value).value;
  } catch {
    return undefined;
  }
}

function stringsEqual(left: string, right: string, options: EqualityOptions): boolean {
  return options.ignoreCase ? left.toLowerCase() === right.toLowerCase() : left === right;
}

export function apexEquals(
  ctx: LibraryContext,
  left: ApexValue,
  right: ApexValue,
  options: EqualityOptions
): boolean {
  if (left === null || right === null) return left === right;
  if (left instanceof ApexId || right instanceof ApexId) {
    const a = left instanceof ApexId ? left.value : typeof left === 'string' ? idText(left) : null;
    const b =
      right instanceof ApexId ? right.value : typeof right === 'string' ? idText(right) : null;
    return a !== null && a !== undefined && a === b;
  }
  if (typeof left === 'string' && typeof right === 'string') {
    return stringsEqual(left, right, options);
  }
  if (isNumeric(left) && isNumeric(right)) return compareNumeric(left, right) === 0;
  if (left instanceof ApexDate && right instanceof ApexDate) {
    return left.toEpochDay() === right.toEpochDay();
  }
  if (left instanceof ApexDatetime && right instanceof ApexDatetime) {
    return left.epochMillis === right.epochMillis;
  }
  if (left instanceof ApexTime && right instanceof ApexTime) {
    return left.millisOfDay === right.millisOfDay;
  }
  if (left instanceof ApexEnumValue && right instanceof ApexEnumValue) {
    return left.enumName.toLowerCase() === right.enumName.toLowerCase() && left.name === right.name;
  }
  if (left instanceof ApexType && right instanceof ApexType) {
    return valueKeyOfType(left) === valueKeyOfType(right);
  }
  if (left instanceof ApexList && right instanceof ApexList) {
    return (
      left.items.length === right.items.length &&
      left.items.every((item, index) => apexEquals(ctx, item, right.items[index], options))
    );
  }
  if (left instanceof ApexSet && right instanceof ApexSet) {
    return (
      left.entries.size === right.entries.size &&
      [...left.entries.keys()].every((key) => right.entries.has(key))
    );
  }
  if (left instanceof ApexMap && right instanceof ApexMap) {
    return (
      left.entries.size === right.entries.size &&
      [...left.entries].every(([key, entry]) => {
        const other = right.entries.get(key);
        return other !== undefined && apexEquals(ctx, entry.value, other.value, options);
      })
    );
  }
  if (left instanceof SObjectValue && right instanceof SObjectValue) {
    return sObjectsEqual(ctx, left, right, options);
  }
  return left === right;
}

function valueKeyOfType(value: ApexType): string {
  return JSON.stringify(value.type).toLowerCase();
}

function sObjectsEqual(
  ctx: LibraryContext,
  left: SObjectValue,
  right: SObjectValue,
  options: EqualityOptions
): boolean {
  if (left.sObjectType.toLowerCase() !== right.sObjectType.toLowerCase()) return false;
  if (left.fields.size !== right.fields.size) return false;
  return [...left.fields].every(([field, entry]) => {
    const other = right.fields.get(field);
    return other !== undefined && apexEquals(ctx, entry.value, other.value, options);
  });
}

/** `===`: reference equality for objects, collections and SObjects; value equality otherwise. */
export function exactEquals(ctx: LibraryContext, left: ApexValue, right: ApexValue): boolean {
  const isReference = (value: ApexValue): boolean =>
    value instanceof ApexList ||
    value instanceof ApexSet ||
    value instanceof ApexMap ||
    value instanceof SObjectValue ||
    value instanceof ApexObject;
  if (isReference(left) || isReference(right)) return left === right;
  return apexEquals(ctx, left, right, { ignoreCase: false });
}

/** Java String.compareTo: by UTF-16 code unit, then by length. */
export function compareStrings(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const difference = left.charCodeAt(index) - right.charCodeAt(index);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/**
 * `<`, `<=`, `>`, `>=` (Expression Operators): numbers, Dates, Datetimes, Times, and Strings/Ids
 * compared case-insensitively; a null number or date makes the comparison false, and a non-null
 * String is greater than null. Returns undefined when the comparison is false for null.
 */
export function compareForOperator(
  ctx: LibraryContext,
  left: ApexValue,
  right: ApexValue
): number | undefined {
  const textual = (value: ApexValue): value is string | ApexId =>
    typeof value === 'string' || value instanceof ApexId;
  if (textual(left) || textual(right)) {
    if (left === null) return -1;
    if (right === null) return 1;
    const a = left instanceof ApexId ? left.value : String(left);
    const b = right instanceof ApexId ? right.value : String(right);
    return compareStrings(a.toLowerCase(), b.toLowerCase());
  }
  if (left === null || right === null) return undefined;
  const order = naturalOrder(left, right);
  if (order === undefined) {
    ctx.throwApex('TypeException', 'Comparison arguments must be compatible types');
  }
  return order;
}

/** The natural order of two non-null values of one comparable kind, or undefined. */
export function naturalOrder(left: ApexValue, right: ApexValue): number | undefined {
  if (isNumeric(left) && isNumeric(right)) return compareNumeric(left, right);
  if (left instanceof ApexDate && right instanceof ApexDate) {
    return left.toEpochDay() - right.toEpochDay();
  }
  if (left instanceof ApexDatetime && right instanceof ApexDatetime) {
    return left.epochMillis - right.epochMillis;
  }
  if (left instanceof ApexTime && right instanceof ApexTime) {
    return left.millisOfDay - right.millisOfDay;
  }
  if (typeof left === 'string' && typeof right === 'string') return compareStrings(left, right);
  if (left instanceof ApexId && right instanceof ApexId)
    return compareStrings(left.value, right.value);
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  if (left instanceof ApexEnumValue && right instanceof ApexEnumValue) {
    return left.ordinal - right.ordinal;
  }
  return undefined;
}

/** The Set/Map key of a value, with identities from the interpreter. */
export function keyOf(ctx: LibraryContext, value: ApexValue): string {
  return valueKey(value, (object) => ctx.identity(object));
}
