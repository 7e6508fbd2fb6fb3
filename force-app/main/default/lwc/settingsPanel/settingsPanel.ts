/**
 * Container (admins): every adoption setting with the value in force, the problems found in them,
 * the KPI targets table, and Capture baseline — which measures every KPI family now and saves the
 * values as the baseline the cards compare against ("where you started").
 */
import { LightningElement, api } from 'lwc';
import getKpiData from '@salesforce/apex/AdoptionDashboardController.getKpiData';
import captureBaseline from '@salesforce/apex/AdoptionSettingsController.captureBaseline';
import {
  cadenceFor,
  cadenceWords,
  definitionOf,
  evaluateKpiData,
  familyPeriodDays,
  formatKpiValue,
  KPI_CATALOG,
  KPI_FAMILIES,
  kpiLabel,
  kpiTargetsFor,
  parseDashboardSettings,
  resultIdOf,
  targetInForce
} from 'c/adoptionMetrics';
import type { DashboardContext, KpiData, ParsedSettings } from 'c/adoptionMetrics';

interface SettingRow {
  labelKey: string;
  valueKey: string;
  label: string;
  value: string;
}

interface TargetRow {
  id: string;
  label: string;
  target: string;
  source: string;
  roleTargets: string;
  cadence: string;
  baseline: string;
}

/** What the panel shows of one context, worked out once. */
interface SettingsView {
  parsed: ParsedSettings;
  problems: string[];
  hasProblems: boolean;
  settingRows: SettingRow[];
  targetRows: TargetRow[];
  captureLabel: string;
  captureHelp: string;
}

const FILL_RATE_ID = 'quality.fields.fillRate';
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

function listOr(values: readonly string[], none: string): string {
  return values.length > 0 ? values.join(', ') : none;
}

function baselineSummary(context: DashboardContext, parsed: ParsedSettings): string {
  const capturedOn = context.settings.baselineCapturedOn;
  const count = Object.keys(parsed.baseline).length;
  if (!capturedOn) return count > 0 ? `${count} KPIs, capture date unknown` : 'Not captured yet';
  return `${count} KPIs, captured on ${dateFormat.format(new Date(`${capturedOn}T00:00:00Z`))}`;
}

function settingRows(context: DashboardContext, parsed: ParsedSettings): SettingRow[] {
  const { settings } = context;
  const cadences = Object.entries(parsed.cadences).map(
    ([id, cadence]) => `${kpiLabel(id)}: ${cadenceWords(cadence)}`
  );
  const rows: [string, string][] = [
    ['Region field', settings.regionField],
    ['Population profiles', listOr(settings.populationProfiles, 'All profiles')],
    ['Population user types', listOr(settings.populationUserTypes, 'Standard')],
    ['Stale opportunity after (days)', String(settings.staleDays)],
    ['Abandoned lead after (days)', String(settings.abandonedDays)],
    ['Disqualified lead statuses', listOr(settings.disqualifiedLeadStatuses, 'None')],
    ['Focus KPIs', listOr(parsed.focusKpis.map(kpiLabel), 'None')],
    ['Data-quality gate fields', listOr(settings.gateFields, 'None')],
    ['Review cadences', listOr(cadences, 'Catalog defaults')],
    ['Privacy mode', settings.privacyMode ? 'On: reps see only their own rank' : 'Off'],
    ['Baseline', baselineSummary(context, parsed)]
  ];
  return rows.map(([label, value]) => ({
    labelKey: `label-${label}`,
    valueKey: `value-${label}`,
    label,
    value
  }));
}

/** Every KPI that can have a target here; the fill rate once per gate field. */
function targetIds(context: DashboardContext): string[] {
  return KPI_CATALOG.filter(
    (definition) =>
      definition.direction !== 'none' && (context.casesInUse || !definition.requiresCases)
  ).flatMap((definition) => {
    if (definition.id !== FILL_RATE_ID) return [definition.id];
    return context.settings.gateFields.map((field) => resultIdOf(FILL_RATE_ID, field));
  });
}

function targetRow(id: string, parsed: ParsedSettings): TargetRow {
  const { kind } = definitionOf(id);
  const target = targetInForce(id, parsed);
  const own = kpiTargetsFor(id, parsed);
  const byRole = Object.entries(own?.byRole ?? {}).map(
    ([role, value]) => `${role}: ${formatKpiValue(kind, value)}`
  );
  const hasBaseline = Object.prototype.hasOwnProperty.call(parsed.baseline, id);
  return {
    id,
    label: kpiLabel(id),
    target: target === null ? 'No target' : formatKpiValue(kind, target),
    source: own ? 'Set by admin' : 'Catalog default',
    roleTargets: listOr(byRole, '—'),
    cadence: cadenceWords(cadenceFor(id, parsed)),
    baseline: hasBaseline ? formatKpiValue(kind, parsed.baseline[id]) : '—'
  };
}

function settingsView(context: DashboardContext): SettingsView {
  const parsed = parseDashboardSettings(context.settings);
  const captured = Boolean(context.settings.baselineCapturedOn);
  return {
    parsed,
    problems: parsed.problems,
    hasProblems: parsed.problems.length > 0,
    settingRows: settingRows(context, parsed),
    targetRows: targetIds(context).map((id) => targetRow(id, parsed)),
    captureLabel: captured ? 'Capture new baseline' : 'Capture baseline',
    captureHelp: captured
      ? 'Measures every KPI now and replaces the current baseline.'
      : 'Measures every KPI now and keeps the values as the baseline the cards compare against.'
  };
}

/** Every family at the period it opens with, so the baseline reads like the cards. */
async function measureEveryKpi(parsed: ParsedSettings): Promise<Record<string, number>> {
  const responses = await Promise.all(
    KPI_FAMILIES.map((family) =>
      getKpiData({ family, periodDays: familyPeriodDays(family, parsed) })
    )
  );
  const values: Record<string, number> = {};
  for (const data of responses) {
    // Login KPIs come with every family; the first family's stand for all.
    for (const result of evaluateKpiData(data as KpiData).current) {
      values[result.id] ??= result.value;
    }
  }
  return values;
}

export default class SettingsPanel extends LightningElement {
  view: SettingsView | undefined;
  isCapturing = false;
  captureError: unknown;
  captureMessage = '';
  private contextValue: DashboardContext | undefined;

  @api
  get context(): DashboardContext | undefined {
    return this.contextValue;
  }
  set context(value: DashboardContext | undefined) {
    this.contextValue = value;
    this.view = value ? settingsView(value) : undefined;
  }

  async handleCaptureBaseline(): Promise<void> {
    const view = this.view;
    if (!view || this.isCapturing) return;
    this.isCapturing = true;
    this.captureError = undefined;
    this.captureMessage = '';
    try {
      const baseline = await measureEveryKpi(view.parsed);
      const jobId = await captureBaseline({ baselineJson: JSON.stringify(baseline) });
      const count = Object.keys(baseline).length;
      this.captureMessage = `Baseline of ${count} KPIs sent for saving (deployment ${String(jobId)}). The cards show it once Salesforce finishes the deployment, usually within a minute.`;
    } catch (error) {
      this.captureError = error;
    } finally {
      this.isCapturing = false;
    }
  }
}
