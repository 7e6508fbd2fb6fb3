/**
 * Record-level access (sharing). Which rows of an object a user sees or may edit follows the
 * object's organization-wide default: the `<sharingModel>` of its metadata in the source folder,
 * else the documented defaults below. Modelled: owners, the role hierarchy (a user sees and edits
 * what users in roles below theirs own), View All Data / Modify All Data and the object-level View
 * All / Modify All. Not modelled: sharing rules, manual shares, teams, territories, queues,
 * implicit sharing (account ↔ child records) and "Grant Access Using Hierarchies" = false.
 */
import type { FieldValue } from '../../demo/model';
import type { UserAccess } from './permissions';
import type { ObjectSchema } from './schema';
import type { Store } from './store';

/**
 * Organization-wide defaults where the source folder has none. Salesforce Help ("Object-Specific
 * Share Locks" / "Sharing Default Access Settings") lets each org choose; this runtime assumes the
 * strictest common setting for the sales objects, so a test proves the package hides what an org
 * may hide. Users are visible to all (User: Public Read Only, the default for internal users).
 */
export const DEFAULT_SHARING_MODELS: Readonly<Record<string, string>> = {
  Account: 'Private',
  Contact: 'Private',
  Opportunity: 'Private',
  Lead: 'Private',
  Case: 'Private',
  Task: 'Private',
  Event: 'Private',
  User: 'Read',
  // History rows follow their opportunity (Object Reference: OpportunityHistory, OpportunityFieldHistory).
  OpportunityHistory: 'ControlledByParent',
  OpportunityFieldHistory: 'ControlledByParent'
};

/** Parent lookup of each ControlledByParent object. */
const PARENT_FIELDS: Readonly<Record<string, string>> = {
  OpportunityHistory: 'OpportunityId',
  OpportunityFieldHistory: 'OpportunityId'
};

const PUBLIC_READ = new Set([
  'Read',
  'ReadWrite',
  'PublicReadOnly',
  'PublicReadWrite',
  'FullAccess'
]);
const PUBLIC_EDIT = new Set(['ReadWrite', 'PublicReadWrite', 'FullAccess']);

export function sharingModelOf(object: ObjectSchema): string {
  if (object.sharingModel) return object.sharingModel;
  const standard = DEFAULT_SHARING_MODELS[object.name];
  if (standard) return standard;
  // Custom objects default to Public Read/Write; setup objects, settings and metadata are public.
  return 'ReadWrite';
}

/** A user and everyone whose role is below theirs: the owners whose records they see. */
export function ownersVisibleTo(store: Store, access: UserAccess): Set<string> {
  const owners = new Set<string>([access.userId]);
  if (!access.roleId) return owners;
  const roles = store.table('UserRole');
  const children = new Map<string, string[]>();
  if (roles) {
    const readId = roles.accessor('Id');
    const readParent = roles.accessor('ParentRoleId');
    for (let row = 0; row < roles.size; row += 1) {
      if (roles.isDeleted(row) || !readId || !readParent) continue;
      const parent = readParent(row) as string | null;
      if (parent) children.set(parent, [...(children.get(parent) ?? []), readId(row) as string]);
    }
  }
  const below = new Set<string>();
  const pending = [...(children.get(access.roleId) ?? [])];
  while (pending.length > 0) {
    const role = pending.pop() as string;
    if (below.has(role)) continue;
    below.add(role);
    pending.push(...(children.get(role) ?? []));
  }
  const users = store.table('User');
  const readUserId = users?.accessor('Id');
  const readUserRole = users?.accessor('UserRoleId');
  if (users && readUserId && readUserRole && below.size > 0) {
    for (let row = 0; row < users.size; row += 1) {
      if (below.has(readUserRole(row) as string)) owners.add(readUserId(row) as string);
    }
  }
  return owners;
}

export type RowFilter = (row: number) => boolean;

export interface SharingContext {
  readonly store: Store;
  readonly access: UserAccess;
  readonly owners: () => ReadonlySet<string>;
  /** Row filter of another object, for ControlledByParent objects (null: every row). */
  readonly filterOf: (objectName: string) => RowFilter | null;
}

function byOwner(context: SharingContext, object: ObjectSchema, field: string): RowFilter | null {
  const read = context.store.table(object.name)?.accessor(field);
  if (!read) return null;
  const owners = context.owners();
  return (row) => owners.has(read(row) as string);
}

/** The rows a user may read (null: all of them). */
export function readFilter(
  context: SharingContext,
  object: ObjectSchema,
  grantsViewAll: boolean
): RowFilter | null {
  const { access, store } = context;
  if (access.viewAllData || grantsViewAll) return null;
  if (object.name === 'LoginHistory') {
    // Object Reference: LoginHistory — without Manage Users a user sees only their own logins.
    if (access.manageUsers) return null;
    const read = store.table(object.name)?.accessor('UserId');
    return read ? (row) => read(row) === access.userId : null;
  }
  const model = sharingModelOf(object);
  if (PUBLIC_READ.has(model)) return null;
  if (model === 'ControlledByParent') {
    const parentField = PARENT_FIELDS[object.name];
    const parentName = parentField ? object.fields[parentField]?.referenceTo[0] : undefined;
    if (!parentField || !parentName) return null;
    const parent = store.table(parentName);
    const parentFilter = context.filterOf(parentName);
    const read = store.table(object.name)?.accessor(parentField);
    if (!parent || !parentFilter || !read) return null;
    return (row) => {
      const parentRow = parent.rowOf(read(row) as string);
      return parentRow !== undefined && parentFilter(parentRow);
    };
  }
  return 'OwnerId' in object.fields ? byOwner(context, object, 'OwnerId') : null;
}

/** Whether a user may edit (or delete) a record with these values. */
export function mayEditRecord(
  context: SharingContext,
  object: ObjectSchema,
  values: Readonly<Record<string, FieldValue>>,
  grantsModifyAll: boolean
): boolean {
  const { access } = context;
  if (access.modifyAllData || grantsModifyAll) return true;
  if (object.name === 'User') return values.Id === access.userId || access.manageUsers;
  const model = sharingModelOf(object);
  if (PUBLIC_EDIT.has(model) || !('OwnerId' in object.fields)) return true;
  return context.owners().has(values.OwnerId as string);
}
