/** Operators and conversions: Apex Developer Guide, "Expression Operators" and "Rules of Conversion". */
import { binaryOperator, unaryOperator } from '../library/operators';
import { coerce, isInstanceOf, runtimeTypeName } from '../library/conversions';
import { stringOf } from '../library/strings';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexEnumValue,
  ApexId,
  ApexList,
  ApexMap,
  ApexNumber,
  ApexObject,
  ApexSet,
  ApexTime,
  ApexType,
  SObjectValue,
  typeName
} from '../values';
import { dbl, int, long, testContext } from './libraryFixtures';

const ctx = testContext();
const dec = (text: string): ApexDecimal => ApexDecimal.fromString(text);
const text = (value: Parameters<typeof stringOf>[0]): string => stringOf(value);
const ID15 = '001000000000001';
const ID18 = new ApexId(ID15).value;

describe('arithmetic (Expression Operators; Primitive Data Types)', () => {
  it('wraps Integer and Long on overflow', () => {
    expect(text(binaryOperator(ctx, '+', int(2147483647), int(1)))).toBe('-2147483648');
    expect(text(binaryOperator(ctx, '*', long(9223372036854775807n), long(2)))).toBe('-2');
    expect(text(unaryOperator(ctx, '-', int(-2147483648)))).toBe('-2147483648');
  });

  it('promotes Integer < Long < Decimal < Double', () => {
    expect((binaryOperator(ctx, '+', int(1), long(2)) as ApexNumber).kind).toBe('Long');
    expect(binaryOperator(ctx, '+', int(1), dec('1.5'))).toBeInstanceOf(ApexDecimal);
    expect((binaryOperator(ctx, '+', dec('1.5'), dbl(1)) as ApexNumber).kind).toBe('Double');
    expect(text(binaryOperator(ctx, '*', dbl(1.5), int(2)))).toBe('3.0');
  });

  it('keeps Decimal scale as BigDecimal does: 1.10 + 2 = 3.10, 1.5 * 1.50 = 2.250', () => {
    expect(text(binaryOperator(ctx, '+', dec('1.10'), int(2)))).toBe('3.10');
    expect(text(binaryOperator(ctx, '*', dec('1.5'), dec('1.50')))).toBe('2.250');
    expect(text(binaryOperator(ctx, '-', dec('1'), dec('0.25')))).toBe('0.75');
  });

  it('divides Decimals to 34 digits, exact quotients at the preferred scale', () => {
    expect(text(binaryOperator(ctx, '/', dec('10'), dec('4')))).toBe('2.5');
    expect(text(binaryOperator(ctx, '/', dec('6.00'), dec('2')))).toBe('3.00');
    expect(text(binaryOperator(ctx, '/', dec('1'), dec('3')))).toBe(`0.${'3'.repeat(34)}`);
    expect(text(binaryOperator(ctx, '/', dec('2'), dec('3')))).toBe(`0.${'6'.repeat(33)}7`);
    expect(text(binaryOperator(ctx, '/', dec('0'), dec('3')))).toBe('0');
  });

  it('truncates Integer division toward zero', () => {
    expect(text(binaryOperator(ctx, '/', int(7), int(2)))).toBe('3');
    expect(text(binaryOperator(ctx, '/', int(-7), int(2)))).toBe('-3');
  });

  it('throws MathException Divide by 0', () => {
    for (const divisor of [int(0), dec('0.0'), dbl(0)]) {
      expect(() => binaryOperator(ctx, '/', int(1), divisor)).toThrow('MathException: Divide by 0');
    }
  });

  it('throws NullPointerException for arithmetic on null', () => {
    expect(() => binaryOperator(ctx, '+', int(1), null)).toThrow('NullPointerException');
    expect(() => unaryOperator(ctx, '-', null)).toThrow('NullPointerException');
  });

  it('adds days to a Date and a Datetime', () => {
    expect(text(binaryOperator(ctx, '+', new ApexDate(2026, 2, 28), int(1)))).toBe('2026-03-01');
    const noon = new ApexDatetime(Date.UTC(2026, 0, 1, 12));
    expect(text(binaryOperator(ctx, '-', noon, dbl(0.5)))).toBe('2026-01-01 00:00:00');
  });

  it('refuses % (Apex has no such operator) and mixed nonsense', () => {
    expect(() => binaryOperator(ctx, '%', int(5), int(2))).toThrow('unsupported');
    expect(() => binaryOperator(ctx, '-', true, int(2))).toThrow('unsupported');
  });

  it('runs bitwise and shift operators with Java semantics', () => {
    expect(text(binaryOperator(ctx, '&', int(6), int(3)))).toBe('2');
    expect(text(binaryOperator(ctx, '|', int(6), int(3)))).toBe('7');
    expect(text(binaryOperator(ctx, '^', int(6), int(3)))).toBe('5');
    expect(text(binaryOperator(ctx, '<<', int(1), int(33)))).toBe('2');
    expect(text(binaryOperator(ctx, '>>', int(-8), int(1)))).toBe('-4');
    expect(text(binaryOperator(ctx, '>>>', int(-1), int(28)))).toBe('15');
    expect(binaryOperator(ctx, '^', true, false)).toBe(true);
    expect(binaryOperator(ctx, '&', true, false)).toBe(false);
    expect(text(unaryOperator(ctx, '~', int(0)))).toBe('-1');
    expect(unaryOperator(ctx, '!', false)).toBe(true);
    expect(() => binaryOperator(ctx, '&', dbl(1), int(1))).toThrow('unsupported');
  });
});

