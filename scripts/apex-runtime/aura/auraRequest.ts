/**
 * One @AuraEnabled request as Lightning makes it from a component (`@salesforce/apex/Class.method`),
 * run by the local Apex runtime: the method must exist, be static and @AuraEnabled; the JSON
 * parameters are converted by the declared parameter types; the method runs in one transaction
 * (fresh governor limits and static variables, the viewer as the running user; its DML is kept
 * when it returns and rolled back when it throws); the result is serialised as Aura does
 * (auraJson.ts). Errors come back in the shape components read with reduceErrors (`body.message`):
 * - an AuraHandledException: its message (status 400, as the preview's gateway answers);
 * - any other uncaught Apex exception: its message with exceptionType, isUserDefinedException and
 *   stackTrace, as the platform sends an unhandled exception to LWC (status 500);
 * - a request the platform refuses before running Apex (no such method, a parameter of the wrong
 *   type): status 404 / 400;
 * - a construct the runtime does not support: status 500, kind 'unsupported', naming it.
 */
import type { ClassRegistry } from '../language/classes';
import { ApexCompileError, ApexRuntimeUnsupported } from '../language/errors';
import { ApexThrow, AURA_HANDLED, AURA_MESSAGE, messageOf, STACK } from '../language/exceptions';
import { Interpreter } from '../language/interpreter';
import type { ApexLibrary } from '../language/library';
import type { OrgDataApi } from '../org/types';
import type { ApexValue } from '../values';
import {
  AuraParameterError,
  AuraSerializationUnsupported,
  fromAuraJson,
  toAuraJson
} from './auraJson';
import type { Json } from './auraJson';

export interface AuraRuntime {
  readonly registry: ClassRegistry;
  readonly library: ApexLibrary;
  readonly org: OrgDataApi;
  /** The running user's time zone (the interpreter's calendar). */
  readonly timeZone: string;
}

export interface AuraRequest {
  className: string;
  methodName: string;
  params: Readonly<Record<string, unknown>>;
  /** The viewer: the transaction's running user. */
  userId: string;
}

/** What one transaction used (Limits.getQueries() … at its end) and what it sent. */
export interface AuraUsage {
  soqlQueries: number;
  queryRows: number;
  dmlStatements: number;
  dmlRows: number;
  /** Statements executed (the runtime's stand-in for CPU time). */
  statements: number;
  /** Bytes of the JSON response body. */
  responseBytes: number;
  durationMs: number;
}

export type AuraErrorKind = 'handled' | 'unhandled' | 'invalidRequest' | 'unsupported';

export interface AuraErrorBody {
  message: string;
  exceptionType?: string;
  isUserDefinedException?: boolean;
  stackTrace?: string;
}

export interface AuraError {
  kind: AuraErrorKind;
  /** The HTTP status the preview answers with. */
  status: 400 | 404 | 500;
  body: AuraErrorBody;
}

export type AuraResponse =
  { ok: true; value: Json; usage: AuraUsage } | { ok: false; error: AuraError; usage: AuraUsage };

function hasAuraEnabled(annotations: readonly { name: string }[]): boolean {
  return annotations.some((annotation) => annotation.name === 'auraenabled');
}

function notFound(request: AuraRequest): AuraError {
  return {
    kind: 'invalidRequest',
    status: 404,
    body: {
      message: `No @AuraEnabled method ${request.className}.${request.methodName} in this package.`
    }
  };
}

/** An Apex exception that left the method, as the component receives it. */
function thrownError(thrown: ApexThrow, registry: ClassRegistry): AuraError {
  const exception = thrown.exception;
  if (exception.className === AURA_HANDLED) {
    const message = exception.fields.get(AURA_MESSAGE);
    return {
      kind: 'handled',
      status: 400,
      body: { message: typeof message === 'string' ? message : (messageOf(exception) ?? '') }
    };
  }
  const stack = exception.fields.get(STACK);
  return {
    kind: 'unhandled',
    status: 500,
    body: {
      message: messageOf(exception) ?? '',
      exceptionType: exception.className,
      isUserDefinedException: registry.resolve(exception.className, null) !== undefined,
      stackTrace: typeof stack === 'string' ? stack : ''
    }
  };
}

function runtimeError(error: unknown): AuraError | undefined {
  if (
    error instanceof ApexRuntimeUnsupported ||
    error instanceof AuraSerializationUnsupported ||
    error instanceof ApexCompileError
  ) {
    return { kind: 'unsupported', status: 500, body: { message: error.message } };
  }
  return undefined;
}

export async function invokeAuraEnabled(
  runtime: AuraRuntime,
  request: AuraRequest
): Promise<AuraResponse> {
  const started = performance.now();
  const interpreter = new Interpreter(runtime.registry, {
    library: runtime.library,
    org: runtime.org,
    userId: request.userId,
    timeZone: runtime.timeZone
  });
  const usage = (responseBytes: number): AuraUsage => {
    const counters = interpreter.governor.counters;
    return {
      soqlQueries: counters.queries,
      queryRows: counters.queryRows,
      dmlStatements: counters.dmlStatements,
      dmlRows: counters.dmlRows,
      statements: interpreter.governor.totalStatements,
      responseBytes,
      durationMs: Math.round((performance.now() - started) * 10) / 10
    };
  };
  const failed = (error: AuraError): AuraResponse => ({
    ok: false,
    error,
    usage: usage(Buffer.byteLength(JSON.stringify(error.body)))
  });

  const cls = runtime.registry.resolve(request.className, null);
  const method = cls?.methods
    .get(request.methodName.toLowerCase())
    ?.find((each) => each.isStatic && hasAuraEnabled(each.modifiers.annotations));
  if (!cls || !method || cls.outer !== null) return failed(notFound(request));

  let args: ApexValue[];
  try {
    args = method.params.map((param) =>
      fromAuraJson(request.params[param.name], param.type, param.name)
    );
  } catch (error) {
    if (error instanceof AuraParameterError) {
      return failed({ kind: 'invalidRequest', status: 400, body: { message: error.message } });
    }
    const unsupported = runtimeError(error);
    if (unsupported) return failed(unsupported);
    throw error;
  }

  const before = runtime.org.snapshot();
  try {
    const result = interpreter.invoke(cls, method, null, args, interpreter.sharingOf(cls, false));
    const value = toAuraJson(result, runtime.registry, {});
    // After the commit, queued work (a deployment's callback) runs, each job in its own transaction.
    for (const job of interpreter.queuedJobs.splice(0)) {
      job(
        new Interpreter(runtime.registry, {
          library: runtime.library,
          org: runtime.org,
          userId: request.userId,
          timeZone: runtime.timeZone
        })
      );
    }
    return { ok: true, value, usage: usage(Buffer.byteLength(JSON.stringify(value))) };
  } catch (error) {
    // An exception that ends the transaction rolls back its DML.
    runtime.org.restore(before);
    if (error instanceof ApexThrow) return failed(thrownError(error, runtime.registry));
    const unsupported = runtimeError(error);
    if (unsupported) return failed(unsupported);
    throw error;
  }
}
