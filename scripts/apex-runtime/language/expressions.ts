/**
 * Evaluates expressions. Names resolve as Apex resolves them, case-insensitively: a local variable
 * first, then a field of the class (and its super and outer classes), then a type — so a variable
 * named like a type hides the type.
 */
import {
  ApexDecimal,
  ApexEnumValue,
  ApexList,
  ApexMap,
  ApexNumber,
  ApexObject,
  ApexSet,
  ApexType,
  SObjectValue,
  typeName,
  type ApexValue,
  type TypeName
} from '../values';
import type { Expr } from './ast';
import { callSystemStatic, callValueMethod, systemValue } from './builtins';
import type { ApexClass } from './classes';
import { newSObject, readSObjectField, singleRow, soqlValue, writeSObjectField } from './database';
import { ApexCompileError } from './errors';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { addToCollection, newCollection } from './collections';
import {
  constructSystemObject,
  readSystemObject,
  systemClass,
  systemClassOf,
  systemPropertyType
} from './systemObjects';

const NPE = 'Attempt to de-reference a null object';

/** What a name or dotted name denotes: a value, a user type, or a system type or namespace. */
type Ref =
  | { kind: 'value'; value: ApexValue }
  | { kind: 'class'; cls: ApexClass }
  | { kind: 'system'; name: string };

export function truthy(interp: Interpreter, value: ApexValue): boolean {
  if (value === null) return interp.throwApex('NullPointerException', NPE);
  if (typeof value !== 'boolean') throw new ApexCompileError('Condition must be a Boolean');
  return value;
}

function literal(expr: Extract<Expr, { kind: 'literal' }>): ApexValue {
  switch (expr.type) {
    case 'Integer':
      if (BigInt(expr.text) > 2147483648n)
        throw new ApexCompileError(`Illegal integer: ${expr.text}`);
      return ApexNumber.integer(BigInt(expr.text));
    case 'Long':
      return ApexNumber.long(BigInt(expr.text));
    case 'Decimal':
      return ApexDecimal.fromString(expr.text);
    case 'String':
      return expr.text;
    case 'Boolean':
      return expr.text === 'true';
    case 'null':
      return null;
  }
}

function enumConstant(cls: ApexClass, name: string): ApexEnumValue | undefined {
  const index = cls.decl.enumValues.findIndex(
    (value) => value.toLowerCase() === name.toLowerCase()
  );
  return index < 0 ? undefined : new ApexEnumValue(cls.name, cls.decl.enumValues[index], index);
}

function findProperty(
  cls: ApexClass,
  name: string
): { owner: ApexClass; property: import('./ast').PropertyDecl } | undefined {
  for (const owner of cls.lineage()) {
    const property = owner.properties.get(name.toLowerCase());
    if (property) return { owner, property };
  }
  return undefined;
}

/** Reads a field or property of a class instance. */
export function readObjectMember(
  interp: Interpreter,
  frame: Frame,
  object: ApexObject,
  name: string,
  line: number
): ApexValue {
  const key = name.toLowerCase();
  const cls = interp.classOf(object);
  if (!cls) {
    const value = readSystemObject(interp, object, name);
    if (value !== undefined) return value;
  }
  const found = cls ? findProperty(cls, key) : undefined;
  if (
    found &&
    typeof found.property.getter === 'object' &&
    found.property.getter !== null &&
    !(frame.accessorOf === key && frame.self === object)
  ) {
    return interp.callAccessor(found.owner, found.property, object, 'get', null);
  }
  if (!object.fields.has(key))
    throw new ApexCompileError(`Variable does not exist: ${name} (line ${line})`);
  return object.fields.get(key) ?? null;
}

