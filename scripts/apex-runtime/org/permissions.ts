/**
 * What a user may do, computed from the org's own setup records as the platform does: the user's
 * profile (through its profile-owned PermissionSet) plus every assigned PermissionSet
 * (PermissionSetAssignment), each granting system permissions (Permissions* fields), object
 * permissions (ObjectPermissions), field permissions (FieldPermissions) and custom permissions
 * (SetupEntityAccess → CustomPermission). Tests that insert an assignment change the result.
 */
import type { ObjectSchema } from './schema';
import type { Store } from './store';
import type { Row } from './table';

export interface ObjectGrant {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface UserAccess {
  readonly userId: string;
  readonly exists: boolean;
  readonly roleId: string | null;
  readonly timeZone: string | null;
  readonly viewAllData: boolean;
  readonly modifyAllData: boolean;
  readonly manageUsers: boolean;
  readonly editTask: boolean;
  /** By lower-case object name. */
  readonly objects: ReadonlyMap<string, ObjectGrant>;
  /** Lower-case 'object.field' → whether the field may also be edited. */
  readonly fields: ReadonlyMap<string, boolean>;
  /** Lower-case DeveloperNames. */
  readonly customPermissions: ReadonlySet<string>;
}

export type ObjectOperation = 'read' | 'create' | 'edit' | 'delete';

/**
 * Setup and log objects have no object permissions: every user reads them (rows may still be
 * limited by sharing, see sharing.ts) and only Manage Users writes them.
 */
const SETUP_OBJECTS = new Set([
  'user',
  'profile',
  'userrole',
  'userlicense',
  'permissionset',
  'permissionsetassignment',
  'objectpermissions',
  'fieldpermissions',
  'setupentityaccess',
  'custompermission',
  'loginhistory',
  'opportunityhistory',
  'opportunityfieldhistory'
]);

/** Activities have no object permissions either: everyone reads them, Edit Tasks writes them. */
const ACTIVITIES = new Set(['task', 'event']);

function grantOf(row: Row): ObjectGrant {
  return {
    read: row.PermissionsRead === true,
    create: row.PermissionsCreate === true,
    edit: row.PermissionsEdit === true,
    delete: row.PermissionsDelete === true,
    viewAll: row.PermissionsViewAllRecords === true,
    modifyAll: row.PermissionsModifyAllRecords === true
  };
}

function merge(into: Map<string, ObjectGrant>, key: string, grant: ObjectGrant): void {
  const current = into.get(key);
  if (!current) {
    into.set(key, grant);
    return;
  }
  for (const permission of Object.keys(grant) as (keyof ObjectGrant)[]) {
    current[permission] = current[permission] || grant[permission];
  }
}

/** The effective access of a user, read from the store's setup tables. */
export function computeAccess(store: Store, userId: string): UserAccess {
  const located = store.locate(userId);
  const user =
    located && located.table.name === 'User' && !located.table.isDeleted(located.row)
      ? located.table.read(located.row)
      : undefined;
  const profileId = (user?.ProfileId as string | null) ?? null;
  const sets = [
    ...store.select('PermissionSet', { ProfileId: profileId, IsOwnedByProfile: true }),
    ...store
      .select('PermissionSetAssignment', { AssigneeId: userId })
      .flatMap((assignment) => store.select('PermissionSet', { Id: assignment.PermissionSetId }))
  ];
  const any = (field: string): boolean => sets.some((set) => set[field] === true);
  const objects = new Map<string, ObjectGrant>();
  const fields = new Map<string, boolean>();
  const customPermissions = new Set<string>();
  for (const set of sets) {
    for (const row of store.select('ObjectPermissions', { ParentId: set.Id })) {
      merge(objects, String(row.SobjectType).toLowerCase(), grantOf(row));
    }
    for (const row of store.select('FieldPermissions', { ParentId: set.Id })) {
      if (row.PermissionsRead !== true) continue;
      const key = String(row.Field).toLowerCase();
      fields.set(key, fields.get(key) === true || row.PermissionsEdit === true);
    }
    for (const row of store.select('SetupEntityAccess', { ParentId: set.Id })) {
      const permission = store.select('CustomPermission', { Id: row.SetupEntityId })[0];
      if (permission) customPermissions.add(String(permission.DeveloperName).toLowerCase());
    }
  }
  return {
    userId,
    exists: user !== undefined,
    roleId: (user?.UserRoleId as string | null) ?? null,
    timeZone: (user?.TimeZoneSidKey as string | null) ?? null,
    viewAllData: any('PermissionsViewAllData'),
    modifyAllData: any('PermissionsModifyAllData'),
    manageUsers: any('PermissionsManageUsers'),
    editTask: any('PermissionsEditTask'),
    objects,
    fields,
    customPermissions
  };
}

/** Object permissions (CRUD), as user mode checks them. */
export function mayAccessObject(
  access: UserAccess,
  object: ObjectSchema,
  operation: ObjectOperation
): boolean {
  const lower = object.name.toLowerCase();
  if (access.modifyAllData) return true;
  // Everyone edits their own User record; sharing.ts limits edits to it without Manage Users.
  if (lower === 'user' && operation === 'edit') return true;
  if (SETUP_OBJECTS.has(lower)) return operation === 'read' || access.manageUsers;
  if (ACTIVITIES.has(lower)) return operation === 'read' || access.editTask;
  if (operation === 'read' && access.viewAllData) return true;
  const grant = access.objects.get(lower);
  if (!grant) return false;
  if (grant.modifyAll) return true;
  if (operation === 'read') return grant.read || grant.viewAll;
  return grant[operation];
}

/**
 * Field-level security. Standard fields follow the object: the standard profiles grant them all.
 * Custom fields of standard and custom objects need a FieldPermissions grant (or Modify All /
 * View All Data, as the System Administrator profile has them all); fields of custom settings and
 * custom metadata types come with access to the type.
 */
export function mayAccessField(
  access: UserAccess,
  object: ObjectSchema,
  fieldName: string,
  operation: 'read' | 'edit'
): boolean {
  const field = object.fields[fieldName];
  if (!field || !mayAccessObject(access, object, operation === 'read' ? 'read' : 'edit')) {
    return false;
  }
  if (!field.isCustom || object.kind === 'customSetting' || object.kind === 'customMetadata') {
    return true;
  }
  if (access.modifyAllData || (operation === 'read' && access.viewAllData)) return true;
  const grant = access.fields.get(`${object.name}.${field.name}`.toLowerCase());
  return grant !== undefined && (operation === 'read' || grant);
}
