/**
 * Integer, Long, Double, Decimal, Math and Boolean (Apex Reference Guide). Decimal rounding that
 * the guide leaves implicit follows BigDecimal with HALF_EVEN (Decimal.round, Math.round of a
 * Decimal, setScale without a mode); Math.round of a Double is Java's Math.round (half up).
 */
import { ApexDecimal, ApexEnumValue, ApexNumber, type ApexValue } from '../values';
import type { LibraryContext, StaticMethod } from './context';
import {
  decimalCompare,
  decimalNegate,
  decimalSetScale,
  decimalToPlainString,
  ROUNDING_MODES,
  RoundingNecessaryError,
  scaledQuotient,
  stripTrailingZeros,
  type RoundingMode
} from './decimal';
import { compareNumeric, promote, toBigInt, toDecimal, widerKind, type Numeric } from './numeric';
import { stringOf } from './stringOf';
import {
  arity,
  instanceTable,
  integerArg,
  isNumeric,
  methodTable,
  required,
  unsupported
} from './support';

function numericArg(ctx: LibraryContext, value: ApexValue, what: string): Numeric {
  const present = required(ctx, value);
  if (!isNumeric(present)) return unsupported(`${what} with a non-numeric argument`);
  return present;
}

function roundingMode(value: ApexValue, what: string): RoundingMode {
  if (value instanceof ApexEnumValue && /(^|\.)roundingmode$/i.test(value.enumName)) {
    const mode = ROUNDING_MODES.find((name) => name === value.name.toUpperCase());
    if (mode) return mode;
  }
  return unsupported(`${what} with a non-RoundingMode argument`);
}

function rounded(ctx: LibraryContext, action: () => ApexDecimal): ApexDecimal {
  try {
    return action();
  } catch (error) {
    if (error instanceof RoundingNecessaryError)
      ctx.throwApex('MathException', 'Rounding necessary');
    throw error;
  }
}

/** Parses Java BigDecimal text ('12.50', '-3', '1.5E+3'); undefined when it is not a number. */
export function parseDecimal(text: string): ApexDecimal | undefined {
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (!match || `${match[2]}${match[3] ?? ''}` === '') return undefined;
  const fraction = match[3] ?? '';
  const unscaled = BigInt(`${match[1]}${match[2]}${fraction}` || '0');
  const scale = fraction.length - Number(match[4] ?? 0);
  return new ApexDecimal(unscaled, scale);
}

function parseWhole(ctx: LibraryContext, text: string, kind: 'Integer' | 'Long'): ApexNumber {
  const bits = kind === 'Integer' ? 32 : 64;
  if (/^[+-]?\d+$/.test(text.trim())) {
    const value = BigInt(text.trim());
    if (BigInt.asIntN(bits, value) === value) {
      return kind === 'Integer' ? ApexNumber.integer(value) : ApexNumber.long(value);
    }
  }
  return ctx.throwApex('TypeException', `Invalid ${kind.toLowerCase()}: ${text}`);
}

/** Integer.valueOf / Long.valueOf: a String is parsed, an Integer or Long widened. */
function wholeValueOf(ctx: LibraryContext, args: ApexValue[], kind: 'Integer' | 'Long'): ApexValue {
  arity(args, `${kind}.valueOf`, 1);
  const value = args[0];
  if (value === null) return null;
  if (typeof value === 'string') return parseWhole(ctx, value, kind);
  if (value instanceof ApexNumber && value.kind !== 'Double') return promote(value, kind);
  return unsupported(
    `${kind}.valueOf with a ${isNumeric(value) ? 'fractional' : 'non-numeric'} argument`
  );
}

