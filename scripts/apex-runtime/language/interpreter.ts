/**
 * Runs loaded Apex: the transaction's state (static variables, limits, running user, coverage),
 * class initialisation, object construction and method calls. Statements and expressions are
 * evaluated by statements.ts and expressions.ts; database work goes to the data layer through
 * database.ts.
 */
import type { FieldType } from '../../demo/model';
import { engineType } from '../org/fieldTypes';
import type { OrgDataApi } from '../org/types';
import {
  ApexList,
  ApexNumber,
  ApexObject,
  SObjectValue,
  typeName,
  type ApexValue,
  type TypeName
} from '../values';
import { singleRow } from './database';
import type { ConstructorDecl, Expr, MethodDecl, PropertyDecl, Stmt } from './ast';
import { ApexClass, ClassRegistry } from './classes';
import { ApexCompileError, ApexRuntimeUnsupported } from './errors';
import {
  ApexThrow,
  AURA_HANDLED,
  AURA_MESSAGE,
  CAUSE,
  LINE,
  MESSAGE,
  newException,
  STACK,
  systemExceptionName
} from './exceptions';
import { evaluate } from './expressions';
import { Frame } from './frame';
import { Governor } from './governor';
import type { ApexLibrary, LibraryContext } from './library';
import { executeBlock, isReturn } from './statements';
import { userRecord } from './userInfo';
import { isSystemInstance, systemClass, systemClassOf } from './systemObjects';

/** The Apex type of an SObject field's values, by its engine type. */
const APEX_FIELD_TYPES: Record<FieldType, string> = {
  id: 'Id',
  reference: 'Id',
  string: 'String',
  picklist: 'String',
  email: 'String',
  boolean: 'Boolean',
  int: 'Integer',
  double: 'Decimal',
  currency: 'Decimal',
  percent: 'Decimal',
  date: 'Date',
  datetime: 'Datetime'
};

export interface InterpreterOptions {
  readonly library: ApexLibrary;
  /** The org; without one, any SOQL or DML throws ApexRuntimeUnsupported. */
  readonly org?: OrgDataApi;
  /** The user the transaction runs as (a User Id). */
  readonly userId: string;
  readonly timeZone?: string;
  readonly now?: () => number;
  readonly isTest?: boolean;
  /** Seed of the transaction's pseudo-random generator (Crypto.generateAesKey); default 1. */
  readonly seed?: number;
}

interface StackEntry {
  readonly cls: ApexClass;
  readonly method: string;
  line: number;
}

export class Interpreter implements LibraryContext {
  readonly registry: ClassRegistry;
  readonly library: ApexLibrary;
  readonly org: OrgDataApi | undefined;
  readonly debugLog: string[] = [];
  readonly isTest: boolean;
  readonly governor: Governor;
  /** Covered lines per top-level class name. */
  readonly covered = new Map<string, Set<number>>();
  /**
   * Work the platform runs only after the transaction commits (a deployment's callback):
   * Test.stopTest() runs it inside the test, a request runs it afterwards in a transaction of its
   * own, and otherwise it never runs — as asynchronous Apex that a test does not stop.
   */
  readonly queuedJobs: ((transaction: Interpreter) => void)[] = [];
  private readonly clock: () => number;
  private statics = new Map<ApexClass, Map<string, ApexValue>>();
  private readonly identities = new WeakMap<object, number>();
  private nextIdentity = 1;
  private readonly users: string[];
  private readonly stack: StackEntry[] = [];
  private randomState: number;
  private readonly fixedTimeZone: string | undefined;

  constructor(registry: ClassRegistry, options: InterpreterOptions) {
    this.registry = registry;
    this.library = options.library;
    this.org = options.org;
    this.fixedTimeZone = options.timeZone;
    this.clock = options.now ?? (() => options.org?.now() ?? Date.now());
    this.isTest = options.isTest ?? false;
    this.users = [options.userId];
    this.randomState = (options.seed ?? 1) >>> 0;
    this.governor = new Governor((message) => this.throwApex('LimitException', message));
  }

  // ---- LibraryContext ----