describe('concatenation and printing (String + any type)', () => {
  it("prints null as 'null' and each type in its platform form", () => {
    expect(binaryOperator(ctx, '+', 'a', null)).toBe('anull');
    expect(binaryOperator(ctx, '+', int(1), 'x')).toBe('1x');
    expect(binaryOperator(ctx, '+', '', dec('1.50'))).toBe('1.50');
    expect(binaryOperator(ctx, '+', '', new ApexDate(2026, 11, 3))).toBe('2026-11-03');
    expect(binaryOperator(ctx, '+', '', new ApexDatetime(Date.UTC(2026, 10, 23, 7, 5, 9)))).toBe(
      '2026-11-23 07:05:09'
    );
    expect(binaryOperator(ctx, '+', '', new ApexId(ID15))).toBe(ID18);
    expect(text(new ApexList(typeName('String'), ['a', 'b']))).toBe('(a, b)');
    const map = new ApexMap(typeName('String'), typeName('Integer'));
    map.entries.set('s:k', { key: 'k', value: int(1) });
    expect(text(map)).toBe('{k=1}');
    const account = new SObjectValue('Account');
    account.fields.set('name', { name: 'Name', value: 'x' });
    expect(text(account)).toBe('Account:{Name=x}');
    expect(text(dbl(1e10))).toBe('1.0E10');
    expect(text(dbl(0.0001))).toBe('1.0E-4');
    expect(text(new ApexTime(3_723_004))).toBe('01:02:03.004Z');
    expect(text(new ApexDecimal(1n, 8))).toBe('1E-8');
  });
});