function writeObjectMember(
  interp: Interpreter,
  frame: Frame,
  object: ApexObject,
  name: string,
  value: ApexValue,
  line: number
): ApexValue {
  const key = name.toLowerCase();
  const cls = interp.classOf(object);
  const found = cls ? findProperty(cls, key) : undefined;
  if (found) {
    const converted = interp.coerce(value, found.property.type, found.owner);
    if (
      found.property.setter !== null &&
      found.property.setter !== 'auto' &&
      !(frame.accessorOf === key && frame.self === object)
    ) {
      interp.callAccessor(found.owner, found.property, object, 'set', converted);
    } else {
      object.fields.set(key, converted);
    }
    return converted;
  }
  if (!cls && systemClassOf(object) && object.fields.has(key)) {
    // A public property of a system class (Metadata.DeployResult.status).
    const declared = systemPropertyType(object, key);
    const converted = declared ? interp.coerce(value, typeName(declared), null) : value;
    object.fields.set(key, converted);
    return converted;
  }
  if (!object.fields.has(key) || !cls)
    throw new ApexCompileError(`Variable does not exist: ${name} (line ${line})`);
  const field = [...cls.lineage()]
    .flatMap((each) => each.decl.fields.map((decl) => ({ decl, owner: each })))
    .find((entry) => entry.decl.name.toLowerCase() === key);
  const converted = field ? interp.coerce(value, field.decl.type, field.owner) : value;
  object.fields.set(key, converted);
  return converted;
}

/** The class (in `cls`'s lineage) that declares static `name`, if any. */
function staticOwner(cls: ApexClass, name: string): ApexClass | undefined {
  for (const owner of cls.lineage()) if (owner.staticNames.has(name.toLowerCase())) return owner;
  return undefined;
}

function readStatic(interp: Interpreter, frame: Frame, owner: ApexClass, name: string): ApexValue {
  const key = name.toLowerCase();
  const values = interp.staticsOf(owner);
  const property = owner.properties.get(key);
  if (
    property &&
    property.getter !== null &&
    property.getter !== 'auto' &&
    frame.accessorOf !== key
  ) {
    return interp.callAccessor(owner, property, null, 'get', null);
  }
  return values.get(key) ?? null;
}

function writeStatic(
  interp: Interpreter,
  frame: Frame,
  owner: ApexClass,
  name: string,
  value: ApexValue
): ApexValue {
  const key = name.toLowerCase();
  const values = interp.staticsOf(owner);
  const property = owner.properties.get(key);
  const type =
    property?.type ?? owner.decl.fields.find((field) => field.name.toLowerCase() === key)?.type;
  const converted = type ? interp.coerce(value, type, owner) : value;
  if (
    property &&
    property.setter !== null &&
    property.setter !== 'auto' &&
    frame.accessorOf !== key
  ) {
    interp.callAccessor(owner, property, null, 'set', converted);
  } else {
    values.set(key, converted);
  }
  return converted;
}

/** A simple name: local variable, field of this class or an enclosing one, then a type. */
function resolveName(interp: Interpreter, frame: Frame, name: string, line: number): Ref {
  const variable = frame.lookup(name);
  if (variable) return { kind: 'value', value: variable.value };
  const key = name.toLowerCase();
  if (frame.self && [...frame.cls.lineage()].some((cls) => cls.instanceNames.has(key))) {
    return { kind: 'value', value: readObjectMember(interp, frame, frame.self, name, line) };
  }
  for (let scope: ApexClass | null = frame.cls; scope; scope = scope.outer) {
    const owner = staticOwner(scope, key);
    if (owner) return { kind: 'value', value: readStatic(interp, frame, owner, key) };
  }
  const cls = interp.registry.resolve(name, frame.cls);
  if (cls) return { kind: 'class', cls };
  return { kind: 'system', name };
}

