/**
 * The SOQL the Apex selectors run, read from their source: the preview and the CLI run these very
 * statements, so the query text has one source of truth (ARCHITECTURE.md, "One query text").
 * Static statements are keyed `Class.method`; dynamic-SOQL templates `Class.CONSTANT_TEMPLATE`,
 * kept with their `{0}`, `{1}` … placeholders for apexStringFormat.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { apexSoql } from '../checks/soqlSources';

/** The statements the gateway runs. */
export const SELECTOR_METHODS = [
  'UserSelector.VIEWER_TEMPLATE',
  'UserSelector.POPULATION_BY_SLICE_TEMPLATE',
  'UserSelector.LOGGED_IN_BY_SLICE_TEMPLATE',
  'UserSelector.LOGGED_IN_SINCE_TEMPLATE',
  'LoginHistorySelector.countAttemptsByUserAndStatus',
  'LoginHistorySelector.readAttempts',
  'DirectorySelector.DIRECTORY_TEMPLATE',
  'GateFieldSelector.GATE_FIELD_TEMPLATE',
  'AccountSelector.countCreatedByUser',
  'AccountSelector.countByOwner',
  'AccountSelector.countWithoutContactByOwner',
  'ContactSelector.countCreatedByUser',
  'ContactSelector.countUpdatedByOwner',
  'ContactSelector.countByOwner',
  'OpportunitySelector.countCreatedByUser',
  'OpportunitySelector.countPastCloseByOwner',
  'OpportunitySelector.countStaleByOwner',
  'OpportunitySelector.countClosedByOwnerAndOutcome',
  'OpportunitySelector.countStageMovesByOwner',
  'OpportunitySelector.countOpenByOwner',
  'OpportunitySelector.countByOwner',
  'OpportunitySelector.sumOpenAmountByOwner',
  'OpportunitySelector.sumProbableAmountByOwner',
  'OpportunitySelector.sumLateProbableAmountByOwner',
  'OpportunitySelector.countPastCloseRecords',
  'OpportunitySelector.countStaleRecords',
  'OpportunitySelector.PAST_CLOSE_PAGE_TEMPLATE',
  'OpportunitySelector.STALE_PAGE_TEMPLATE',
  'LeadSelector.countAbandonedByOwner',
  'LeadSelector.countDecidedByOwnerAndOutcome',
  'LeadSelector.countByOwner',
  'LeadSelector.countAbandonedRecords',
  'LeadSelector.ABANDONED_PAGE_TEMPLATE',
  'TaskSelector.countCreatedByUser',
  'TaskSelector.countClosedByOwner',
  'TaskSelector.countPastDueByOwner',
  'TaskSelector.countOpenByOwner',
  'TaskSelector.countPastDueRecords',
  'TaskSelector.PAST_DUE_PAGE_TEMPLATE',
  'CaseSelector.hasAnyCase',
  'CaseSelector.countCreatedByUser',
  'CaseSelector.countClosedByOwner',
  'CaseSelector.countAgedByOwner',
  'DuplicateSelector.countAccountsInSetsByOwner',
  'DuplicateSelector.countContactsInSetsByOwner',
  'DuplicateSelector.countLeadsInSetsByOwner'
] as const;

export type SelectorMethod = (typeof SELECTOR_METHODS)[number];
export type SelectorQueries = Record<SelectorMethod, string>;

export async function loadSelectorQueries(classesDir: string): Promise<SelectorQueries> {
  const queries: Partial<Record<string, string>> = {};
  for (const className of new Set(SELECTOR_METHODS.map((method) => method.split('.')[0]))) {
    const file = path.join(classesDir, `${className}.cls`);
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    for (const statement of apexSoql(source, file)) {
      const name = statement.template ?? statement.method;
      if (name) queries[`${className}.${name}`] = statement.soql;
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
