/**
 * Runs a source folder's Apex tests as the platform does: every @IsTest (or testMethod) method of
 * every @IsTest class in a fresh transaction — static variables start over, limits are fresh,
 * and the org's data is put back afterwards (SeeAllData=false: a test sees the data layer's setup
 * data, its class's @TestSetup data and what it inserts).
 */
import type { MethodDecl } from '../language/ast';
import type { ApexClass, ClassRegistry } from '../language/classes';
import { ApexSourceError } from '../language/errors';
import { ApexThrow, describeException, STACK } from '../language/exceptions';
import { Interpreter } from '../language/interpreter';
import type { ApexLibrary } from '../language/library';
import type { OrgDataApi } from '../org/types';
import { coverageReport, type ClassCoverage } from './coverage';

export interface TestResult {
  className: string;
  methodName: string;
  outcome: 'Pass' | 'Fail';
  message: string;
  stackTrace?: string;
  durationMs: number;
}

export interface TestRun {
  tests: TestResult[];
  coverage: Record<string, ClassCoverage>;
}

export interface RunTestsOptions {
  readonly library: ApexLibrary;
  readonly org?: OrgDataApi;
  /** The user tests run as. */
  readonly userId: string;
  /** Only this test class (case-insensitive). */
  readonly className?: string;
}

function hasAnnotation(method: MethodDecl, name: string): boolean {
  return method.modifiers.annotations.some((annotation) => annotation.name === name);
}

function isTestMethod(method: MethodDecl): boolean {
  return (
    method.isStatic &&
    (hasAnnotation(method, 'istest') || method.modifiers.keywords.has('testmethod'))
  );
}

export function testClasses(registry: ClassRegistry, className?: string): ApexClass[] {
  const classes = registry
    .topLevelClasses()
    .filter((cls) => cls.hasAnnotation('istest') && cls.decl.methods.some(isTestMethod))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (className === undefined) return classes;
  const chosen = classes.filter((cls) => cls.name.toLowerCase() === className.toLowerCase());
  if (chosen.length === 0) throw new ApexSourceError(`Test class not found: ${className}`);
  return chosen;
}

function failure(error: unknown): { message: string; stackTrace?: string } {
  if (error instanceof ApexThrow) {
    const stack = error.exception.fields.get(STACK);
    return {
      message: describeException(error.exception),
      ...(typeof stack === 'string' && stack ? { stackTrace: stack } : {})
    };
  }
  return { message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

export function runTests(registry: ClassRegistry, options: RunTestsOptions): TestRun {
  const covered = new Map<string, Set<number>>();
  const tests: TestResult[] = [];
  // Each transaction draws its own random values (unique names across @TestSetup and the test).
  let seed = 0;
  const transaction = (): Interpreter =>
    new Interpreter(registry, {
      library: options.library,
      org: options.org,
      userId: options.userId,
      isTest: true,
      seed: ++seed
    });
  const collect = (interp: Interpreter): void => {
    for (const [name, lines] of interp.covered) {
      const all = covered.get(name) ?? new Set<number>();
      lines.forEach((line) => all.add(line));
      covered.set(name, all);
    }
  };
  for (const cls of testClasses(registry, options.className)) {
    const before = options.org?.snapshot();
    let setupError: { message: string; stackTrace?: string } | null = null;
    for (const setup of cls.decl.methods.filter((method) => hasAnnotation(method, 'testsetup'))) {
      const interp = transaction();
      try {
        interp.callStatic(cls.name, setup.name);
      } catch (error) {
        setupError = failure(error);
      }
      collect(interp);
    }
    const afterSetup = options.org?.snapshot();
    for (const method of cls.decl.methods.filter(isTestMethod)) {
      const started = Date.now();
      const interp = transaction();
      let result: Pick<TestResult, 'outcome' | 'message' | 'stackTrace'> = {
        outcome: 'Pass',
        message: ''
      };
      if (setupError) {
        result = { outcome: 'Fail', message: `@TestSetup failed: ${setupError.message}` };
      } else {
        try {
          interp.callStatic(cls.name, method.name);
        } catch (error) {
          result = { outcome: 'Fail', ...failure(error) };
        }
      }
      collect(interp);
      if (options.org && afterSetup !== undefined) options.org.restore(afterSetup);
      tests.push({
        className: cls.name,
        methodName: method.name,
        ...result,
        durationMs: Date.now() - started
      });
    }
    if (options.org && before !== undefined) options.org.restore(before);
  }
  return { tests, coverage: coverageReport(registry, covered) };
}