function resolveRef(interp: Interpreter, frame: Frame, expr: Expr): Ref {
  if (expr.kind === 'name') return resolveName(interp, frame, expr.name, expr.line);
  if (expr.kind === 'field') {
    const target = resolveRef(interp, frame, expr.target);
    if (target.kind === 'value') {
      if (target.value === null && expr.safe) throw SHORT_CIRCUIT;
      return {
        kind: 'value',
        value: readMember(interp, frame, target.value, expr.name, expr.line)
      };
    }
    if (target.kind === 'class') {
      const owner = staticOwner(target.cls, expr.name);
      if (owner) return { kind: 'value', value: readStatic(interp, frame, owner, expr.name) };
      const constant = target.cls.isEnum ? enumConstant(target.cls, expr.name) : undefined;
      if (constant) return { kind: 'value', value: constant };
      const inner = target.cls.inner.get(expr.name.toLowerCase());
      if (inner) return { kind: 'class', cls: inner };
      throw new ApexCompileError(
        `Variable does not exist: ${expr.name} (${target.cls.name}, line ${expr.line})`
      );
    }
    const dotted = `${target.name}.${expr.name}`;
    const value = systemValue(interp, dotted);
    return value === undefined ? { kind: 'system', name: dotted } : { kind: 'value', value };
  }
  // A call or index inside a chain: a safe navigation there skips the rest of the chain too.
  if (expr.kind === 'call') return { kind: 'value', value: callExpression(interp, frame, expr) };
  if (expr.kind === 'index') return { kind: 'value', value: indexExpression(interp, frame, expr) };
  return { kind: 'value', value: evaluate(interp, frame, expr) };
}

/**
 * Thrown where a safe navigation (`a?.b`) meets null and caught where the chain ends: "If the
 * left-hand-side of the chain expression evaluates to null, the right-hand-side isn't evaluated"
 * (Apex Developer Guide, "Safe Navigation Operator"), so `a?.b.c()` is null when a is, while
 * `a.b?.c` still throws when a is null.
 */
const SHORT_CIRCUIT = Symbol('safe navigation met null');

function chainEnd(run: () => ApexValue): ApexValue {
  try {
    return run();
  } catch (signal) {
    if (signal === SHORT_CIRCUIT) return null;
    throw signal;
  }
}

function indexExpression(
  interp: Interpreter,
  frame: Frame,
  expr: Expr & { kind: 'index' }
): ApexValue {
  const { list, index } = listIndex(
    interp,
    valueOf(interp, resolveRef(interp, frame, expr.target), expr.line),
    evaluate(interp, frame, expr.index)
  );
  return list.items[index];
}

function valueOf(interp: Interpreter, ref: Ref, line: number): ApexValue {
  if (ref.kind === 'value') return ref.value;
  if (ref.kind === 'class')
    throw new ApexCompileError(`Variable does not exist: ${ref.cls.name} (line ${line})`);
  const value = systemValue(interp, ref.name);
  if (value === undefined) return interp.unsupported(`name ${ref.name}`, line);
  return value;
}

function readMember(
  interp: Interpreter,
  frame: Frame,
  receiver: ApexValue,
  name: string,
  line: number
): ApexValue {
  if (receiver === null) return interp.throwApex('NullPointerException', NPE);
  if (receiver instanceof SObjectValue) return readSObjectField(interp, receiver, name);
  if (receiver instanceof ApexObject) return readObjectMember(interp, frame, receiver, name, line);
  // `[SELECT … LIMIT 1].Field`: a query result read as its single row.
  if (
    receiver instanceof ApexList &&
    receiver.items.every((item) => item instanceof SObjectValue)
  ) {
    return readMember(interp, frame, singleRow(interp, receiver), name, line);
  }
  return interp.unsupported(`field ${name} of ${interp.library.runtimeTypeName(receiver)}`, line);
}

function listIndex(
  interp: Interpreter,
  list: ApexValue,
  index: ApexValue
): { list: ApexList; index: number } {
  if (list === null || index === null) return interp.throwApex('NullPointerException', NPE);
  if (!(list instanceof ApexList) || !(index instanceof ApexNumber))
    throw new ApexCompileError('Expression must be a list type');
  const position = index.toNumber();
  if (position < 0 || position >= list.items.length)
    interp.throwApex('ListException', `List index out of bounds: ${position}`);
  return { list, index: position };
}

