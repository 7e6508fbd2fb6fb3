/**
 * Opens the data source the command line names. Each source is imported on demand: a CSV run
 * never loads jsforce (a quarter of a second), and an org run never loads the CSV reader. Only the
 * spawned end-to-end tests reach this file (jest's module system has no dynamic import), so it is
 * one of jest.config.js's SCRIPT_ENTRY_POINTS; run() takes any other opener for unit tests.
 */
import type { SourceChoice } from './options';
import type { DataSource } from './source';

export async function openSource(choice: SourceChoice): Promise<DataSource> {
  if (choice.kind === 'data') {
    const { createCsvSource } = await import('./csv/csvSource');
    return createCsvSource(choice.dir);
  }
  const { createOrgSource } = await import('./org/orgSource');
  return createOrgSource(
    choice.kind === 'targetOrg'
      ? { targetOrg: choice.targetOrg }
      : { instanceUrl: choice.instanceUrl, accessToken: choice.accessToken }
  );
}
