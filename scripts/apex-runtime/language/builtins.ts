/**
 * Methods the interpreter owns because they need its state: Test, Limits, UserInfo, Type.forName,
 * Database, exception methods, enum and Type values. Everything else goes to the system library.
 */
import {
  ApexEnumValue,
  ApexList,
  ApexNumber,
  ApexObject,
  ApexType,
  SObjectValue,
  typeName,
  type ApexValue
} from '../values';
import { databaseMethod, dmlExceptionMethod, sObjectMethod } from './database';
import { ApexCompileError } from './errors';
import { CAUSE, LINE, MESSAGE, STACK } from './exceptions';
import type { Frame } from './frame';
import { LIMITS } from './governor';
import type { Interpreter } from './interpreter';
import { customDataStatic } from './customData';
import { metadataStatic } from './metadata';
import { schemaStatic, schemaValue } from './schema';
import { userInfoStatic } from './userInfo';
import { systemEnumConstant } from './systemEnums';
import { callSystemObject, systemClassOf } from './systemObjects';

/**
 * A dotted name that is a value by itself: a system enum constant, a system constant
 * (Integer.MAX_VALUE), or a schema token or describe (Account.SObjectType, Account.Name,
 * Schema.SObjectType.Account).
 */
export function systemValue(interp: Interpreter, dotted: string): ApexValue | undefined {
  const enumConstant = systemEnumConstant(dotted);
  if (enumConstant) return enumConstant;
  const cut = dotted.lastIndexOf('.');
  const constant =
    cut > 0
      ? interp.library.staticConstant(dotted.slice(0, cut), dotted.slice(cut + 1))
      : undefined;
  return constant ?? schemaValue(interp, dotted);
}

function limitsMethod(interp: Interpreter, method: string): ApexValue | undefined {
  const counters = interp.governor.counters;
  const table: Record<string, number> = {
    getqueries: counters.queries,
    getlimitqueries: LIMITS.queries,
    getqueryrows: counters.queryRows,
    getlimitqueryrows: LIMITS.queryRows,
    getdmlstatements: counters.dmlStatements,
    getlimitdmlstatements: LIMITS.dmlStatements,
    getdmlrows: counters.dmlRows,
    getlimitdmlrows: LIMITS.dmlRows,
    // Executed statements stand in for CPU milliseconds (see governor.ts).
    getcputime: Math.floor(counters.statements / 100),
    getlimitcputime: LIMITS.statements / 100,
    // Heap is not measured: 0 keeps code that budgets heap on its cheapest path.
    getheapsize: 0,
    getlimitheapsize: 6_000_000
  };
  const value = table[method];
  return value === undefined ? undefined : ApexNumber.integer(value);
}

