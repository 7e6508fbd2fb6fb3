/** Integer, Long, Double, Decimal, Math, Boolean: Apex Reference Guide classes of those names. */
import { staticConstant } from '../library/registry';
import { stringOf } from '../library/strings';
import { ApexDecimal, ApexEnumValue, ApexNumber, type ApexValue } from '../values';
import { call, callStatic, dbl, int, long, testContext } from './libraryFixtures';

const ctx = testContext();
const dec = (text: string): ApexDecimal => ApexDecimal.fromString(text);
const mode = (name: string): ApexEnumValue => new ApexEnumValue('System.RoundingMode', name, 0);
const text = (value: ApexValue): string => stringOf(value);

describe('Decimal', () => {
  it('valueOf parses text with its scale, and converts numbers', () => {
    expect(text(callStatic(ctx, 'Decimal', 'valueOf', '12.50'))).toBe('12.50');
    expect(text(callStatic(ctx, 'Decimal', 'valueOf', '1.5E+3'))).toBe('1.5E+3');
    expect(text(callStatic(ctx, 'Decimal', 'valueOf', int(4)))).toBe('4');
    expect(text(callStatic(ctx, 'Decimal', 'valueOf', dbl(0.1)))).toBe('0.1');
    expect(callStatic(ctx, 'Decimal', 'valueOf', null)).toBeNull();
    expect(() => callStatic(ctx, 'Decimal', 'valueOf', 'abc')).toThrow(
      'TypeException: Invalid decimal: abc'
    );
  });

  it('setScale rounds by the RoundingMode (HALF_EVEN by default)', () => {
    expect(text(call(ctx, dec('2.345'), 'setScale', int(2)))).toBe('2.34');
    expect(text(call(ctx, dec('2.345'), 'setScale', int(2), mode('HALF_UP')))).toBe('2.35');
    expect(text(call(ctx, dec('-2.5'), 'setScale', int(0), mode('CEILING')))).toBe('-2');
    expect(text(call(ctx, dec('-2.5'), 'setScale', int(0), mode('FLOOR')))).toBe('-3');
    expect(text(call(ctx, dec('2.5'), 'setScale', int(0), mode('HALF_DOWN')))).toBe('2');
    expect(text(call(ctx, dec('2.1'), 'setScale', int(0), mode('UP')))).toBe('3');
    expect(text(call(ctx, dec('1.5'), 'setScale', int(3)))).toBe('1.500');
    expect(() => call(ctx, dec('1.25'), 'setScale', int(1), mode('UNNECESSARY'))).toThrow(
      'MathException: Rounding necessary'
    );
    expect(() => call(ctx, dec('1.25'), 'setScale', int(1), 'HALF_UP')).toThrow('unsupported');
  });

  it('round returns a Long; intValue truncates; toPlainString avoids exponents', () => {
    const rounded = call(ctx, dec('2.7'), 'round', mode('DOWN')) as ApexNumber;
    expect(rounded.kind).toBe('Long');
    expect(text(rounded)).toBe('2');
    expect(text(call(ctx, dec('2.5'), 'round'))).toBe('2');
    expect(text(call(ctx, dec('-2.7'), 'intValue'))).toBe('-2');
    expect(text(call(ctx, dec('2.7'), 'longValue'))).toBe('2');
    expect(text(call(ctx, dec('2.5'), 'doubleValue'))).toBe('2.5');
    expect(call(ctx, new ApexDecimal(1n, -2), 'toPlainString')).toBe('100');
    expect(call(ctx, dec('0.00000001'), 'toPlainString')).toBe('0.00000001');
    expect(text(call(ctx, dec('1.500'), 'stripTrailingZeros'))).toBe('1.5');
    expect(text(call(ctx, dec('0.00'), 'stripTrailingZeros'))).toBe('0');
    expect(text(call(ctx, dec('-1.5'), 'abs'))).toBe('1.5');
    expect(text(call(ctx, dec('1.50'), 'scale'))).toBe('2');
    expect(text(call(ctx, dec('-123.4'), 'precision'))).toBe('4');
    expect(text(call(ctx, dec('1.5'), 'compareTo', int(2)))).toBe('-1');
    expect(call(ctx, dec('1.50'), 'toString')).toBe('1.50');
  });

  it('divide(divisor, scale[, mode]) and Divide by 0', () => {
    expect(text(call(ctx, dec('19'), 'divide', int(100), int(3)))).toBe('0.190');
    expect(text(call(ctx, dec('1'), 'divide', int(3), int(2), mode('HALF_UP')))).toBe('0.33');
    expect(() => call(ctx, dec('1'), 'divide', int(3), int(2))).toThrow('unsupported');
    expect(() => call(ctx, dec('1'), 'divide', int(0), int(2))).toThrow(
      'MathException: Divide by 0'
    );
  });

  it('format groups whole numbers in the en_US way', () => {
    expect(call(ctx, dec('1234567'), 'format')).toBe('1,234,567');
    expect(call(ctx, dec('1234.00'), 'format')).toBe('1,234');
    expect(() => call(ctx, dec('1.5'), 'format')).toThrow('unsupported');
    expect(call(ctx, int(-1234), 'format')).toBe('-1,234');
  });
});