describe('equality and comparison (Expression Operators)', () => {
  it('== ignores String case; equals-style === does not', () => {
    expect(binaryOperator(ctx, '==', 'Abc', 'aBC')).toBe(true);
    expect(binaryOperator(ctx, '===', 'Abc', 'aBC')).toBe(false);
    expect(binaryOperator(ctx, '!=', 'a', 'b')).toBe(true);
  });

  it('compares Ids by value: the 15- and 18-character forms are equal', () => {
    expect(binaryOperator(ctx, '==', new ApexId(ID15), new ApexId(ID18))).toBe(true);
    expect(binaryOperator(ctx, '==', new ApexId(ID18), ID15)).toBe(true);
    expect(binaryOperator(ctx, '==', new ApexId(ID18), 'not an id')).toBe(false);
  });

  it('compares numbers by value, collections element-wise, SObjects by fields', () => {
    expect(binaryOperator(ctx, '==', int(1), dec('1.0'))).toBe(true);
    const list = (...items: string[]): ApexList => new ApexList(typeName('String'), items);
    expect(binaryOperator(ctx, '==', list('a', 'b'), list('A', 'b'))).toBe(true);
    expect(binaryOperator(ctx, '===', list('a'), list('a'))).toBe(false);
    const record = (name: string): SObjectValue => {
      const r = new SObjectValue('Account');
      r.fields.set('name', { name: 'Name', value: name });
      return r;
    };
    expect(binaryOperator(ctx, '==', record('x'), record('x'))).toBe(true);
    expect(binaryOperator(ctx, '!==', record('x'), record('x'))).toBe(true);
    const set = new ApexSet(typeName('Integer'));
    set.entries.set('n:1', int(1));
    const same = new ApexSet(typeName('Integer'));
    same.entries.set('n:1', int(1));
    expect(binaryOperator(ctx, '==', set, same)).toBe(true);
    const mode = new ApexEnumValue('Mode', 'A', 0);
    expect(binaryOperator(ctx, '==', mode, new ApexEnumValue('mode', 'A', 0))).toBe(true);
    expect(binaryOperator(ctx, '==', new ApexObject('X'), new ApexObject('X'))).toBe(false);
    expect(binaryOperator(ctx, '==', null, null)).toBe(true);
  });

  it('orders numbers, dates and strings; null numbers compare false, null strings are smallest', () => {
    expect(binaryOperator(ctx, '<', int(1), dec('1.5'))).toBe(true);
    expect(binaryOperator(ctx, '>=', new ApexDate(2026, 1, 2), new ApexDate(2026, 1, 1))).toBe(
      true
    );
    expect(binaryOperator(ctx, '<', 'apple', 'Banana')).toBe(true);
    expect(binaryOperator(ctx, '<', null, int(1))).toBe(false);
    expect(binaryOperator(ctx, '>', null, int(1))).toBe(false);
    expect(binaryOperator(ctx, '>', 'a', null)).toBe(true);
    expect(binaryOperator(ctx, '<=', null, 'a')).toBe(true);
    expect(() => binaryOperator(ctx, '<', int(1), new ApexDate(2026, 1, 1))).toThrow(
      'TypeException'
    );
  });
});

