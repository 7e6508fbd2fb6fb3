/**
 * List, Set and Map methods (Apex Reference Guide, "List Class", "Set Class", "Map Class"). Sets
 * and maps key their elements by `valueKey`: String keys are case-sensitive, an Id and its
 * 15-character form are one key. `contains` and `indexOf` on a List use `equals` (case-sensitive).
 */
import {
  ApexId,
  ApexList,
  ApexMap,
  ApexNumber,
  ApexObject,
  ApexSet,
  SObjectValue,
  typeName,
  type ApexValue,
  type TypeName
} from '../values';
import type { LibraryContext } from './context';
import { apexEquals, keyOf, naturalOrder } from './equality';
import { arity, instanceTable, integerArg, required, unsupported } from './support';

function outOfBounds(ctx: LibraryContext, index: number): never {
  return ctx.throwApex('ListException', `List index out of bounds: ${index}`);
}

function checkedIndex(ctx: LibraryContext, value: ApexValue, limit: number): number {
  const index = integerArg(ctx, value, 'List index');
  if (index < 0 || index >= limit) outOfBounds(ctx, index);
  return index;
}

/** The elements of a List or Set argument (addAll, containsAll, removeAll...). */
function elementsOf(ctx: LibraryContext, value: ApexValue, what: string): ApexValue[] {
  const present = required(ctx, value);
  if (present instanceof ApexList) return present.items;
  if (present instanceof ApexSet) return [...present.entries.values()];
  return unsupported(`${what} with a non-collection argument`);
}

function integer(value: number): ApexNumber {
  return ApexNumber.integer(value);
}

function listIndexOf(ctx: LibraryContext, list: ApexList, value: ApexValue): number {
  return list.items.findIndex((item) => apexEquals(ctx, item, value, { ignoreCase: false }));
}

/** The order List.sort() uses without a Comparator: nulls first, then the natural order. */
function sortOrder(ctx: LibraryContext, left: ApexValue, right: ApexValue): number {
  if (left === null || right === null) return left === right ? 0 : left === null ? -1 : 1;
  if (left instanceof ApexObject) {
    const result = ctx.callMethod(left, 'compareTo', [right]);
    return result instanceof ApexNumber ? result.toNumber() : 0;
  }
  const order = naturalOrder(left, right);
  // SObject order (by Name, then other fields) is not reproduced.
  return order ?? unsupported(`List.sort of ${left.constructor.name}`);
}

function sortList(ctx: LibraryContext, list: ApexList, comparator: ApexValue | undefined): void {
  if (comparator === undefined) {
    list.items.sort((a, b) => sortOrder(ctx, a, b));
    return;
  }
  const present = required(ctx, comparator);
  if (!(present instanceof ApexObject)) return unsupported('List.sort with a non-Comparator');
  list.items.sort((a, b) => {
    const result = ctx.callMethod(present, 'compare', [a, b]);
    return result instanceof ApexNumber ? result.toNumber() : 0;
  });
}

type ListMethod = (ctx: LibraryContext, list: ApexList, args: ApexValue[]) => ApexValue;

const LIST: Record<string, ListMethod> = {
  add: (ctx, list, args) => {
    arity(args, 'List.add', 1, 2);
    if (args.length === 1) {
      list.items.push(args[0]);
    } else {
      list.items.splice(checkedIndex(ctx, args[0], list.items.length + 1), 0, args[1]);
    }
    return null;
  },
  addAll: (ctx, list, args) => {
    list.items.push(...elementsOf(ctx, args[0], 'List.addAll'));
    return null;
  },
  get: (ctx, list, args) => list.items[checkedIndex(ctx, args[0], list.items.length)],
  set: (ctx, list, args) => {
    list.items[checkedIndex(ctx, args[0], list.items.length)] = args[1];
    return null;
  },
  remove: (ctx, list, args) => {
    const index = checkedIndex(ctx, args[0], list.items.length);
    return list.items.splice(index, 1)[0];
  },
  size: (_ctx, list) => integer(list.items.length),
  isEmpty: (_ctx, list) => list.items.length === 0,
  contains: (ctx, list, args) => listIndexOf(ctx, list, args[0]) >= 0,
  indexOf: (ctx, list, args) => integer(listIndexOf(ctx, list, args[0])),
  clear: (_ctx, list) => {
    list.items.length = 0;
    return null;
  },
  sort: (ctx, list, args) => {
    arity(args, 'List.sort', 0, 1);
    sortList(ctx, list, args[0]);
    return null;
  },
  clone: (_ctx, list) => new ApexList(list.elementType, [...list.items]),
  deepClone: (_ctx, list) =>
    new ApexList(
      list.elementType,
      list.items.map((item) => (item instanceof SObjectValue ? cloneRecord(item) : item))
    ),
  equals: (ctx, list, args) => apexEquals(ctx, list, args[0], { ignoreCase: false })
};

function cloneRecord(record: SObjectValue): SObjectValue {
  const copy = new SObjectValue(record.sObjectType);
  for (const [field, entry] of record.fields) copy.fields.set(field, { ...entry });
  return copy;
}

type SetMethod = (ctx: LibraryContext, set: ApexSet, args: ApexValue[]) => ApexValue;

function setAdd(ctx: LibraryContext, set: ApexSet, value: ApexValue): boolean {
  const key = keyOf(ctx, value);
  if (set.entries.has(key)) return false;
  set.entries.set(key, value);
  return true;
}

