/** Assert and System assertions: Apex Reference Guide, "Assert Class" and "System Class". */
import { instanceMethod, staticMethod } from '../library/registry';
import { ApexEnumValue, ApexObject, ApexType, ApexDecimal, typeName } from '../values';
import { call, callStatic, int, long, testContext } from './libraryFixtures';

const ctx = testContext();

describe('Assert', () => {
  it('areEqual uses equals: numbers by value, Strings case-sensitive', () => {
    expect(callStatic(ctx, 'Assert', 'areEqual', int(1), long(1))).toBeNull();
    expect(callStatic(ctx, 'Assert', 'areEqual', ApexDecimal.fromString('1.0'), int(1))).toBeNull();
    expect(() => callStatic(ctx, 'Assert', 'areEqual', 'a', 'A')).toThrow(
      'AssertException: Assertion Failed: Expected: a, Actual: A'
    );
    expect(() => callStatic(ctx, 'Assert', 'areEqual', int(1), int(2), 'counts')).toThrow(
      'Assertion Failed: counts: Expected: 1, Actual: 2'
    );
    expect(() => callStatic(ctx, 'Assert', 'areNotEqual', int(1), int(1))).toThrow(
      'Assertion Failed: Same value: 1'
    );
    expect(callStatic(ctx, 'Assert', 'areNotEqual', int(1), int(2))).toBeNull();
  });

  it('isTrue, isFalse, isNull, isNotNull, fail', () => {
    expect(callStatic(ctx, 'Assert', 'isTrue', true)).toBeNull();
    expect(() => callStatic(ctx, 'Assert', 'isTrue', false, 'must hold')).toThrow(
      'Assertion Failed: must hold'
    );
    expect(() => callStatic(ctx, 'Assert', 'isFalse', true)).toThrow(
      'Assertion Failed: Expected: false, Actual: true'
    );
    expect(callStatic(ctx, 'Assert', 'isNull', null)).toBeNull();
    expect(() => callStatic(ctx, 'Assert', 'isNull', int(1))).toThrow('Expected: null, Actual: 1');
    expect(callStatic(ctx, 'Assert', 'isNotNull', int(1))).toBeNull();
    expect(() => callStatic(ctx, 'Assert', 'isNotNull', null, 'x')).toThrow(
      'Assertion Failed: x: Expected: not null'
    );
    expect(() => callStatic(ctx, 'Assert', 'fail')).toThrow(/^AssertException: Assertion Failed$/);
    expect(() => callStatic(ctx, 'Assert', 'fail', 'boom')).toThrow('Assertion Failed: boom');
  });

  it('isInstanceOfType and isNotInstanceOfType', () => {
    const object = new ApexObject('Foo');
    expect(
      callStatic(ctx, 'Assert', 'isInstanceOfType', object, new ApexType(typeName('Foo')))
    ).toBeNull();
    expect(() =>
      callStatic(ctx, 'Assert', 'isInstanceOfType', 'x', new ApexType(typeName('Foo')))
    ).toThrow('Expected: instance of Foo, Actual: x');
    expect(
      callStatic(ctx, 'Assert', 'isNotInstanceOfType', 'x', new ApexType(typeName('Foo')))
    ).toBeNull();
    expect(() => callStatic(ctx, 'Assert', 'isInstanceOfType', 'x', 'Foo')).toThrow('unsupported');
  });
});

describe('System', () => {
  it('assert, assertEquals, assertNotEquals and debug', () => {
    expect(() => callStatic(ctx, 'System', 'assert', false)).toThrow(/Assertion Failed$/);
    expect(callStatic(ctx, 'System', 'assert', true)).toBeNull();
    expect(() => callStatic(ctx, 'System', 'assertEquals', int(1), int(2))).toThrow(
      'Expected: 1, Actual: 2'
    );
    expect(callStatic(ctx, 'System', 'assertEquals', int(1), int(1))).toBeNull();
    expect(() => callStatic(ctx, 'System', 'assertNotEquals', 'a', 'a')).toThrow('Same value: a');
    expect(callStatic(ctx, 'System', 'assertNotEquals', 'a', 'b')).toBeNull();
    callStatic(ctx, 'System', 'debug', int(5));
    callStatic(ctx, 'System', 'debug', new ApexEnumValue('System.LoggingLevel', 'INFO', 4), 'msg');
    expect(ctx.debugLog).toEqual(['5', 'msg']);
  });

  it('Id.valueOf validates; enum and Type values have their methods', () => {
    expect(() => callStatic(ctx, 'Id', 'valueOf', 'bad')).toThrow(
      'StringException: Invalid id: bad'
    );
    expect(callStatic(ctx, 'Id', 'valueOf', null)).toBeNull();
    const id = callStatic(ctx, 'Id', 'valueOf', '001000000000001');
    expect(call(ctx, id, 'to15')).toBe('001000000000001');
    expect(call(ctx, id, 'equals', '001000000000001')).toBe(true);
    const mode = new ApexEnumValue('Mode', 'B', 1);
    expect(call(ctx, mode, 'name')).toBe('B');
    expect(call(ctx, mode, 'ordinal')).toEqual(int(1));
    expect(call(ctx, mode, 'equals', mode)).toBe(true);
    const type = new ApexType(typeName('List', typeName('String')));
    expect(call(ctx, type, 'getName')).toBe('List<String>');
    expect(call(ctx, type, 'toString')).toBe('List<String>');
    expect(call(ctx, type, 'equals', new ApexType(typeName('list', typeName('string'))))).toBe(
      true
    );
  });

  it('finds nothing for unknown names, null receivers and user objects', () => {
    expect(staticMethod('Nope', 'x')).toBeUndefined();
    expect(staticMethod('String', 'nope')).toBeUndefined();
    expect(instanceMethod(null, 'equals')).toBeUndefined();
    expect(instanceMethod(new ApexObject('Foo'), 'equals')).toBeUndefined();
  });
});
