/** A LibraryContext for the library's tests: Apex exceptions become ApexTestError. */
import type { LibraryContext } from '../library/registry';
import { staticMethod, instanceMethod } from '../library/registry';
import { ApexObject, ApexNumber, type ApexValue, type TypeName } from '../values';

export class ApexTestError extends Error {
  readonly exceptionType: string;

  constructor(exceptionType: string, message: string) {
    super(`${exceptionType}: ${message}`);
    this.exceptionType = exceptionType;
  }
}

export interface FixtureOptions {
  timeZone?: string;
  now?: number;
  classes?: Record<string, { name: string; type: TypeName }[]>;
}

export function testContext(options: FixtureOptions = {}): LibraryContext & { debugLog: string[] } {
  const identities = new WeakMap<object, number>();
  let nextIdentity = 1;
  return {
    timeZone: options.timeZone ?? 'UTC',
    debugLog: [],
    throwApex(exceptionType: string, message: string): never {
      throw new ApexTestError(exceptionType, message);
    },
    now: () => options.now ?? Date.UTC(2026, 10, 23, 12, 0, 0),
    randomBytes: (count) => Uint8Array.from({ length: count }, (_, index) => index),
    classFields: (className) => options.classes?.[className],
    newObject: (className) => new ApexObject(className),
    identity(object) {
      if (!identities.has(object)) identities.set(object, nextIdentity++);
      return identities.get(object) as number;
    },
    instanceOfClass: (value, type) => value instanceof ApexObject && value.className === type.name,
    callMethod(object, method, args) {
      // Test classes compare by their 'rank' field (compareTo) or by a comparator's 'sign'.
      if (method === 'compareTo') {
        const mine = (object.fields.get('rank') as ApexNumber).toNumber();
        const theirs = ((args[0] as ApexObject).fields.get('rank') as ApexNumber).toNumber();
        return ApexNumber.integer(mine - theirs);
      }
      const sign = (object.fields.get('sign') as ApexNumber).toNumber();
      return ApexNumber.integer(
        sign * ((args[0] as ApexNumber).toNumber() - (args[1] as ApexNumber).toNumber())
      );
    }
  };
}

export const int = (value: number): ApexNumber => ApexNumber.integer(value);
export const long = (value: number | bigint): ApexNumber => ApexNumber.long(value);
export const dbl = (value: number): ApexNumber => ApexNumber.double(value);

/** Calls a static method ('String', 'valueOf'). */
export function callStatic(
  ctx: LibraryContext,
  type: string,
  method: string,
  ...args: ApexValue[]
): ApexValue {
  const fn = staticMethod(type, method);
  if (!fn) throw new Error(`no ${type}.${method}`);
  return fn(ctx, args);
}

/** Calls an instance method on a receiver. */
export function call(
  ctx: LibraryContext,
  receiver: ApexValue,
  method: string,
  ...args: ApexValue[]
): ApexValue {
  const fn = instanceMethod(receiver, method);
  if (!fn) throw new Error(`no method ${method}`);
  return fn(ctx, receiver, args);
}
