/**
 * The SOQL the Apex selectors run, read from their source: the preview and the CLI run these very
 * statements, so the query text has one source of truth (ARCHITECTURE.md, "One query text").
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { apexSoql } from '../checks/soqlSources';

/** The selector methods the gateway calls, as `Class.method`. */
export const SELECTOR_METHODS = [
  'UserSelector.countPopulationBySlice',
  'UserSelector.countLoggedInSinceBySlice',
  'UserSelector.selectPopulationLoggedInSince',
  'LoginHistorySelector.countAttemptsByUserAndStatus',
  'LoginHistorySelector.selectAttempts'
] as const;

export type SelectorMethod = (typeof SELECTOR_METHODS)[number];
export type SelectorQueries = Record<SelectorMethod, string>;

export async function loadSelectorQueries(classesDir: string): Promise<SelectorQueries> {
  const queries: Partial<Record<string, string>> = {};
  for (const className of new Set(SELECTOR_METHODS.map((method) => method.split('.')[0]))) {
    const file = path.join(classesDir, `${className}.cls`);
    for (const statement of apexSoql(await readFile(file, 'utf8'), file)) {
      if (statement.method) queries[`${className}.${statement.method}`] = statement.soql;
    }
  }
  const missing = SELECTOR_METHODS.filter((method) => queries[method] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `No SOQL found in the Apex selectors for ${missing.join(', ')}: was a selector method renamed?`
    );
  }
  return queries as SelectorQueries;
}
