/**
 * Apex exceptions as the interpreter holds them: an ApexObject of the exception's class with its
 * message, cause and line, thrown through JavaScript as ApexThrow. System exception types and
 * their parents follow the Apex Reference Guide (System namespace, "Exception Class and Built-In
 * Exceptions").
 */
import { ApexObject, type ApexValue } from '../values';

/** System exceptions: every one extends Exception directly. */
const SYSTEM_EXCEPTIONS = [
  'Exception',
  'AssertException',
  'AsyncException',
  'CalloutException',
  'DmlException',
  'EmailException',
  'FinalException',
  'HandledException',
  'IllegalArgumentException',
  'InvalidParameterValueException',
  'JSONException',
  'LimitException',
  'ListException',
  'MathException',
  'NoAccessException',
  'NoDataFoundException',
  'NoSuchElementException',
  'NullPointerException',
  'QueryException',
  'RequiredFeatureMissingException',
  'SearchException',
  'SecurityException',
  'SerializationException',
  'SObjectException',
  'StringException',
  'TypeException',
  'UnexpectedException',
  'AuraHandledException'
];

const BY_LOWER = new Map(SYSTEM_EXCEPTIONS.map((name) => [name.toLowerCase(), name]));

/** Exceptions `catch` cannot catch (Apex Reference: System.LimitException; System.assert). */
const UNCATCHABLE = new Set(['System.LimitException', 'System.AssertException']);

/** The canonical 'System.X' name of a system exception written as 'X' or 'System.X', else undefined. */
export function systemExceptionName(name: string): string | undefined {
  const lower = name.toLowerCase();
  const bare = lower.startsWith('system.') ? lower.slice('system.'.length) : lower;
  const found = BY_LOWER.get(bare);
  if (!found) return undefined;
  // AuraHandledException lives in the System namespace too; its type name prints as such.
  return `System.${found}`;
}

export function isUncatchable(exception: ApexObject): boolean {
  return UNCATCHABLE.has(exception.className);
}

/** An Apex exception travelling through the interpreter. */
export class ApexThrow extends Error {
  readonly exception: ApexObject;

  constructor(exception: ApexObject) {
    super(`${exception.className}: ${messageOf(exception)}`);
    this.name = 'ApexThrow';
    this.exception = exception;
  }
}

export const MESSAGE = 'message';
export const CAUSE = 'cause';
export const LINE = 'linenumber';
export const STACK = 'stacktrace';
export const AURA_HANDLED = 'System.AuraHandledException';
/** What an @AuraEnabled caller receives from an AuraHandledException. */
export const AURA_MESSAGE = 'auramessage';

export function messageOf(exception: ApexObject): string | null {
  const message = exception.fields.get(MESSAGE);
  return typeof message === 'string' ? message : null;
}

/** A new exception object with the standard fields set. */
export function newException(
  className: string,
  message: string | null,
  cause: ApexValue = null
): ApexObject {
  const exception = new ApexObject(className);
  exception.fields.set(MESSAGE, message);
  exception.fields.set(CAUSE, cause);
  exception.fields.set(LINE, null);
  exception.fields.set(STACK, null);
  return exception;
}

/** What a failed test reports: 'System.ListException: List index out of bounds: 3'. */
export function describeException(exception: ApexObject): string {
  const message = messageOf(exception);
  return message === null ? exception.className : `${exception.className}: ${message}`;
}
