/** JSON class: Apex Reference Guide, "JSON Class". */
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
  ApexBlob,
  SObjectValue,
  typeName,
  type ApexValue,
  type TypeName
} from '../values';
import { callStatic, dbl, int, long, testContext } from './libraryFixtures';

const ctx = testContext({
  classes: {
    Entry: [
      { name: 'userName', type: typeName('String') },
      { name: 'logins', type: typeName('Integer') },
      { name: 'lastLogin', type: typeName('Datetime') },
      { name: 'tags', type: typeName('List', typeName('String')) }
    ]
  }
});
const ID = new ApexId('005000000000001');
const serialize = (value: ApexValue, suppress?: boolean): ApexValue =>
  suppress === undefined
    ? callStatic(ctx, 'JSON', 'serialize', value)
    : callStatic(ctx, 'JSON', 'serialize', value, suppress);
const deserialize = (json: string, type: TypeName): ApexValue =>
  callStatic(ctx, 'JSON', 'deserialize', json, new ApexType(type));

function entry(): ApexObject {
  const object = new ApexObject('Entry');
  object.fields.set('username', 'Ann');
  object.fields.set('logins', int(3));
  object.fields.set('lastlogin', new ApexDatetime(Date.UTC(2026, 10, 23, 12)));
  object.fields.set('tags', null);
  return object;
}

describe('JSON.serialize', () => {
  it('writes each type in its platform form', () => {
    const list = new ApexList(typeName('Object'), [
      null,
      true,
      'a"b',
      int(1),
      long(2n ** 40n),
      dbl(1.5),
      ApexDecimal.fromString('1.10'),
      ID,
      new ApexDate(2026, 11, 23),
      new ApexDatetime(Date.UTC(2026, 10, 23, 12)),
      new ApexTime(1000),
      new ApexEnumValue('Mode', 'AMOUNT', 0),
      new ApexBlob(new Uint8Array([104, 105]))
    ]);
    expect(serialize(list)).toBe(
      `[null,true,"a\\"b",1,1099511627776,1.5,1.10,"${ID.value}","2026-11-23","2026-11-23T12:00:00.000Z","00:00:01.000Z","AMOUNT","aGk="]`
    );
    const set = new ApexSet(typeName('String'));
    set.entries.set('s:x', 'x');
    expect(serialize(set)).toBe('["x"]');
  });

  it('writes object fields in declaration order, nulls unless suppressed', () => {
    expect(serialize(entry())).toBe(
      '{"userName":"Ann","logins":3,"lastLogin":"2026-11-23T12:00:00.000Z","tags":null}'
    );
    expect(serialize(entry(), true)).toBe(
      '{"userName":"Ann","logins":3,"lastLogin":"2026-11-23T12:00:00.000Z"}'
    );
    expect(() => serialize(new ApexObject('Unknown'))).toThrow('unsupported');
    expect(() => serialize(new ApexType(typeName('String')))).toThrow('unsupported');
  });

  it('writes an SObject with attributes first', () => {
    const user = new SObjectValue('User');
    user.fields.set('id', { name: 'Id', value: ID });
    user.fields.set('lastname', { name: 'LastName', value: 'Doe' });
    expect(serialize(user)).toBe(
      `{"attributes":{"type":"User"},"Id":"${ID.value}","LastName":"Doe"}`
    );
  });

  it('serializePretty indents objects as Jackson does', () => {
    const map = new ApexMap(typeName('String'), typeName('Object'));
    map.entries.set('s:a', { key: 'a', value: int(1) });
    map.entries.set('s:b', {
      key: 'b',
      value: new ApexList(typeName('Object'), [
        int(1),
        new ApexMap(typeName('String'), typeName('Object'))
      ])
    });
    map.entries.set('s:c', { key: 'c', value: new ApexList(typeName('Object')) });
    expect(callStatic(ctx, 'JSON', 'serializePretty', map)).toBe(
      '{\n  "a" : 1,\n  "b" : [ 1, { } ],\n  "c" : [ ]\n}'
    );
  });
});

