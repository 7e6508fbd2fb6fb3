/**
 * Assert and the System assertion methods (Apex Reference Guide, "Assert Class", "System Class").
 * Equality is `equals` (case-sensitive strings; numbers by value). Failures raise AssertException
 * with 'Assertion Failed', then the caller's message, then the detail, joined by ': '.
 */
import { ApexType, type ApexValue } from '../values';
import type { LibraryContext, StaticMethod } from './context';
import { isInstanceOf } from './conversions';
import { apexEquals } from './equality';
import { stringOf } from './stringOf';
import { methodTable, unsupported } from './support';

function fail(ctx: LibraryContext, message: ApexValue | undefined, detail?: string): never {
  const parts = ['Assertion Failed'];
  if (message !== undefined && message !== null) parts.push(stringOf(message));
  if (detail !== undefined) parts.push(detail);
  return ctx.throwApex('AssertException', parts.join(': '));
}

function equal(ctx: LibraryContext, expected: ApexValue, actual: ApexValue): boolean {
  return apexEquals(ctx, expected, actual, { ignoreCase: false });
}

function expectedActual(expected: ApexValue, actual: ApexValue): string {
  return `Expected: ${stringOf(expected)}, Actual: ${stringOf(actual)}`;
}

function condition(ctx: LibraryContext, args: ApexValue[], wanted: boolean): null {
  if (args[0] !== wanted)
    fail(ctx, args[1], args[1] == null ? expectedActual(wanted, args[0]) : undefined);
  return null;
}

function instanceCheck(ctx: LibraryContext, args: ApexValue[], wanted: boolean): null {
  const type = args[1];
  if (!(type instanceof ApexType)) return unsupported('Assert.isInstanceOfType without a Type');
  if (isInstanceOf(ctx, args[0], type.type) !== wanted) {
    const relation = wanted ? 'instance of' : 'not instance of';
    fail(ctx, args[2], `Expected: ${relation} ${stringOf(type)}, Actual: ${stringOf(args[0])}`);
  }
  return null;
}

export const ASSERT_STATICS = methodTable<StaticMethod>({
  areEqual: (ctx, args) => {
    if (!equal(ctx, args[0], args[1])) fail(ctx, args[2], expectedActual(args[0], args[1]));
    return null;
  },
  areNotEqual: (ctx, args) => {
    if (equal(ctx, args[0], args[1])) fail(ctx, args[2], `Same value: ${stringOf(args[1])}`);
    return null;
  },
  isTrue: (ctx, args) => condition(ctx, args, true),
  isFalse: (ctx, args) => condition(ctx, args, false),
  isNull: (ctx, args) => {
    if (args[0] !== null) fail(ctx, args[1], expectedActual(null, args[0]));
    return null;
  },
  isNotNull: (ctx, args) => {
    if (args[0] === null) fail(ctx, args[1], 'Expected: not null, Actual: null');
    return null;
  },
  fail: (ctx, args) => fail(ctx, args[0]),
  isInstanceOfType: (ctx, args) => instanceCheck(ctx, args, true),
  isNotInstanceOfType: (ctx, args) => instanceCheck(ctx, args, false)
});

/** System.assert, assertEquals, assertNotEquals. */
export const SYSTEM_ASSERTIONS: Record<string, StaticMethod> = {
  assert: (ctx, args) => {
    if (args[0] !== true) fail(ctx, args[1]);
    return null;
  },
  assertEquals: (ctx, args) => {
    if (!equal(ctx, args[0], args[1])) fail(ctx, args[2], expectedActual(args[0], args[1]));
    return null;
  },
  assertNotEquals: (ctx, args) => {
    if (equal(ctx, args[0], args[1])) fail(ctx, args[2], `Same value: ${stringOf(args[1])}`);
    return null;
  }
};