describe('conversions (Rules of Conversion; Casting)', () => {
  it('widens numbers and converts between Id and String', () => {
    expect((coerce(ctx, int(1), typeName('Long')) as ApexNumber).kind).toBe('Long');
    expect(text(coerce(ctx, int(2), typeName('Decimal')))).toBe('2');
    expect((coerce(ctx, dec('1.5'), typeName('Double')) as ApexNumber).kind).toBe('Double');
    expect(coerce(ctx, ID15, typeName('Id'))).toEqual(new ApexId(ID18));
    expect(coerce(ctx, new ApexId(ID15), typeName('String'))).toBe(ID18);
    expect(coerce(ctx, null, typeName('Integer'))).toBeNull();
    expect(text(coerce(ctx, new ApexDate(2026, 1, 2), typeName('Datetime')))).toBe(
      '2026-01-02 00:00:00'
    );
  });

  it('throws StringException for an invalid Id and TypeException for a wrong runtime type', () => {
    expect(() => coerce(ctx, 'bogus', typeName('Id'))).toThrow(
      'StringException: Invalid id: bogus'
    );
    expect(() => coerce(ctx, 'x', typeName('Integer'))).toThrow(
      'TypeException: Invalid conversion from runtime type String to Integer'
    );
    expect(() => coerce(ctx, dbl(1.5), typeName('Long'))).toThrow('TypeException');
    const untyped = new ApexMap(typeName('String'), typeName('Object'));
    untyped.entries.set('s:a', { key: 'a', value: int(1) });
    expect(() =>
      coerce(ctx, untyped, typeName('Map', typeName('String'), typeName('String')))
    ).toThrow('Invalid conversion from runtime type Map<String,ANY> to Map<String,String>');
    expect(coerce(ctx, untyped, typeName('Map', typeName('String'), typeName('Object')))).toBe(
      untyped
    );
  });

  it('casts collections by declared type, or element by element from Object', () => {
    const objects = new ApexList(typeName('Object'), ['a', 'b']);
    expect(coerce(ctx, objects, typeName('List', typeName('String')))).toBe(objects);
    const strings = new ApexList(typeName('String'), ['a']);
    expect(isInstanceOf(ctx, strings, typeName('List', typeName('Object')))).toBe(true);
    const set = new ApexSet(typeName('Object'));
    set.entries.set('n:1', int(1));
    expect(isInstanceOf(ctx, set, typeName('Set', typeName('Integer')))).toBe(true);
    expect(isInstanceOf(ctx, set, typeName('Set', typeName('String')))).toBe(false);
  });

  it('names runtime types as the platform does and answers instanceof', () => {
    expect(runtimeTypeName(new ApexList(typeName('Object')))).toBe('List<ANY>');
    expect(runtimeTypeName(new ApexSet(typeName('Id')))).toBe('Set<Id>');
    expect(runtimeTypeName(true)).toBe('Boolean');
    expect(runtimeTypeName(null)).toBe('null');
    expect(runtimeTypeName(new ApexType(typeName('String')))).toBe('System.Type');
    expect(isInstanceOf(ctx, new SObjectValue('Account'), typeName('SObject'))).toBe(true);
    expect(isInstanceOf(ctx, new SObjectValue('Account'), typeName('Schema.Account'))).toBe(true);
    expect(isInstanceOf(ctx, new ApexObject('Foo'), typeName('Foo'))).toBe(true);
    expect(isInstanceOf(ctx, new ApexEnumValue('Outer.Mode', 'A', 0), typeName('Mode'))).toBe(true);
    expect(isInstanceOf(ctx, null, typeName('Object'))).toBe(false);
    expect(isInstanceOf(ctx, new ApexId(ID15), typeName('String'))).toBe(true);
    expect(isInstanceOf(ctx, int(1), typeName('Object'))).toBe(true);
  });
});

