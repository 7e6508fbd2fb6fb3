/** List, Set and Map: Apex Reference Guide, "List Class", "Set Class", "Map Class". */
import { mapFromRecords } from '../library/collections';
import { stringOf } from '../library/strings';
import { ApexId, ApexList, ApexMap, ApexObject, ApexSet, SObjectValue, typeName } from '../values';
import { call, int, testContext } from './libraryFixtures';

const ctx = testContext();
const ID15 = '001000000000001';
const strings = (...items: string[]): ApexList => new ApexList(typeName('String'), items);

describe('List', () => {
  it('adds, gets, sets and removes, with the platform out-of-bounds message', () => {
    const list = strings('a');
    call(ctx, list, 'add', 'c');
    call(ctx, list, 'add', int(1), 'b');
    expect(list.items).toEqual(['a', 'b', 'c']);
    expect(call(ctx, list, 'get', int(2))).toBe('c');
    expect(() => call(ctx, list, 'get', int(3))).toThrow(
      'ListException: List index out of bounds: 3'
    );
    expect(() => call(ctx, list, 'get', int(-1))).toThrow('List index out of bounds: -1');
    call(ctx, list, 'set', int(0), 'z');
    expect(call(ctx, list, 'remove', int(0))).toBe('z');
    expect(stringOf(call(ctx, list, 'size'))).toBe('2');
    call(ctx, list, 'addAll', strings('d'));
    expect(call(ctx, list, 'contains', 'd')).toBe(true);
    expect(call(ctx, list, 'contains', 'D')).toBe(false);
    expect(stringOf(call(ctx, list, 'indexOf', 'c'))).toBe('1');
    const copy = call(ctx, list, 'clone') as ApexList;
    call(ctx, list, 'clear');
    expect(call(ctx, list, 'isEmpty')).toBe(true);
    expect(copy.items).toEqual(['b', 'c', 'd']);
    expect(call(ctx, copy, 'equals', strings('b', 'c', 'd'))).toBe(true);
  });

  it('sorts primitives in natural order with nulls first', () => {
    const list = new ApexList(typeName('Object'), ['b', null, 'B', 'a']);
    call(ctx, list, 'sort');
    expect(list.items).toEqual([null, 'B', 'a', 'b']);
    const numbers = new ApexList(typeName('Integer'), [int(3), int(1), int(2)]);
    call(ctx, numbers, 'sort');
    expect(stringOf(numbers)).toBe('(1, 2, 3)');
  });

  it('sorts Comparable objects through compareTo and a Comparator through compare', () => {
    const ranked = (rank: number): ApexObject => {
      const object = new ApexObject('Ranked');
      object.fields.set('rank', int(rank));
      return object;
    };
    const list = new ApexList(typeName('Ranked'), [ranked(2), ranked(1)]);
    call(ctx, list, 'sort');
    expect(
      list.items.map((item) => stringOf((item as ApexObject).fields.get('rank') ?? null))
    ).toEqual(['1', '2']);
    const descending = new ApexObject('Desc');
    descending.fields.set('sign', int(-1));
    const numbers = new ApexList(typeName('Integer'), [int(1), int(3), int(2)]);
    call(ctx, numbers, 'sort', descending);
    expect(stringOf(numbers)).toBe('(3, 2, 1)');
    expect(() =>
      call(
        ctx,
        new ApexList(typeName('Account'), [
          new SObjectValue('Account'),
          new SObjectValue('Account')
        ]),
        'sort'
      )
    ).toThrow('unsupported');
  });

  it('deepClone copies SObjects', () => {
    const record = new SObjectValue('Account');
    record.fields.set('name', { name: 'Name', value: 'x' });
    const copy = call(ctx, new ApexList(typeName('Account'), [record]), 'deepClone') as ApexList;
    expect(copy.items[0]).not.toBe(record);
    expect(stringOf(copy)).toBe('(Account:{Name=x})');
  });
});

