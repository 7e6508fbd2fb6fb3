/**
 * `adoption report`: reads a DataSource once and computes every KPI asked for that its data
 * allows, all through the KPI library, into one ReportDocument. The same document whatever the
 * source (CSV folder or org), so the two give identical numbers for the same data.
 */
import {
  DAY_MS,
  DEFAULT_KPI_OPTIONS
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type {
  KpiOptions,
  KpiResult
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type { DataSource, ProgressSink } from '../source';
import { crmKpis } from './crmKpis';
import { needsOf, planKpis } from './kpiPlan';
import { directoryOf, loginKpis } from './loginKpis';
import { readInputs } from './readInputs';
import type { Inputs } from './readInputs';
import { toKpiJson } from './reportDocument';
import type { KpiJson, ReportDocument } from './reportDocument';

export interface ReportRequest {
  asOf: Date;
  timeZone: string;
  regionField: string;
  periodDays: number;
  staleDays: number;
  abandonedDays: number;
  /** KPI ids (validated against the catalog by the caller); null for every KPI. */
  kpis: readonly string[] | null;
}

/** The longest login window the report reads: 30 days, or two periods (this one and the previous). */
export function loginRangeDays(periodDays: number): number {
  return Math.max(30, 2 * periodDays);
}

export function kpiOptionsOf(request: ReportRequest): KpiOptions {
  return {
    ...DEFAULT_KPI_OPTIONS,
    asOf: request.asOf,
    timeZone: request.timeZone,
    periodDays: request.periodDays,
    staleDays: request.staleDays,
    abandonedDays: request.abandonedDays
  };
}

/** One note per object the source could not supply, naming the KPIs skipped because of it. */
function skippedNotes(inputs: Inputs, computed: readonly string[]): string[] {
  return [...inputs.unavailable].map(([object, note]) => {
    const skipped = computed.filter((id) => needsOf(id).objects.includes(object));
    return `${note.trim().replace(/\.$/, '')}. Skipped KPIs: ${skipped.join(', ')}.`;
  });
}

export async function buildReport(
  source: DataSource,
  request: ReportRequest,
  progress: ProgressSink
): Promise<ReportDocument> {
  const plan = planKpis(request.kpis);
  const inputs = await readInputs(
    source,
    {
      asOf: request.asOf,
      timeZone: request.timeZone,
      regionField: request.regionField,
      periodDays: request.periodDays,
      loginsAfter: plan.needsLoginHistory
        ? new Date(request.asOf.getTime() - loginRangeDays(request.periodDays) * DAY_MS)
        : null,
      objects: plan.objects
    },
    progress
  );
  const wanted = new Set(plan.computed);
  const results: KpiResult[] = [
    ...loginKpis(wanted, inputs.population, inputs.logins),
    // Records are attributed to their owner's or creator's slices whether or not that user is
    // still in the population: a departed rep's neglected opportunities still count.
    ...crmKpis(inputs.records, directoryOf(inputs.users), kpiOptionsOf(request))
  ];
  const byId = new Map(results.map((result) => [result.id, result]));
  const kpis: Record<string, KpiJson> = {};
  for (const id of plan.computed) {
    const result = byId.get(id);
    if (result) kpis[id] = toKpiJson(result);
  }
  return {
    asOf: request.asOf.toISOString(),
    population: inputs.population.length,
    source: source.description,
    options: {
      timeZone: request.timeZone,
      regionField: request.regionField,
      periodDays: request.periodDays,
      staleDays: request.staleDays,
      abandonedDays: request.abandonedDays,
      kpis: request.kpis === null ? null : [...request.kpis]
    },
    notes: [...skippedNotes(inputs, plan.computed), ...plan.notComputed],
    kpis
  };
}
