/** Executes statements. A statement completes normally (undefined), or breaks, continues or returns. */
import {
  ApexEnumValue,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  SObjectValue,
  type ApexValue
} from '../values';
import type { Block, Stmt, WhenValue } from './ast';
import { executeDml, soqlRecords } from './database';
import { ApexThrow, isUncatchable } from './exceptions';
import { evaluate, truthy } from './expressions';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';

export const BREAK = { kind: 'break' } as const;
export const CONTINUE = { kind: 'continue' } as const;
export type Completion =
  | undefined
  | typeof BREAK
  | typeof CONTINUE
  | { readonly kind: 'return'; readonly value: ApexValue };

export function isReturn(
  completion: Completion
): completion is { kind: 'return'; value: ApexValue } {
  return completion?.kind === 'return';
}

export function executeBlock(interp: Interpreter, frame: Frame, block: Block): Completion {
  return frame.scoped(() => {
    for (const statement of block.body) {
      const completion = execute(interp, frame, statement);
      if (completion) return completion;
    }
    return undefined;
  });
}

/** Runs a loop body; true when the loop must stop (break or return, kept in `out`). */
function loopBody(
  interp: Interpreter,
  frame: Frame,
  body: Stmt,
  out: { completion: Completion }
): boolean {
  const completion = frame.scoped(() => execute(interp, frame, body));
  if (completion === BREAK) return true;
  if (isReturn(completion)) {
    out.completion = completion;
    return true;
  }
  return false;
}

function iterationItems(interp: Interpreter, value: ApexValue, line: number): ApexValue[] {
  if (value === null)
    return interp.throwApex('NullPointerException', 'Attempt to de-reference a null object');
  if (value instanceof ApexList) return [...value.items];
  if (value instanceof ApexSet) return [...value.entries.values()];
  if (value instanceof ApexMap)
    return interp.unsupported('for loop over a Map (iterate keySet() or values())', line);
  return interp.unsupported(`for loop over ${interp.library.runtimeTypeName(value)}`, line);
}

function whenMatches(
  interp: Interpreter,
  frame: Frame,
  when: WhenValue,
  subject: ApexValue
): boolean {
  switch (when.kind) {
    case 'else':
      return true;
    case 'type':
      if (subject !== null && interp.isInstance(subject, when.type, frame.cls)) {
        frame.declare(when.name, when.type, subject);
        return true;
      }
      return false;
    case 'literals':
      return when.values.some((value) => {
        if (value.kind === 'name' && subject instanceof ApexEnumValue) {
          const constant = value.name.split('.').pop() ?? '';
          return constant.toLowerCase() === subject.name.toLowerCase();
        }
        const candidate = evaluate(interp, frame, value);
        if (candidate === null || subject === null) return candidate === subject;
        // Switch compares Strings case-sensitively, unlike `==` (Apex Developer Guide, "Switch Statements").
        if (typeof subject === 'string') return subject === candidate;
        return interp.library.binaryOperator(interp, '==', subject, candidate) === true;
      });
  }
}

function executeTry(
  interp: Interpreter,
  frame: Frame,
  statement: Extract<Stmt, { kind: 'try' }>
): Completion {
  let completion: Completion;
  try {
    completion = executeBlock(interp, frame, statement.body);
  } catch (error) {
    if (!(error instanceof ApexThrow) || isUncatchable(error.exception)) throw error;
    const clause = statement.catches.find((candidate) =>
      catches(interp, frame, candidate.type.name, error.exception)
    );
    if (!clause) throw error;
    completion = frame.scoped(() => {
      frame.declare(clause.name, clause.type, error.exception);
      return executeBlock(interp, frame, clause.body);
    });
  } finally {
    if (statement.finally) {
      const after = executeBlock(interp, frame, statement.finally);
      // A return or break in finally replaces whatever the try did, as in Java.
      if (after) completion = after;
    }
  }
  return completion;
}

function catches(interp: Interpreter, frame: Frame, type: string, exception: ApexObject): boolean {
  return (
    interp.isInstance(exception, { name: type, args: [] }, frame.cls) ||
    interp.instanceOfClass(exception, { name: type, args: [] })
  );
}

