/**
 * The real system library (../library/) as the interpreter's ApexLibrary: method and constant
 * lookups go to the library's registry, operators and conversions to their modules.
 */
import { coerce, isInstanceOf, runtimeTypeName } from '../library/conversions';
import { keyOf } from '../library/equality';
import { binaryOperator, unaryOperator } from '../library/operators';
import { instanceMethod, staticConstant, staticMethod } from '../library/registry';
import { stringOf } from '../library/stringOf';
import type { ApexLibrary } from './library';

export const systemLibrary: ApexLibrary = {
  staticMethod,
  instanceMethod,
  staticConstant,
  binaryOperator,
  unaryOperator,
  coerce,
  isInstanceOf,
  runtimeTypeName,
  stringOf,
  keyOf
};
