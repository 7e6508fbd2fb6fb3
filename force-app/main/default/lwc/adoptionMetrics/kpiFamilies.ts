/**
 * KPI families as the dashboard requests them (one getKpiData call per family): which catalog
 * sections each carries, its tab label, and the period it opens with. Login KPIs (section 1) come
 * from the directory that every family response carries, so they belong to no family.
 */
import type { KpiFamily } from './dashboardContract';
import { cadenceFor } from './dashboardSettings';
import type { ParsedSettings } from './dashboardSettings';
import { KPI_CATALOG, periodDaysFor } from './kpiCatalog';
import type { KpiSection } from './kpiCatalog';

export const KPI_FAMILIES: readonly KpiFamily[] = ['activity', 'pipeline', 'quality'];

/** The periods getKpiData accepts. */
export const FAMILY_PERIOD_OPTIONS_DAYS: readonly number[] = [7, 14, 30, 90];

export const FAMILY_LABELS: Readonly<Record<KpiFamily, string>> = {
  activity: 'Activity',
  pipeline: 'Pipeline & Leads',
  quality: 'Data Quality'
};

const FAMILY_SECTIONS: Readonly<Record<KpiFamily, readonly KpiSection[]>> = {
  activity: [2],
  pipeline: [3, 5],
  quality: [4]
};

export function isFamilySection(family: KpiFamily, section: KpiSection): boolean {
  return FAMILY_SECTIONS[family].includes(section);
}

/** The family whose request carries a section's KPIs; null for login KPIs (any family carries them). */
export function familyOfSection(section: KpiSection): KpiFamily | null {
  return KPI_FAMILIES.find((family) => isFamilySection(family, section)) ?? null;
}

/**
 * The period a family opens with: the one most of its KPIs are reviewed at (their cadence, the
 * admin's where set), the shorter on a tie, so a family reads as its KPIs are meant to be read.
 */
export function familyPeriodDays(family: KpiFamily, parsed: ParsedSettings): number {
  const votes = new Map<number, number>();
  for (const definition of KPI_CATALOG) {
    if (!isFamilySection(family, definition.section)) continue;
    const days = periodDaysFor(cadenceFor(definition.id, parsed));
    votes.set(days, (votes.get(days) ?? 0) + 1);
  }
  const [best] = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return best[0];
}