/** Groups thousands as the en_US locale does ('1,234,567'). */
function groupedWhole(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function javaRound(value: number): number {
  return Math.floor(value + 0.5);
}

function mathRound(ctx: LibraryContext, args: ApexValue[], kind: 'Integer' | 'Long'): ApexNumber {
  const value = numericArg(ctx, args[0], 'Math.round');
  const whole =
    value instanceof ApexNumber && value.kind === 'Double'
      ? BigInt(javaRound(value.toNumber()))
      : decimalSetScale(toDecimal(value), 0, 'HALF_EVEN').unscaled;
  return kind === 'Integer' ? ApexNumber.integer(whole) : ApexNumber.long(whole);
}

/** Math.floor / Math.ceil: a Decimal stays Decimal, anything else becomes Double. */
function floorOrCeil(ctx: LibraryContext, args: ApexValue[], mode: 'FLOOR' | 'CEILING'): Numeric {
  const value = numericArg(ctx, args[0], `Math.${mode.toLowerCase()}`);
  if (value instanceof ApexDecimal) return decimalSetScale(value, 0, mode);
  return ApexNumber.double(
    mode === 'FLOOR' ? Math.floor(value.toNumber()) : Math.ceil(value.toNumber())
  );
}

function extreme(ctx: LibraryContext, args: ApexValue[], sign: 1 | -1): Numeric {
  arity(args, sign > 0 ? 'Math.max' : 'Math.min', 2);
  const a = numericArg(ctx, args[0], 'Math.max');
  const b = numericArg(ctx, args[1], 'Math.max');
  const kind = widerKind(a, b);
  return promote(compareNumeric(a, b) * sign >= 0 ? a : b, kind);
}

function doubleOf(ctx: LibraryContext, value: ApexValue, what: string): number {
  return numericArg(ctx, value, what).toNumber();
}

export const MATH_STATICS = methodTable<StaticMethod>({
  abs: (ctx, args) => {
    const value = numericArg(ctx, args[0], 'Math.abs');
    if (value instanceof ApexDecimal) return value.unscaled < 0n ? decimalNegate(value) : value;
    if (value.kind === 'Double') return ApexNumber.double(Math.abs(value.toNumber()));
    const raw = toBigInt(value);
    const abs = raw < 0n ? -raw : raw;
    return value.kind === 'Integer' ? ApexNumber.integer(abs) : ApexNumber.long(abs);
  },
  max: (ctx, args) => extreme(ctx, args, 1),
  min: (ctx, args) => extreme(ctx, args, -1),
  mod: (ctx, args) => {
    const a = numericArg(ctx, args[0], 'Math.mod');
    const b = numericArg(ctx, args[1], 'Math.mod');
    const kind = widerKind(a, b);
    if (kind !== 'Integer' && kind !== 'Long') return unsupported('Math.mod of a non-integer');
    if (toBigInt(b) === 0n) ctx.throwApex('MathException', 'Divide by 0');
    // The remainder takes the dividend's sign, as Java's % does.
    const result = toBigInt(a) % toBigInt(b);
    return kind === 'Integer' ? ApexNumber.integer(result) : ApexNumber.long(result);
  },
  round: (ctx, args) => mathRound(ctx, args, 'Integer'),
  roundToLong: (ctx, args) => mathRound(ctx, args, 'Long'),
  floor: (ctx, args) => floorOrCeil(ctx, args, 'FLOOR'),
  ceil: (ctx, args) => floorOrCeil(ctx, args, 'CEILING'),
  pow: (ctx, args) =>
    ApexNumber.double(
      Math.pow(doubleOf(ctx, args[0], 'Math.pow'), doubleOf(ctx, args[1], 'Math.pow'))
    ),
  sqrt: (ctx, args) => {
    const value = numericArg(ctx, args[0], 'Math.sqrt');
    if (value instanceof ApexDecimal) return unsupported('Math.sqrt of a Decimal');
    return ApexNumber.double(Math.sqrt(value.toNumber()));
  }
});

export const INTEGER_STATICS = methodTable<StaticMethod>({
  valueOf: (ctx: LibraryContext, args: ApexValue[]) => wholeValueOf(ctx, args, 'Integer')
});

export const LONG_STATICS = methodTable<StaticMethod>({
  valueOf: (ctx: LibraryContext, args: ApexValue[]) => wholeValueOf(ctx, args, 'Long')
});

export const DOUBLE_STATICS = methodTable<StaticMethod>({
  valueOf: (ctx: LibraryContext, args: ApexValue[]) => {
    const value = args[0];
    if (value === null) return null;
    if (typeof value === 'string') {
      const parsed = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)
        ? Number(value)
        : NaN;
      if (Number.isNaN(parsed)) ctx.throwApex('TypeException', `Invalid double: ${value}`);
      return ApexNumber.double(parsed);
    }
    return ApexNumber.double(numericArg(ctx, value, 'Double.valueOf').toNumber());
  }
});

export const DECIMAL_STATICS = methodTable<StaticMethod>({
  valueOf: (ctx: LibraryContext, args: ApexValue[]) => {
    const value = args[0];
    if (value === null) return null;
    if (typeof value === 'string') {
      return parseDecimal(value) ?? ctx.throwApex('TypeException', `Invalid decimal: ${value}`);
    }
    return toDecimal(numericArg(ctx, value, 'Decimal.valueOf'));
  }
});

