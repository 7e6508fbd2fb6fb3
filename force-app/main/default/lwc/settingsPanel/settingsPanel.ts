/**
 * Container (admins): every adoption setting with the value in force, the problems found in them,
 * the KPI targets table, and Capture baseline — which measures every KPI family now and saves the
 * values as the baseline the cards compare against ("where you started") — with the outcome of the
 * last save: pending, saved, or why it failed.
 */
import { LightningElement, api } from 'lwc';
import getKpiData from '@salesforce/apex/AdoptionDashboardController.getKpiData';
import captureBaseline from '@salesforce/apex/AdoptionSettingsController.captureBaseline';
import getBaselineDeployment from '@salesforce/apex/AdoptionSettingsController.getBaselineDeployment';
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
import type {
  BaselineDeployment,
  DashboardContext,
  KpiData,
  ParsedSettings
} from 'c/adoptionMetrics';

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
/** A saved baseline is a deployment that usually completes within a minute: ask every 5 s for 2 minutes. */
const POLL_INTERVAL_MS = 5_000;
const MAX_POLLS = 24;
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
  /** The last baseline deployment; null before the first capture or until it is read. */
  deployment: BaselineDeployment | null = null;
  deploymentError: unknown;
  /** Still pending after the last poll. */
  deploymentStalled = false;
  private contextValue: DashboardContext | undefined;
  /** The deployment this page enqueued: once it succeeds, the cards need a reload to show it. */
  private capturedJobId: string | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Grows when a follow-up starts or the panel is removed: answers to an older one are dropped. */
  private followings = 0;

  @api
  get context(): DashboardContext | undefined {
    return this.contextValue;
  }
  set context(value: DashboardContext | undefined) {
    this.contextValue = value;
    this.view = value ? settingsView(value) : undefined;
  }

  get isDeploymentPending(): boolean {
    return this.deployment?.status === 'Pending';
  }

  get isDeploymentSucceeded(): boolean {
    return this.deployment?.status === 'Succeeded';
  }

  get isDeploymentFailed(): boolean {
    return this.deployment?.status === 'Failed';
  }

  get isCapturedHere(): boolean {
    return this.deployment !== null && this.deployment.jobId === this.capturedJobId;
  }

  connectedCallback(): void {
    this.followDeployment();
  }

  disconnectedCallback(): void {
    this.followings += 1;
    clearTimeout(this.pollTimer);
  }

  async handleCaptureBaseline(): Promise<void> {
    const view = this.view;
    if (!view || this.isCapturing) return;
    this.isCapturing = true;
    this.captureError = undefined;
    try {
      const baseline = await measureEveryKpi(view.parsed);
      this.capturedJobId = String(
        await captureBaseline({ baselineJson: JSON.stringify(baseline) })
      );
    } catch (error) {
      this.captureError = error;
      return;
    } finally {
      this.isCapturing = false;
    }
    await this.followDeployment();
  }

  /** Reads the last deployment now, and again while it is pending (readDeployment). */
  private followDeployment(): Promise<void> {
    clearTimeout(this.pollTimer);
    this.followings += 1;
    return this.readDeployment(this.followings, 0);
  }

  /**
   * Imperative rather than wired: the outcome changes on the server when Salesforce finishes the
   * deployment, so getBaselineDeployment is not cacheable and only a new call can see it. Nothing
   * tells the page when that happens, hence the polling, until it completes or the polls run out.
   */
  private async readDeployment(following: number, polls: number): Promise<void> {
    let deployment: BaselineDeployment | null;
    try {
      deployment = ((await getBaselineDeployment()) as BaselineDeployment | null) ?? null;
    } catch (error) {
      if (following === this.followings) this.deploymentError = error;
      return;
    }
    if (following !== this.followings) return;
    this.deployment = deployment;
    this.deploymentError = undefined;
    this.deploymentStalled = this.isDeploymentPending && polls === MAX_POLLS;
    if (!this.isDeploymentPending || this.deploymentStalled) return;
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- polling, cleared on disconnect
    this.pollTimer = setTimeout(() => this.readDeployment(following, polls + 1), POLL_INTERVAL_MS);
  }
}
