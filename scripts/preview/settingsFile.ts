/**
 * The preview's Adoption Settings: a JSON file holding the Default Adoption_Settings__mdt record's
 * field values by API name (config/demo-settings.json unless `--settings` names another).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../build/projectFiles';
import type { SettingsRecord } from '../gateway/gatewayContext';
import { UsageError } from './options';

export const DEFAULT_SETTINGS_FILE = path.join(PROJECT_ROOT, 'config', 'demo-settings.json');

export async function readSettingsFile(file = DEFAULT_SETTINGS_FILE): Promise<SettingsRecord> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read the settings file ${file}: ${error instanceof Error ? error.message : String(error)}.`
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `The settings file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(
      `The settings file ${file} must be a JSON object of Adoption_Settings__mdt field values, e.g. {"Stale_Days__c": 30}.`
    );
  }
  return parsed as SettingsRecord;
}
