/** System (debug, now, today, assertions), Id, and the methods of enum and Type values. */
import {
  ApexDate,
  ApexDatetime,
  ApexEnumValue,
  ApexId,
  ApexNumber,
  ApexType,
  type ApexValue
} from '../values';
import { SYSTEM_ASSERTIONS } from './assertions';
import { wallClock } from './calendar';
import type { LibraryContext, StaticMethod } from './context';
import { apexEquals } from './equality';
import { stringOf } from './stringOf';
import { arity, instanceTable, methodTable, stringArg } from './support';

export const SYSTEM_STATICS = methodTable<StaticMethod>({
  ...SYSTEM_ASSERTIONS,
  debug: (ctx, args) => {
    arity(args, 'System.debug', 1, 2);
    // The two-argument form takes a LoggingLevel first.
    ctx.debugLog?.push(stringOf(args[args.length - 1]));
    return null;
  },
  now: (ctx) => new ApexDatetime(ctx.now()),
  today: (ctx) => {
    const clock = wallClock(ctx.now(), ctx.timeZone);
    return new ApexDate(clock.year, clock.month, clock.day);
  },
  currentTimeMillis: (ctx) => ApexNumber.long(ctx.now())
});

function toId(ctx: LibraryContext, text: string): ApexId {
  try {
    return new ApexId(text);
  } catch {
    return ctx.throwApex('StringException', `Invalid id: ${text}`);
  }
}

export const ID_STATICS = methodTable<StaticMethod>({
  valueOf: (ctx: LibraryContext, args: ApexValue[]) => {
    arity(args, 'Id.valueOf', 1);
    return args[0] === null ? null : toId(ctx, stringArg(ctx, args[0], 'Id.valueOf'));
  }
});

function equalsMethod(ctx: LibraryContext, receiver: ApexValue, args: ApexValue[]): boolean {
  return apexEquals(ctx, receiver, args[0], { ignoreCase: false });
}

export const ID_INSTANCE = instanceTable<ApexId>({
  to15: (_ctx, id) => id.value.slice(0, 15),
  equals: equalsMethod
});

export const ENUM_INSTANCE = instanceTable<ApexEnumValue>({
  name: (_ctx, value) => value.name,
  ordinal: (_ctx, value) => ApexNumber.integer(value.ordinal),
  equals: equalsMethod
});

export const TYPE_INSTANCE = instanceTable<ApexType>({
  getName: (_ctx, value) => stringOf(value),
  toString: (_ctx: LibraryContext, value: ApexType) => stringOf(value),
  equals: equalsMethod
});

/** `equals` of any value without its own table (Boolean, Integer...). */
export const OBJECT_INSTANCE = instanceTable<ApexValue>({ equals: equalsMethod });
