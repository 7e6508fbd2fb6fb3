/**
 * JSON.serialize / serializePretty / deserialize / deserializeUntyped (Apex Reference Guide, "JSON
 * Class"). Serialization: object fields in declaration order (nulls kept unless suppressed), an
 * SObject with `attributes: {type}` first, Datetime as GMT 'yyyy-MM-ddTHH:mm:ss.SSSZ', Date as
 * 'yyyy-MM-dd', Decimal with its scale, Id with 18 characters, enums by name. Untyped reading
 * gives Map<String,Object>, List<Object>, Integer (or Long past 32 bits, Decimal past 64 or with a
 * fraction). Not done: an SObject's attributes.url (it needs the org's API version), enums as
 * deserialize targets.
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
  typeName,
  type ApexValue,
  type TypeName
} from '../values';
import { gmtClock, instantOf, pad } from './calendar';
import type { LibraryContext, StaticMethod } from './context';
import { coerce, simpleName } from './conversions';
import { decimalToString } from './decimal';
import { keyOf } from './equality';
import { parseJson, JsonSyntaxError, type JsonNode } from './jsonParser';
import { parseDecimal } from './numbers';
import { javaDoubleText, stringOf, timeText } from './stringOf';
import { arity, booleanArg, methodTable, stringArg, unsupported } from './support';

const OBJECT = typeName('Object');
const STRING = typeName('String');

/** A value as a JSON tree (numbers kept as text). */
function toNode(ctx: LibraryContext, value: ApexValue, suppressNulls: boolean): JsonNode {
  const node = (v: ApexValue): JsonNode => toNode(ctx, v, suppressNulls);
  if (value === null) return { kind: 'null' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'string') return { kind: 'string', value };
  if (value instanceof ApexNumber) {
    const text = value.kind === 'Double' ? javaDoubleText(value.toNumber()) : value.raw.toString();
    return { kind: 'number', text };
  }
  if (value instanceof ApexDecimal) return { kind: 'number', text: decimalToString(value) };
  if (value instanceof ApexId) return { kind: 'string', value: value.value };
  if (value instanceof ApexDate) return { kind: 'string', value: value.toIsoString() };
  if (value instanceof ApexDatetime)
    return { kind: 'string', value: isoInstant(value.epochMillis) };
  if (value instanceof ApexTime) return { kind: 'string', value: timeText(value) };
  if (value instanceof ApexEnumValue) return { kind: 'string', value: value.name };
  if (value instanceof ApexBlob) {
    return { kind: 'string', value: Buffer.from(value.bytes).toString('base64') };
  }
  if (value instanceof ApexList) return { kind: 'array', items: value.items.map(node) };
  if (value instanceof ApexSet)
    return { kind: 'array', items: [...value.entries.values()].map(node) };
  if (value instanceof ApexMap) {
    const entries = [...value.entries.values()].map((e): [string, JsonNode] => [
      stringOf(e.key),
      node(e.value)
    ]);
    return { kind: 'object', entries };
  }
  if (value instanceof SObjectValue) {
    const attributes: JsonNode = {
      kind: 'object',
      entries: [['type', { kind: 'string', value: value.sObjectType }]]
    };
    const fields = [...value.fields.values()].map((f): [string, JsonNode] => [
      f.name,
      node(f.value)
    ]);
    return { kind: 'object', entries: [['attributes', attributes], ...fields] };
  }
  if (value instanceof ApexObject) {
    const declared =
      ctx.classFields(value.className) ?? unsupported(`JSON.serialize of ${value.className}`);
    const entries = declared
      .map((field): [string, ApexValue] => [
        field.name,
        value.fields.get(field.name.toLowerCase()) ?? null
      ])
      .filter(([, v]) => !(suppressNulls && v === null))
      .map(([name, v]): [string, JsonNode] => [name, node(v)]);
    return { kind: 'object', entries };
  }
  if (value instanceof ApexType) return unsupported('JSON.serialize of a Type');
  return value satisfies never;
}

