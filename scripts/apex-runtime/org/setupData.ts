/**
 * The setup records every org has before a test runs: the Salesforce user licence, the standard
 * profiles with their profile-owned permission sets and object permissions, the running user, and
 * the source folder's permission sets, custom permissions and custom metadata records.
 */
import type { FieldValue } from '../../demo/model';
import type { OrgSchema } from './schema';
import { readCustomMetadata, readCustomPermissions, readPermissionSets } from './sourceMetadata';
import type { ObjectGrantSource, PermissionSetSource } from './sourceMetadata';
import type { Store } from './store';
import type { Row } from './table';

/** The objects the standard profiles grant (Salesforce Help: "Standard Profiles"). */
export const SALES_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Lead', 'Case'] as const;

interface ProfileDefinition {
  name: string;
  viewAllData: boolean;
  modifyAllData: boolean;
  manageUsers: boolean;
  editTask: boolean;
  grant: Omit<ObjectGrantSource, 'object'> | null;
}

const NO_GRANT = null;

/**
 * Salesforce Help, "Standard Profiles": System Administrator (View All Data, Modify All Data,
 * Manage Users: everything), Standard User (read, create, edit, delete the sales objects; Edit
 * Tasks), Read Only (read them), Minimum Access - Salesforce (nothing).
 */
export const STANDARD_PROFILES: readonly ProfileDefinition[] = [
  {
    name: 'System Administrator',
    viewAllData: true,
    modifyAllData: true,
    manageUsers: true,
    editTask: true,
    grant: { read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true }
  },
  {
    name: 'Standard User',
    viewAllData: false,
    modifyAllData: false,
    manageUsers: false,
    editTask: true,
    grant: { read: true, create: true, edit: true, delete: true, viewAll: false, modifyAll: false }
  },
  {
    name: 'Read Only',
    viewAllData: false,
    modifyAllData: false,
    manageUsers: false,
    editTask: false,
    grant: {
      read: true,
      create: false,
      edit: false,
      delete: false,
      viewAll: false,
      modifyAll: false
    }
  },
  {
    name: 'Minimum Access - Salesforce',
    viewAllData: false,
    modifyAllData: false,
    manageUsers: false,
    editTask: false,
    grant: NO_GRANT
  }
];

export interface SetupIds {
  runningUserId: string;
  /** Profile Id by Name. */
  profiles: Map<string, string>;
}

function insertGrant(store: Store, parentId: string, grant: ObjectGrantSource): void {
  store.insertRaw('ObjectPermissions', {
    ParentId: parentId,
    SobjectType: grant.object,
    PermissionsRead: grant.read,
    PermissionsCreate: grant.create,
    PermissionsEdit: grant.edit,
    PermissionsDelete: grant.delete,
    PermissionsViewAllRecords: grant.viewAll,
    PermissionsModifyAllRecords: grant.modifyAll
  });
}

function audit(now: number, userId: string | null): Record<string, FieldValue> {
  return {
    CreatedDate: now,
    LastModifiedDate: now,
    SystemModstamp: now,
    CreatedById: userId,
    LastModifiedById: userId,
    IsDeleted: false
  };
}

function insertProfiles(store: Store, schema: OrgSchema, now: number): Map<string, string> {
  const licenseId = store.insertRaw('UserLicense', { LicenseDefinitionKey: 'SFDC' });
  const customObjects = schema.objects.filter((object) => object.kind === 'custom');
  const profiles = new Map<string, string>();
  for (const profile of STANDARD_PROFILES) {
    const permissions = {
      PermissionsViewAllData: profile.viewAllData,
      PermissionsModifyAllData: profile.modifyAllData,
      PermissionsManageUsers: profile.manageUsers,
      PermissionsEditTask: profile.editTask
    };
    const values = { UserLicenseId: licenseId, UserType: 'Standard', ...permissions };
    // A base layer's profile of the same name (a demo org's) is that profile: no second one.
    const existing = store.select('Profile', { Name: profile.name })[0]?.Id as string | undefined;
    const profileId =
      existing ??
      store.insertRaw('Profile', { ...audit(now, null), Name: profile.name, ...values });
    if (existing) patchRow(store, existing, values);
    const setId = store.insertRaw('PermissionSet', {
      Name: `X00e_${profile.name.replace(/\W+/g, '_')}`,
      Label: profile.name,
      IsOwnedByProfile: true,
      ProfileId: profileId,
      ...permissions
    });
    const granted = profile.modifyAllData
      ? [...SALES_OBJECTS, ...customObjects.map((object) => object.name)]
      : SALES_OBJECTS;
    if (profile.grant) {
      for (const object of granted) insertGrant(store, setId, { object, ...profile.grant });
    }
    profiles.set(profile.name, profileId);
  }
  insertBaseProfiles(store, profiles);
  return profiles;
}

/** Updates a stored row (base or inserted) in place, as setup does, without DML. */
function patchRow(store: Store, id: string, values: Row): void {
  const located = store.locate(id);
  if (!located) return;
  located.table.update(located.row, values);
  store.version += 1;
}

/**
 * A base layer's own profiles (a demo org's 'Sales User', 'Sales Manager') are custom profiles
 * cloned from Standard User, as an org's custom profiles usually are: the same system and object
 * permissions, through a profile-owned permission set.
 */
