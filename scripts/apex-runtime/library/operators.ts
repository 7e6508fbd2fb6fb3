/**
 * Apex's binary and unary operators (Apex Developer Guide, "Expression Operators"). Apex has no
 * `%` operator (Math.mod does that), so `%` is refused.
 */
import { ApexDate, ApexDatetime, ApexDecimal, ApexNumber, type ApexValue } from '../values';
import type { LibraryContext } from './context';
import {
  decimalAdd,
  decimalDivide,
  decimalMultiply,
  decimalNegate,
  decimalSubtract
} from './decimal';
import { apexEquals, compareForOperator, exactEquals } from './equality';
import { toBigInt, toDecimal, widerKind, type Numeric } from './numeric';
import { stringOf } from './stringOf';
import { isNumeric, NULL_DEREFERENCE, unsupported } from './support';

export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '=='
  | '!='
  | '==='
  | '!=='
  | '<'
  | '<='
  | '>'
  | '>='
  | '&'
  | '|'
  | '^'
  | '<<'
  | '>>'
  | '>>>';

export type UnaryOperator = '-' | '+' | '!' | '~';

const DAY_MILLIS = 86_400_000;

export function binaryOperator(
  ctx: LibraryContext,
  op: BinaryOperator,
  left: ApexValue,
  right: ApexValue
): ApexValue {
  switch (op) {
    case '==':
      return apexEquals(ctx, left, right, { ignoreCase: true });
    case '!=':
      return !apexEquals(ctx, left, right, { ignoreCase: true });
    case '===':
      return exactEquals(ctx, left, right);
    case '!==':
      return !exactEquals(ctx, left, right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return relational(ctx, op, left, right);
    case '+':
      if (typeof left === 'string' || typeof right === 'string') {
        return stringOf(left) + stringOf(right);
      }
      return arithmetic(ctx, op, left, right);
    case '-':
    case '*':
    case '/':
      return arithmetic(ctx, op, left, right);
    case '&':
    case '|':
    case '^':
    case '<<':
    case '>>':
    case '>>>':
      return bitwise(ctx, op, left, right);
    case '%':
      return unsupported('operator % (Apex has none; use Math.mod)');
  }
}

function relational(
  ctx: LibraryContext,
  op: '<' | '<=' | '>' | '>=',
  left: ApexValue,
  right: ApexValue
): boolean {
  const order = compareForOperator(ctx, left, right);
  if (order === undefined) return false;
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function arithmetic(
  ctx: LibraryContext,
  op: '+' | '-' | '*' | '/',
  left: ApexValue,
  right: ApexValue
): ApexValue {
  if (left === null || right === null) ctx.throwApex('NullPointerException', NULL_DEREFERENCE);
  if ((op === '+' || op === '-') && isNumeric(right)) {
    // Date ± Integer adds days; Datetime ± number adds days with the fraction as part of a day.
    const sign = op === '+' ? 1 : -1;
    if (left instanceof ApexDate && right instanceof ApexNumber && right.kind !== 'Double') {
      return ApexDate.fromEpochDay(left.toEpochDay() + sign * right.toNumber());
    }
    if (left instanceof ApexDatetime) {
      return new ApexDatetime(left.epochMillis + Math.round(sign * right.toNumber() * DAY_MILLIS));
    }
  }
  if (!isNumeric(left) || !isNumeric(right)) {
    return unsupported(`operator ${op} on ${describe(left)} and ${describe(right)}`);
  }
  return numericArithmetic(ctx, op, left, right);
}

function describe(value: ApexValue): string {
  return typeof value === 'object' && value !== null ? value.constructor.name : typeof value;
}

function numericArithmetic(
  ctx: LibraryContext,
  op: '+' | '-' | '*' | '/',
  left: Numeric,
  right: Numeric
): Numeric {
  const kind = widerKind(left, right);
  if (kind === 'Double') {
    const a = left.toNumber();
    const b = right.toNumber();
    // The guide's Double division by zero is not documented apart; Apex raises MathException.
    if (op === '/' && b === 0) ctx.throwApex('MathException', 'Divide by 0');
    return ApexNumber.double(op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b);
  }
  if (kind === 'Decimal') {
    const a = toDecimal(left);
    const b = toDecimal(right);
    if (op === '+') return decimalAdd(a, b);
    if (op === '-') return decimalSubtract(a, b);
    if (op === '*') return decimalMultiply(a, b);
    if (b.unscaled === 0n) ctx.throwApex('MathException', 'Divide by 0');
    return decimalDivide(a, b);
  }
  const a = toBigInt(left);
  const b = toBigInt(right);
  if (op === '/' && b === 0n) ctx.throwApex('MathException', 'Divide by 0');
  // BigInt division truncates toward zero, as Java's integer division does.
  const result = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
  return kind === 'Integer' ? ApexNumber.integer(result) : ApexNumber.long(result);
}

function bitwise(
  ctx: LibraryContext,
  op: '&' | '|' | '^' | '<<' | '>>' | '>>>',
  left: ApexValue,
  right: ApexValue
): ApexValue {
  const isShift = op === '<<' || op === '>>' || op === '>>>';
  if (typeof left === 'boolean' && typeof right === 'boolean' && !isShift) {
    return op === '&' ? left && right : op === '|' ? left || right : left !== right;
  }
  if (left === null || right === null) ctx.throwApex('NullPointerException', NULL_DEREFERENCE);
  if (!(left instanceof ApexNumber && right instanceof ApexNumber)) {
    return unsupported(`operator ${op} on ${describe(left)} and ${describe(right)}`);
  }
  if (left.kind === 'Double' || right.kind === 'Double') {
    return unsupported(`operator ${op} on Double`);
  }
  // A shift keeps the left operand's kind and masks its distance (Java: 5 bits for int, 6 for long).
  const kind = isShift ? left.kind : (widerKind(left, right) as 'Integer' | 'Long');
  const bits = kind === 'Integer' ? 32 : 64;
  const a = toBigInt(left);
  const b = toBigInt(right);
  const distance = BigInt(Number(b & BigInt(bits - 1)));
  let result: bigint;
  switch (op) {
    case '&':
      result = a & b;
      break;
    case '|':
      result = a | b;
      break;
    case '^':
      result = a ^ b;
      break;
    case '<<':
      result = a << distance;
      break;
    case '>>':
      result = a >> distance;
      break;
    case '>>>':
      result = BigInt.asUintN(bits, a) >> distance;
      break;
  }
  return kind === 'Integer' ? ApexNumber.integer(result) : ApexNumber.long(result);
}

export function unaryOperator(ctx: LibraryContext, op: UnaryOperator, value: ApexValue): ApexValue {
  if (op === '!') {
    if (typeof value !== 'boolean') {
      if (value === null) ctx.throwApex('NullPointerException', NULL_DEREFERENCE);
      return unsupported(`operator ! on ${describe(value)}`);
    }
    return !value;
  }
  if (value === null) ctx.throwApex('NullPointerException', NULL_DEREFERENCE);
  if (!isNumeric(value)) return unsupported(`operator ${op} on ${describe(value)}`);
  if (op === '+') return value;
  if (value instanceof ApexDecimal) {
    if (op === '~') return unsupported('operator ~ on Decimal');
    return decimalNegate(value);
  }
  if (value.kind === 'Double') {
    if (op === '~') return unsupported('operator ~ on Double');
    return ApexNumber.double(-value.toNumber());
  }
  const raw = toBigInt(value);
  const result = op === '-' ? -raw : ~raw;
  return value.kind === 'Integer' ? ApexNumber.integer(result) : ApexNumber.long(result);
}