function isoInstant(epochMillis: number): string {
  const clock = gmtClock(epochMillis);
  return `${pad(clock.year, 4)}-${pad(clock.month, 2)}-${pad(clock.day, 2)}T${pad(clock.hour, 2)}:${pad(clock.minute, 2)}:${pad(clock.second, 2)}.${pad(clock.millisecond, 3)}Z`;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function compact(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return `{${node.entries.map(([key, value]) => `${quote(key)}:${compact(value)}`).join(',')}}`;
    case 'array':
      return `[${node.items.map(compact).join(',')}]`;
    case 'string':
      return quote(node.value);
    case 'number':
      return node.text;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}

/** Jackson's default pretty printer: objects one entry a line with ' : ', arrays on one line. */
function pretty(node: JsonNode, indent: string): string {
  if (node.kind === 'object') {
    if (node.entries.length === 0) return '{ }';
    const inner = `${indent}  `;
    const entries = node.entries.map(
      ([key, value]) => `${inner}${quote(key)} : ${pretty(value, inner)}`
    );
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  if (node.kind === 'array') {
    if (node.items.length === 0) return '[ ]';
    return `[ ${node.items.map((item) => pretty(item, indent)).join(', ')} ]`;
  }
  return compact(node);
}

function untyped(node: JsonNode): ApexValue {
  switch (node.kind) {
    case 'object': {
      const map = new ApexMap(STRING, OBJECT);
      for (const [key, value] of node.entries)
        map.entries.set(`s:${key}`, { key, value: untyped(value) });
      return map;
    }
    case 'array':
      return new ApexList(OBJECT, node.items.map(untyped));
    case 'string':
      return node.value;
    case 'number':
      return untypedNumber(node.text);
    case 'boolean':
      return node.value;
    case 'null':
      return null;
  }
}

function untypedNumber(text: string): ApexValue {
  if (/^-?\d+$/.test(text)) {
    const value = BigInt(text);
    if (BigInt.asIntN(32, value) === value) return ApexNumber.integer(value);
    if (BigInt.asIntN(64, value) === value) return ApexNumber.long(value);
  }
  return parseDecimal(text) as ApexDecimal;
}

function mismatch(ctx: LibraryContext, node: JsonNode, type: TypeName): never {
  return ctx.throwApex(
    'JSONException',
    `Cannot deserialize ${node.kind} as ${stringOf(new ApexType(type))}`
  );
}

function scalar(ctx: LibraryContext, node: JsonNode, type: TypeName): ApexValue {
  const name = simpleName(type);
  if (node.kind === 'number' && ['integer', 'long', 'double', 'decimal'].includes(name)) {
    const value = untypedNumber(node.text) as ApexNumber | ApexDecimal;
    if ((name === 'integer' || name === 'long') && !(value instanceof ApexNumber))
      return mismatch(ctx, node, type);
    if (name === 'integer')
      return value instanceof ApexNumber && value.kind === 'Integer'
        ? value
        : mismatch(ctx, node, type);
    return coerce(ctx, value, type);
  }
  if (node.kind === 'string') {
    if (name === 'string') return node.value;
    if (name === 'id') return coerce(ctx, node.value, type);
    if (name === 'date') {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(node.value) ?? mismatch(ctx, node, type);
      return new ApexDate(Number(match[1]), Number(match[2]), Number(match[3]));
    }
    if (name === 'datetime') return new ApexDatetime(parseInstant(ctx, node, type));
  }
  if (node.kind === 'boolean' && name === 'boolean') return node.value;
  return mismatch(ctx, node, type);
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})$/;

function parseInstant(
  ctx: LibraryContext,
  node: JsonNode & { kind: 'string' },
  type: TypeName
): number {
  const match = INSTANT.exec(node.value) ?? mismatch(ctx, node, type);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const millisecond = Number((match[7] ?? '0').padEnd(3, '0'));
  const utc = instantOf({ year, month, day, hour, minute, second, millisecond }, 'UTC');
  if (match[8] === 'Z') return utc;
  const offset = match[8].replace(':', '');
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3));
  return utc - (offset[0] === '+' ? 1 : -1) * minutes * 60_000;
}

const SCALARS = new Set([
  'string',
  'id',
  'integer',
  'long',
  'double',
  'decimal',
  'boolean',
  'date',
  'datetime'
]);

