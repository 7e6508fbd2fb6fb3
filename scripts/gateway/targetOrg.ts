/**
 * A gateway context for a real org, reusing the Salesforce CLI's stored authentication
 * (`sf org login web`): no secrets in files. Queries go through the REST API as the logged-in user.
 * The settings come from the caller (the preview's settings file), the describe from the Object
 * Reference; the REST user reads with its own permissions, so every custom permission is assumed
 * and Salesforce itself refuses what the user may not read.
 */
import { Org } from '@salesforce/core';
import { PERMISSIONS } from './gatewayContext';
import type { GatewayContext, SettingsStore } from './gatewayContext';
import type { SchemaDescribe } from './describe';
import { RestQueryRunner } from './restRunner';
import type { RestConnection } from './restRunner';
import type { SelectorQueries } from './selectorQueries';

export async function targetOrgContext(
  aliasOrUsername: string,
  queries: SelectorQueries,
  settings: SettingsStore,
  describe: SchemaDescribe
): Promise<GatewayContext> {
  let connection;
  try {
    connection = (await Org.create({ aliasOrUsername })).getConnection();
  } catch (error) {
    throw new Error(
      `Cannot use the org "${aliasOrUsername}": ${error instanceof Error ? error.message : String(error)}. Log in with \`npx sf org login web --alias ${aliasOrUsername}\`.`
    );
  }
  const identity = await connection.identity();
  const me = await connection.query<{ TimeZoneSidKey: string }>(
    `SELECT TimeZoneSidKey FROM User WHERE Id = '${identity.user_id}'`
  );
  return {
    runner: new RestQueryRunner(connection as unknown as RestConnection),
    queries,
    asOf: new Date(),
    timeZone: me.records[0]?.TimeZoneSidKey ?? 'UTC',
    viewerId: identity.user_id,
    permissions: new Set(Object.values(PERMISSIONS)),
    settings,
    describe
  };
}