  /** The running user's time zone (TimeZoneSidKey), unless the options fix one; UTC without an org. */
  get timeZone(): string {
    if (this.fixedTimeZone) return this.fixedTimeZone;
    if (!this.org) return 'UTC';
    const zone = userRecord(this, this.userId, 0)?.fields.get('timezonesidkey')?.value;
    return typeof zone === 'string' ? zone : 'UTC';
  }

  now(): number {
    return this.clock();
  }

  /**
   * Pseudo-random bytes from a seeded mulberry32 generator: not cryptographic, but a test run is
   * repeatable and each transaction of a run (its own seed) draws different values.
   */
  randomBytes(count: number): Uint8Array {
    const bytes = new Uint8Array(count);
    for (let index = 0; index < count; index++) {
      this.randomState = (this.randomState + 0x6d2b79f5) >>> 0;
      let value = this.randomState;
      value = Math.imul(value ^ (value >>> 15), value | 1);
      value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
      bytes[index] = ((value ^ (value >>> 14)) >>> 0) & 0xff;
    }
    return bytes;
  }

  throwApex(exceptionType: string, message: string): never {
    const name = systemExceptionName(exceptionType);
    if (!name) throw new Error(`Unknown system exception type ${exceptionType}`);
    throw this.raise(newException(name, message));
  }

  classFields(className: string): { name: string; type: TypeName }[] | undefined {
    const cls = this.registry.resolve(className, null);
    if (!cls) return undefined;
    return [...cls.lineage()]
      .reverse()
      .flatMap((each) =>
        each.decl.fields
          .filter((field) => !field.isStatic)
          .map((field) => ({ name: field.name, type: field.type }))
      );
  }

  /** The Apex type of an SObject field's values (Apex Developer Guide, "Primitive Data Types"). */
  sObjectFieldType(sObjectType: string, fieldName: string): TypeName | undefined {
    const describeType = this.org?.fieldType(sObjectType, fieldName);
    if (describeType === undefined) return this.relationshipType(sObjectType, fieldName);
    const engine = engineType(describeType);
    const apex = engine === undefined ? undefined : APEX_FIELD_TYPES[engine];
    return apex === undefined ? undefined : typeName(apex);
  }

  /** A relationship (`UserRole` on User) holds its parent record; a polymorphic one any SObject. */
  private relationshipType(sObjectType: string, name: string): TypeName | undefined {
    const wanted = name.toLowerCase();
    const field = Object.values(this.org?.describe(sObjectType)?.fields ?? {}).find(
      (each) => each.relationshipName?.toLowerCase() === wanted
    );
    if (!field) return undefined;
    return typeName(field.referenceTo.length === 1 ? field.referenceTo[0] : 'SObject');
  }

  newObject(className: string): ApexObject {
    const cls = this.registry.resolve(className, null);
    if (!cls) throw new ApexCompileError(`Invalid type: ${className}`);
    return this.instantiate(cls, [], cls.decl.line);
  }

  identity(object: object): number {
    let id = this.identities.get(object);
    if (id === undefined) {
      id = this.nextIdentity++;
      this.identities.set(object, id);
    }
    return id;
  }

  instanceOfClass(value: ApexValue, type: TypeName): boolean {
    if (!(value instanceof ApexObject)) return false;
    if (systemClassOf(value)) return isSystemInstance(value, type.name);
    const systemType = systemClass(type.name);
    if (systemType) {
      // A user class implementing a system interface (Metadata.DeployCallback).
      const runtime = this.classOf(value);
      return [...(runtime?.lineage() ?? [])].some((cls) =>
        cls.decl.interfaces.some((face) => systemClass(face.name) === systemType)
      );
    }
    const target = this.registry.resolve(type.name, this.currentClass());
    const system = systemExceptionName(type.name);
    if (system === 'System.Exception') return this.isException(value);
    if (system) return value.className === system;
    const runtime = this.classOf(value);
    return target !== undefined && runtime !== undefined && runtime.isSubtypeOf(target);
  }

