/** Shared by the language tests: load inline Apex and call a static method in a fresh transaction. */
import { ClassRegistry } from '../language/classes';
import { ApexThrow } from '../language/exceptions';
import { Interpreter } from '../language/interpreter';
import { loadClass } from '../language/loader';
import { systemLibrary } from '../language/systemLibrary';
import { stringOf } from '../library/stringOf';
import type { OrgData } from '../org/orgData';
import type { ApexValue } from '../values';

export const USER_ID = '005000000000001AAA';

export function interpreterFor(sources: Record<string, string>, apiVersion = 68): Interpreter {
  const classes = Object.entries(sources).map(([name, source]) =>
    loadClass(`${name}.cls`, source, apiVersion)
  );
  return new Interpreter(new ClassRegistry(classes), {
    library: systemLibrary,
    userId: USER_ID,
    isTest: true
  });
}

/** Runs `Main.run()` of a class whose body is `body`; returns what it returns, printed as Apex prints it. */
export function runBody(body: string, extra: Record<string, string> = {}): string {
  const value: ApexValue = interpreterFor({
    Main: `public class Main {\n${body}\n}`,
    ...extra
  }).callStatic('Main', 'run');
  return stringOf(value);
}

/**
 * Runs `Main.run()` of a `with sharing` class whose body is `body` against a data layer, as its
 * running user, and rolls the data back afterwards. An uncaught Apex exception is returned as
 * 'Type: message'.
 */
export function runBodyWithOrg(
  org: OrgData,
  body: string,
  options: { extra?: Record<string, string>; apiVersion?: number; seed?: number } = {}
): string {
  const apiVersion = options.apiVersion ?? 68;
  const registry = new ClassRegistry([
    loadClass('Main.cls', `public with sharing class Main {\n${body}\n}`, apiVersion),
    ...Object.entries(options.extra ?? {}).map(([name, source]) =>
      loadClass(`${name}.cls`, source, apiVersion)
    )
  ]);
  const interp = new Interpreter(registry, {
    library: systemLibrary,
    org,
    userId: org.runningUserId,
    isTest: true,
    ...(options.seed === undefined ? {} : { seed: options.seed })
  });
  const snapshot = org.snapshot();
  try {
    return stringOf(interp.callStatic('Main', 'run'));
  } catch (error) {
    if (error instanceof ApexThrow)
      return `${error.exception.className}: ${String(error.exception.fields.get('message'))}`;
    throw error;
  } finally {
    org.restore(snapshot);
  }
}
