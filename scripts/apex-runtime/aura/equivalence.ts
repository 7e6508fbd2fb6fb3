/**
 * Does the package's Apex, run by the local runtime, answer each @AuraEnabled call the components
 * make with the same JSON as the preview's TypeScript gateway, on the same demo org, per viewer?
 * Used by __tests__/auraEquivalence.test.ts and `npx tsx scripts/apex-runtime/aura/equivalence.ts`
 * (prints the table; `--users N`, `--json`).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CLASSES_DIR, PROJECT_ROOT } from '../../build/projectFiles';
import { loadStandardObjects } from '../../checks/schemaSources';
import { generateDemoOrg } from '../../demo/generate';
import type { DemoOrg, FieldValue } from '../../demo/model';
import { UserFacingError, callApex } from '../../gateway/controllers';
import { demoContext } from '../../gateway/demoContext';
import type { GatewayContext, SettingsRecord } from '../../gateway/gatewayContext';
import { loadSelectorQueries } from '../../gateway/selectorQueries';
import { VIEWERS } from '../../preview/options';
import type { Viewer } from '../../preview/options';
import { readSettingsFile } from '../../preview/settingsFile';
import { VIEWER_PERMISSION_SETS, demoViewer } from '../../preview/viewers';
import { invokeAuraEnabled } from './auraRequest';
import type { AuraResponse, AuraRuntime, AuraUsage } from './auraRequest';
import { demoAuraRuntime } from './demoRuntime';

export interface AuraCall {
  /** 'Class.method' as the components import it. */
  method: string;
  params: Record<string, unknown>;
  /** Short label of the parameters for the table. */
  label: string;
}

/** Every @AuraEnabled method the components import, with the parameters they send. */
export const COMPONENT_CALLS: readonly AuraCall[] = [
  call('LoginActivityController.getLoginSummary', {}),
  ...[7, 30, 90, 14].map((periodDays) =>
    call('LoginActivityController.getLoginLeaderboard', { periodDays })
  ),
  call('AdoptionDashboardController.getDashboardContext', {}),
  ...['activity', 'pipeline', 'quality'].flatMap((family) =>
    [7, 30].map((periodDays) =>
      call('AdoptionDashboardController.getKpiData', { family, periodDays })
    )
  ),
  call('AdoptionDashboardController.getKpiData', { family: 'quality', periodDays: 90 }),
  call('AdoptionDashboardController.getKpiData', { family: 'fun', periodDays: 30 }),
  call('AdoptionDashboardController.getKpiData', { family: 'activity', periodDays: 45 }),
  call('AdoptionDashboardController.getLoginTrend', { weeks: 12 }),
  call('AdoptionDashboardController.getLoginTrend', { weeks: 1 }),
  call('AdoptionDashboardController.getLoginTrend', { weeks: 13 }),
  people('region', 'EMEA', 'name', 'asc', 25, 1),
  people('region', 'AMER', 'logins', 'desc', 10, 2),
  people('role', 'Account Executive', 'lastLoginDate', 'asc', 50, 1),
  people('region', '(none)', 'recordsCreated', 'desc', 25, 1),
  people('region', 'EMEA', 'shoeSize', 'asc', 25, 1),
  records('opps.neglected.pastClose', 'region', 'EMEA', 'keyDate', 'asc', 25, 1),
  records('opps.neglected.stale', 'region', 'AMER', 'amount', 'desc', 10, 1),
  records('tasks.pastDue', 'role', 'Account Executive', 'ownerName', 'asc', 25, 2),
  records('leads.abandoned', 'region', 'EMEA', 'status', 'desc', 50, 1),
  records('leads.abandoned', 'region', 'EMEA', 'amount', 'desc', 50, 1),
  call('AdoptionSettingsController.getBaselineDeployment', {}),
  call('AdoptionSettingsController.captureBaseline', { baselineJson: '{}' }),
  call('AdoptionSettingsController.captureBaseline', { baselineJson: '{"login.rate.7d":"high"}' }),
  call('AdoptionSettingsController.captureBaseline', { baselineJson: '{"login.rate.7d":0.55}' }),
  // After a capture: the deployment's outcome, and the settings it changed.
  call('AdoptionSettingsController.getBaselineDeployment', {}),
  call('AdoptionDashboardController.getDashboardContext', {})
];