  callMethod(object: ApexObject, method: string, args: ApexValue[]): ApexValue {
    const cls = this.classOf(object);
    if (!cls) throw new ApexCompileError(`Method does not exist: ${method} on ${object.className}`);
    const found = this.findMethod(cls, method, args, false);
    if (!found)
      throw new ApexCompileError(
        `Method does not exist or incorrect signature: ${method} from the type ${cls.name}`
      );
    return this.invoke(found.owner, found.method, object, args, this.sharingOf(found.owner, true));
  }

  // ---- transaction state ----

  get userId(): string {
    return this.users[this.users.length - 1];
  }

  /** Runs `body` as another user (System.runAs). */
  runAs<T>(userId: string, body: () => T): T {
    this.users.push(userId);
    try {
      return body();
    } finally {
      this.users.pop();
    }
  }

  /** Static variables start over, as in a new transaction. */
  resetStatics(): void {
    this.statics = new Map();
  }

  currentClass(): ApexClass | null {
    return this.stack.length ? this.stack[this.stack.length - 1].cls : null;
  }

  /** Marks a statement executed: coverage, the statement limit, the line for stack traces. */
  step(cls: ApexClass, line: number): void {
    const top = topLevel(cls).name;
    let lines = this.covered.get(top);
    if (!lines) {
      lines = new Set();
      this.covered.set(top, lines);
    }
    lines.add(line);
    if (this.stack.length) this.stack[this.stack.length - 1].line = line;
    this.governor.charge('statements');
  }

  /** Fills an exception's line and stack trace from the current call stack and wraps it for throwing. */
  raise(exception: ApexObject): ApexThrow {
    if (exception.fields.get(STACK) === null) {
      const top = this.stack[this.stack.length - 1];
      exception.fields.set(LINE, top ? this.integer(top.line) : null);
      exception.fields.set(STACK, this.stackTrace());
    }
    return new ApexThrow(exception);
  }

  stackTrace(): string {
    return [...this.stack]
      .reverse()
      .map((entry) => `Class.${entry.cls.name}.${entry.method}: line ${entry.line}, column 1`)
      .join('\n');
  }

  unsupported(construct: string, line: number): never {
    const cls = this.currentClass();
    throw new ApexRuntimeUnsupported(construct, cls ? cls.file : '(unknown)', line);
  }

  integer(value: number): ApexValue {
    return ApexNumber.integer(value);
  }

  // ---- classes ----

  classOf(object: ApexObject): ApexClass | undefined {
    return this.registry.resolve(object.className, null);
  }

  isException(value: ApexObject): boolean {
    return (
      systemExceptionName(value.className) !== undefined ||
      this.classOf(value)?.isException === true
    );
  }

  /** Static variables of a class, initialised on first use in the transaction. */
  staticsOf(cls: ApexClass): Map<string, ApexValue> {
    let values = this.statics.get(cls);
    if (values) return values;
    values = new Map();
    this.statics.set(cls, values);
    for (const field of cls.decl.fields)
      if (field.isStatic) values.set(field.name.toLowerCase(), null);
    for (const property of cls.decl.properties)
      if (property.isStatic) values.set(property.name.toLowerCase(), null);
    if (cls.superclass) this.staticsOf(cls.superclass);
    const frame = new Frame(cls, null, this.sharingOf(cls, true));
    this.within(cls, '<clinit>', cls.decl.line, () => {
      for (const item of cls.decl.staticInit) {
        if (item.kind === 'block') {
          executeBlock(this, frame, item.body);
        } else if (item.init) {
          this.step(cls, item.line);
          values.set(
            item.name.toLowerCase(),
            this.library.coerce(this, this.evaluate(frame, item.init), item.type)
          );
        }
      }
    });
    return values;
  }

  /** Whether sharing is enforced in code of `cls` called from code that enforces `callerSharing`. */
  sharingOf(cls: ApexClass, callerSharing: boolean): boolean {
    switch (cls.decl.sharing) {
      case 'with':
        return true;
      case 'without':
        return false;
      case 'inherited':
        return callerSharing;
      default:
        // Apex API 67.0: a class without a sharing keyword runs with sharing; before, it inherits.
        return cls.apiVersion >= 67 ? true : callerSharing;
    }
  }

