/**
 * The @AuraEnabled surface the components call, dispatched by `Class.method` name, with the same
 * validation and user-facing messages as LoginActivityController.cls.
 */
import { PERIOD_OPTIONS_DAYS } from '../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import { TeamLoginAccessError, getLoginLeaderboard, getLoginSummary } from './loginActivityGateway';
import type { GatewayContext } from './loginActivityGateway';

/** An error whose message the user can act on (AuraHandledException in Apex). */
export class UserFacingError extends Error {}

const INVALID_PERIOD_MESSAGE = 'Choose a period of 7, 30 or 90 days.';
const TEAM_LOGINS_REFUSED_MESSAGE =
  "Seeing your team's logins needs the Adoption Dashboard Viewer permission set. Ask your Salesforce admin to assign it.";

type ApexMethod = (context: GatewayContext, params: Record<string, unknown>) => Promise<unknown>;

const METHODS: Record<string, ApexMethod> = {
  'LoginActivityController.getLoginSummary': (context) => getLoginSummary(context),
  'LoginActivityController.getLoginLeaderboard': async (context, params) => {
    const periodDays = params.periodDays;
    if (typeof periodDays !== 'number' || !PERIOD_OPTIONS_DAYS.includes(periodDays)) {
      throw new UserFacingError(INVALID_PERIOD_MESSAGE);
    }
    try {
      return await getLoginLeaderboard(context, periodDays);
    } catch (error) {
      if (error instanceof TeamLoginAccessError)
        throw new UserFacingError(TEAM_LOGINS_REFUSED_MESSAGE);
      throw error;
    }
  }
};

export function isApexMethod(qualifiedName: string): boolean {
  return Object.hasOwn(METHODS, qualifiedName);
}

export function callApex(
  qualifiedName: string,
  context: GatewayContext,
  params: Record<string, unknown>
): Promise<unknown> {
  const method = METHODS[qualifiedName];
  if (!method)
    return Promise.reject(
      new UserFacingError(`No @AuraEnabled method ${qualifiedName} in this package.`)
    );
  return method(context, params);
}
