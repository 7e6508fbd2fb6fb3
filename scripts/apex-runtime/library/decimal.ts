/**
 * Decimal arithmetic as Apex does it, on the Java BigDecimal model: + and - keep the larger scale,
 * * adds the scales, and / (which the Apex docs do not specify beyond "Decimal") follows
 * BigDecimal.divide with MathContext.DECIMAL128: 34 significant digits, HALF_EVEN, and an exact
 * quotient keeps the smallest scale not below (dividend scale − divisor scale).
 */
import { ApexDecimal } from '../values';

export type RoundingMode =
  'CEILING' | 'DOWN' | 'FLOOR' | 'HALF_DOWN' | 'HALF_EVEN' | 'HALF_UP' | 'UNNECESSARY' | 'UP';

export const ROUNDING_MODES: readonly RoundingMode[] = [
  'CEILING',
  'DOWN',
  'FLOOR',
  'HALF_DOWN',
  'HALF_EVEN',
  'HALF_UP',
  'UNNECESSARY',
  'UP'
];

const DIVISION_PRECISION = 34;

/** Thrown for an inexact result under RoundingMode.UNNECESSARY; callers map it to MathException. */
export class RoundingNecessaryError extends Error {}

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

function withScale(value: ApexDecimal, scale: number): bigint {
  return value.unscaled * pow10(scale - value.scale);
}

export function decimalAdd(left: ApexDecimal, right: ApexDecimal): ApexDecimal {
  const scale = Math.max(left.scale, right.scale);
  return new ApexDecimal(withScale(left, scale) + withScale(right, scale), scale);
}

export function decimalNegate(value: ApexDecimal): ApexDecimal {
  return new ApexDecimal(-value.unscaled, value.scale);
}

export function decimalSubtract(left: ApexDecimal, right: ApexDecimal): ApexDecimal {
  return decimalAdd(left, decimalNegate(right));
}

export function decimalMultiply(left: ApexDecimal, right: ApexDecimal): ApexDecimal {
  return new ApexDecimal(left.unscaled * right.unscaled, left.scale + right.scale);
}

export function decimalCompare(left: ApexDecimal, right: ApexDecimal): number {
  const scale = Math.max(left.scale, right.scale);
  const difference = withScale(left, scale) - withScale(right, scale);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** Integer quotient numerator/denominator rounded by the mode (denominator non-zero). */
export function roundQuotient(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  const absDenominator = denominator < 0n ? -denominator : denominator;
  const half = twiceRemainder === absDenominator ? 0 : twiceRemainder > absDenominator ? 1 : -1;
  const awayFromZero = ((): boolean => {
    switch (mode) {
      case 'UP':
        return true;
      case 'DOWN':
        return false;
      case 'CEILING':
        return sign > 0n;
      case 'FLOOR':
        return sign < 0n;
      case 'HALF_UP':
        return half >= 0;
      case 'HALF_DOWN':
        return half > 0;
      case 'HALF_EVEN':
        return half > 0 || (half === 0 && quotient % 2n !== 0n);
      case 'UNNECESSARY':
        throw new RoundingNecessaryError('Rounding necessary');
    }
  })();
  return awayFromZero ? quotient + sign : quotient;
}

/** Decimal.setScale: the value at exactly `scale` decimals, rounded by the mode when it shrinks. */
export function decimalSetScale(
  value: ApexDecimal,
  scale: number,
  mode: RoundingMode
): ApexDecimal {
  if (scale >= value.scale) return new ApexDecimal(withScale(value, scale), scale);
  return new ApexDecimal(roundQuotient(value.unscaled, pow10(value.scale - scale), mode), scale);
}

function digitCount(value: bigint): number {
  return (value < 0n ? -value : value).toString().length;
}

/** Division by a non-zero divisor (see the file comment for the rule). */
export function decimalDivide(dividend: ApexDecimal, divisor: ApexDecimal): ApexDecimal {
  const preferredScale = dividend.scale - divisor.scale;
  if (dividend.unscaled === 0n) return new ApexDecimal(0n, Math.max(preferredScale, 0));
  // Pick the scale that gives 34 significant digits, then adjust once if the estimate is off by one.
  let scale =
    DIVISION_PRECISION -
    (digitCount(dividend.unscaled) - digitCount(divisor.unscaled)) +
    preferredScale -
    1;
  let quotient = scaledQuotient(dividend, divisor, scale, 'HALF_EVEN');
  if (digitCount(quotient) < DIVISION_PRECISION) {
    scale += 1;
    quotient = scaledQuotient(dividend, divisor, scale, 'HALF_EVEN');
  }
  if (digitCount(quotient) > DIVISION_PRECISION) {
    scale -= 1;
    quotient = scaledQuotient(dividend, divisor, scale, 'HALF_EVEN');
  }
  const exact = scaledQuotient(dividend, divisor, scale, 'UP') === quotient;
  let result = new ApexDecimal(quotient, scale);
  if (exact) {
    while (result.scale > preferredScale && result.unscaled % 10n === 0n) {
      result = new ApexDecimal(result.unscaled / 10n, result.scale - 1);
    }
  }
  return result;
}

/** dividend / divisor as an unscaled value at `scale` decimals. */
export function scaledQuotient(
  dividend: ApexDecimal,
  divisor: ApexDecimal,
  scale: number,
  mode: RoundingMode
): bigint {
  const shift = scale - dividend.scale + divisor.scale;
  const numerator = shift >= 0 ? dividend.unscaled * pow10(shift) : dividend.unscaled;
  const denominator = shift >= 0 ? divisor.unscaled : divisor.unscaled * pow10(-shift);
  return roundQuotient(numerator, denominator, mode);
}

export function stripTrailingZeros(value: ApexDecimal): ApexDecimal {
  if (value.unscaled === 0n) return new ApexDecimal(0n, 0);
  let result = value;
  while (result.unscaled % 10n === 0n) {
    result = new ApexDecimal(result.unscaled / 10n, result.scale - 1);
  }
  return result;
}

/** Java BigDecimal.toString: plain unless the scale is negative or the value is below 1E-6. */
export function decimalToString(value: ApexDecimal): string {
  const digits = (value.unscaled < 0n ? -value.unscaled : value.unscaled).toString();
  const adjusted = digits.length - 1 - value.scale;
  if (value.scale >= 0 && adjusted >= -6) return value.toString();
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const exponent = adjusted >= 0 ? `+${adjusted}` : String(adjusted);
  return `${value.unscaled < 0n ? '-' : ''}${mantissa}E${exponent}`;
}

/** BigDecimal.toPlainString: never exponent notation. */
export function decimalToPlainString(value: ApexDecimal): string {
  if (value.scale >= 0) return value.toString();
  return new ApexDecimal(withScale(value, 0), 0).toString();
}