  /** Runs `body` with a stack entry for `cls.method`. */
  within<T>(cls: ApexClass, method: string, line: number, body: () => T): T {
    if (this.stack.length > 1000)
      this.throwApex('LimitException', 'Maximum stack depth reached: 1001');
    this.stack.push({ cls, method, line });
    try {
      return body();
    } catch (error) {
      // The JavaScript stack may run out before Apex's 1,000 frames: that is the same limit.
      if (error instanceof RangeError)
        this.throwApex('LimitException', `Maximum stack depth reached: ${this.stack.length}`);
      throw error;
    } finally {
      this.stack.pop();
    }
  }

  // ---- system exceptions and properties ----

  systemExceptionClass(name: string): string | undefined {
    return systemExceptionName(name);
  }

  /** `new System.XException(…)` with one of the four standard constructors. */
  newSystemException(className: string, args: readonly ApexValue[]): ApexObject {
    const exception = newException(className, null);
    const [first, second] = args;
    if (args.length > 2 || (args.length === 2 && typeof first !== 'string')) {
      throw new ApexCompileError(
        `Constructor not defined: [${className}].<Constructor>(${args.length} arguments)`
      );
    }
    if (first instanceof ApexObject) exception.fields.set(CAUSE, first);
    else if (args.length >= 1) exception.fields.set(MESSAGE, first);
    if (args.length === 2) exception.fields.set(CAUSE, second);
    if (className === AURA_HANDLED) {
      // getMessage() of an AuraHandledException is this text until setMessage(); the client sees the
      // constructor's message (Apex Reference Guide, AuraHandledException).
      exception.fields.set(AURA_MESSAGE, exception.fields.get(MESSAGE) ?? null);
      exception.fields.set(MESSAGE, 'Script-thrown exception');
    }
    return exception;
  }

  /** Runs a property's get or set block; inside it the property's name means its stored value. */
  callAccessor(
    owner: ApexClass,
    property: PropertyDecl,
    self: ApexObject | null,
    kind: 'get' | 'set',
    value: ApexValue
  ): ApexValue {
    const body = kind === 'get' ? property.getter : property.setter;
    if (body === null || body === 'auto') throw new Error('callAccessor needs an accessor body');
    const frame = new Frame(owner, self, this.sharingOf(owner, true), property.name.toLowerCase());
    if (kind === 'set') frame.declare('value', property.type, value);
    return this.within(owner, `${property.name}.${kind}`, property.line, () => {
      const completion = executeBlock(this, frame, body);
      return isReturn(completion) ? this.coerce(completion.value, property.type, owner) : null;
    });
  }

  // ---- calls ----

  /** Calls a static method by class and method name (tests, @AuraEnabled requests). */
  callStatic(className: string, method: string, args: ApexValue[] = []): ApexValue {
    const cls = this.registry.resolve(className, null);
    if (!cls) throw new ApexCompileError(`Invalid type: ${className}`);
    const found = this.findMethod(cls, method, args, true);
    if (!found)
      throw new ApexCompileError(
        `Method does not exist or incorrect signature: ${method} from the type ${cls.name}`
      );
    return this.invoke(found.owner, found.method, null, args, this.sharingOf(found.owner, false));
  }

  /** The method a call with these arguments selects: by count, then by the arguments' runtime types. */
  findMethod(
    cls: ApexClass,
    name: string,
    args: readonly ApexValue[],
    staticOnly: boolean
  ): { owner: ApexClass; method: MethodDecl } | undefined {
    const key = name.toLowerCase();
    for (const owner of cls.lineage()) {
      const candidates = (owner.methods.get(key) ?? []).filter(
        (method) => method.params.length === args.length && (!staticOnly || method.isStatic)
      );
      const chosen = this.choose(candidates, args, owner);
      if (chosen) return { owner, method: chosen };
    }
    for (const face of cls.interfaces) {
      const found = this.findMethod(face, name, args, staticOnly);
      if (found) return found;
    }
    return undefined;
  }

