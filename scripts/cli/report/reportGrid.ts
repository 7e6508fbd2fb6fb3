/**
 * The report as a Grid: one row per KPI (id, label, value, numerator, denominator), then the
 * notes. `formatted` rounds for people (62.5%, 1,234); unformatted keeps the JSON's numbers for
 * CSV, so a spreadsheet gets 0.625 and computes with it.
 */
import {
  formatPercent,
  kpiDefinition
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type { Cell, Grid } from './formats/grid';
import type { KpiJson, ReportDocument } from './reportDocument';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A KPI value for people: rates as percentages, the mean of login.days.active to one decimal. */
export function formatValue(kpiId: string, value: number): string {
  const { kind } = kpiDefinition(kpiId);
  if (kind === 'rate') return formatPercent(value);
  if (kind === 'ranking') return `${grouped.format(value)} ranked`;
  if (kpiId === 'login.days.active') return `${value.toFixed(1)} days`;
  return grouped.format(value);
}

function formatPart(part: number | undefined): Cell {
  return part === undefined ? null : grouped.format(part);
}

function row(kpiId: string, kpi: KpiJson, formatted: boolean): Record<string, Cell> {
  return {
    kpi: kpiId,
    label: kpiDefinition(kpiId).label,
    value: formatted ? formatValue(kpiId, kpi.value) : kpi.value,
    numerator: formatted ? formatPart(kpi.numerator) : (kpi.numerator ?? null),
    denominator: formatted ? formatPart(kpi.denominator) : (kpi.denominator ?? null)
  };
}

export function reportGrid(document: ReportDocument, formatted: boolean): Grid {
  return {
    title: [
      'Adoption report',
      `As of ${document.asOf} (${document.options.timeZone}), period ${document.options.periodDays} days, ` +
        `population ${document.population} users, source: ${document.source}`
    ],
    columns: [
      { key: 'kpi', label: 'KPI' },
      { key: 'label', label: 'Label' },
      { key: 'value', label: 'Value', numeric: true },
      { key: 'numerator', label: 'Numerator', numeric: true },
      { key: 'denominator', label: 'Denominator', numeric: true }
    ],
    rows: Object.entries(document.kpis).map(([kpiId, kpi]) => row(kpiId, kpi, formatted)),
    notes: document.notes
  };
}
