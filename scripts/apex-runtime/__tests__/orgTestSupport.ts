/** Shared setup of the org data tests: an org over the package's source, users of each profile. */
import path from 'node:path';
import { createOrg } from '../org/orgData';
import type { OrgData, OrgOptions } from '../org/orgData';
import type { DataOptions, DmlOptions } from '../org/types';

export const SOURCE_DIR = path.join(__dirname, '..', '..', '..', 'force-app', 'main', 'default');
export const NOW = Date.parse('2026-11-23T12:00:00Z');

export function newOrg(options: Partial<OrgOptions> = {}): OrgData {
  return createOrg({ sourceDir: SOURCE_DIR, now: () => NOW, timeZone: 'Europe/Paris', ...options });
}

export const systemMode = (userId: string): DmlOptions => ({
  userId,
  accessMode: 'SYSTEM_MODE',
  enforceSharing: false,
  allOrNone: true
});

export const userMode = (userId: string): DmlOptions => ({
  userId,
  accessMode: 'USER_MODE',
  enforceSharing: true,
  allOrNone: true
});

export const withSharing = (userId: string): DataOptions => ({
  userId,
  accessMode: 'SYSTEM_MODE',
  enforceSharing: true
});

let counter = 0;

/** Inserts an active user of a standard profile, optionally in a role; returns its Id. */
export function insertUser(
  org: OrgData,
  profileName: string,
  extra: Record<string, unknown> = {}
): string {
  counter += 1;
  const [result] = org.dml(
    'insert',
    'User',
    [
      {
        LastName: `Tester ${counter}`,
        Alias: `t${counter}`,
        Email: `t${counter}@example.com`,
        Username: `t${counter}@example.com.test`,
        ProfileId: org.profileIds.get(profileName),
        TimeZoneSidKey: 'Europe/Paris',
        LocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        ...extra
      }
    ],
    systemMode(org.runningUserId)
  );
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.id as string;
}

export function insertOne(
  org: OrgData,
  sObjectType: string,
  record: Record<string, unknown>,
  userId = org.runningUserId
): string {
  const [result] = org.dml('insert', sObjectType, [record], systemMode(userId));
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.id as string;
}
