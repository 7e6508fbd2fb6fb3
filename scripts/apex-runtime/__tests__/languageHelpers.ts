/** Shared by the language tests: load inline Apex and call a static method in a fresh transaction. */
import { ClassRegistry } from '../language/classes';
import { Interpreter } from '../language/interpreter';
import { loadClass } from '../language/loader';
import { systemLibrary } from '../language/systemLibrary';
import { stringOf } from '../library/stringOf';
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