export function execute(interp: Interpreter, frame: Frame, statement: Stmt): Completion {
  if (statement.kind === 'block') return executeBlock(interp, frame, statement);
  interp.step(frame.cls, statement.line);
  switch (statement.kind) {
    case 'local':
      for (const declarator of statement.declarators) {
        const value = declarator.init
          ? interp.coerce(evaluate(interp, frame, declarator.init), statement.type, frame.cls)
          : null;
        frame.declare(declarator.name, statement.type, value);
      }
      return undefined;
    case 'expr':
      evaluate(interp, frame, statement.expr);
      return undefined;
    case 'if':
      if (truthy(interp, evaluate(interp, frame, statement.cond)))
        return frame.scoped(() => execute(interp, frame, statement.then));
      return statement.otherwise
        ? frame.scoped(() => execute(interp, frame, statement.otherwise as Stmt))
        : undefined;
    case 'for':
      return frame.scoped(() => {
        if (statement.init) execute(interp, frame, statement.init);
        for (const expr of statement.initExprs) evaluate(interp, frame, expr);
        const out: { completion: Completion } = { completion: undefined };
        while (!statement.cond || truthy(interp, evaluate(interp, frame, statement.cond))) {
          if (loopBody(interp, frame, statement.body, out)) break;
          for (const expr of statement.update) evaluate(interp, frame, expr);
        }
        return out.completion;
      });
    case 'forEach': {
      const out: { completion: Completion } = { completion: undefined };
      const isList = statement.type.name.toLowerCase() === 'list';
      const items: ApexValue[] =
        statement.iterable.kind === 'soql'
          ? soqlRecords(interp, frame, statement.iterable, isList ? 'chunks' : 'loop')
          : iterationItems(interp, evaluate(interp, frame, statement.iterable), statement.line);
      for (const item of items) {
        const value =
          item instanceof SObjectValue || item instanceof ApexList
            ? item
            : interp.coerce(item, statement.type, frame.cls);
        const stop = frame.scoped(() => {
          frame.declare(statement.name, statement.type, value);
          return loopBody(interp, frame, statement.body, out);
        });
        if (stop) break;
      }
      return out.completion;
    }
    case 'while': {
      const out: { completion: Completion } = { completion: undefined };
      while (truthy(interp, evaluate(interp, frame, statement.cond)))
        if (loopBody(interp, frame, statement.body, out)) break;
      return out.completion;
    }
    case 'doWhile': {
      const out: { completion: Completion } = { completion: undefined };
      do {
        if (loopBody(interp, frame, statement.body, out)) break;
      } while (truthy(interp, evaluate(interp, frame, statement.cond)));
      return out.completion;
    }
    case 'break':
      return BREAK;
    case 'continue':
      return CONTINUE;
    case 'return':
      return {
        kind: 'return',
        value: statement.value ? evaluate(interp, frame, statement.value) : null
      };
    case 'throw': {
      const value = evaluate(interp, frame, statement.value);
      if (value === null)
        return interp.throwApex('NullPointerException', 'Attempt to de-reference a null object');
      if (!(value instanceof ApexObject) || !interp.isException(value))
        return interp.unsupported('throw of a non-exception value', statement.line);
      throw interp.raise(value);
    }
    case 'try':
      return executeTry(interp, frame, statement);
    case 'switch': {
      const subject = evaluate(interp, frame, statement.subject);
      for (const when of statement.whens) {
        const completion = frame.scoped(() =>
          whenMatches(interp, frame, when.value, subject)
            ? { body: executeBlock(interp, frame, when.body) }
            : null
        );
        if (completion) return completion.body;
      }
      return undefined;
    }
    case 'dml':
      executeDml(interp, frame, statement, evaluate(interp, frame, statement.target));
      return undefined;
    case 'runAs': {
      const user = evaluate(interp, frame, statement.user);
      const id = user instanceof SObjectValue ? user.fields.get('id')?.value : null;
      if (id === null || id === undefined)
        return interp.throwApex('NullPointerException', 'Attempt to de-reference a null object');
      return interp.runAs(String(id), () => executeBlock(interp, frame, statement.body));
    }
  }
}
