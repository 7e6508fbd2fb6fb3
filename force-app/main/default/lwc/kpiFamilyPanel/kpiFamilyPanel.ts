/**
 * Container: one KPI family's tab (activity, pipeline & leads, or data quality). Asks Apex for the
 * family's per-user tallies for the chosen period, lets the KPI library turn them into cards, and
 * charts the chosen KPI by role and by region. A rep sees their own figures, so no slice charts.
 */
import { LightningElement, api } from 'lwc';
import getKpiData from '@salesforce/apex/AdoptionDashboardController.getKpiData';
import {
  FAMILY_LABELS,
  FAMILY_PERIOD_OPTIONS_DAYS,
  buildKpiCards,
  compareSliceKeys,
  evaluateKpiData,
  familyPeriodDays,
  formatKpiValue,
  isFamilySection,
  kpiCompleteness,
  parseDashboardSettings,
  periodPickerOptions
} from 'c/adoptionMetrics';
import type {
  DashboardContext,
  KpiCard,
  KpiData,
  KpiFamily,
  KpiResult,
  ParsedSettings,
  PickerOption,
  SliceDimension
} from 'c/adoptionMetrics';
import type { ChartData } from 'c/kpiBarChart';

const FAMILY_ICONS: Readonly<Record<KpiFamily, string>> = {
  activity: 'standard:task',
  pipeline: 'standard:opportunity',
  quality: 'standard:approval'
};

export default class KpiFamilyPanel extends LightningElement {
  @api family: KpiFamily = 'activity';
  @api context: DashboardContext | undefined;

  periodDays = 0;
  data: KpiData | undefined;
  error: unknown;
  isLoading = false;
  cards: KpiCard[] = [];
  chartKpiId = '';
  /**
   * State KPIs (open, past due, missing…) count records as they are now; only windowed ones take a
   * period. Kept after a failed request, so another period can be tried.
   */
  showPeriodPicker = false;
  private results = new Map<string, KpiResult>();
  private parsed: ParsedSettings | undefined;
  /** Only the latest request may fill the panel: a slow earlier answer must not overwrite it. */
  private requestNumber = 0;

  connectedCallback(): void {
    if (!this.context) return;
    this.parsed = parseDashboardSettings(this.context.settings);
    this.periodDays = familyPeriodDays(this.family, this.parsed);
    this.load();
  }

  private load(): void {
    const parsed = this.parsed as ParsedSettings;
    const request = ++this.requestNumber;
    this.isLoading = true;
    getKpiData({ family: this.family, periodDays: this.periodDays })
      .then((data) => {
        if (request !== this.requestNumber) return;
        this.show(data as KpiData, parsed);
      })
      .catch((error: unknown) => {
        if (request !== this.requestNumber) return;
        this.data = undefined;
        this.error = error;
      })
      .finally(() => {
        if (request === this.requestNumber) this.isLoading = false;
      });
  }

  private show(data: KpiData, parsed: ParsedSettings): void {
    const { current, previous } = evaluateKpiData(data);
    this.results = new Map(current.map((result) => [result.id, result]));
    this.cards = buildKpiCards(current, previous, parsed, {
      role: this.isPersonal ? this.context?.audience.viewerRole : undefined,
      complete: kpiCompleteness(data),
      focusFirst: true
    }).filter((card) => isFamilySection(this.family, card.section));
    if (!this.cards.some((card) => card.id === this.chartKpiId)) {
      this.chartKpiId = this.cards[0]?.id ?? '';
    }
    this.showPeriodPicker = data.tallies.some((tallies) => tallies.previous != null);
    this.data = data;
    this.error = undefined;
  }

  get title(): string {
    return `${FAMILY_LABELS[this.family]} KPIs`;
  }

  get iconName(): string {
    return FAMILY_ICONS[this.family];
  }

  get isPersonal(): boolean {
    return this.context?.audience.scope === 'self';
  }

  get hasError(): boolean {
    return Boolean(this.error) && !this.isLoading;
  }

  get isEmpty(): boolean {
    return Boolean(this.data) && !this.hasError && this.data?.users.length === 0;
  }

  get hasData(): boolean {
    return !this.hasError && (this.data?.users.length ?? 0) > 0;
  }

  get periodOptions(): PickerOption[] {
    return periodPickerOptions(FAMILY_PERIOD_OPTIONS_DAYS);
  }

  get periodValue(): string {
    return String(this.periodDays);
  }

  get showCharts(): boolean {
    return !this.isPersonal && this.cards.length > 0;
  }

  get chartOptions(): PickerOption[] {
    return this.cards.map((card) => ({ label: card.label, value: card.id }));
  }

  private get chartCard(): KpiCard | undefined {
    return this.cards.find((card) => card.id === this.chartKpiId);
  }

  get roleChartTitle(): string {
    return `${this.chartCard?.label ?? ''} by role`;
  }

  get regionChartTitle(): string {
    return `${this.chartCard?.label ?? ''} by region (${this.context?.settings.regionField ?? 'Division'})`;
  }

  get roleChart(): ChartData | null {
    return this.chartBy('role');
  }

  get regionChart(): ChartData | null {
    return this.chartBy('region');
  }

  private chartBy(dimension: SliceDimension): ChartData | null {
    const card = this.chartCard;
    const slices = card ? this.results.get(card.id)?.slices?.[dimension] : undefined;
    if (!card || !slices) return null;
    const labels = Object.keys(slices).sort(compareSliceKeys);
    const values = labels.map((key) => slices[key].value);
    return {
      labels,
      values,
      label: card.label,
      isRate: card.kind === 'rate',
      formattedValues: values.map((value) => formatKpiValue(card.kind, value))
    };
  }

  get usersNote(): string | null {
    return this.data?.usersComplete === false
      ? 'Your audience has more users than one request may read, so these figures cover part of it.'
      : null;
  }

  get partialNote(): string | null {
    if (this.data?.usersComplete === false) return null;
    const partial = this.cards.filter((card) => !card.complete).map((card) => card.label);
    return partial.length > 0
      ? `These figures reached the row limit of one request and cover part of the users: ${partial.join(', ')}.`
      : null;
  }

  handlePeriodChange(event: CustomEvent<{ value: string }>): void {
    this.periodDays = Number(event.detail.value);
    this.load();
  }

  handleChartKpiChange(event: CustomEvent<{ value: string }>): void {
    this.chartKpiId = event.detail.value;
  }
}