function testMethod(
  interp: Interpreter,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue {
  switch (method) {
    case 'isrunningtest':
      return interp.isTest;
    case 'starttest':
      if (!interp.governor.startTest())
        interp.throwApex('FinalException', 'Testing already started');
      return null;
    case 'stoptest':
      if (!interp.governor.stopTest())
        interp.throwApex('FinalException', 'Testing has not started');
      for (const job of interp.queuedJobs.splice(0)) job(interp);
      return null;
    case 'setcreateddate': {
      const [id, when] = args;
      if (!interp.org) return interp.unsupported('Test.setCreatedDate without a data layer', line);
      if (id === null || when === null || !(when instanceof Object) || !('epochMillis' in when))
        return interp.throwApex('NullPointerException', 'Argument cannot be null.');
      interp.org.setCreatedDate(String(id), when.epochMillis);
      return null;
    }
    default:
      return interp.unsupported(`Test.${method}`, line);
  }
}

export function callSystemStatic(
  interp: Interpreter,
  frame: Frame,
  type: string,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue {
  const lowerType = type.toLowerCase().replace(/^system\./, '');
  const lowerMethod = method.toLowerCase();
  if (lowerType === 'test') return testMethod(interp, lowerMethod, args, line);
  if (lowerType === 'limits') {
    const value = limitsMethod(interp, lowerMethod);
    if (value !== undefined) return value;
  }
  const user = userInfoStatic(interp, lowerType, lowerMethod, args, line);
  if (user !== undefined) return user;
  const custom = customDataStatic(interp, type, lowerMethod, args, line);
  if (custom !== undefined) return custom;
  const metadata = metadataStatic(interp, lowerType, lowerMethod, args, line);
  if (metadata !== undefined) return metadata;
  if (lowerType === 'type' && lowerMethod === 'forname' && args.length === 1) {
    const cls = typeof args[0] === 'string' ? interp.registry.resolve(args[0], null) : undefined;
    return cls ? new ApexType(typeName(cls.name)) : null;
  }
  if (lowerType === 'database') return databaseMethod(interp, frame, lowerMethod, args, line);
  if (lowerType === 'schema') {
    const value = schemaStatic(interp, lowerMethod, args);
    if (value !== undefined) return value;
  }
  const library = interp.library.staticMethod(type, method);
  if (library) return library(interp, args);
  return interp.unsupported(`${type}.${method}()`, line);
}

function exceptionMethod(
  interp: Interpreter,
  exception: ApexObject,
  method: string,
  args: ApexValue[]
): ApexValue | undefined {
  switch (method) {
    case 'getmessage':
      return exception.fields.get(MESSAGE) ?? null;
    case 'setmessage':
      exception.fields.set(MESSAGE, args[0]);
      return null;
    case 'gettypename':
      return exception.className;
    case 'getcause':
      return exception.fields.get(CAUSE) ?? null;
    case 'initcause':
      exception.fields.set(CAUSE, args[0]);
      return null;
    case 'getlinenumber':
      return exception.fields.get(LINE) ?? ApexNumber.integer(-1);
    case 'getstacktracestring':
      return exception.fields.get(STACK) ?? '';
    default:
      return dmlExceptionMethod(interp, exception, method, args);
  }
}

function signature(
  interp: Interpreter,
  receiver: ApexValue,
  method: string,
  args: ApexValue[]
): string {
  const types = args
    .map((arg) => (arg === null ? 'Object' : interp.library.runtimeTypeName(arg)))
    .join(', ');
  return `Method does not exist or incorrect signature: ${method}(${types}) from the type ${interp.library.runtimeTypeName(receiver)}`;
}

export function callValueMethod(
  interp: Interpreter,
  frame: Frame,
  receiver: ApexValue,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue {
  const lower = method.toLowerCase();
  if (receiver instanceof ApexObject) {
    const cls = interp.classOf(receiver);
    if (cls && interp.findMethod(cls, method, args, false))
      return interp.callMethod(receiver, method, args);
    if (!cls && systemClassOf(receiver)) {
      const value = callSystemObject(interp, receiver, method, args, line);
      if (value !== undefined) return value;
      return interp.unsupported(`${receiver.className}.${method}()`, line);
    }
    if (interp.isException(receiver)) {
      const value = exceptionMethod(interp, receiver, lower, args);
      if (value !== undefined) return value;
    }
    throw new ApexCompileError(`${signature(interp, receiver, method, args)} (line ${line})`);
  }
  if (receiver instanceof ApexEnumValue && args.length === 0) {
    if (lower === 'name') return receiver.name;
    if (lower === 'ordinal') return ApexNumber.integer(receiver.ordinal);
  }
  if (receiver instanceof ApexType) {
    if (lower === 'newinstance') {
      const cls = interp.registry.resolve(receiver.type.name, null);
      if (!cls) return interp.unsupported(`newInstance of ${receiver.type.name}`, line);
      return interp.instantiate(cls, [], line);
    }
    if (lower === 'getname') return receiver.type.name;
  }
  if (receiver instanceof SObjectValue) {
    const value = sObjectMethod(interp, receiver, lower, args, line);
    if (value !== undefined) return value;
  }
  const library = interp.library.instanceMethod(receiver, method);
  if (library) return library(interp, receiver, args);
  if (receiver instanceof ApexList && frame.cls)
    return interp.unsupported(`List.${method}()`, line);
  throw new ApexCompileError(`${signature(interp, receiver, method, args)} (line ${line})`);
}