export const BOOLEAN_STATICS = methodTable<StaticMethod>({
  valueOf: (_ctx: LibraryContext, args: ApexValue[]) => {
    const value = args[0];
    if (typeof value === 'boolean') return value;
    return typeof value === 'string' && value.toLowerCase() === 'true';
  }
});

/** Integer.MAX_VALUE and friends. */
export const NUMBER_CONSTANTS = new Map<string, ApexValue>([
  ['integer.max_value', ApexNumber.integer(2147483647)],
  ['integer.min_value', ApexNumber.integer(-2147483648)],
  ['long.max_value', ApexNumber.long(9223372036854775807n)],
  ['long.min_value', ApexNumber.long(-9223372036854775808n)],
  ['math.pi', ApexNumber.double(Math.PI)],
  ['math.e', ApexNumber.double(Math.E)]
]);

function truncated(value: Numeric, kind: 'Integer' | 'Long'): ApexNumber {
  const whole = toBigInt(value);
  return kind === 'Integer' ? ApexNumber.integer(whole) : ApexNumber.long(whole);
}

const COMMON = {
  intValue: (_ctx: LibraryContext, value: Numeric) => truncated(value, 'Integer'),
  longValue: (_ctx: LibraryContext, value: Numeric) => truncated(value, 'Long'),
  doubleValue: (_ctx: LibraryContext, value: Numeric) => ApexNumber.double(value.toNumber())
};

export const NUMBER_INSTANCE = instanceTable<ApexNumber>({
  ...COMMON,
  format: (_ctx, value) => {
    if (value.kind === 'Double') return unsupported('Double.format');
    return groupedWhole(toBigInt(value));
  },
  round: (_ctx, value) => {
    if (value.kind !== 'Double') return unsupported(`${value.kind}.round`);
    return ApexNumber.long(BigInt(javaRound(value.toNumber())));
  }
});

export const DECIMAL_INSTANCE = instanceTable<ApexDecimal>({
  ...COMMON,
  scale: (_ctx, value) => ApexNumber.integer(value.scale),
  precision: (_ctx, value) =>
    ApexNumber.integer((value.unscaled < 0n ? -value.unscaled : value.unscaled).toString().length),
  abs: (_ctx, value) => (value.unscaled < 0n ? decimalNegate(value) : value),
  setScale: (ctx, value, args) => {
    arity(args, 'Decimal.setScale', 1, 2);
    const mode = args.length > 1 ? roundingMode(args[1], 'Decimal.setScale') : 'HALF_EVEN';
    return rounded(ctx, () => decimalSetScale(value, integerArg(ctx, args[0], 'setScale'), mode));
  },
  round: (ctx, value, args) => {
    arity(args, 'Decimal.round', 0, 1);
    const mode = args.length > 0 ? roundingMode(args[0], 'Decimal.round') : 'HALF_EVEN';
    return ApexNumber.long(rounded(ctx, () => decimalSetScale(value, 0, mode)).unscaled);
  },
  divide: (ctx, value, args) => {
    arity(args, 'Decimal.divide', 2, 3);
    const divisor = toDecimal(numericArg(ctx, args[0], 'Decimal.divide'));
    const scale = integerArg(ctx, args[1], 'Decimal.divide');
    if (divisor.unscaled === 0n) ctx.throwApex('MathException', 'Divide by 0');
    if (args.length === 3) {
      const mode = roundingMode(args[2], 'Decimal.divide');
      return rounded(
        ctx,
        () => new ApexDecimal(scaledQuotient(value, divisor, scale, mode), scale)
      );
    }
    // Without a mode the guide does not name the rounding: only exact quotients are given.
    const exact = scaledQuotient(value, divisor, scale, 'DOWN');
    if (exact !== scaledQuotient(value, divisor, scale, 'UP')) {
      return unsupported('Decimal.divide without a RoundingMode when rounding is needed');
    }
    return new ApexDecimal(exact, scale);
  },
  stripTrailingZeros: (_ctx, value) => stripTrailingZeros(value),
  toPlainString: (_ctx, value) => decimalToPlainString(value),
  format: (_ctx, value) => {
    if (value.scale > 0 && value.unscaled % 10n ** BigInt(value.scale) !== 0n) {
      return unsupported('Decimal.format of a fractional value');
    }
    return groupedWhole(toBigInt(value));
  },
  compareTo: (ctx, value, args) =>
    ApexNumber.integer(decimalCompare(value, toDecimal(numericArg(ctx, args[0], 'compareTo')))),
  toString: (_ctx: LibraryContext, value: ApexDecimal) => stringOf(value)
});
