/**
 * What a gateway request runs with: where the SOQL goes, the selectors' SOQL, the instant and time
 * zone, who the viewer is and which custom permissions they hold, the settings record and the
 * schema describe. One context serves every request; each request is its own Transaction.
 */
import type { BaselineDeployment } from '../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import { idCodec } from '../demo/ids';
import type { SchemaDescribe } from './describe';
import type { QueryRunner } from './queryRunner';
import type { SelectorQueries } from './selectorQueries';

/** The custom permissions the dashboard checks (FeatureManagement.checkPermission in Apex). */
export const PERMISSIONS = {
  viewAll: 'Adoption_View_All',
  viewTeam: 'Adoption_View_Team',
  manageSettings: 'Adoption_Manage_Settings',
  viewTeamLogins: 'Adoption_View_Team_Logins'
} as const;

/** The Default Adoption_Settings__mdt record: field API name → value (JSON types). */
export type SettingsRecord = Readonly<Record<string, unknown>>;

/**
 * Where the settings record lives: a file's values in the preview, written back in memory, with
 * the last deployment of it (Apex: the Adoption_Baseline_Deployment__c custom setting).
 */
export interface SettingsStore {
  /** The record, or null when there is none (Apex: getInstance returns null). */
  read(): SettingsRecord | null;
  /**
   * Replaces the record (the preview's stand-in for a Metadata API deployment) and returns the
   * deployment's job Id.
   */
  write(record: SettingsRecord): string;
  /** The last deployment recorded, or null before the first (Apex: BaselineDeploymentLog.last). */
  lastDeployment(): BaselineDeployment | null;
  recordDeployment(deployment: BaselineDeployment): void;
}

export interface GatewayContext {
  runner: QueryRunner;
  queries: SelectorQueries;
  /** T: the preview's fixed "now". */
  asOf: Date;
  /** The running user's time zone: calendar dates (date(T), CloseDate) are taken in it. */
  timeZone: string;
  viewerId: string;
  /** The custom permissions the viewer holds. */
  permissions: ReadonlySet<string>;
  settings: SettingsStore;
  describe: SchemaDescribe;
}

/** Metadata API deployment job Ids start with 0Af. */
const deploymentIds = idCodec('0Af');

/** A settings store over a record held in memory. */
export function memorySettingsStore(initial: SettingsRecord | null): SettingsStore {
  let record = initial;
  let deployments = 0;
  let last: BaselineDeployment | null = null;
  return {
    read: () => record,
    write: (next) => {
      record = next;
      deployments += 1;
      return deploymentIds.encode(deployments);
    },
    lastDeployment: () => last,
    recordDeployment: (deployment) => {
      last = deployment;
    }
  };
}
