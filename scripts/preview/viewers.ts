/**
 * Who views the preview (`npm start -- --as rep|manager|admin`): which demo user, holding which
 * custom permissions, as the package's permission sets grant them:
 * - rep (Adoption_Dashboard_Viewer): the running user, an Account Executive; own activity only;
 * - manager (Adoption_Dashboard_Manager): the running user's manager, a Regional Sales Manager
 *   with reports (or, when that manager has left, the active user with the most reports); the
 *   team and the region;
 * - admin (Adoption_Dashboard_Admin): the running user with every permission; everything and the
 *   settings.
 */
import { VIEW_ALL_DATA_PERMISSION_SET } from '../apex-runtime/org/demoApexOrg';
import type { DemoViewer } from '../gateway/demoContext';
import { PERMISSIONS } from '../gateway/gatewayContext';
import type { DemoOrg } from '../demo/model';
import type { Viewer } from './options';

export const VIEWER_PERMISSIONS: Readonly<Record<Viewer, readonly string[]>> = {
  rep: [PERMISSIONS.viewTeamLogins],
  manager: [PERMISSIONS.viewTeamLogins, PERMISSIONS.viewTeam],
  admin: Object.values(PERMISSIONS)
};

/**
 * The running user's manager when active; in a small org that manager may have left, so then the
 * active user with the most active direct reports (the first such user by Id on a tie).
 */
function managerOf(org: DemoOrg, userId: string): string {
  const users = org.tables.User;
  const read = (field: string) => users.accessor(field) as (row: number) => unknown;
  const [active, managerId] = [read('IsActive'), read('ManagerId')];
  const isActive = (user: unknown): boolean =>
    typeof user === 'string' && active(users.rowOf(user) as number) === true;
  const own = managerId(users.rowOf(userId) as number);
  if (isActive(own)) return own as string;
  const reports = new Map<string, number>();
  for (let row = 0; row < users.size; row += 1) {
    const manager = managerId(row);
    if (active(row) === true && isActive(manager)) {
      reports.set(manager as string, (reports.get(manager as string) ?? 0) + 1);
    }
  }
  const [best] = [...reports].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!best) throw new Error('The demo org has no active user with reports to view as.');
  return best[0];
}

/**
 * The package's permission set each viewer holds in the Apex runtime's org (the custom permissions
 * above are what they grant); an admin also holds View All Data, as an org's administrators do.
 */
export const VIEWER_PERMISSION_SETS: Readonly<Record<Viewer, readonly string[]>> = {
  rep: ['Adoption_Dashboard_Viewer'],
  manager: ['Adoption_Dashboard_Manager'],
  admin: ['Adoption_Dashboard_Admin', VIEW_ALL_DATA_PERMISSION_SET]
};

export function demoViewer(org: DemoOrg, viewer: Viewer): DemoViewer {
  return {
    userId: viewer === 'manager' ? managerOf(org, org.runningUserId) : org.runningUserId,
    permissions: new Set(VIEWER_PERMISSIONS[viewer])
  };
}
