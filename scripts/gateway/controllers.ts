/**
 * The @AuraEnabled surface the components call, dispatched by `Class.method` name, with the same
 * validation and user-facing messages as LoginActivityController.cls,
 * AdoptionDashboardController.cls and AdoptionSettingsController.cls.
 */
import type {
  DrillDimension,
  KpiFamily
} from '../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import { PERIOD_OPTIONS_DAYS } from '../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import {
  UserFacingError,
  captureBaseline,
  getBaselineDeployment,
  getDashboardContext,
  getKpiData,
  getLoginTrend,
  getNeglectedRecords,
  getSlicePeople
} from './dashboardGateway';
import { DrilldownError } from './drilldownService';
import type { GatewayContext } from './gatewayContext';
import { TeamLoginAccessError, getLoginLeaderboard, getLoginSummary } from './loginActivityGateway';

export { UserFacingError } from './dashboardGateway';

const INVALID_PERIOD_MESSAGE = 'Choose a period of 7, 30 or 90 days.';
const TEAM_LOGINS_REFUSED_MESSAGE =
  "Seeing your team's logins needs the Adoption Dashboard Viewer permission set. Ask your Salesforce admin to assign it.";

/** AdoptionDashboardController's messages, word for word (the drill-down validates its own). */
export const MESSAGES = {
  family: 'Choose a KPI family: activity, pipeline or quality.',
  period: 'Choose a period of 7, 14, 30 or 90 days.',
  weeks: 'Choose a login trend of 1 to 12 weeks.'
} as const;

const FAMILIES = ['activity', 'pipeline', 'quality'];
const DASHBOARD_PERIODS = [7, 14, 30, 90];
const MAX_TREND_WEEKS = 12;

type Params = Record<string, unknown>;
type ApexMethod = (context: GatewayContext, params: Params) => Promise<unknown>;

function require(valid: boolean, message: string): void {
  if (!valid) throw new UserFacingError(message);
}

const isWhole = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

/** AdoptionDashboardController.toUserError: refusals a user can act on become their message. */
async function asUserError<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DrilldownError) throw new UserFacingError(error.message);
    if (error instanceof TeamLoginAccessError) {
      throw new UserFacingError(TEAM_LOGINS_REFUSED_MESSAGE);
    }
    throw error;
  }
}

const METHODS: Record<string, ApexMethod> = {
  'LoginActivityController.getLoginSummary': (context) => getLoginSummary(context),
  'LoginActivityController.getLoginLeaderboard': (context, params) => {
    const periodDays = params.periodDays;
    if (typeof periodDays !== 'number' || !PERIOD_OPTIONS_DAYS.includes(periodDays)) {
      return Promise.reject(new UserFacingError(INVALID_PERIOD_MESSAGE));
    }
    return asUserError(() => getLoginLeaderboard(context, periodDays));
  },
  'AdoptionDashboardController.getDashboardContext': (context) =>
    asUserError(() => getDashboardContext(context)),
  'AdoptionDashboardController.getKpiData': async (context, params) => {
    const { family, periodDays } = params;
    require(typeof family === 'string' && FAMILIES.includes(family), MESSAGES.family);
    require(isWhole(periodDays) && DASHBOARD_PERIODS.includes(periodDays), MESSAGES.period);
    return asUserError(() => getKpiData(context, family as KpiFamily, periodDays as number));
  },
  'AdoptionDashboardController.getLoginTrend': async (context, params) => {
    const { weeks } = params;
    require(isWhole(weeks) && weeks >= 1 && weeks <= MAX_TREND_WEEKS, MESSAGES.weeks);
    return asUserError(() => getLoginTrend(context, weeks as number));
  },
  // The drill-down service validates its own parameters, as AdoptionDrilldownService does.
  'AdoptionDashboardController.getSlicePeople': (context, params) =>
    asUserError(() =>
      getSlicePeople(
        context,
        params.dimension as DrillDimension,
        params.sliceKey as string,
        params.periodDays as number,
        params.sortBy as string,
        params.sortDirection as 'asc' | 'desc',
        params.pageSize as number,
        params.pageNumber as number
      )
    ),
  'AdoptionDashboardController.getNeglectedRecords': (context, params) =>
    asUserError(() =>
      getNeglectedRecords(
        context,
        params.kpiId as string,
        params.dimension as DrillDimension,
        params.sliceKey as string,
        params.sortBy as string,
        params.sortDirection as 'asc' | 'desc',
        params.pageSize as number,
        params.pageNumber as number
      )
    ),
  'AdoptionSettingsController.captureBaseline': async (context, params) => {
    const { baselineJson } = params;
    return captureBaseline(context, typeof baselineJson === 'string' ? baselineJson : null);
  },
  'AdoptionSettingsController.getBaselineDeployment': async (context) =>
    getBaselineDeployment(context)
};

export function isApexMethod(qualifiedName: string): boolean {
  return Object.hasOwn(METHODS, qualifiedName);
}

export function callApex(
  qualifiedName: string,
  context: GatewayContext,
  params: Params
): Promise<unknown> {
  const method = METHODS[qualifiedName];
  if (!method)
    return Promise.reject(
      new UserFacingError(`No @AuraEnabled method ${qualifiedName} in this package.`)
    );
  return method(context, params);
}
