/**
 * Container: every KPI compared across roles or regions. Loads the three KPI families
 * (getKpiData), turns the tallies into results and the comparison with the KPI library, and shows
 * it in sliceComparisonTable; choosing a slice opens sliceDrilldown below the table. A viewer who
 * sees only their own activity gets an explanation instead: there is nothing to compare.
 */
import { LightningElement, api } from 'lwc';
import getKpiData from '@salesforce/apex/AdoptionDashboardController.getKpiData';
import {
  KPI_FAMILIES,
  compareSlices,
  evaluateKpiData,
  parseDashboardSettings
} from 'c/adoptionMetrics';
import type {
  DashboardContext,
  KpiData,
  KpiResult,
  SliceComparison as Comparison
} from 'c/adoptionMetrics';
import type { SliceSelectDetail } from 'c/sliceComparisonTable';

type Dimension = 'role' | 'region';

/**
 * One period for every family, so each column compares like with like: the monthly review's 30
 * days, long enough for the slowest weekly KPIs to be non-zero in small slices.
 */
const COMPARISON_PERIOD_DAYS = 30;

interface FocusableTable {
  focusSlice(sliceKey: string): void;
}

/** Login KPIs come with every family's directory: keep each result id once. */
function uniqueResults(data: readonly KpiData[]): KpiResult[] {
  const byId = new Map<string, KpiResult>();
  for (const result of data.flatMap((family) => evaluateKpiData(family).current)) {
    if (!byId.has(result.id)) byId.set(result.id, result);
  }
  return [...byId.values()];
}

export default class SliceComparison extends LightningElement {
  comparison: Comparison | undefined;
  error: unknown;
  selectedSliceKey: string | null = null;
  usersComplete = true;
  talliesComplete = true;

  private dimensionValue: Dimension = 'region';
  private contextValue: DashboardContext | undefined;
  private connected = false;
  private reloadQueued = false;
  private requestId = 0;
  /** After a render: move focus to the drill-down heading, or back to the slice's header button. */
  private pendingFocus: { drilldown: boolean; sliceKey: string } | null = null;

  @api
  get dimension(): Dimension {
    return this.dimensionValue;
  }
  set dimension(value: Dimension) {
    this.dimensionValue = value;
    this.selectedSliceKey = null;
    this.queueLoad();
  }

  @api
  get context(): DashboardContext | undefined {
    return this.contextValue;
  }
  set context(value: DashboardContext | undefined) {
    this.contextValue = value;
    this.queueLoad();
  }

  connectedCallback(): void {
    this.connected = true;
    this.load();
  }

  disconnectedCallback(): void {
    this.connected = false;
  }

  renderedCallback(): void {
    const focus = this.pendingFocus;
    if (!focus) return;
    this.pendingFocus = null;
    if (focus.drilldown) {
      this.template?.querySelector<HTMLElement>('.drilldown-heading')?.focus();
    } else {
      const table = this.template?.querySelector('c-slice-comparison-table');
      (table as unknown as FocusableTable | null)?.focusSlice(focus.sliceKey);
    }
  }

  /** Setting dimension and context together loads once, after the last of them. */
  private queueLoad(): void {
    if (!this.connected || this.reloadQueued) return;
    this.reloadQueued = true;
    Promise.resolve().then(() => {
      this.reloadQueued = false;
      this.load();
    });
  }

  private async load(): Promise<void> {
    const requestId = ++this.requestId;
    this.comparison = undefined;
    this.error = undefined;
    const context = this.contextValue;
    if (!context || this.isSelfScope) return;
    try {
      const data = (await Promise.all(
        KPI_FAMILIES.map((family) => getKpiData({ family, periodDays: COMPARISON_PERIOD_DAYS }))
      )) as KpiData[];
      if (requestId !== this.requestId) return;
      const parsed = parseDashboardSettings(context.settings);
      this.comparison = compareSlices(uniqueResults(data), this.dimensionValue, parsed);
      this.usersComplete = data.every((family) => family.usersComplete);
      this.talliesComplete = data.every((family) => family.tallies.every((t) => t.complete));
    } catch (error) {
      if (requestId !== this.requestId) return;
      this.error = error;
    }
  }

  // ----- states

  get isSelfScope(): boolean {
    return this.contextValue?.audience.scope === 'self';
  }

  get isLoading(): boolean {
    return !this.isSelfScope && !this.comparison && !this.error;
  }

  get hasError(): boolean {
    return !this.isSelfScope && Boolean(this.error);
  }

  get isEmpty(): boolean {
    const comparison = this.comparison;
    if (!comparison) return false;
    return comparison.sliceKeys.length === 0 || comparison.rows.length === 0;
  }

  get hasData(): boolean {
    return Boolean(this.comparison) && !this.isEmpty;
  }

  get hasSelection(): boolean {
    return this.hasData && this.selectedSliceKey !== null;
  }

  // ----- words

  /** "regions" / "roles". */
  get slicesNoun(): string {
    return this.dimensionValue === 'role' ? 'roles' : 'regions';
  }

  get sliceNoun(): string {
    return this.dimensionValue === 'role' ? 'Role' : 'Region';
  }

  get title(): string {
    return `Compare ${this.slicesNoun}`;
  }

  get iconName(): string {
    return this.dimensionValue === 'role' ? 'standard:team_member' : 'standard:location';
  }

  get periodLabel(): string {
    return `last ${COMPARISON_PERIOD_DAYS} days`;
  }

  get periodDays(): number {
    return COMPARISON_PERIOD_DAYS;
  }

  get selfScopeMessage(): string {
    return `You see your own activity only, so there are no ${this.slicesNoun} to compare. Your own KPIs are on the other tabs; to compare your team’s ${this.slicesNoun}, ask your Salesforce admin for the Adoption Dashboard Manager permission set.`;
  }

  get emptyMessage(): string {
    return `There is no one in your view of the organisation to compare by ${this.dimensionValue} yet.`;
  }

  get completenessNote(): string | null {
    if (!this.usersComplete) {
      return 'Your view holds more than 5,000 users, more than one request may read: the comparison covers 5,000 of them.';
    }
    return this.talliesComplete
      ? null
      : 'Some KPIs count only part of the users: this org has more records than one request may read.';
  }

  get backLabel(): string {
    return `Back to all ${this.slicesNoun}`;
  }

  get drilldownHeading(): string {
    return `${this.sliceNoun}: ${this.selectedSliceKey ?? ''}`;
  }

  // ----- events

  handleSliceSelect(event: CustomEvent<SliceSelectDetail>): void {
    this.selectedSliceKey = event.detail.sliceKey;
    this.pendingFocus = { drilldown: true, sliceKey: event.detail.sliceKey };
  }

  handleBack(): void {
    const sliceKey = this.selectedSliceKey ?? '';
    this.selectedSliceKey = null;
    this.pendingFocus = { drilldown: false, sliceKey };
  }
}
