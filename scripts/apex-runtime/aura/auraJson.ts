/**
 * Apex values to and from the JSON an @AuraEnabled call exchanges with a Lightning component.
 *
 * Out (Lightning Aura Components Developer Guide, "Returning Data from an Apex Server-Side
 * Controller" / "Custom Apex Class Types"): an instance of an Apex class is serialised with the
 * values of its @AuraEnabled members only; primitives as JSON values (Decimal, Double, Long and
 * Integer as numbers, Id as its 18 characters, Date 'YYYY-MM-DD', Datetime ISO 8601 in UTC with
 * milliseconds and 'Z'), Lists and Sets as arrays, Maps as objects keyed by the key's text,
 * SObjects as their fields by API name, enums by name. Blob is not supported. Members whose value
 * is null are left out of an object (the component reads them as undefined): see `omitNulls`.
 *
 * In: each parameter's JSON value is converted by the parameter's declared type; a value that does
 * not fit is refused before the method runs.
 */
import type { ApexClass, ClassRegistry } from '../language/classes';
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
  typeName,
  valueKey
} from '../values';
import type { ApexValue, TypeName } from '../values';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value the runtime cannot serialise as Aura would (the request reports it, naming it). */
export class AuraSerializationUnsupported extends Error {
  constructor(what: string) {
    super(`unsupported: Aura serialisation of ${what}`);
    this.name = 'AuraSerializationUnsupported';
  }
}

/** A parameter value that does not fit the parameter's type. */
export class AuraParameterError extends Error {}

export interface SerializeOptions {
  /** Leave members whose value is null out of objects (default true, as Aura does). */
  omitNulls?: boolean;
}

function isAuraEnabled(annotations: readonly { name: string }[]): boolean {
  return annotations.some((annotation) => annotation.name === 'auraenabled');
}

/** The @AuraEnabled instance fields of a class and its super classes, as declared (name case kept). */
function auraFields(cls: ApexClass): string[] {
  const names: string[] = [];
  for (const each of [...cls.lineage()].reverse()) {
    for (const field of each.decl.fields) {
      if (!field.isStatic && isAuraEnabled(field.modifiers.annotations)) names.push(field.name);
    }
    // PropertyDecl carries no annotations in this runtime's tree: a property cannot be told
    // @AuraEnabled or not, so the runtime refuses rather than guess.
    if (each.decl.properties.some((property) => !property.isStatic)) {
      throw new AuraSerializationUnsupported(`properties of ${each.name} (annotations not parsed)`);
    }
  }
  return names;
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function timeText(millisOfDay: number): string {
  const ms = millisOfDay % 1000;
  const seconds = Math.floor(millisOfDay / 1000);
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}.${pad(ms, 3)}Z`;
}

function mapKey(key: ApexValue): string {
  if (key === null) return 'null';
  const json = toAuraJson(key, null, {});
  return typeof json === 'string' ? json : JSON.stringify(json);
}

/** An Apex value as the JSON Aura sends to the component. */
export function toAuraJson(
  value: ApexValue,
  registry: ClassRegistry | null,
  options: SerializeOptions
): Json {
  const omitNulls = options.omitNulls ?? true;
  const object = (entries: [string, Json][]): Json =>
    Object.fromEntries(omitNulls ? entries.filter(([, each]) => each !== null) : entries);
  const inner = (each: ApexValue): Json => toAuraJson(each, registry, options);
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof ApexNumber || value instanceof ApexDecimal) return value.toNumber();
  if (value instanceof ApexId) return value.value;
  if (value instanceof ApexDate) return value.toIsoString();
  if (value instanceof ApexDatetime) return new Date(value.epochMillis).toISOString();
  if (value instanceof ApexTime) return timeText(value.millisOfDay);
  if (value instanceof ApexEnumValue) return value.name;
  if (value instanceof ApexList) return value.items.map(inner);
  if (value instanceof ApexSet) return [...value.entries.values()].map(inner);
  if (value instanceof ApexMap) {
    return object(
      [...value.entries.values()].map(({ key, value: each }) => [mapKey(key), inner(each)])
    );
  }
  if (value instanceof SObjectValue) {
    return object([...value.fields.values()].map(({ name, value: each }) => [name, inner(each)]));
  }
  if (value instanceof ApexObject) {
    const cls = registry?.resolve(value.className, null);
    if (!cls || cls.isException)
      throw new AuraSerializationUnsupported(`an instance of ${value.className}`);
    return object(
      auraFields(cls).map((name) => [name, inner(value.fields.get(name.toLowerCase()) ?? null)])
    );
  }
  if (value instanceof ApexBlob) throw new AuraSerializationUnsupported('Blob (not an Aura type)');
  if (value instanceof ApexType) throw new AuraSerializationUnsupported('Type');
  throw new AuraSerializationUnsupported(typeof value);
}

// ---- parameters ----

const invalid = (name: string, type: TypeName): AuraParameterError =>
  new AuraParameterError(
    `Value provided is invalid for action parameter '${name}' of type '${typeText(type)}'`
  );

function typeText(type: TypeName): string {
  return type.args.length ? `${type.name}<${type.args.map(typeText).join(',')}>` : type.name;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A parameter's JSON value as an Apex value of its declared type. */
export function fromAuraJson(value: unknown, type: TypeName, name: string): ApexValue {
  if (value === null || value === undefined) return null;
  const fail = (): never => {
    throw invalid(name, type);
  };
  const bare = type.name.toLowerCase().replace(/^system\./, '');
  switch (bare) {
    case 'string':
      return typeof value === 'string' ? value : fail();
    case 'boolean':
      return typeof value === 'boolean' ? value : fail();
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31
        ? ApexNumber.integer(value)
        : fail();
    case 'long':
      return typeof value === 'number' && Number.isSafeInteger(value)
        ? ApexNumber.long(value)
        : fail();
    case 'double':
      return typeof value === 'number' ? ApexNumber.double(value) : fail();
    case 'decimal':
      return typeof value === 'number' ? ApexDecimal.fromNumber(value) : fail();
    case 'id':
      try {
        return typeof value === 'string' ? new ApexId(value) : fail();
      } catch {
        return fail();
      }
    case 'date': {
      const match = typeof value === 'string' ? DATE.exec(value) : null;
      return match ? new ApexDate(Number(match[1]), Number(match[2]), Number(match[3])) : fail();
    }
    case 'datetime': {
      const millis = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isNaN(millis) ? fail() : new ApexDatetime(millis);
    }
    case 'list':
    case 'set': {
      const [element] = type.args;
      if (!Array.isArray(value) || !element) return fail();
      const items = value.map((item, index) => fromAuraJson(item, element, `${name}[${index}]`));
      if (bare === 'list') return new ApexList(element, items);
      throw new AuraSerializationUnsupported(`a Set<${typeText(element)}> parameter`);
    }
    case 'map': {
      const [keyType, valueType] = type.args;
      if (typeof value !== 'object' || Array.isArray(value) || !keyType || !valueType)
        return fail();
      if (keyType.name.toLowerCase() !== 'string') {
        throw new AuraSerializationUnsupported(`a Map<${typeText(keyType)}, …> parameter`);
      }
      const map = new ApexMap(typeName('String'), valueType);
      for (const [key, each] of Object.entries(value as Record<string, unknown>)) {
        map.entries.set(
          valueKey(key, () => 0),
          { key, value: fromAuraJson(each, valueType, `${name}.${key}`) }
        );
      }
      return map;
    }
    default:
      throw new AuraSerializationUnsupported(`a parameter of type ${typeText(type)}`);
  }
}
