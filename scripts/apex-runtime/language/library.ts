/**
 * The system library as the interpreter uses it: one object, so a test can run the language core
 * against a fake and the CLI against the real library (../library/). Names follow the library's
 * modules (registry, operators, conversions, strings, equality).
 */
import type { InstanceMethod, LibraryContext, StaticMethod } from '../library/context';
import type { ApexValue, TypeName } from '../values';
import type { BinaryOp } from './ast';

export type { InstanceMethod, LibraryContext, StaticMethod };

export interface ApexLibrary {
  staticMethod(typeName: string, method: string): StaticMethod | undefined;
  instanceMethod(receiver: ApexValue, method: string): InstanceMethod | undefined;
  /** A constant of a system type ('Integer', 'MAX_VALUE'), or undefined. */
  staticConstant(typeName: string, name: string): ApexValue | undefined;
  binaryOperator(ctx: LibraryContext, op: BinaryOp, left: ApexValue, right: ApexValue): ApexValue;
  unaryOperator(ctx: LibraryContext, op: '-' | '+' | '!' | '~', value: ApexValue): ApexValue;
  /** Assignment and cast conversion; throws TypeException through ctx when it cannot convert. */
  coerce(ctx: LibraryContext, value: ApexValue, target: TypeName): ApexValue;
  isInstanceOf(ctx: LibraryContext, value: ApexValue, target: TypeName): boolean;
  /** 'String', 'Integer', 'List<String>', 'Account', a class name. */
  runtimeTypeName(value: ApexValue): string;
  /** What `+` concatenation and String.valueOf print. */
  stringOf(value: ApexValue): string;
  /** The key of a value in a Set or Map. */
  keyOf(ctx: LibraryContext, value: ApexValue): string;
}
