/**
 * The house rules over the package's Apex classes (STYLE.md), each file parsed once with the Apex
 * parser: naming (apexNamingRules.ts) and SOQL (apexQueryRules.ts).
 */
import {
  SYSTEM_TYPES,
  fieldShadowing,
  topLevelType,
  typeNames,
  typeShadowing
} from './apexNamingRules';
import { accessMode, aggregateForLoop, loginHistorySystemMode } from './apexQueryRules';
import { parseApex } from './apexTree';
import type { RuleFinding } from './apexTree';

export type { RuleFinding } from './apexTree';

export interface ApexSource {
  file: string;
  source: string;
}

/**
 * @param sobjectTypes the SObjects the schema knows: a variable must not be named like them either
 */
export function checkApexRules(
  sources: ApexSource[],
  sobjectTypes: Iterable<string>
): RuleFinding[] {
  const parsed = sources.map(({ file, source }) => parseApex(source, file));
  const packageTypes = parsed.flatMap((apex) => topLevelType(apex) ?? []);
  const scope = typeNames([...SYSTEM_TYPES, ...sobjectTypes, ...packageTypes]);
  const findings = parsed.flatMap((apex) =>
    // A tree with syntax errors is partial: its rules would report noise or miss code.
    apex.syntaxErrors.length > 0
      ? apex.syntaxErrors.map(({ line, message }) => ({
          file: apex.file,
          line,
          rule: 'syntax',
          message
        }))
      : [
          ...typeShadowing(apex, scope),
          ...fieldShadowing(apex),
          ...accessMode(apex),
          ...loginHistorySystemMode(apex),
          ...aggregateForLoop(apex)
        ]
  );
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export function formatRuleFinding(finding: RuleFinding): string {
  return `${finding.file}:${finding.line} ${finding.rule}: ${finding.message}`;
}