/**
 * One call per method and parameter kind, with a refusal of each controller, for the jest test
 * (the full list takes about twice as long).
 */
export const CORE_CALLS: readonly AuraCall[] = COMPONENT_CALLS.filter(
  (each) =>
    !/^(7|90|activity,7|pipeline,7|quality,7|quality,30|1)$/.test(each.label) &&
    !/^(region,AMER|role,Account Executive|region,\(none\)|opps\.neglected\.stale|tasks\.pastDue)/.test(
      each.label
    ) &&
    !(each.method.endsWith('getNeglectedRecords') && each.label.includes('status,desc')) &&
    !(each.method.endsWith('captureBaseline') && each.label === '{}')
);

function people(
  dimension: string,
  sliceKey: string,
  sortBy: string,
  sortDirection: string,
  pageSize: number,
  pageNumber: number
): AuraCall {
  return call('AdoptionDashboardController.getSlicePeople', {
    dimension,
    sliceKey,
    periodDays: 30,
    sortBy,
    sortDirection,
    pageSize,
    pageNumber
  });
}

function records(
  kpiId: string,
  dimension: string,
  sliceKey: string,
  sortBy: string,
  sortDirection: string,
  pageSize: number,
  pageNumber: number
): AuraCall {
  return call('AdoptionDashboardController.getNeglectedRecords', {
    kpiId,
    dimension,
    sliceKey,
    sortBy,
    sortDirection,
    pageSize,
    pageNumber
  });
}

function call(method: string, params: Record<string, unknown>): AuraCall {
  const label = Object.values(params)
    .map((value) => String(value))
    .join(',');
  return { method, params, label };
}

/** What the component receives: the value, or the error's message. */
export type Outcome = { ok: true; value: unknown } | { ok: false; status: number; message: string };

export type Verdict =
  /** `error`: both refused the call with this message. */
  | { kind: 'identical'; error?: string }
  | { kind: 'differs'; differences: string[] }
  | { kind: 'unsupported'; construct: string };

export interface EquivalenceRow {
  viewer: Viewer;
  call: AuraCall;
  verdict: Verdict;
  usage: AuraUsage;
}

/** A Metadata API deployment job Id: each side hands out its own, so they compare as equal. */
const DEPLOYMENT_JOB_ID = /^0Af[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;

/**
 * JSON as the component sees it: Dates as ISO strings, members whose value is null left out;
 * deployment job Ids replaced by a placeholder.
 */
export function asComponentSees(value: unknown): unknown {
  const json: unknown = value === undefined ? null : JSON.parse(JSON.stringify(value));
  const strip = (each: unknown): unknown => {
    if (typeof each === 'string' && DEPLOYMENT_JOB_ID.test(each)) return '<deployment job Id>';
    if (Array.isArray(each)) return each.map(strip);
    if (each && typeof each === 'object') {
      return Object.fromEntries(
        Object.entries(each)
          .filter(([, member]) => member !== null)
          .map(([key, member]) => [key, strip(member)])
      );
    }
    return each;
  };
  return strip(json);
}

/** Paths where two JSON values differ, at most `limit` of them. */
export function jsonDifferences(expected: unknown, actual: unknown, limit = 8): string[] {
  const out: string[] = [];
  const show = (value: unknown): string => {
    const text = JSON.stringify(value);
    return text === undefined ? 'undefined' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
  };
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length)
        out.push(`${at}: length ${a.length} (gateway) vs ${b.length} (runtime)`);
      for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
        walk(a[index], b[index], `${at}[${index}]`);
      }
      return;
    }
    if (
      a &&
      b &&
      typeof a === 'object' &&
      typeof b === 'object' &&
      !Array.isArray(a) &&
      !Array.isArray(b)
    ) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of [...keys].sort()) {
        walk(
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key],
          `${at}.${key}`
        );
      }
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push(`${at}: ${show(a)} (gateway) vs ${show(b)} (runtime)`);
    }
  };
  walk(expected, actual, '$');
  return out;
}

