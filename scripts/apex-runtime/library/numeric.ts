/**
 * Numeric promotion (Apex Developer Guide, "Understanding Rules of Conversion"): Integer < Long <
 * Decimal < Double. A binary operation runs in the wider of its operands' kinds.
 */
import { ApexDecimal, ApexNumber } from '../values';
import { decimalCompare } from './decimal';

export type Numeric = ApexNumber | ApexDecimal;
export type NumericKind = 'Integer' | 'Long' | 'Decimal' | 'Double';

const RANK: Record<NumericKind, number> = { Integer: 0, Long: 1, Decimal: 2, Double: 3 };

export function numericKind(value: Numeric): NumericKind {
  return value instanceof ApexDecimal ? 'Decimal' : value.kind;
}

export function widerKind(left: Numeric, right: Numeric): NumericKind {
  const a = numericKind(left);
  const b = numericKind(right);
  return RANK[a] >= RANK[b] ? a : b;
}

export function toBigInt(value: Numeric): bigint {
  if (value instanceof ApexDecimal) {
    const divisor = 10n ** BigInt(Math.max(value.scale, 0));
    return value.scale >= 0
      ? value.unscaled / divisor
      : value.unscaled * 10n ** BigInt(-value.scale);
  }
  return typeof value.raw === 'bigint' ? value.raw : BigInt(Math.trunc(value.raw));
}

export function toDecimal(value: Numeric): ApexDecimal {
  if (value instanceof ApexDecimal) return value;
  if (value.kind === 'Double') return ApexDecimal.fromNumber(value.toNumber());
  return new ApexDecimal(toBigInt(value), 0);
}

export function toDouble(value: Numeric): number {
  return value.toNumber();
}

/** The value converted to a (wider) kind. */
export function promote(value: Numeric, kind: NumericKind): Numeric {
  switch (kind) {
    case 'Integer':
      return ApexNumber.integer(toBigInt(value));
    case 'Long':
      return ApexNumber.long(toBigInt(value));
    case 'Decimal':
      return toDecimal(value);
    case 'Double':
      return ApexNumber.double(toDouble(value));
  }
}

/** Compares two numbers by value, whatever their kinds. */
export function compareNumeric(left: Numeric, right: Numeric): number {
  const kind = widerKind(left, right);
  if (kind === 'Double') return Math.sign(toDouble(left) - toDouble(right));
  if (kind === 'Decimal') return decimalCompare(toDecimal(left), toDecimal(right));
  const difference = toBigInt(left) - toBigInt(right);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}
