/**
 * Turns the Apex selectors' SOQL templates into checkable statements: each template formatted, as
 * Apex's String.format would, with every sample argument list of soqlTemplateSamples.ts. A
 * template without samples, a sample with the wrong number of arguments, and samples for a
 * template that no longer exists are problems, so the check cannot silently skip a query.
 */
import path from 'node:path';
import { TemplateFormatError, apexStringFormat, templateArity } from './apexStringFormat';
import type { SoqlStatement } from './soqlSources';

export interface ExpandedStatements {
  statements: SoqlStatement[];
  problems: string[];
}

/** `Class.CONSTANT` of a template statement (the class is the .cls file's name). */
export function templateKey(statement: SoqlStatement): string {
  return `${path.basename(statement.file, '.cls')}.${statement.template ?? ''}`;
}

export function expandTemplates(
  statements: readonly SoqlStatement[],
  samples: Readonly<Record<string, readonly (readonly string[])[]>>
): ExpandedStatements {
  const expanded: SoqlStatement[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const statement of statements) {
    if (!statement.template) {
      expanded.push(statement);
      continue;
    }
    const key = templateKey(statement);
    seen.add(key);
    const lists = samples[key] ?? [];
    if (lists.length === 0) {
      problems.push(
        `${statement.file}:${statement.line} ${key} has no samples in scripts/checks/soqlTemplateSamples.ts`
      );
      continue;
    }
    const arity = templateArity(statement.soql);
    lists.forEach((args, index) => {
      const where = `${statement.file}:${statement.line} ${key} sample ${index + 1}`;
      if (args.length !== arity) {
        problems.push(`${where} has ${args.length} arguments; the template takes ${arity}`);
        return;
      }
      try {
        expanded.push({ ...statement, soql: apexStringFormat(statement.soql, args) });
      } catch (error) {
        if (!(error instanceof TemplateFormatError)) throw error;
        problems.push(`${where}: ${error.message}`);
      }
    });
  }
  for (const key of Object.keys(samples)) {
    if (!seen.has(key)) problems.push(`soqlTemplateSamples.ts names ${key}, which no selector has`);
  }
  return { statements: expanded, problems };
}
