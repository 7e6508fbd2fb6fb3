/**
 * The system library's entry points for the interpreter: a static method by type and name
 * ('String.valueOf', 'System.Math.max'), an instance method by the receiver's runtime kind, and
 * the constants (Integer.MAX_VALUE). Names are case-insensitive, as in Apex. A null receiver has
 * no methods: the interpreter raises the NullPointerException.
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
  ApexSet,
  ApexTime,
  ApexType,
  type ApexValue
} from '../values';
import { ASSERT_STATICS } from './assertions';
import { BLOB_INSTANCE, BLOB_STATICS, CRYPTO_STATICS, ENCODING_UTIL_STATICS } from './blob';
import { LIST_INSTANCE, MAP_INSTANCE, SET_INSTANCE } from './collections';
import type { InstanceMethod, StaticMethod } from './context';
import { simpleName } from './conversions';
import {
  DATE_INSTANCE,
  DATE_STATICS,
  DATETIME_INSTANCE,
  DATETIME_STATICS,
  TIME_INSTANCE,
  TIME_STATICS
} from './dates';
import { JSON_STATICS } from './json';
import {
  BOOLEAN_STATICS,
  DECIMAL_INSTANCE,
  DECIMAL_STATICS,
  DOUBLE_STATICS,
  INTEGER_STATICS,
  LONG_STATICS,
  MATH_STATICS,
  NUMBER_CONSTANTS,
  NUMBER_INSTANCE
} from './numbers';
import { STRING_INSTANCE, STRING_STATICS } from './strings';
import {
  ENUM_INSTANCE,
  ID_INSTANCE,
  ID_STATICS,
  OBJECT_INSTANCE,
  SYSTEM_STATICS,
  TYPE_INSTANCE
} from './system';

export type { InstanceMethod, LibraryContext, StaticMethod } from './context';

const STATICS = new Map<string, Map<string, StaticMethod>>([
  ['string', STRING_STATICS],
  ['integer', INTEGER_STATICS],
  ['long', LONG_STATICS],
  ['double', DOUBLE_STATICS],
  ['decimal', DECIMAL_STATICS],
  ['boolean', BOOLEAN_STATICS],
  ['math', MATH_STATICS],
  ['date', DATE_STATICS],
  ['datetime', DATETIME_STATICS],
  ['time', TIME_STATICS],
  ['json', JSON_STATICS],
  ['assert', ASSERT_STATICS],
  ['system', SYSTEM_STATICS],
  ['id', ID_STATICS],
  ['blob', BLOB_STATICS],
  ['crypto', CRYPTO_STATICS],
  ['encodingutil', ENCODING_UTIL_STATICS]
]);

export function staticMethod(typeName: string, method: string): StaticMethod | undefined {
  return STATICS.get(simpleName(typeName))?.get(method.toLowerCase());
}

/** A constant of a system type ('Integer', 'MAX_VALUE'), or undefined. */
export function staticConstant(typeName: string, name: string): ApexValue | undefined {
  return NUMBER_CONSTANTS.get(`${simpleName(typeName)}.${name.toLowerCase()}`);
}

function tableFor(receiver: ApexValue): Map<string, InstanceMethod> | undefined {
  if (typeof receiver === 'string') return STRING_INSTANCE;
  if (receiver instanceof ApexNumber) return NUMBER_INSTANCE;
  if (receiver instanceof ApexDecimal) return DECIMAL_INSTANCE;
  if (receiver instanceof ApexId) return ID_INSTANCE;
  if (receiver instanceof ApexDate) return DATE_INSTANCE;
  if (receiver instanceof ApexDatetime) return DATETIME_INSTANCE;
  if (receiver instanceof ApexTime) return TIME_INSTANCE;
  if (receiver instanceof ApexList) return LIST_INSTANCE;
  if (receiver instanceof ApexSet) return SET_INSTANCE;
  if (receiver instanceof ApexMap) return MAP_INSTANCE;
  if (receiver instanceof ApexEnumValue) return ENUM_INSTANCE;
  if (receiver instanceof ApexType) return TYPE_INSTANCE;
  if (receiver instanceof ApexBlob) return BLOB_INSTANCE;
  return undefined;
}

/**
 * The method for a receiver's runtime kind. SObjects and user objects have none here (their
 * methods are the interpreter's and the data layer's); a Boolean has only `equals`.
 */
export function instanceMethod(receiver: ApexValue, method: string): InstanceMethod | undefined {
  const name = method.toLowerCase();
  if (typeof receiver === 'boolean') return OBJECT_INSTANCE.get(name);
  return tableFor(receiver)?.get(name);
}
