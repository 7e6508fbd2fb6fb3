/**
 * A generated demo org (scripts/demo) as the local Apex runtime's data: its tables are the read-only
 * base layer, so its users, roles and profiles are the org's (no test-runner user beside them), the
 * clock is its asOf, the time zone its running user's, the custom metadata the package's records
 * with the preview's settings laid over them, and the viewers hold the package's permission sets
 * through PermissionSetAssignment, so FeatureManagement sees their custom permissions as in an org.
 */
import type { DemoOrg, FieldValue } from '../../demo/model';
import { createOrg } from './orgData';
import type { OrgData } from './orgData';

/** The Default Adoption_Settings__mdt record's DeveloperName. */
const SETTINGS_TYPE = 'Adoption_Settings__mdt';
const SETTINGS_RECORD = 'Default';

/**
 * Not the package's: the org's own permission set an administrator holds, with View All Data, so
 * an admin viewer reads every record whatever the organization-wide defaults (the package's
 * permission sets grant custom permissions only).
 */
export const VIEW_ALL_DATA_PERMISSION_SET = 'Demo_View_All_Data';

export interface PermissionSetGrant {
  userId: string;
  /** PermissionSet Names, e.g. 'Adoption_Dashboard_Viewer'. */
  permissionSets: readonly string[];
}

export interface DemoApexOrgOptions {
  /** The package's source folder (force-app/main/default). */
  sourceDir: string;
  /** The Default Adoption_Settings__mdt record's field values; undefined: the package's record. */
  settings?: Readonly<Record<string, FieldValue>>;
  /** Who holds which permission sets (the viewer). */
  grants?: readonly PermissionSetGrant[];
}

export function createDemoApexOrg(demo: DemoOrg, options: DemoApexOrgOptions): OrgData {
  const org = createOrg({
    sourceDir: options.sourceDir,
    now: () => demo.asOf.getTime(),
    timeZone: demo.timeZone,
    baseTables: demo.tables,
    runningUserId: demo.runningUserId,
    ...(options.settings
      ? { customMetadataValues: { [SETTINGS_TYPE]: { [SETTINGS_RECORD]: options.settings } } }
      : {})
  });
  const [viewAllDataId] = org.seedRecords('PermissionSet', [
    {
      Name: VIEW_ALL_DATA_PERMISSION_SET,
      Label: 'Demo: View All Data',
      Description: 'What an administrator holds: reads every record.',
      IsOwnedByProfile: false,
      ProfileId: null,
      PermissionsViewAllData: true
    }
  ]);
  const setIds = permissionSetIds(org);
  setIds.set(VIEW_ALL_DATA_PERMISSION_SET.toLowerCase(), viewAllDataId);
  for (const grant of options.grants ?? []) {
    org.seedRecords(
      'PermissionSetAssignment',
      grant.permissionSets.map((name) => {
        const id = setIds.get(name.toLowerCase());
        if (!id) throw new Error(`No permission set ${name} in ${options.sourceDir}.`);
        return { AssigneeId: grant.userId, PermissionSetId: id };
      })
    );
  }
  return org;
}

function permissionSetIds(org: OrgData): Map<string, string> {
  const { records } = org.query(
    'SELECT Id, Name FROM PermissionSet WHERE IsOwnedByProfile = false',
    {},
    { userId: org.runningUserId, accessMode: 'SYSTEM_MODE', enforceSharing: false }
  );
  return new Map(records.map((row) => [String(row.Name).toLowerCase(), String(row.Id)]));
}
