/** Helpers shared by the library's method tables: argument checks and refusals. */
import { ApexDecimal, ApexNumber, type ApexValue } from '../values';
import type { InstanceMethod, LibraryContext } from './context';

/** The library's refusal for what it does not implement (never a guess at platform behaviour). */
export function unsupported(what: string): never {
  throw new Error(`unsupported: ${what}`);
}

export const NULL_DEREFERENCE = 'Attempt to de-reference a null object';

/** Fails with the platform's NullPointerException when a required argument is null. */
export function required<T extends ApexValue>(ctx: LibraryContext, value: T | null): T {
  if (value === null) ctx.throwApex('NullPointerException', 'Argument cannot be null.');
  return value;
}

export function arity(args: readonly ApexValue[], what: string, ...counts: number[]): void {
  if (!counts.includes(args.length)) unsupported(`${what} with ${args.length} arguments`);
}

export function stringArg(ctx: LibraryContext, value: ApexValue, what: string): string {
  const present = required(ctx, value);
  if (typeof present !== 'string') unsupported(`${what} with a non-String argument`);
  return present;
}

export function booleanArg(value: ApexValue, what: string): boolean {
  if (typeof value !== 'boolean') unsupported(`${what} with a non-Boolean argument`);
  return value;
}

/** An Integer or Long argument as a JS number (indexes, counts, days). */
export function integerArg(ctx: LibraryContext, value: ApexValue, what: string): number {
  const present = required(ctx, value);
  if (!(present instanceof ApexNumber) || present.kind === 'Double') {
    unsupported(`${what} with a non-Integer argument`);
  }
  return present.toNumber();
}

export function isNumeric(value: ApexValue): value is ApexNumber | ApexDecimal {
  return value instanceof ApexNumber || value instanceof ApexDecimal;
}

/** Builds a case-insensitive method table. */
export function methodTable<F>(methods: Record<string, F>): Map<string, F> {
  return new Map(Object.entries(methods).map(([name, method]) => [name.toLowerCase(), method]));
}

/** Builds an instance-method table for receivers of one kind `R` (the registry picks by kind). */
export function instanceTable<R extends ApexValue>(
  methods: Record<string, (ctx: LibraryContext, receiver: R, args: ApexValue[]) => ApexValue>
): Map<string, InstanceMethod> {
  return methodTable<InstanceMethod>(
    Object.fromEntries(
      Object.entries(methods).map(([name, method]): [string, InstanceMethod] => [
        name,
        (ctx, receiver, args) => method(ctx, receiver as R, args)
      ])
    )
  );
}
