/** Building List, Set and Map values from `new` expressions (their methods are the library's). */
import { ApexList, ApexMap, ApexSet, typeName, type ApexValue, type TypeName } from '../values';
import type { Interpreter } from './interpreter';

const OBJECT = typeName('Object');

export function newCollection(type: TypeName): ApexList | ApexSet | ApexMap {
  switch (type.name.toLowerCase()) {
    case 'list':
      return new ApexList(type.args[0] ?? OBJECT);
    case 'set':
      return new ApexSet(type.args[0] ?? OBJECT);
    default:
      return new ApexMap(type.args[0] ?? OBJECT, type.args[1] ?? OBJECT);
  }
}

/** Adds an element (List, Set) or an entry (Map), converting it to the declared element type. */
export function addToCollection(
  interp: Interpreter,
  collection: ApexList | ApexSet | ApexMap,
  item: ApexValue,
  value: ApexValue = null
): void {
  const from = interp.currentClass();
  if (collection instanceof ApexList) {
    collection.items.push(interp.coerce(item, collection.elementType, from));
  } else if (collection instanceof ApexSet) {
    const element = interp.coerce(item, collection.elementType, from);
    const key = interp.library.keyOf(interp, element);
    if (!collection.entries.has(key)) collection.entries.set(key, element);
  } else {
    const key = interp.coerce(item, collection.keyType, from);
    collection.entries.set(interp.library.keyOf(interp, key), {
      key,
      value: interp.coerce(value, collection.valueType, from)
    });
  }
}