function typed(ctx: LibraryContext, node: JsonNode, type: TypeName): ApexValue {
  if (node.kind === 'null') return null;
  const name = simpleName(type);
  if (name === 'object') return untyped(node);
  if (SCALARS.has(name)) return scalar(ctx, node, type);
  const [first, second] = type.args;
  if ((name === 'list' || name === 'set') && first) {
    if (node.kind !== 'array') return mismatch(ctx, node, type);
    const items = node.items.map((item) => typed(ctx, item, first));
    if (name === 'list') return new ApexList(first, items);
    const set = new ApexSet(first);
    items.forEach((item) => set.entries.set(keyOf(ctx, item), item));
    return set;
  }
  if (name === 'map' && first && second) {
    if (node.kind !== 'object') return mismatch(ctx, node, type);
    const map = new ApexMap(first, second);
    for (const [key, value] of node.entries) {
      const mapKey = typed(ctx, keyNode(key, first), first);
      map.entries.set(keyOf(ctx, mapKey), { key: mapKey, value: typed(ctx, value, second) });
    }
    return map;
  }
  if (node.kind !== 'object') return mismatch(ctx, node, type);
  const fields = ctx.classFields(type.name);
  return fields ? userObject(ctx, node, type, fields) : sObject(ctx, node, type);
}

/** A JSON object key read as the map's key type: numeric keys are written as quoted numbers. */
function keyNode(key: string, type: TypeName): JsonNode {
  const numeric = ['integer', 'long', 'double', 'decimal'].includes(simpleName(type));
  return numeric && /^-?\d+(\.\d+)?$/.test(key)
    ? { kind: 'number', text: key }
    : { kind: 'string', value: key };
}

function userObject(
  ctx: LibraryContext,
  node: JsonNode & { kind: 'object' },
  type: TypeName,
  fields: { name: string; type: TypeName }[]
): ApexObject {
  const object = ctx.newObject(type.name);
  for (const [key, value] of node.entries) {
    // Keys that name no field are skipped, as JSON.deserialize (not deserializeStrict) does.
    const field = fields.find((candidate) => candidate.name.toLowerCase() === key.toLowerCase());
    if (field) object.fields.set(field.name.toLowerCase(), typed(ctx, value, field.type));
  }
  return object;
}

function sObject(
  ctx: LibraryContext,
  node: JsonNode & { kind: 'object' },
  type: TypeName
): SObjectValue {
  const attributes = node.entries.find(([key]) => key === 'attributes')?.[1];
  const declared =
    attributes?.kind === 'object'
      ? attributes.entries.find(([key]) => key === 'type')?.[1]
      : undefined;
  const objectName =
    simpleName(type) === 'sobject' && declared?.kind === 'string' ? declared.value : type.name;
  const record = new SObjectValue(objectName);
  for (const [key, value] of node.entries) {
    if (key === 'attributes') continue;
    const fieldType =
      ctx.sObjectFieldType?.(objectName, key) ??
      (key.toLowerCase() === 'id' ? typeName('Id') : OBJECT);
    record.fields.set(key.toLowerCase(), { name: key, value: typed(ctx, value, fieldType) });
  }
  return record;
}

function parsed(ctx: LibraryContext, text: ApexValue): JsonNode {
  try {
    return parseJson(stringArg(ctx, text, 'JSON'));
  } catch (error) {
    if (error instanceof JsonSyntaxError) ctx.throwApex('JSONException', error.message);
    throw error;
  }
}

export const JSON_STATICS = methodTable<StaticMethod>({
  serialize: (ctx, args) => {
    arity(args, 'JSON.serialize', 1, 2);
    const suppress = args.length > 1 && booleanArg(args[1], 'JSON.serialize');
    return compact(toNode(ctx, args[0], suppress));
  },
  serializePretty: (ctx, args) => {
    arity(args, 'JSON.serializePretty', 1, 2);
    const suppress = args.length > 1 && booleanArg(args[1], 'JSON.serializePretty');
    return pretty(toNode(ctx, args[0], suppress), '');
  },
  deserializeUntyped: (ctx, args) => untyped(parsed(ctx, args[0])),
  deserialize: (ctx, args) => {
    arity(args, 'JSON.deserialize', 2);
    const type = args[1];
    if (!(type instanceof ApexType)) return unsupported('JSON.deserialize without a Type');
    return typed(ctx, parsed(ctx, args[0]), type.type);
  }
});