  private choose<T extends { params: readonly { type: TypeName }[] }>(
    candidates: T[],
    args: readonly ApexValue[],
    owner: ApexClass
  ): T | undefined {
    if (candidates.length <= 1) return candidates[0];
    const matching = candidates.filter((candidate) =>
      candidate.params.every(
        (param, index) => args[index] === null || this.isInstance(args[index], param.type, owner)
      )
    );
    return matching[0] ?? candidates[0];
  }

  isInstance(value: ApexValue, type: TypeName, from: ApexClass | null): boolean {
    const cls = this.registry.resolve(type.name, from);
    if (cls) return value instanceof ApexObject && this.classOf(value)?.isSubtypeOf(cls) === true;
    return this.library.isInstanceOf(this, value, type);
  }

  /** Converts a value for a variable of `type` declared in `from` (user classes are checked here). */
  coerce(value: ApexValue, type: TypeName, from: ApexClass | null): ApexValue {
    if (value === null) return null;
    const cls = this.registry.resolve(type.name, from);
    if (cls) {
      if (value instanceof ApexObject && this.classOf(value)?.isSubtypeOf(cls)) return value;
      if (
        cls.isEnum &&
        !(value instanceof ApexObject) &&
        this.library.runtimeTypeName(value).toLowerCase() === cls.name.toLowerCase()
      )
        return value;
      return this.throwApex(
        'TypeException',
        `Invalid conversion from runtime type ${this.library.runtimeTypeName(value)} to ${cls.name}`
      );
    }
    // A query assigned to one SObject: exactly one row (Apex Developer Guide, "SOQL Statements").
    if (
      value instanceof ApexList &&
      this.org?.describe(type.name) &&
      value.items.every((item) => item instanceof SObjectValue)
    ) {
      return singleRow(this, value);
    }
    if (systemExceptionName(type.name) && value instanceof ApexObject) {
      if (this.instanceOfClass(value, type)) return value;
    }
    return this.library.coerce(this, value, this.qualify(type, from));
  }

  /**
   * A type with its user-class arguments written as declared in `from` made full names
   * (`List<DirectoryUser>` inside AdoptionDashboardDtos → `List<AdoptionDashboardDtos.DirectoryUser>`),
   * so collections compare element types by the classes they name.
   */
  qualify(type: TypeName, from: ApexClass | null): TypeName {
    if (type.args.length === 0) return type;
    return {
      name: type.name,
      args: type.args.map((arg) => {
        const cls = this.registry.resolve(arg.name, from);
        return this.qualify(cls ? { name: cls.name, args: arg.args } : arg, from);
      })
    };
  }

  /** Calls a method with its arguments bound to its parameters; returns its result (null for void). */
  invoke(
    owner: ApexClass,
    method: MethodDecl,
    self: ApexObject | null,
    args: readonly ApexValue[],
    enforceSharing: boolean
  ): ApexValue {
    if (!method.body)
      this.unsupported(`call of abstract method ${owner.name}.${method.name}`, method.line);
    const body = method.body;
    const frame = new Frame(owner, method.isStatic ? null : self, enforceSharing);
    method.params.forEach((param, index) =>
      frame.declare(param.name, param.type, this.coerce(args[index], param.type, owner))
    );
    if (method.isStatic) this.staticsOf(owner);
    return this.within(owner, method.name, method.line, () => {
      const completion = executeBlock(this, frame, body);
      return isReturn(completion) && method.returnType
        ? this.coerce(completion.value, method.returnType, owner)
        : null;
    });
  }

  /** `new C(args)`: super constructors first, then this class's field initialisers, then the body. */
  instantiate(cls: ApexClass, args: readonly ApexValue[], line: number): ApexObject {
    if (cls.decl.kind !== 'class') this.unsupported(`new of ${cls.decl.kind} ${cls.name}`, line);
    if (cls.decl.modifiers.keywords.has('abstract'))
      throw new ApexCompileError(`Abstract classes cannot be constructed: ${cls.name}`);
    this.staticsOf(cls);
    const object = cls.isException ? newException(cls.name, null) : new ApexObject(cls.name);
    this.construct(cls, object, args, line);
    return object;
  }

