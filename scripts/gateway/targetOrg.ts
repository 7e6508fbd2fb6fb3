/**
 * A gateway context for a real org, reusing the Salesforce CLI's stored authentication
 * (`sf org login web`): no secrets in files. Queries go through the REST API as the logged-in user.
 */
import { Org } from '@salesforce/core';
import type { GatewayContext } from './loginActivityGateway';
import { RestQueryRunner } from './restRunner';
import type { RestConnection } from './restRunner';
import type { SelectorQueries } from './selectorQueries';

export async function targetOrgContext(
  aliasOrUsername: string,
  queries: SelectorQueries
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
    // The REST user reads LoginHistory with its own permissions; Salesforce refuses it without Manage Users.
    canViewTeamLogins: true
  };
}
