/**
 * Slices side by side: one row per KPI, one column per role or region, each cell with its value
 * and its status against the target in force for that slice (a role's own target for a role
 * column; the default target for a region column).
 */
import { benchmarkKpi } from './benchmark';
import type { KpiStatus } from './benchmark';
import { definitionOf } from './dashboardKpis';
import { targetInForce } from './dashboardSettings';
import type { ParsedSettings } from './dashboardSettings';
import { compareByCatalog, formatKpiValue, kpiLabel } from './kpiCards';
import type { KpiKind } from './kpiCatalog';
import type { KpiResult, SliceValue } from './kpiResult';
import { compareSliceKeys } from './loginRates';
import type { SliceDimension } from './loginRates';

export interface SliceComparisonCell {
  sliceKey: string;
  /** Null for a rate the slice has no data for (nothing to divide). */
  value: number | null;
  formattedValue: string;
  status: KpiStatus | null;
}

export interface SliceComparisonRow {
  /** The result id (a gate field's fill rate has its own row). */
  kpiId: string;
  label: string;
  kind: KpiKind;
  /** One per slice key, in `sliceKeys` order. */
  cells: SliceComparisonCell[];
}

export interface SliceComparison {
  /** Every slice any KPI has, alphabetically with `(none)` last. */
  sliceKeys: string[];
  rows: SliceComparisonRow[];
}

/** What a rate cell without data shows. */
export const NO_SLICE_DATA = 'No data';

function compareCell(
  result: KpiResult,
  kind: KpiKind,
  slice: SliceValue | undefined,
  key: string,
  dimension: SliceDimension,
  parsed: ParsedSettings
): SliceComparisonCell {
  // A count, list or amount a slice lacks counted nothing there; a rate without data has no value.
  if (slice === undefined && kind === 'rate') {
    return { sliceKey: key, value: null, formattedValue: NO_SLICE_DATA, status: null };
  }
  const value = slice?.value ?? 0;
  const target = targetInForce(result.id, parsed, dimension === 'role' ? key : undefined);
  // An amount slice's denominator is a count of opportunities, not the scale of its amount.
  const scaled =
    kind === 'amount' ? {} : { numerator: slice?.numerator, denominator: slice?.denominator };
  const { status } = benchmarkKpi({ id: definitionOf(result.id).id, value, ...scaled }, { target });
  return { sliceKey: key, value, formattedValue: formatKpiValue(kind, value), status };
}

/**
 * The KPIs that have slices of `dimension`, in catalog order, against the union of their slice
 * keys. Per-role targets apply to role columns (`(none)`'s override to the `(none)` column).
 */
export function compareSlices(
  current: readonly KpiResult[],
  dimension: SliceDimension,
  parsed: ParsedSettings
): SliceComparison {
  const sliced = current
    .flatMap((result) => {
      const slices = result.slices?.[dimension];
      return slices === undefined ? [] : [{ result, slices }];
    })
    .sort((a, b) => compareByCatalog(a.result.id, b.result.id));
  const keys = new Set(sliced.flatMap(({ slices }) => Object.keys(slices)));
  const sliceKeys = [...keys].sort(compareSliceKeys);
  const rows = sliced.map(({ result, slices }) => {
    const { kind } = definitionOf(result.id);
    return {
      kpiId: result.id,
      label: kpiLabel(result.id),
      kind,
      cells: sliceKeys.map((key) =>
        compareCell(
          result,
          kind,
          Object.prototype.hasOwnProperty.call(slices, key) ? slices[key] : undefined,
          key,
          dimension,
          parsed
        )
      )
    };
  });
  return { sliceKeys, rows };
}
