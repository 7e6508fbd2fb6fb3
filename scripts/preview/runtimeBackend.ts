/**
 * `/apex/<Class>.<method>` answered by the package's own @AuraEnabled method in the local Apex
 * runtime, as the viewer, one transaction per call. Bodies as the gateway sends them: 200
 * `{ result }`; an AuraHandledException 400 `{ message }`; another uncaught exception 500
 * `{ message, exceptionType, isUserDefinedException, stackTrace }` (what Lightning gives a
 * component); a construct the runtime does not support 500 `{ message: 'unsupported: …' }`.
 */
import { invokeAuraEnabled } from '../apex-runtime/aura/auraRequest';
import type { AuraResponse, AuraRuntime } from '../apex-runtime/aura/auraRequest';
import type { ApexBackend } from './server';

export interface RuntimeBackendOptions {
  /** Called after each call (e.g. to log unsupported constructs or governor usage). */
  onResponse?: (qualifiedName: string, response: AuraResponse) => void;
}

export function runtimeBackend(
  runtime: AuraRuntime,
  userId: string,
  options: RuntimeBackendOptions = {}
): ApexBackend {
  return async (qualifiedName, params) => {
    const dot = qualifiedName.lastIndexOf('.');
    const response = await invokeAuraEnabled(runtime, {
      className: qualifiedName.slice(0, dot),
      methodName: qualifiedName.slice(dot + 1),
      params,
      userId
    });
    options.onResponse?.(qualifiedName, response);
    if (response.ok) return { status: 200, body: { result: response.value } };
    return { status: response.error.status, body: response.error.body };
  };
}