  construct(cls: ApexClass, object: ApexObject, args: readonly ApexValue[], line: number): void {
    const enforceSharing = this.sharingOf(cls, true);
    const constructor = this.choose(
      cls.decl.constructors.filter((candidate) => candidate.params.length === args.length),
      args,
      cls
    );
    if (!constructor) {
      if (cls.decl.constructors.length > 0 && !(cls.isException && args.length <= 2)) {
        throw new ApexCompileError(
          `Constructor not defined: [${cls.name}].<Constructor>(${args.length} arguments)`
        );
      }
      this.constructSuper(cls, object, cls.decl.constructors.length === 0 ? args : [], line);
      this.initializeInstance(cls, object, enforceSharing);
      return;
    }
    const frame = new Frame(cls, object, enforceSharing);
    constructor.params.forEach((param, index) =>
      frame.declare(param.name, param.type, this.coerce(args[index], param.type, cls))
    );
    this.within(cls, '<init>', constructor.line, () =>
      this.runConstructor(cls, object, constructor, frame, line)
    );
  }

  private runConstructor(
    cls: ApexClass,
    object: ApexObject,
    constructor: ConstructorDecl,
    frame: Frame,
    line: number
  ): void {
    const [first, ...rest] = constructor.body.body;
    const chain = first?.kind === 'expr' && first.expr.kind === 'chainCall' ? first.expr : null;
    let body: readonly Stmt[] = constructor.body.body;
    if (chain) {
      this.step(cls, first.line);
      const chainArgs = chain.args.map((arg) => this.evaluate(frame, arg));
      body = rest;
      if (chain.which === 'this') {
        this.construct(cls, object, chainArgs, first.line);
      } else {
        this.constructSuper(cls, object, chainArgs, first.line);
        this.initializeInstance(cls, object, frame.enforceSharing);
      }
    } else {
      this.constructSuper(cls, object, [], line);
      this.initializeInstance(cls, object, frame.enforceSharing);
    }
    executeBlock(this, frame, { kind: 'block', body, line: constructor.body.line });
  }

  private constructSuper(
    cls: ApexClass,
    object: ApexObject,
    args: readonly ApexValue[],
    line: number
  ): void {
    if (cls.superclass) {
      this.construct(cls.superclass, object, args, line);
      return;
    }
    if (cls.isException) {
      // The four constructors every exception has: (), (message), (cause), (message, cause).
      const [first, second] = args;
      if (args.length === 2) {
        object.fields.set(MESSAGE, first);
        object.fields.set(CAUSE, second);
      } else if (first instanceof ApexObject) {
        object.fields.set(CAUSE, first);
        object.fields.set(
          MESSAGE,
          this.isException(first)
            ? `${first.className}: ${String(first.fields.get(MESSAGE))}`
            : null
        );
      } else if (args.length === 1) {
        object.fields.set(MESSAGE, first);
      }
      return;
    }
    if (args.length > 0)
      throw new ApexCompileError(
        `Constructor not defined: [${cls.name}].<Constructor>(${args.length} arguments)`
      );
  }

  private initializeInstance(cls: ApexClass, object: ApexObject, enforceSharing: boolean): void {
    for (const property of cls.decl.properties)
      if (!property.isStatic) object.fields.set(property.name.toLowerCase(), null);
    for (const field of cls.decl.fields)
      if (!field.isStatic) object.fields.set(field.name.toLowerCase(), null);
    const frame = new Frame(cls, object, enforceSharing);
    for (const item of cls.decl.instanceInit) {
      if (item.kind === 'block') {
        executeBlock(this, frame, item.body);
      } else if (item.init) {
        this.step(cls, item.line);
        object.fields.set(
          item.name.toLowerCase(),
          this.coerce(this.evaluate(frame, item.init), item.type, cls)
        );
      }
    }
  }

  evaluate(frame: Frame, expr: Expr): ApexValue {
    return evaluate(this, frame, expr);
  }
}

export function topLevel(cls: ApexClass): ApexClass {
  let current = cls;
  while (current.outer) current = current.outer;
  return current;
}