describe('Integer, Long, Double, Boolean', () => {
  it('valueOf parses or throws TypeException', () => {
    expect(text(callStatic(ctx, 'Integer', 'valueOf', '42'))).toBe('42');
    expect(() => callStatic(ctx, 'Integer', 'valueOf', '2147483648')).toThrow(
      'TypeException: Invalid integer: 2147483648'
    );
    expect((callStatic(ctx, 'Long', 'valueOf', int(3)) as ApexNumber).kind).toBe('Long');
    expect(() => callStatic(ctx, 'Long', 'valueOf', dec('1.5'))).toThrow('unsupported');
    expect(callStatic(ctx, 'Integer', 'valueOf', null)).toBeNull();
    expect(text(callStatic(ctx, 'Double', 'valueOf', '1.5'))).toBe('1.5');
    expect(text(callStatic(ctx, 'Double', 'valueOf', int(2)))).toBe('2.0');
    expect(() => callStatic(ctx, 'Double', 'valueOf', 'x')).toThrow(
      'TypeException: Invalid double: x'
    );
    expect(callStatic(ctx, 'Boolean', 'valueOf', 'TRUE')).toBe(true);
    expect(callStatic(ctx, 'Boolean', 'valueOf', 'yes')).toBe(false);
    expect(callStatic(ctx, 'Boolean', 'valueOf', true)).toBe(true);
  });

  it('number instance methods', () => {
    expect(text(call(ctx, long(5_000_000_000), 'intValue'))).toBe('705032704');
    expect(text(call(ctx, dbl(2.5), 'round'))).toBe('3');
    expect(text(call(ctx, dbl(-2.5), 'round'))).toBe('-2');
    expect(() => call(ctx, int(1), 'round')).toThrow('unsupported');
    expect(() => call(ctx, dbl(1), 'format')).toThrow('unsupported');
    expect(call(ctx, true, 'equals', true)).toBe(true);
  });

  it('exposes MAX_VALUE and MIN_VALUE', () => {
    expect(text(staticConstant('Integer', 'MAX_VALUE') ?? null)).toBe('2147483647');
    expect(text(staticConstant('System.Long', 'min_value') ?? null)).toBe('-9223372036854775808');
    expect(staticConstant('Integer', 'NOPE')).toBeUndefined();
  });
});

describe('Math', () => {
  it('max, min keep the wider kind; abs, mod', () => {
    expect((callStatic(ctx, 'Math', 'max', int(1), long(2)) as ApexNumber).kind).toBe('Long');
    expect(text(callStatic(ctx, 'Math', 'min', dec('1.5'), int(2)))).toBe('1.5');
    expect(text(callStatic(ctx, 'Math', 'abs', int(-3)))).toBe('3');
    expect(text(callStatic(ctx, 'Math', 'abs', dbl(-1.5)))).toBe('1.5');
    expect(text(callStatic(ctx, 'Math', 'abs', dec('-1.50')))).toBe('1.50');
    expect(text(callStatic(ctx, 'Math', 'mod', int(-7), int(3)))).toBe('-1');
    expect(() => callStatic(ctx, 'Math', 'mod', int(1), int(0))).toThrow('Divide by 0');
    expect(() => callStatic(ctx, 'Math', 'mod', dec('1.5'), int(1))).toThrow('unsupported');
  });

  it('round (half-even for Decimal, half-up for Double), floor, ceil, pow, sqrt', () => {
    expect(text(callStatic(ctx, 'Math', 'round', dec('2.5')))).toBe('2');
    expect(text(callStatic(ctx, 'Math', 'round', dbl(2.5)))).toBe('3');
    expect((callStatic(ctx, 'Math', 'roundToLong', dbl(2.4)) as ApexNumber).kind).toBe('Long');
    expect(text(callStatic(ctx, 'Math', 'floor', dec('-1.5')))).toBe('-2');
    expect(text(callStatic(ctx, 'Math', 'ceil', dbl(1.2)))).toBe('2.0');
    expect(text(callStatic(ctx, 'Math', 'pow', dbl(2), dbl(10)))).toBe('1024.0');
    expect(text(callStatic(ctx, 'Math', 'sqrt', dbl(9)))).toBe('3.0');
    expect(() => callStatic(ctx, 'Math', 'sqrt', dec('9'))).toThrow('unsupported');
    expect(() => callStatic(ctx, 'Math', 'abs', 'x')).toThrow('unsupported');
  });
});