function insertBaseProfiles(store: Store, profiles: Map<string, string>): void {
  const template = STANDARD_PROFILES.find((profile) => profile.name === 'Standard User');
  if (!template?.grant) return;
  const known = new Set(profiles.values());
  for (const row of store.select('Profile')) {
    const profileId = row.Id as string;
    const name = String(row.Name);
    if (known.has(profileId)) continue;
    const permissions = {
      PermissionsViewAllData: template.viewAllData,
      PermissionsModifyAllData: template.modifyAllData,
      PermissionsManageUsers: template.manageUsers,
      PermissionsEditTask: template.editTask
    };
    patchRow(store, profileId, { UserType: 'Standard', ...permissions });
    const setId = store.insertRaw('PermissionSet', {
      Name: `X00e_${name.replace(/\W+/g, '_')}`,
      Label: name,
      IsOwnedByProfile: true,
      ProfileId: profileId,
      ...permissions
    });
    for (const object of SALES_OBJECTS) insertGrant(store, setId, { object, ...template.grant });
    profiles.set(name, profileId);
  }
}

function insertPermissionSet(
  store: Store,
  source: PermissionSetSource,
  customPermissionIds: Map<string, string>
): void {
  const setId = store.insertRaw('PermissionSet', {
    Name: source.name,
    Label: source.label,
    Description: source.description,
    IsOwnedByProfile: false,
    ProfileId: null
  });
  for (const name of source.customPermissions) {
    const permissionId = customPermissionIds.get(name.toLowerCase());
    if (!permissionId) continue;
    store.insertRaw('SetupEntityAccess', {
      ParentId: setId,
      SetupEntityId: permissionId,
      SetupEntityType: 'CustomPermission'
    });
  }
  for (const grant of source.objects) insertGrant(store, setId, grant);
  for (const { field, editable } of source.fields) {
    store.insertRaw('FieldPermissions', {
      ParentId: setId,
      SobjectType: field.split('.')[0],
      Field: field,
      PermissionsRead: true,
      PermissionsEdit: editable
    });
  }
}

export interface SetupOptions {
  sourceDir: string;
  now: number;
  timeZone: string;
  /** An existing (base layer) user to run as; default: a new System Administrator, the test runner. */
  runningUserId?: string;
  /** Field values replacing the source's, by custom metadata type, then record DeveloperName. */
  customMetadataValues?: CustomMetadataValues;
}

/** Custom metadata field values by type API name, then record DeveloperName, then field. */
export type CustomMetadataValues = Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<string, FieldValue>>>>>
>;

function metadataOverrides(
  values: CustomMetadataValues | undefined,
  typeName: string,
  developerName: string
): Readonly<Record<string, FieldValue>> {
  const byRecord = Object.entries(values ?? {}).find(
    ([type]) => type.toLowerCase() === typeName.toLowerCase()
  )?.[1];
  return byRecord?.[developerName] ?? {};
}

/**
 * The user tests run as: a System Administrator who logged in an hour ago to start them. The login
 * is also a LoginHistory row, as in any org, so that system-mode LoginHistory reads have a row
 * that only Manage Users or system mode shows to another user.
 */
function insertRunningUser(
  store: Store,
  profiles: Map<string, string>,
  options: SetupOptions
): string {
  const runningUserId = store.newId('User');
  const lastLogin = options.now - 60 * 60 * 1000;
  store.insertRaw('User', {
    ...audit(options.now, runningUserId),
    Id: runningUserId,
    FirstName: 'Apex',
    LastName: 'Test Runner',
    Name: 'Apex Test Runner',
    Alias: 'runner',
    Username: 'runner@apex-runtime.invalid',
    Email: 'runner@apex-runtime.invalid',
    CommunityNickname: 'runner',
    ProfileId: profiles.get('System Administrator') as string,
    UserRoleId: null,
    IsActive: true,
    UserType: 'Standard',
    TimeZoneSidKey: options.timeZone,
    LocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    LastLoginDate: lastLogin
  });
  store.insertRaw('LoginHistory', {
    Id: store.newId('LoginHistory'),
    UserId: runningUserId,
    LoginTime: lastLogin,
    Status: 'Success',
    LoginType: 'Application'
  });
  return runningUserId;
}

/** Fills a new store with the setup records; returns the Ids the org hands out. */
export function seedSetupData(store: Store, schema: OrgSchema, options: SetupOptions): SetupIds {
  const profiles = insertProfiles(store, schema, options.now);
  const runningUserId = options.runningUserId ?? insertRunningUser(store, profiles, options);
  const customPermissionIds = new Map<string, string>();
  for (const permission of readCustomPermissions(options.sourceDir)) {
    const id = store.insertRaw('CustomPermission', {
      DeveloperName: permission.name,
      MasterLabel: permission.label,
      NamespacePrefix: null
    });
    customPermissionIds.set(permission.name.toLowerCase(), id);
  }
  for (const source of readPermissionSets(options.sourceDir)) {
    insertPermissionSet(store, source, customPermissionIds);
  }
  for (const record of readCustomMetadata(options.sourceDir)) {
    const type = schema.object(record.typeName);
    if (!type) continue;
    store.insertRaw(type.name, {
      DeveloperName: record.developerName,
      MasterLabel: record.label,
      Label: record.label,
      QualifiedApiName: record.developerName,
      NamespacePrefix: null,
      ...record.values,
      ...metadataOverrides(options.customMetadataValues, type.name, record.developerName)
    });
  }
  return { runningUserId, profiles };
}