const SET: Record<string, SetMethod> = {
  add: (ctx, set, args) => setAdd(ctx, set, args[0]),
  addAll: (ctx, set, args) =>
    elementsOf(ctx, args[0], 'Set.addAll')
      .map((value) => setAdd(ctx, set, value))
      .includes(true),
  contains: (ctx, set, args) => set.entries.has(keyOf(ctx, args[0])),
  containsAll: (ctx, set, args) =>
    elementsOf(ctx, args[0], 'Set.containsAll').every((value) =>
      set.entries.has(keyOf(ctx, value))
    ),
  remove: (ctx, set, args) => set.entries.delete(keyOf(ctx, args[0])),
  removeAll: (ctx, set, args) =>
    elementsOf(ctx, args[0], 'Set.removeAll')
      .map((value) => set.entries.delete(keyOf(ctx, value)))
      .includes(true),
  retainAll: (ctx, set, args) => {
    const keep = new Set(elementsOf(ctx, args[0], 'Set.retainAll').map((v) => keyOf(ctx, v)));
    const removed = [...set.entries.keys()].filter((key) => !keep.has(key));
    removed.forEach((key) => set.entries.delete(key));
    return removed.length > 0;
  },
  size: (_ctx, set) => integer(set.entries.size),
  isEmpty: (_ctx, set) => set.entries.size === 0,
  clear: (_ctx, set) => {
    set.entries.clear();
    return null;
  },
  clone: (_ctx, set) => {
    const copy = new ApexSet(set.elementType);
    set.entries.forEach((value, key) => copy.entries.set(key, value));
    return copy;
  },
  equals: (ctx, set, args) => apexEquals(ctx, set, args[0], { ignoreCase: false })
};

type MapMethod = (ctx: LibraryContext, map: ApexMap, args: ApexValue[]) => ApexValue;

/** The key of `key` in `map`: describe maps fold String keys to lower case. */
function mapKeyOf(ctx: LibraryContext, map: ApexMap, key: ApexValue): string {
  return keyOf(ctx, map.ignoreKeyCase && typeof key === 'string' ? key.toLowerCase() : key);
}

function mapPut(ctx: LibraryContext, map: ApexMap, key: ApexValue, value: ApexValue): ApexValue {
  const mapKey = mapKeyOf(ctx, map, key);
  const previous = map.entries.get(mapKey);
  // The first key object is kept, as a Java HashMap keeps it when a value is replaced.
  map.entries.set(mapKey, { key: previous ? previous.key : key, value });
  return previous ? previous.value : null;
}

function recordId(ctx: LibraryContext, record: ApexValue, index: number): ApexId {
  const id = record instanceof SObjectValue ? record.fields.get('id')?.value : undefined;
  if (!(id instanceof ApexId)) {
    return ctx.throwApex('ListException', `Row with null Id at index: ${index}`);
  }
  return id;
}

function putRecords(ctx: LibraryContext, map: ApexMap, records: readonly ApexValue[]): void {
  records.forEach((record, index) => mapPut(ctx, map, recordId(ctx, record, index), record));
}

const MAP: Record<string, MapMethod> = {
  put: (ctx, map, args) => mapPut(ctx, map, args[0], args[1]),
  putAll: (ctx, map, args) => {
    const source = required(ctx, args[0]);
    if (source instanceof ApexMap) {
      source.entries.forEach((entry) => mapPut(ctx, map, entry.key, entry.value));
    } else if (source instanceof ApexList) {
      putRecords(ctx, map, source.items);
    } else {
      return unsupported('Map.putAll with a non-Map, non-List argument');
    }
    return null;
  },
  get: (ctx, map, args) => map.entries.get(mapKeyOf(ctx, map, args[0]))?.value ?? null,
  containsKey: (ctx, map, args) => map.entries.has(mapKeyOf(ctx, map, args[0])),
  remove: (ctx, map, args) => {
    const key = mapKeyOf(ctx, map, args[0]);
    const previous = map.entries.get(key);
    map.entries.delete(key);
    return previous ? previous.value : null;
  },
  keySet: (ctx, map) => {
    const keys = new ApexSet(map.keyType);
    map.entries.forEach((entry) => setAdd(ctx, keys, entry.key));
    return keys;
  },
  values: (_ctx, map) =>
    new ApexList(
      map.valueType,
      [...map.entries.values()].map((e) => e.value)
    ),
  size: (_ctx, map) => integer(map.entries.size),
  isEmpty: (_ctx, map) => map.entries.size === 0,
  clear: (_ctx, map) => {
    map.entries.clear();
    return null;
  },
  clone: (_ctx, map) => {
    const copy = new ApexMap(map.keyType, map.valueType);
    copy.ignoreKeyCase = map.ignoreKeyCase;
    map.entries.forEach((entry, key) => copy.entries.set(key, { ...entry }));
    return copy;
  },
  equals: (ctx, map, args) => apexEquals(ctx, map, args[0], { ignoreCase: false })
};

/** `new Map<Id, SObject>(records)`: each record keyed by its Id. */
export function mapFromRecords(
  ctx: LibraryContext,
  records: ApexList,
  keyType: TypeName = typeName('Id'),
  valueType: TypeName = records.elementType
): ApexMap {
  const map = new ApexMap(keyType, valueType);
  putRecords(ctx, map, records.items);
  return map;
}

export const LIST_INSTANCE = instanceTable(LIST);
export const SET_INSTANCE = instanceTable(SET);
export const MAP_INSTANCE = instanceTable(MAP);