describe('JSON.deserializeUntyped', () => {
  it('gives Map<String,Object>, List<Object>, Integer, Long and Decimal', () => {
    const value = callStatic(
      ctx,
      'JSON',
      'deserializeUntyped',
      '{"a":1,"b":[2147483648,1.50,"x",true,null],"c":{}}'
    ) as ApexMap;
    expect(stringOf(value)).toBe('{a=1, b=(2147483648, 1.50, x, true, null), c={}}');
    const b = value.entries.get('s:b')?.value as ApexList;
    expect((b.items[0] as ApexNumber).kind).toBe('Long');
    expect(b.items[1]).toBeInstanceOf(ApexDecimal);
    expect((value.entries.get('s:a')?.value as ApexNumber).kind).toBe('Integer');
    expect(callStatic(ctx, 'JSON', 'deserializeUntyped', '1e2')).toBeInstanceOf(ApexDecimal);
    expect(stringOf(callStatic(ctx, 'JSON', 'deserializeUntyped', '"\\u00e9\\n"'))).toBe('é\n');
  });

  it('throws JSONException for malformed input', () => {
    expect(() => callStatic(ctx, 'JSON', 'deserializeUntyped', '{"a":x}')).toThrow(
      "JSONException: Unexpected character ('x' (code 120)) at [line:1, column:6]"
    );
    expect(() => callStatic(ctx, 'JSON', 'deserializeUntyped', '[1,')).toThrow(
      'Unexpected end-of-input'
    );
    expect(() => callStatic(ctx, 'JSON', 'deserializeUntyped', '"\\q"')).toThrow('JSONException');
    expect(() => callStatic(ctx, 'JSON', 'deserializeUntyped', '1 2')).toThrow('JSONException');
  });
});

describe('JSON.deserialize', () => {
  it('round-trips a user class through its declared field types', () => {
    const object = deserialize(serialize(entry()) as string, typeName('Entry')) as ApexObject;
    expect(stringOf(object.fields.get('lastlogin') ?? null)).toBe('2026-11-23 12:00:00');
    expect(object.fields.get('username')).toBe('Ann');
    const withTags = deserialize(
      '{"USERNAME":"x","tags":["a"],"extra":1}',
      typeName('Entry')
    ) as ApexObject;
    expect(stringOf(withTags.fields.get('tags') ?? null)).toBe('(a)');
    expect(withTags.fields.has('extra')).toBe(false);
  });

  it('reads typed collections, maps and scalars', () => {
    const list = deserialize(
      '[{"userName":"a"},null]',
      typeName('List', typeName('Entry'))
    ) as ApexList;
    expect(list.items[1]).toBeNull();
    const map = deserialize(
      '{"1":"2026-01-02"}',
      typeName('Map', typeName('Integer'), typeName('Date'))
    );
    expect(stringOf(map)).toBe('{1=2026-01-02}');
    const set = deserialize('[1.5,1.5]', typeName('Set', typeName('Decimal')));
    expect(stringOf(set)).toBe('{1.5}');
    expect(stringOf(deserialize('"2026-11-23T13:00:00.000+01:00"', typeName('Datetime')))).toBe(
      '2026-11-23 12:00:00'
    );
    expect(stringOf(deserialize('"2026-11-23T11:00:00-01:00"', typeName('Datetime')))).toBe(
      '2026-11-23 12:00:00'
    );
    expect(deserialize(`"${ID.value}"`, typeName('Id'))).toEqual(ID);
    expect(deserialize('true', typeName('Boolean'))).toBe(true);
    expect((deserialize('3', typeName('Long')) as ApexNumber).kind).toBe('Long');
    expect((deserialize('3', typeName('Double')) as ApexNumber).kind).toBe('Double');
    expect(stringOf(deserialize('{"a":[1]}', typeName('Object')))).toBe('{a=(1)}');
    expect(() => deserialize('1.5', typeName('Integer'))).toThrow('JSONException');
    expect(() => deserialize('3000000000', typeName('Integer'))).toThrow('JSONException');
    expect(() => deserialize('"x"', typeName('List', typeName('String')))).toThrow('JSONException');
    expect(() =>
      deserialize('"x"', typeName('Map', typeName('String'), typeName('String')))
    ).toThrow('JSONException');
    expect(() => deserialize('"2026"', typeName('Date'))).toThrow('JSONException');
    expect(() => callStatic(ctx, 'JSON', 'deserialize', '1', 'Integer')).toThrow('unsupported');
  });

  it('reads an SObject (as the package does for User) and skips attributes', () => {
    const user = new SObjectValue('User');
    user.fields.set('id', { name: 'Id', value: ID });
    user.fields.set('lastname', { name: 'LastName', value: 'Doe' });
    const untyped = callStatic(ctx, 'JSON', 'deserializeUntyped', serialize(user));
    const back = deserialize(serialize(untyped) as string, typeName('User')) as SObjectValue;
    expect(back.sObjectType).toBe('User');
    expect(back.fields.get('id')?.value).toEqual(ID);
    expect(back.fields.get('lastname')).toEqual({ name: 'LastName', value: 'Doe' });
    const generic = deserialize(
      '{"attributes":{"type":"Account"},"Name":"x"}',
      typeName('SObject')
    ) as SObjectValue;
    expect(generic.sObjectType).toBe('Account');
  });
});
