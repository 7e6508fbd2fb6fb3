/**
 * Assignment and cast conversions (Apex Developer Guide, "Understanding Rules of Conversion"):
 * numbers widen Integer → Long → Decimal/Double, a String becomes an Id only if it is a valid Id,
 * and anything held as Object converts only to its runtime type (or a supertype). Failures throw
 * TypeException 'Invalid conversion from runtime type X to Y', with the platform's type names.
 */
import {
  ApexBlob,
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
  ApexTime,
  ApexType,
  SObjectValue,
  type ApexValue,
  type TypeName
} from '../values';
import type { LibraryContext } from './context';
import { promote } from './numeric';

/** A type name without its 'System.' / 'Schema.' namespace, lower case. */
export function simpleName(type: TypeName | string): string {
  const name = typeof type === 'string' ? type : type.name;
  return name.toLowerCase().replace(/^(system|schema)\./, '');
}

/** Collection type arguments print as 'ANY' when declared Object, as the platform prints them. */
function argText(type: TypeName): string {
  if (simpleName(type) === 'object') return 'ANY';
  if (type.args.length === 0) return type.name;
  return `${type.name}<${type.args.map(argText).join(',')}>`;
}

export function runtimeTypeName(value: ApexValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (value instanceof ApexNumber) return value.kind;
  if (value instanceof ApexDecimal) return 'Decimal';
  if (value instanceof ApexId) return 'Id';
  if (value instanceof ApexDate) return 'Date';
  if (value instanceof ApexDatetime) return 'Datetime';
  if (value instanceof ApexTime) return 'Time';
  if (value instanceof ApexBlob) return 'Blob';
  if (value instanceof ApexList) return `List<${argText(value.elementType)}>`;
  if (value instanceof ApexSet) return `Set<${argText(value.elementType)}>`;
  if (value instanceof ApexMap) return `Map<${argText(value.keyType)},${argText(value.valueType)}>`;
  if (value instanceof SObjectValue) return value.sObjectType;
  if (value instanceof ApexObject) return value.className;
  if (value instanceof ApexEnumValue) return value.enumName;
  if (value instanceof ApexType) return 'System.Type';
  return value satisfies never;
}

const SCALAR_CHECKS: Record<string, (value: ApexValue) => boolean> = {
  string: (value) => typeof value === 'string' || value instanceof ApexId,
  id: (value) => value instanceof ApexId,
  boolean: (value) => typeof value === 'boolean',
  integer: (value) => value instanceof ApexNumber && value.kind === 'Integer',
  long: (value) => value instanceof ApexNumber && value.kind === 'Long',
  double: (value) => value instanceof ApexNumber && value.kind === 'Double',
  decimal: (value) => value instanceof ApexDecimal,
  date: (value) => value instanceof ApexDate,
  datetime: (value) => value instanceof ApexDatetime,
  time: (value) => value instanceof ApexTime,
  blob: (value) => value instanceof ApexBlob,
  type: (value) => value instanceof ApexType
};

/** Whether a declared element type `source` may be viewed as `target` (collections are covariant). */
function typeAssignable(source: TypeName, target: TypeName): boolean {
  const to = simpleName(target);
  const from = simpleName(source);
  if (to === 'object') return true;
  if (to === 'sobject' && !(from in SCALAR_CHECKS) && !isCollectionName(from)) return true;
  if (to !== from) return to === 'string' && from === 'id';
  return (
    target.args.length === source.args.length &&
    target.args.every((arg, index) => typeAssignable(source.args[index], arg))
  );
}

function isCollectionName(name: string): boolean {
  return name === 'list' || name === 'set' || name === 'map';
}

/** Elements of a collection declared with a wider type (Object, SObject) checked one by one. */
function elementsFit(ctx: LibraryContext, items: Iterable<ApexValue>, type: TypeName): boolean {
  for (const item of items) {
    if (item !== null && !isInstanceOf(ctx, item, type)) return false;
  }
  return true;
}

function collectionFits(ctx: LibraryContext, value: ApexValue, target: TypeName): boolean {
  const [first, second] = target.args;
  const name = simpleName(target);
  if (name === 'list' && value instanceof ApexList && first) {
    return typeAssignable(value.elementType, first) || elementsFit(ctx, value.items, first);
  }
  if (name === 'set' && value instanceof ApexSet && first) {
    return (
      typeAssignable(value.elementType, first) || elementsFit(ctx, value.entries.values(), first)
    );
  }
  if (name === 'map' && value instanceof ApexMap && first && second) {
    const entries = [...value.entries.values()];
    const keysFit =
      typeAssignable(value.keyType, first) ||
      elementsFit(
        ctx,
        entries.map((e) => e.key),
        first
      );
    const valuesFit =
      typeAssignable(value.valueType, second) ||
      elementsFit(
        ctx,
        entries.map((e) => e.value),
        second
      );
    return keysFit && valuesFit;
  }
  return false;
}

/** `value instanceof target` for a non-null value (null is never an instance). */
export function isInstanceOf(ctx: LibraryContext, value: ApexValue, target: TypeName): boolean {
  if (value === null) return false;
  const name = simpleName(target);
  if (name === 'object') return true;
  const scalar = SCALAR_CHECKS[name];
  if (scalar) return scalar(value);
  if (isCollectionName(name)) return collectionFits(ctx, value, target);
  if (value instanceof SObjectValue) {
    return name === 'sobject' || name === value.sObjectType.toLowerCase();
  }
  if (value instanceof ApexEnumValue) {
    const enumName = value.enumName.toLowerCase();
    return name === enumName || enumName.endsWith(`.${name}`);
  }
  if (value instanceof ApexObject) return ctx.instanceOfClass(value, target);
  return false;
}

function invalidConversion(ctx: LibraryContext, value: ApexValue, target: TypeName): never {
  const targetText = isCollectionName(simpleName(target)) ? argText(target) : target.name;
  return ctx.throwApex(
    'TypeException',
    `Invalid conversion from runtime type ${runtimeTypeName(value)} to ${targetText}`
  );
}

/** Converts a value for assignment to, or a cast to, `target`. */
export function coerce(ctx: LibraryContext, value: ApexValue, target: TypeName): ApexValue {
  if (value === null) return null;
  const name = simpleName(target);
  const numeric = value instanceof ApexNumber || value instanceof ApexDecimal;
  if (numeric && (name === 'long' || name === 'decimal' || name === 'double')) {
    const integral = value instanceof ApexNumber && value.kind !== 'Double';
    // Widening only: Integer → Long; any number → Decimal or Double.
    if (name !== 'long' || integral) {
      return promote(value, name === 'long' ? 'Long' : name === 'decimal' ? 'Decimal' : 'Double');
    }
  }
  if (name === 'id' && typeof value === 'string') {
    try {
      return new ApexId(value);
    } catch {
      return ctx.throwApex('StringException', `Invalid id: ${value}`);
    }
  }
  if (name === 'string' && value instanceof ApexId) return value.value;
  if (name === 'datetime' && value instanceof ApexDate) {
    // A Date becomes the Datetime at midnight GMT of that day.
    return new ApexDatetime(value.toEpochDay() * 86_400_000);
  }
  if (isInstanceOf(ctx, value, target)) return value;
  return invalidConversion(ctx, value, target);
}