async function gatewayOutcome(context: GatewayContext, request: AuraCall): Promise<Outcome> {
  try {
    return {
      ok: true,
      value: asComponentSees(await callApex(request.method, context, request.params))
    };
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, status: 400, message: error.message };
    return {
      ok: false,
      status: 500,
      message: error instanceof Error ? error.message : String(error)
    };
  }
}

function runtimeOutcome(response: AuraResponse): Outcome {
  if (response.ok) return { ok: true, value: asComponentSees(response.value) };
  return { ok: false, status: response.error.status, message: response.error.body.message };
}

export function verdictOf(gateway: Outcome, response: AuraResponse): Verdict {
  if (!response.ok && response.error.kind === 'unsupported') {
    return { kind: 'unsupported', construct: response.error.body.message };
  }
  const runtime = runtimeOutcome(response);
  const differences = jsonDifferences(gateway, runtime);
  if (differences.length > 0) return { kind: 'differs', differences };
  return runtime.ok ? { kind: 'identical' } : { kind: 'identical', error: runtime.message };
}

export interface EquivalenceSetup {
  demo: DemoOrg;
  settings: SettingsRecord;
  gatewayContext(viewer: Viewer): GatewayContext;
  runtime(viewer: Viewer): { runtime: AuraRuntime; userId: string };
}

export async function equivalenceSetup(
  users: number,
  seed = 42,
  overrides: Partial<SettingsRecord> = {}
): Promise<EquivalenceSetup> {
  const demo = generateDemoOrg({ users, seed });
  const queries = await loadSelectorQueries(CLASSES_DIR);
  const reference = await loadStandardObjects(
    path.join(PROJECT_ROOT, 'config', 'schema', 'standard-objects.json')
  );
  const settings: SettingsRecord = { ...(await readSettingsFile()), ...overrides };
  return {
    demo,
    settings,
    gatewayContext: (viewer) =>
      demoContext(demo, { queries, reference, settings, viewer: demoViewer(demo, viewer) }),
    runtime: (viewer) => {
      const { userId } = demoViewer(demo, viewer);
      return {
        userId,
        runtime: demoAuraRuntime(demo, {
          settings: settings as Record<string, FieldValue>,
          grants: [{ userId, permissionSets: VIEWER_PERMISSION_SETS[viewer] }]
        })
      };
    }
  };
}

/** Runs every call as every viewer through both; each viewer has its own org (one transaction per call). */
/** Runs one call ('Class.method' with its parameters) as the user, through the runtime. */
export function invokeCall(
  runtime: AuraRuntime,
  request: AuraCall,
  userId: string
): Promise<AuraResponse> {
  const dot = request.method.lastIndexOf('.');
  return invokeAuraEnabled(runtime, {
    className: request.method.slice(0, dot),
    methodName: request.method.slice(dot + 1),
    params: request.params,
    userId
  });
}

export async function compareAll(
  setup: EquivalenceSetup,
  calls: readonly AuraCall[] = COMPONENT_CALLS,
  viewers: readonly Viewer[] = VIEWERS
): Promise<EquivalenceRow[]> {
  const rows: EquivalenceRow[] = [];
  for (const viewer of viewers) {
    const context = setup.gatewayContext(viewer);
    const { runtime, userId } = setup.runtime(viewer);
    for (const request of calls) {
      const gateway = await gatewayOutcome(context, request);
      const response = await invokeCall(runtime, request, userId);
      rows.push({
        viewer,
        call: request,
        verdict: verdictOf(gateway, response),
        usage: response.usage
      });
    }
  }
  return rows;
}

export function verdictText(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'identical':
      return verdict.error === undefined ? 'identical' : `identical (refused: ${verdict.error})`;
    case 'unsupported':
      return verdict.construct;
    default:
      return `differs: ${verdict.differences.join('; ')}`;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { users: { type: 'string', default: '50' }, json: { type: 'boolean', default: false } }
  });
  const rows = await compareAll(await equivalenceSetup(Number(values.users)));
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  for (const row of rows) {
    console.log(
      `${row.viewer}\t${row.call.method}(${row.call.label})\t${verdictText(row.verdict)}\t` +
        `soql=${row.usage.soqlQueries} rows=${row.usage.queryRows} stmts=${row.usage.statements} ${row.usage.durationMs}ms`
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
