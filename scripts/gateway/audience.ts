/**
 * The twin of AdoptionAudience.cls: whose activity the viewer may see, from the custom permissions
 * they hold (Adoption_View_All → all; else Adoption_View_Team → team; else self), and the User
 * filter fragments and binds that enforce it. Keep it in step with the Apex class.
 */
import type {
  ViewerAudience,
  AudienceScope
} from '../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import { apexStringFormat } from '../checks/apexStringFormat';
import { PERMISSIONS } from './gatewayContext';
import type { GatewayContext } from './gatewayContext';
import type { SoqlRecord } from './queryRunner';
import type { AdoptionSettings } from './settings';
import type { Transaction } from './transaction';

export interface AdoptionAudience {
  scope: AudienceScope;
  viewerId: string;
  viewerName: string;
  /** The viewer's region value; null when blank (a team then has no region match). */
  viewerRegion: string | null;
  viewerRole: string | null;
  canManageSettings: boolean;
  canViewTeamLogins: boolean;
  regionField: string;
}

export function relationshipName(record: SoqlRecord, relationship: string): string | null {
  const related = record[relationship] as { Name?: string | null } | null | undefined;
  return related?.Name ?? null;
}

export function textOf(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

/** UserSelector.selectViewer, then the permissions: AdoptionAudience.forCurrentUser. */
export async function audienceForViewer(
  transaction: Transaction,
  context: GatewayContext,
  settings: AdoptionSettings
): Promise<AdoptionAudience> {
  const soql = apexStringFormat(context.queries['UserSelector.VIEWER_TEMPLATE'], [
    settings.regionField
  ]);
  const [viewer] = await transaction.run(soql, { viewerId: context.viewerId });
  if (!viewer) throw new Error('List index out of bounds: 0 (the viewer is not readable)');
  const has = (permission: string): boolean => context.permissions.has(permission);
  const region = textOf(viewer[settings.regionField]);
  return {
    scope: has(PERMISSIONS.viewAll) ? 'all' : has(PERMISSIONS.viewTeam) ? 'team' : 'self',
    viewerId: String(viewer.Id),
    viewerName: String(viewer.Name),
    viewerRegion: region === null || region.trim() === '' ? null : region,
    viewerRole: relationshipName(viewer, 'UserRole'),
    canManageSettings: has(PERMISSIONS.manageSettings),
    canViewTeamLogins: has(PERMISSIONS.viewTeamLogins),
    regionField: settings.regionField
  };
}

/** The audience part of a User WHERE clause, appended to the population filter. */
export function userFilter(audience: AdoptionAudience): string {
  if (audience.scope === 'all') return '';
  if (audience.scope === 'self') return ' AND Id = :audienceViewerId';
  let team =
    'Id = :audienceViewerId OR ManagerId = :audienceViewerId OR Manager.ManagerId = :audienceViewerId';
  // A blank region matches no one: "region = null" would pull in every user without a region.
  if (audience.viewerRegion !== null) team += ` OR ${audience.regionField} = :audienceViewerRegion`;
  return ` AND (${team})`;
}

/** A rep ranks among the whole population; a team or everyone is narrowed as userFilter() does. */
export function leaderboardFilter(audience: AdoptionAudience): string {
  return audience.scope === 'self' ? '' : userFilter(audience);
}

export function audienceBinds(audience: AdoptionAudience): Record<string, unknown> {
  return { audienceViewerId: audience.viewerId, audienceViewerRegion: audience.viewerRegion };
}

export function privacyModeFor(audience: AdoptionAudience, settings: AdoptionSettings): boolean {
  return settings.privacyMode && audience.scope === 'self';
}

export function audienceDto(
  audience: AdoptionAudience,
  settings: AdoptionSettings
): ViewerAudience {
  return {
    scope: audience.scope,
    viewerId: audience.viewerId,
    viewerName: audience.viewerName,
    viewerRegion: audience.viewerRegion,
    viewerRole: audience.viewerRole,
    canManageSettings: audience.canManageSettings,
    privacyMode: privacyModeFor(audience, settings)
  };
}