/** Assigns to a variable, field, static, SObject field or list element; returns the stored value. */
function assignTo(interp: Interpreter, frame: Frame, target: Expr, value: ApexValue): ApexValue {
  if (target.kind === 'name') {
    const variable = frame.lookup(target.name);
    if (variable) {
      variable.value = interp.coerce(value, variable.type, frame.cls);
      return variable.value;
    }
    const key = target.name.toLowerCase();
    if (frame.self && [...frame.cls.lineage()].some((cls) => cls.instanceNames.has(key))) {
      return writeObjectMember(interp, frame, frame.self, target.name, value, target.line);
    }
    for (let scope: ApexClass | null = frame.cls; scope; scope = scope.outer) {
      const owner = staticOwner(scope, key);
      if (owner) return writeStatic(interp, frame, owner, key, value);
    }
    throw new ApexCompileError(`Variable does not exist: ${target.name} (line ${target.line})`);
  }
  if (target.kind === 'field') {
    const receiver =
      target.target.kind === 'this'
        ? ({ kind: 'value', value: frame.self } as Ref)
        : resolveRef(interp, frame, target.target);
    if (receiver.kind === 'class') {
      const owner = staticOwner(receiver.cls, target.name);
      if (!owner)
        throw new ApexCompileError(`Variable does not exist: ${target.name} (line ${target.line})`);
      return writeStatic(interp, frame, owner, target.name, value);
    }
    const object = valueOf(interp, receiver, target.line);
    if (object === null) return interp.throwApex('NullPointerException', NPE);
    if (object instanceof SObjectValue)
      return writeSObjectField(interp, object, target.name, value);
    if (object instanceof ApexObject)
      return writeObjectMember(interp, frame, object, target.name, value, target.line);
    return interp.unsupported(
      `assignment to a field of ${interp.library.runtimeTypeName(object)}`,
      target.line
    );
  }
  if (target.kind === 'index') {
    const { list, index } = listIndex(
      interp,
      evaluate(interp, frame, target.target),
      evaluate(interp, frame, target.index)
    );
    list.items[index] = interp.coerce(value, list.elementType, frame.cls);
    return list.items[index];
  }
  return interp.unsupported('assignment target', target.line);
}

function qualify(interp: Interpreter, frame: Frame, type: TypeName): TypeName {
  const cls = interp.registry.resolve(type.name, frame.cls);
  return typeName(
    cls ? cls.name : type.name,
    ...type.args.map((arg) => qualify(interp, frame, arg))
  );
}

function callExpression(
  interp: Interpreter,
  frame: Frame,
  expr: Extract<Expr, { kind: 'call' }>
): ApexValue {
  const evaluateArgs = (): ApexValue[] => expr.args.map((arg) => evaluate(interp, frame, arg));
  if (expr.target === null) {
    for (let scope: ApexClass | null = frame.cls; scope; scope = scope.outer) {
      const args = evaluateArgs();
      const found = interp.findMethod(scope, expr.name, args, scope !== frame.cls || !frame.self);
      if (found) {
        if (!found.method.isStatic && frame.self)
          return interp.callMethod(frame.self, expr.name, args);
        return interp.invoke(
          found.owner,
          found.method,
          null,
          args,
          interp.sharingOf(found.owner, frame.enforceSharing)
        );
      }
    }
    throw new ApexCompileError(
      `Method does not exist or incorrect signature: ${expr.name} from the type ${frame.cls.name} (line ${expr.line})`
    );
  }
  if (expr.target.kind === 'super') {
    const parent = frame.cls.superclass;
    const args = evaluateArgs();
    const found = parent ? interp.findMethod(parent, expr.name, args, false) : undefined;
    if (!found) return interp.unsupported(`super.${expr.name}()`, expr.line);
    return interp.invoke(found.owner, found.method, frame.self, args, frame.enforceSharing);
  }
  const ref = resolveRef(interp, frame, expr.target);
  if (ref.kind === 'class') {
    const args = evaluateArgs();
    if (ref.cls.isEnum) return enumStatic(interp, ref.cls, expr.name, args, expr.line);
    const found = interp.findMethod(ref.cls, expr.name, args, true);
    if (!found)
      throw new ApexCompileError(
        `Method does not exist or incorrect signature: ${expr.name} from the type ${ref.cls.name} (line ${expr.line})`
      );
    return interp.invoke(
      found.owner,
      found.method,
      null,
      args,
      interp.sharingOf(found.owner, frame.enforceSharing)
    );
  }
  if (ref.kind === 'system')
    return callSystemStatic(interp, frame, ref.name, expr.name, evaluateArgs(), expr.line);
  if (ref.value === null) {
    if (expr.safe) throw SHORT_CIRCUIT;
    return interp.throwApex('NullPointerException', NPE);
  }
  return callValueMethod(interp, frame, ref.value, expr.name, evaluateArgs(), expr.line);
}