describe('Set', () => {
  it('keys Strings case-sensitively and Ids by their 18-character form', () => {
    const set = new ApexSet(typeName('String'));
    expect(call(ctx, set, 'add', 'a')).toBe(true);
    expect(call(ctx, set, 'add', 'a')).toBe(false);
    expect(call(ctx, set, 'add', 'A')).toBe(true);
    const ids = new ApexSet(typeName('Id'));
    call(ctx, ids, 'add', new ApexId(ID15));
    expect(call(ctx, ids, 'contains', new ApexId(new ApexId(ID15).value))).toBe(true);
    expect(call(ctx, ids, 'add', new ApexId(ID15))).toBe(false);
  });

  it('addAll, containsAll, remove, removeAll, retainAll, clone, clear', () => {
    const set = new ApexSet(typeName('String'));
    expect(call(ctx, set, 'addAll', strings('a', 'b', 'c'))).toBe(true);
    expect(call(ctx, set, 'containsAll', strings('a', 'b'))).toBe(true);
    expect(call(ctx, set, 'remove', 'a')).toBe(true);
    expect(call(ctx, set, 'removeAll', strings('x'))).toBe(false);
    expect(call(ctx, set, 'retainAll', strings('b'))).toBe(true);
    expect(stringOf(set)).toBe('{b}');
    const copy = call(ctx, set, 'clone');
    call(ctx, set, 'clear');
    expect(call(ctx, set, 'isEmpty')).toBe(true);
    expect(stringOf(call(ctx, copy as ApexSet, 'size'))).toBe('1');
    expect(call(ctx, copy, 'equals', set)).toBe(false);
  });
});

describe('Map', () => {
  it('puts, gets and removes with case-sensitive String keys', () => {
    const map = new ApexMap(typeName('String'), typeName('Integer'));
    expect(call(ctx, map, 'put', 'a', int(1))).toBeNull();
    expect(stringOf(call(ctx, map, 'put', 'a', int(2)))).toBe('1');
    expect(call(ctx, map, 'get', 'A')).toBeNull();
    expect(call(ctx, map, 'containsKey', 'a')).toBe(true);
    call(ctx, map, 'put', 'b', int(3));
    expect(stringOf(call(ctx, map, 'keySet'))).toBe('{a, b}');
    expect(stringOf(call(ctx, map, 'values'))).toBe('(2, 3)');
    expect(stringOf(call(ctx, map, 'remove', 'a'))).toBe('2');
    expect(call(ctx, map, 'remove', 'zz')).toBeNull();
    const copy = call(ctx, map, 'clone') as ApexMap;
    call(ctx, map, 'putAll', copy);
    expect(call(ctx, map, 'equals', copy)).toBe(true);
    call(ctx, map, 'clear');
    expect(call(ctx, map, 'isEmpty')).toBe(true);
    expect(stringOf(call(ctx, copy, 'size'))).toBe('1');
  });

  it('finds an Id key by its 15- or 18-character form', () => {
    const map = new ApexMap(typeName('Id'), typeName('String'));
    call(ctx, map, 'put', new ApexId(ID15), 'x');
    expect(call(ctx, map, 'get', new ApexId(ID15).value)).toBe('x');
  });

  it('builds Map<Id, SObject> from records and refuses a record without an Id', () => {
    const record = new SObjectValue('Account');
    record.fields.set('id', { name: 'Id', value: new ApexId(ID15) });
    const map = mapFromRecords(ctx, new ApexList(typeName('Account'), [record]));
    expect(call(ctx, map, 'get', new ApexId(ID15))).toBe(record);
    const other = new ApexMap(typeName('Id'), typeName('Account'));
    call(ctx, other, 'putAll', new ApexList(typeName('Account'), [record]));
    expect(stringOf(call(ctx, other, 'size'))).toBe('1');
    expect(() =>
      mapFromRecords(ctx, new ApexList(typeName('Account'), [new SObjectValue('Account')]))
    ).toThrow('ListException: Row with null Id at index: 0');
  });
});
