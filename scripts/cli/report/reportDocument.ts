/**
 * The report as one JSON document (issue 6; documented in the README under "Command line"):
 * the same for every source and every output format. Numbers are plain JSON numbers — rates in
 * 0–1, never rounded; formats round only when they print.
 */
import type {
  KpiResult,
  SliceValue
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type { LeaderboardRow } from './loginKpis';

export interface KpiJson {
  value: number;
  numerator?: number;
  denominator?: number;
  slices?: { role?: Record<string, SliceValue>; region?: Record<string, SliceValue> };
  /** List KPIs: the Salesforce Ids behind `value`, sorted. */
  records?: string[];
  /** login.leaderboard: the ranked users in rank order. */
  rows?: LeaderboardRow[];
}

export interface ReportOptionsJson {
  timeZone: string;
  regionField: string;
  periodDays: number;
  staleDays: number;
  abandonedDays: number;
  /** The --kpi ids, or null when every KPI was asked for. */
  kpis: string[] | null;
}

export interface ReportDocument {
  /** The as-of instant T, ISO-8601 in UTC. */
  asOf: string;
  /** Active standard users (all active users when the data has no UserType). */
  population: number;
  /** Where the data came from, e.g. `CSV folder ./export` or `org me@example.com`. */
  source: string;
  options: ReportOptionsJson;
  /** KPIs skipped and why, in catalog order of the cause. */
  notes: string[];
  /** By KPI id, in catalog order. */
  kpis: Record<string, KpiJson>;
}

/**
 * A library result reduced to the documented keys: extras some functions return (won/lost,
 * conversion parts) stay out, so the schema is the same for every KPI.
 */
export function toKpiJson(result: KpiResult & { rows?: LeaderboardRow[] }): KpiJson {
  const json: KpiJson = { value: result.value };
  if (result.numerator !== undefined) json.numerator = result.numerator;
  if (result.denominator !== undefined) json.denominator = result.denominator;
  if (result.slices !== undefined) {
    json.slices = {};
    if (result.slices.role !== undefined) json.slices.role = result.slices.role;
    if (result.slices.region !== undefined) json.slices.region = result.slices.region;
  }
  if (result.records !== undefined) json.records = result.records;
  if (result.rows !== undefined) json.rows = result.rows;
  return json;
}