function enumStatic(
  interp: Interpreter,
  cls: ApexClass,
  name: string,
  args: ApexValue[],
  line: number
): ApexValue {
  const type = typeName(cls.name);
  switch (name.toLowerCase()) {
    case 'values':
      return new ApexList(
        type,
        cls.decl.enumValues.map((value, index) => new ApexEnumValue(cls.name, value, index))
      );
    case 'valueof': {
      const [text] = args;
      if (typeof text !== 'string') return interp.throwApex('NullPointerException', NPE);
      const constant = enumConstant(cls, text);
      // valueOf matches the constant's exact name; anything else is refused rather than guessed.
      if (!constant || constant.name !== text)
        return interp.unsupported(`${cls.name}.valueOf of a name that is not a constant`, line);
      return constant;
    }
    default:
      throw new ApexCompileError(
        `Method does not exist or incorrect signature: ${name} from the type ${cls.name}`
      );
  }
}

function newExpression(
  interp: Interpreter,
  frame: Frame,
  expr: Extract<Expr, { kind: 'new' }>
): ApexValue {
  const cls = interp.registry.resolve(expr.type.name, frame.cls);
  if (cls) {
    if (expr.fieldInits) throw new ApexCompileError(`Invalid constructor syntax for ${cls.name}`);
    return interp.instantiate(
      cls,
      expr.args.map((arg) => evaluate(interp, frame, arg)),
      expr.line
    );
  }
  const lower = expr.type.name.toLowerCase();
  if (lower === 'list' || lower === 'set' || lower === 'map') {
    const collection = newCollection(qualify(interp, frame, expr.type));
    const args = expr.args.map((arg) => evaluate(interp, frame, arg));
    if (args.length > 1)
      return interp.unsupported(`new ${expr.type.name} with ${args.length} arguments`, expr.line);
    if (args.length === 1) copyInto(interp, collection, args[0], expr.line);
    return collection;
  }
  const system = systemClass(expr.type.name);
  if (system)
    return constructSystemObject(
      system,
      expr.args.map((arg) => evaluate(interp, frame, arg))
    );
  const exception = interp.systemExceptionClass(expr.type.name);
  if (exception)
    return interp.newSystemException(
      exception,
      expr.args.map((arg) => evaluate(interp, frame, arg))
    );
  const fieldInits = (expr.fieldInits ?? []).map((init) => ({
    name: init.name,
    value: evaluate(interp, frame, init.value)
  }));
  if (expr.args.length > 0)
    return interp.unsupported(`new ${expr.type.name}(…) with positional arguments`, expr.line);
  return newSObject(interp, expr.type.name, fieldInits, expr.line);
}

/** `new List<T>(other)`, `new Set<T>(other)`, `new Map<Id, SObject>(records)`. */
function copyInto(
  interp: Interpreter,
  collection: ApexList | ApexSet | ApexMap,
  source: ApexValue,
  line: number
): void {
  if (source === null) interp.throwApex('NullPointerException', 'Argument cannot be null.');
  if (collection instanceof ApexMap) {
    if (source instanceof ApexMap) {
      for (const entry of source.entries.values())
        addToCollection(interp, collection, entry.key, entry.value);
      return;
    }
    if (source instanceof ApexList) {
      for (const record of source.items) {
        if (!(record instanceof SObjectValue))
          return interp.unsupported('new Map(List) of non-SObjects', line);
        addToCollection(interp, collection, readSObjectField(interp, record, 'Id'), record);
      }
      return;
    }
    return interp.unsupported('new Map(…) of this argument', line);
  }
  const items =
    source instanceof ApexList
      ? source.items
      : source instanceof ApexSet
        ? [...source.entries.values()]
        : null;
  if (!items)
    return interp.unsupported(
      `new ${collection instanceof ApexList ? 'List' : 'Set'}(…) of ${interp.library.runtimeTypeName(source)}`,
      line
    );
  for (const item of items) addToCollection(interp, collection, item);
}

