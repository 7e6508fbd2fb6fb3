/**
 * The twin of AdoptionKpiService.Directory and DirectorySelector.selectDirectory: the population
 * users in the viewer's audience, at most MAX_DIRECTORY_USERS (one more is read to tell whether
 * there were more), in Id order.
 */
import type { DirectoryUser } from '../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import { apexStringFormat } from '../checks/apexStringFormat';
import { audienceBinds, relationshipName, textOf, userFilter } from './audience';
import type { AdoptionAudience } from './audience';
import type { GatewayContext } from './gatewayContext';
import { populationBinds, populationFilter } from './settings';
import type { AdoptionSettings } from './settings';
import type { Transaction } from './transaction';

export const MAX_DIRECTORY_USERS = 5_000;

export interface Directory {
  users: DirectoryUser[];
  /** False when the audience has more than MAX_DIRECTORY_USERS users. */
  complete: boolean;
  userIds: string[];
}

/** An instant from a SOQL record (REST style '…+0000') as ISO-8601 UTC, or null. */
export function isoInstant(value: unknown): string | null {
  return value === null || value === undefined ? null : new Date(String(value)).toISOString();
}

export async function readDirectory(
  transaction: Transaction,
  context: GatewayContext,
  settings: AdoptionSettings,
  audience: AdoptionAudience
): Promise<Directory> {
  const soql = apexStringFormat(context.queries['DirectorySelector.DIRECTORY_TEMPLATE'], [
    settings.regionField,
    populationFilter(settings),
    userFilter(audience)
  ]);
  const members = await transaction.run(soql, {
    ...populationBinds(settings),
    ...audienceBinds(audience),
    directoryLimit: MAX_DIRECTORY_USERS + 1
  });
  const users = members.slice(0, MAX_DIRECTORY_USERS).map((member): DirectoryUser => ({
    userId: String(member.Id),
    name: String(member.Name),
    role: relationshipName(member, 'UserRole'),
    region: textOf(member[settings.regionField]),
    managerId: textOf(member.ManagerId),
    lastLoginDate: isoInstant(member.LastLoginDate)
  }));
  return {
    users,
    complete: members.length <= MAX_DIRECTORY_USERS,
    userIds: users.map((user) => user.userId)
  };
}

/** Users whose last successful login is after an instant: the only ones who can have logged in since. */
export function loggedInAfter(directory: Directory, since: Date): string[] {
  return directory.users
    .filter(
      (user) =>
        user.lastLoginDate !== null && new Date(user.lastLoginDate).getTime() > since.getTime()
    )
    .map((user) => user.userId);
}
