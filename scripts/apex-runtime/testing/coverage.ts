/**
 * Code coverage as the runtime counts it. A line is executable when a statement starts on it inside
 * a method, constructor, initializer block or property accessor, or when a field with an
 * initializer is declared on it; it is covered once such a statement ran. Inner classes count
 * toward their top-level class, and @IsTest classes are not measured — close to the platform's
 * rule, which also counts statements, not braces or declarations.
 */
import type { Block, InitItem, Stmt, TypeDecl } from '../language/ast';
import type { ClassRegistry } from '../language/classes';

export interface ClassCoverage {
  covered: number;
  total: number;
}

function statementLines(statement: Stmt, lines: Set<number>): void {
  if (statement.kind !== 'block') lines.add(statement.line);
  switch (statement.kind) {
    case 'block':
      statement.body.forEach((child) => statementLines(child, lines));
      return;
    case 'if':
      statementLines(statement.then, lines);
      if (statement.otherwise) statementLines(statement.otherwise, lines);
      return;
    case 'for':
      if (statement.init) statementLines(statement.init, lines);
      statementLines(statement.body, lines);
      return;
    case 'forEach':
    case 'while':
    case 'doWhile':
      statementLines(statement.body, lines);
      return;
    case 'try':
      statementLines(statement.body, lines);
      statement.catches.forEach((clause) => statementLines(clause.body, lines));
      if (statement.finally) statementLines(statement.finally, lines);
      return;
    case 'switch':
      statement.whens.forEach((when) => statementLines(when.body, lines));
      return;
    case 'runAs':
      statementLines(statement.body, lines);
      return;
    default:
      return;
  }
}

function initLines(items: readonly InitItem[], lines: Set<number>): void {
  for (const item of items) {
    if (item.kind === 'block') statementLines(item.body, lines);
    else if (item.init) lines.add(item.line);
  }
}

export function executableLines(decl: TypeDecl, lines = new Set<number>()): Set<number> {
  const blocks: Block[] = [
    ...decl.methods.flatMap((method) => (method.body ? [method.body] : [])),
    ...decl.constructors.map((constructor) => constructor.body),
    ...decl.properties.flatMap((property) =>
      [property.getter, property.setter].filter(
        (accessor): accessor is Block => typeof accessor === 'object' && accessor !== null
      )
    )
  ];
  blocks.forEach((block) => statementLines(block, lines));
  initLines(decl.staticInit, lines);
  initLines(decl.instanceInit, lines);
  decl.inner.forEach((inner) => executableLines(inner, lines));
  return lines;
}

/** Coverage of every non-test top-level class with executable lines. */
export function coverageReport(
  registry: ClassRegistry,
  covered: ReadonlyMap<string, ReadonlySet<number>>
): Record<string, ClassCoverage> {
  const report: Record<string, ClassCoverage> = {};
  for (const cls of registry.topLevelClasses().sort((a, b) => a.name.localeCompare(b.name))) {
    if (cls.hasAnnotation('istest')) continue;
    const lines = executableLines(cls.decl);
    if (lines.size === 0) continue;
    const ran = covered.get(cls.name) ?? new Set<number>();
    report[cls.name] = {
      covered: [...lines].filter((line) => ran.has(line)).length,
      total: lines.size
    };
  }
  return report;
}