function newCollectionExpression(
  interp: Interpreter,
  frame: Frame,
  expr: Extract<Expr, { kind: 'newCollection' }>
): ApexValue {
  const collection = newCollection(qualify(interp, frame, expr.type));
  if (expr.size) {
    const size = evaluate(interp, frame, expr.size);
    if (!(size instanceof ApexNumber) || !(collection instanceof ApexList))
      return interp.unsupported('array size expression', expr.line);
    for (let index = 0; index < size.toNumber(); index++) collection.items.push(null);
  }
  for (const item of expr.items ?? [])
    addToCollection(interp, collection, evaluate(interp, frame, item));
  for (const [key, value] of expr.pairs ?? [])
    addToCollection(
      interp,
      collection,
      evaluate(interp, frame, key),
      evaluate(interp, frame, value)
    );
  return collection;
}

export function evaluate(interp: Interpreter, frame: Frame, expr: Expr): ApexValue {
  switch (expr.kind) {
    case 'literal':
      return literal(expr);
    case 'name':
      return valueOf(interp, resolveRef(interp, frame, expr), expr.line);
    case 'field':
      return chainEnd(() => valueOf(interp, resolveRef(interp, frame, expr), expr.line));
    case 'this':
      if (!frame.self) throw new ApexCompileError('this cannot be referenced in a static context');
      return frame.self;
    case 'super':
      return interp.unsupported('super as a value', expr.line);
    case 'call':
      return chainEnd(() => callExpression(interp, frame, expr));
    case 'chainCall':
      throw new ApexCompileError(`${expr.which}(…) must be the first statement of a constructor`);
    case 'index':
      return chainEnd(() => indexExpression(interp, frame, expr));
    case 'new':
      return newExpression(interp, frame, expr);
    case 'newCollection':
      return newCollectionExpression(interp, frame, expr);
    case 'binary':
      return interp.library.binaryOperator(
        interp,
        expr.op,
        evaluate(interp, frame, expr.left),
        evaluate(interp, frame, expr.right)
      );
    case 'logical': {
      const left = truthy(interp, evaluate(interp, frame, expr.left));
      if (expr.op === '&&' ? !left : left) return left;
      return truthy(interp, evaluate(interp, frame, expr.right));
    }
    case 'unary':
      return interp.library.unaryOperator(interp, expr.op, evaluate(interp, frame, expr.operand));
    case 'incDec': {
      const before = evaluate(interp, frame, expr.target);
      const after = interp.library.binaryOperator(
        interp,
        expr.op === '++' ? '+' : '-',
        before,
        ApexNumber.integer(1)
      );
      const stored = assignTo(interp, frame, expr.target, after);
      return expr.prefix ? stored : before;
    }
    case 'assign': {
      if (expr.op === '=')
        return assignTo(interp, frame, expr.target, evaluate(interp, frame, expr.value));
      const current = evaluate(interp, frame, expr.target);
      const op = expr.op.slice(0, -1) as import('./ast').BinaryOp;
      return assignTo(
        interp,
        frame,
        expr.target,
        interp.library.binaryOperator(interp, op, current, evaluate(interp, frame, expr.value))
      );
    }
    case 'ternary':
      return truthy(interp, evaluate(interp, frame, expr.cond))
        ? evaluate(interp, frame, expr.then)
        : evaluate(interp, frame, expr.otherwise);
    case 'instanceOf': {
      const value = evaluate(interp, frame, expr.operand);
      return (
        value !== null && interp.isInstance(value, qualify(interp, frame, expr.type), frame.cls)
      );
    }
    case 'cast':
      return interp.coerce(
        evaluate(interp, frame, expr.operand),
        qualify(interp, frame, expr.type),
        frame.cls
      );
    case 'classLiteral':
      return new ApexType(qualify(interp, frame, expr.type));
    case 'soql':
      return soqlValue(interp, frame, expr);
  }
}