describe('the remaining kinds (Primitive Data Types)', () => {
  it('names every runtime type', () => {
    const names = [
      'x',
      int(1),
      dec('1'),
      new ApexId(ID15),
      new ApexDate(2026, 1, 1),
      new ApexDatetime(0),
      new ApexTime(0),
      new ApexMap(typeName('String'), typeName('List', typeName('Object'))),
      new SObjectValue('Account'),
      new ApexObject('Foo'),
      new ApexEnumValue('Mode', 'A', 0)
    ].map(runtimeTypeName);
    expect(names).toEqual([
      'String',
      'Integer',
      'Decimal',
      'Id',
      'Date',
      'Datetime',
      'Time',
      'Map<String,List<ANY>>',
      'Account',
      'Foo',
      'Mode'
    ]);
  });

  it('answers instanceof for each scalar and collection kind', () => {
    const cases: [Parameters<typeof isInstanceOf>[1], string][] = [
      [true, 'Boolean'],
      [long(1), 'Long'],
      [dbl(1), 'Double'],
      [dec('1'), 'Decimal'],
      [new ApexDate(2026, 1, 1), 'Date'],
      [new ApexDatetime(0), 'Datetime'],
      [new ApexTime(0), 'Time'],
      [new ApexType(typeName('String')), 'System.Type']
    ];
    for (const [value, name] of cases) expect(isInstanceOf(ctx, value, typeName(name))).toBe(true);
    expect(isInstanceOf(ctx, int(1), typeName('Long'))).toBe(false);
    const map = new ApexMap(typeName('String'), typeName('Integer'));
    expect(isInstanceOf(ctx, map, typeName('Map', typeName('String'), typeName('Object')))).toBe(
      true
    );
    expect(isInstanceOf(ctx, map, typeName('List', typeName('Object')))).toBe(false);
    const records = new ApexList(typeName('Account'));
    expect(isInstanceOf(ctx, records, typeName('List', typeName('SObject')))).toBe(true);
    expect(isInstanceOf(ctx, new ApexEnumValue('Mode', 'A', 0), typeName('Other'))).toBe(false);
    expect(isInstanceOf(ctx, new ApexType(typeName('X')), typeName('Foo'))).toBe(false);
  });

  it('negates Decimals and Doubles, shifts Longs, compares the other kinds', () => {
    expect(text(unaryOperator(ctx, '-', dec('1.50')))).toBe('-1.50');
    expect(text(unaryOperator(ctx, '-', dbl(2)))).toBe('-2.0');
    expect(unaryOperator(ctx, '+', int(2))).toEqual(int(2));
    expect(() => unaryOperator(ctx, '~', dec('1'))).toThrow('unsupported');
    expect(() => unaryOperator(ctx, '~', dbl(1))).toThrow('unsupported');
    expect(() => unaryOperator(ctx, '!', int(1))).toThrow('unsupported');
    expect(() => unaryOperator(ctx, '!', null)).toThrow('NullPointerException');
    expect(() => unaryOperator(ctx, '-', 'x')).toThrow('unsupported');
    expect(text(binaryOperator(ctx, '<<', long(1), int(40)))).toBe('1099511627776');
    expect(() => binaryOperator(ctx, '&', null, int(1))).toThrow('NullPointerException');
    expect(() => binaryOperator(ctx, '&', 'a', int(1))).toThrow('unsupported');
    expect(binaryOperator(ctx, '|', false, true)).toBe(true);
    expect(binaryOperator(ctx, '==', new ApexDatetime(5), new ApexDatetime(5))).toBe(true);
    expect(binaryOperator(ctx, '==', new ApexTime(5), new ApexTime(6))).toBe(false);
    expect(binaryOperator(ctx, '<', new ApexTime(5), new ApexTime(6))).toBe(true);
    expect(binaryOperator(ctx, '>', new ApexDatetime(6), new ApexDatetime(5))).toBe(true);
    expect(binaryOperator(ctx, '<=', new ApexId(ID15), new ApexId(ID15))).toBe(true);
    expect(
      binaryOperator(ctx, '==', new ApexType(typeName('A')), new ApexType(typeName('a')))
    ).toBe(true);
    const map = (value: number): ApexMap => {
      const result = new ApexMap(typeName('String'), typeName('Integer'));
      result.entries.set('s:k', { key: 'k', value: int(value) });
      return result;
    };
    expect(binaryOperator(ctx, '==', map(1), map(1))).toBe(true);
    expect(binaryOperator(ctx, '==', map(1), map(2))).toBe(false);
    expect(
      binaryOperator(ctx, '==', new SObjectValue('Account'), new SObjectValue('Contact'))
    ).toBe(false);
    expect(text(binaryOperator(ctx, '-', dec('1'), dbl(0.5)))).toBe('0.5');
    expect(text(binaryOperator(ctx, '*', long(3), int(2)))).toBe('6');
  });

  it('prints the remaining kinds', () => {
    expect(text(true)).toBe('true');
    const set = new ApexSet(typeName('Integer'));
    set.entries.set('n:1', int(1));
    expect(text(set)).toBe('{1}');
    const object = new ApexObject('Foo');
    object.fields.set('x', int(1));
    expect(text(object)).toBe('Foo:[x=1]');
    expect(text(new ApexEnumValue('Mode', 'A', 0))).toBe('A');
    expect(text(dbl(NaN))).toBe('NaN');
    expect(text(dbl(-Infinity))).toBe('-Infinity');
    expect(text(dbl(-0))).toBe('-0.0');
    expect(text(dbl(0))).toBe('0.0');
    expect(text(dbl(1.5e-7))).toBe('1.5E-7');
  });
});
