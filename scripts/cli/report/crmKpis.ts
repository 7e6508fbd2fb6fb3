/**
 * The record KPIs (catalog sections 2–5) from the records read, every formula from the KPI library:
 * evaluateCrmKpis for record creation and hygiene, the quality and pipeline functions for the rest.
 * A KPI whose records were not read (not wanted, or not available) is simply not returned.
 */
import {
  accountsWithoutContact,
  duplicateRecordShare,
  evaluateCrmKpis,
  latePipeline,
  openPipeline,
  opportunitiesMissingAmount,
  opportunitiesMissingCloseDate
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type {
  KpiOptions,
  KpiResult,
  UserDirectory
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type { RecordsByObject } from './readInputs';

export function crmKpis(
  records: RecordsByObject,
  directory: UserDirectory,
  options: KpiOptions
): KpiResult[] {
  const { Account, Contact, Opportunity, Lead, Task, Case } = records;
  const results = evaluateCrmKpis(
    {
      users: directory,
      accounts: Account,
      contacts: Contact,
      opportunities: Opportunity,
      leads: Lead,
      tasks: Task,
      cases: Case,
      stageChanges: records.OpportunityFieldHistory
    },
    options
  );
  if (Opportunity) {
    results.push(opportunitiesMissingAmount(Opportunity, directory));
    results.push(opportunitiesMissingCloseDate(Opportunity, directory));
    results.push(openPipeline(Opportunity, directory));
    results.push(latePipeline(Opportunity, directory, options));
  }
  if (Account && Contact) results.push(accountsWithoutContact(Account, Contact, directory));
  if (records.DuplicateRecordItem && Account && Contact && Lead) {
    // The dashboard's definition: the share of accounts, contacts and leads in a duplicate set.
    results.push(
      duplicateRecordShare(
        [...Account, ...Contact, ...Lead],
        records.DuplicateRecordItem,
        directory
      )
    );
  }
  return results;
}
