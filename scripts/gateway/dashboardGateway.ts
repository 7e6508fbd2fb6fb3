/**
 * The twin of AdoptionDashboardController's service calls and of AdoptionSettingsController's
 * captureBaseline and getBaselineDeployment: each request is one transaction that loads the
 * settings and the viewer's audience, then asks the KPI or drill-down service. Input is validated
 * by controllers.ts first, as the Apex controllers do.
 */
import type {
  BaselineDeployment,
  DashboardContext,
  DrillDimension,
  KpiData,
  KpiFamily,
  LoginTrend,
  PeoplePage,
  RecordPage
} from '../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import { calendarDate } from '../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import { audienceDto, audienceForViewer } from './audience';
import type { AdoptionAudience } from './audience';
import { DrilldownService } from './drilldownService';
import { PERMISSIONS } from './gatewayContext';
import type { GatewayContext } from './gatewayContext';
import { KpiService } from './kpiService';
import { baselineShapeProblem, loadSettings } from './settings';
import type { AdoptionSettings } from './settings';
import { Transaction } from './transaction';

/** An error whose message the user can act on (AuraHandledException in Apex). */
export class UserFacingError extends Error {}

export const BASELINE_REFUSED_MESSAGE =
  'Capturing a baseline needs the Adoption Dashboard Admin permission set. Ask your Salesforce admin to assign it.';
export const DEPLOYMENT_REFUSED_MESSAGE =
  'Seeing whether the baseline was saved needs the Adoption Dashboard Admin permission set. Ask your Salesforce admin to assign it.';
export const EMPTY_BASELINE_MESSAGE =
  'There are no KPI values to capture yet. Wait until the overview shows its KPIs, then capture the baseline again.';
const INVALID_BASELINE_PREFIX =
  'The baseline must be a JSON object of KPI ids and numbers, e.g. {"login.rate.7d":0.55}, but ';

interface Request {
  transaction: Transaction;
  settings: AdoptionSettings;
  audience: AdoptionAudience;
}

/** AdoptionSettings.load() and AdoptionAudience.forCurrentUser(), in a new transaction. */
async function startRequest(context: GatewayContext): Promise<Request> {
  const transaction = new Transaction(context.runner);
  const settings = loadSettings(context.settings, context.describe);
  const audience = await audienceForViewer(transaction, context, settings);
  return { transaction, settings, audience };
}

async function kpiService(context: GatewayContext, groupLimitOverride?: number) {
  const { transaction, settings, audience } = await startRequest(context);
  return new KpiService(transaction, context, settings, audience, groupLimitOverride);
}

async function drilldownService(context: GatewayContext): Promise<DrilldownService> {
  const { transaction, settings, audience } = await startRequest(context);
  return new DrilldownService(transaction, context, settings, audience);
}

export async function getDashboardContext(context: GatewayContext): Promise<DashboardContext> {
  const { transaction, settings, audience } = await startRequest(context);
  return {
    asOf: context.asOf.toISOString(),
    audience: audienceDto(audience, settings),
    settings,
    casesInUse: await new KpiService(transaction, context, settings, audience).casesInUse()
  };
}

/** `groupLimitOverride` replaces every computed LIMIT (AdoptionKpiService.groupLimitForTest). */
export async function getKpiData(
  context: GatewayContext,
  family: KpiFamily,
  periodDays: number,
  groupLimitOverride?: number
): Promise<KpiData> {
  return (await kpiService(context, groupLimitOverride)).getKpiData(family, periodDays);
}

export async function getLoginTrend(context: GatewayContext, weeks: number): Promise<LoginTrend> {
  return (await kpiService(context)).getLoginTrend(weeks);
}

export async function getSlicePeople(
  context: GatewayContext,
  dimension: DrillDimension,
  sliceKey: string,
  periodDays: number,
  sortBy: string,
  sortDirection: 'asc' | 'desc',
  pageSize: number,
  pageNumber: number
): Promise<PeoplePage> {
  return (await drilldownService(context)).getSlicePeople(
    dimension,
    sliceKey,
    periodDays,
    sortBy,
    sortDirection,
    pageSize,
    pageNumber
  );
}

export async function getNeglectedRecords(
  context: GatewayContext,
  kpiId: string,
  dimension: DrillDimension,
  sliceKey: string,
  sortBy: string,
  sortDirection: 'asc' | 'desc',
  pageSize: number,
  pageNumber: number
): Promise<RecordPage> {
  return (await drilldownService(context)).getNeglectedRecords(
    kpiId,
    dimension,
    sliceKey,
    sortBy,
    sortDirection,
    pageSize,
    pageNumber
  );
}

/**
 * AdoptionSettingsController.captureBaseline: checks the permission and the baseline, then saves
 * it, dated today, in the settings record (the preview's stand-in for the Metadata API deployment
 * of the Default record) and returns a deployment job Id. The save is immediate, so the deployment
 * is recorded as Succeeded at once, where Apex records Pending and its callback the outcome.
 */
export function captureBaseline(context: GatewayContext, baselineJson: string | null): string {
  if (!context.permissions.has(PERMISSIONS.manageSettings)) {
    throw new UserFacingError(BASELINE_REFUSED_MESSAGE);
  }
  const problem = baselineShapeProblem(baselineJson);
  if (problem !== null) throw new UserFacingError(`${INVALID_BASELINE_PREFIX}${problem}.`);
  if (
    baselineJson === null ||
    baselineJson.trim() === '' ||
    Object.keys(JSON.parse(baselineJson) as object).length === 0
  ) {
    throw new UserFacingError(EMPTY_BASELINE_MESSAGE);
  }
  const jobId = context.settings.write({
    ...(context.settings.read() ?? {}),
    Baseline__c: baselineJson.trim(),
    Baseline_Captured_On__c: calendarDate(context.asOf, context.timeZone)
  });
  const at = context.asOf.toISOString();
  context.settings.recordDeployment({
    jobId,
    status: 'Succeeded',
    message: null,
    requestedAt: at,
    completedAt: at
  });
  return jobId;
}

/** AdoptionSettingsController.getBaselineDeployment: the last capture's deployment, or null. */
export function getBaselineDeployment(context: GatewayContext): BaselineDeployment | null {
  if (!context.permissions.has(PERMISSIONS.manageSettings)) {
    throw new UserFacingError(DEPLOYMENT_REFUSED_MESSAGE);
  }
  return context.settings.lastDeployment();
}
