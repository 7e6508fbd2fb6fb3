/**
 * KPI cards: what a tile shows for one KPI result — its value, where it started (baseline), where
 * it is going (target), its status against the target and its trend against the previous period,
 * each already worded, so the kpiCard component and the CLI only lay them out.
 */
import { benchmarkKpi } from './benchmark';
import type { KpiStatus, TrendDirection } from './benchmark';
import { catalogIdOf, definitionOf, detailOf } from './dashboardKpis';
import { targetInForce } from './dashboardSettings';
import type { ParsedSettings } from './dashboardSettings';
import { KPI_CATALOG } from './kpiCatalog';
import type { KpiKind, KpiSection } from './kpiCatalog';
import type { KpiResult } from './kpiResult';
import { formatPercent } from './format';

export type KpiStatusLabel = 'On target' | 'Within 10 points' | 'Below target' | 'No target';

export type TrendIcon = 'utility:arrowup' | 'utility:arrowdown' | 'utility:dash';

export interface KpiCard {
  /** The result id: the catalog id, or `quality.fields.fillRate:<Object.Field>` for a gate field. */
  id: string;
  label: string;
  section: KpiSection;
  kind: KpiKind;
  value: number;
  formattedValue: string;
  baseline: number | null;
  formattedBaseline: string;
  target: number | null;
  formattedTarget: string;
  status: KpiStatus | null;
  /** The status in words, so it never rests on colour alone. */
  statusLabel: KpiStatusLabel;
  trend: TrendDirection | null;
  trendIcon: TrendIcon | null;
  /** A sentence a screen reader can say: "Up from 62% last period", "No earlier period yet". */
  trendLabel: string;
  isFocus: boolean;
  /** False when the figures cover only part of the users (a query or the directory was cut short). */
  complete: boolean;
  numerator?: number;
  denominator?: number;
}

export interface KpiCardOptions {
  /** The viewer's role, for per-role targets; left out, the default target applies. */
  role?: string | null;
  /** By result id (kpiCompleteness); a result left out is complete. */
  complete?: Map<string, boolean>;
  /** Lead with the focus KPIs, in the admin's order. */
  focusFirst?: boolean;
}

const STATUS_LABELS: Readonly<Record<KpiStatus, KpiStatusLabel>> = {
  green: 'On target',
  amber: 'Within 10 points',
  red: 'Below target'
};

const TREND_ICONS: Readonly<Record<TrendDirection, TrendIcon>> = {
  up: 'utility:arrowup',
  down: 'utility:arrowdown',
  flat: 'utility:dash'
};

/** Shown where a card has no baseline or no target. */
export const NO_BASELINE = 'Not captured';
export const NO_TARGET = 'No target';

const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
/** Compact and without a currency symbol: the org's currency is not known here. */
const AMOUNT_FORMAT = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  maximumFractionDigits: 1
});

/** A KPI value as shown: a rate "82%", a count "1,234", an amount "1.2M". */
export function formatKpiValue(kind: KpiKind, value: number): string {
  if (kind === 'rate') return formatPercent(value);
  if (kind === 'amount') return AMOUNT_FORMAT.format(value);
  return COUNT_FORMAT.format(value);
}

/** A result's name: the catalog label, with the gate field for a fill rate ("Key fields filled in: Opportunity.NextStep"). */
export function kpiLabel(resultId: string): string {
  const label = definitionOf(resultId).label;
  const detail = detailOf(resultId);
  return detail === null ? label : `${label}: ${detail}`;
}

/** Orders result ids as the catalog orders KPIs (gate fields of one KPI keep their order: sort is stable). */
export function compareByCatalog(a: string, b: string): number {
  return KPI_CATALOG.indexOf(definitionOf(a)) - KPI_CATALOG.indexOf(definitionOf(b));
}

/** A result's place among the focus KPIs (its own id, or its catalog KPI's), or -1. */
function focusPosition(resultId: string, parsed: ParsedSettings): number {
  const own = parsed.focusKpis.indexOf(resultId);
  return own >= 0 ? own : parsed.focusKpis.indexOf(catalogIdOf(resultId));
}

function trendLabel(kind: KpiKind, trend: TrendDirection | null, previous: number): string {
  if (trend === null) return 'No earlier period yet';
  const before = `${formatKpiValue(kind, previous)} last period`;
  if (trend === 'up') return `Up from ${before}`;
  if (trend === 'down') return `Down from ${before}`;
  return `Unchanged from ${before}`;
}

function buildCard(
  result: KpiResult,
  previous: KpiResult | undefined,
  parsed: ParsedSettings,
  options: KpiCardOptions
): KpiCard {
  const definition = definitionOf(result.id);
  const { kind } = definition;
  const baseline = Object.prototype.hasOwnProperty.call(parsed.baseline, result.id)
    ? parsed.baseline[result.id]
    : null;
  const target = targetInForce(result.id, parsed, options.role);
  const benchmarked = benchmarkKpi(
    { ...result, id: definition.id },
    {
      previous: previous ?? null,
      baseline: baseline === null ? null : { id: definition.id, value: baseline },
      target
    }
  );
  // A move too small to show ("62%" to "62%") reads as unchanged, not as up or down.
  const looksSame =
    previous !== undefined &&
    formatKpiValue(kind, previous.value) === formatKpiValue(kind, result.value);
  const trend = looksSame ? 'flat' : benchmarked.trend;
  const card: KpiCard = {
    id: result.id,
    label: kpiLabel(result.id),
    section: definition.section,
    kind,
    value: result.value,
    formattedValue: formatKpiValue(kind, result.value),
    baseline,
    formattedBaseline: baseline === null ? NO_BASELINE : formatKpiValue(kind, baseline),
    target,
    formattedTarget: target === null ? NO_TARGET : formatKpiValue(kind, target),
    status: benchmarked.status,
    statusLabel: benchmarked.status === null ? 'No target' : STATUS_LABELS[benchmarked.status],
    trend,
    trendIcon: trend === null ? null : TREND_ICONS[trend],
    trendLabel: trendLabel(kind, trend, previous?.value ?? 0),
    isFocus: focusPosition(result.id, parsed) >= 0,
    complete: options.complete?.get(result.id) ?? true
  };
  if (result.numerator !== undefined) card.numerator = result.numerator;
  if (result.denominator !== undefined) card.denominator = result.denominator;
  return card;
}

/**
 * One card per result, in catalog order; with `focusFirst`, the focus KPIs lead in the admin's
 * order. The target is the one in force for `options.role` (targetInForce); the trend compares
 * with the previous period's result of the same id, when there is one.
 */
export function buildKpiCards(
  current: readonly KpiResult[],
  previous: ReadonlyMap<string, KpiResult>,
  parsed: ParsedSettings,
  options: KpiCardOptions = {}
): KpiCard[] {
  const cards = current
    .map((result) => buildCard(result, previous.get(result.id), parsed, options))
    .sort((a, b) => compareByCatalog(a.id, b.id));
  if (!options.focusFirst) return cards;
  const rank = (card: KpiCard): number => {
    const position = focusPosition(card.id, parsed);
    return position < 0 ? parsed.focusKpis.length : position;
  };
  return cards.sort((a, b) => rank(a) - rank(b));
}
