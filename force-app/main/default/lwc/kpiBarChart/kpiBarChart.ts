/**
 * Presentational: one KPI per slice (or per week) as a chart.js bar or line chart, drawn from the
 * `chartjs` static resource, with the same numbers as an assistive table. Built for the Salesforce
 * mobile app's 320 px: a fixed-height container, no aspect ratio, truncated axis labels (full ones
 * in the tooltip and the table), horizontal bars once there are too many slices to stand upright.
 */
import { LightningElement, api } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import CHART_JS from '@salesforce/resourceUrl/chartjs';
import { formatPercent, toPercent, truncateLabel } from 'c/adoptionMetrics';

/** What the chart shows: one value per label, a rate as 0–1. */
export interface ChartData {
  labels: string[];
  values: number[];
  /** The series name, e.g. "Login rate (7 days)". */
  label: string;
  /** Rates are drawn as percentages on a 0–100% axis. */
  isRate: boolean;
  /** The values as the rest of the dashboard writes them ("$1.2M"); derived when left out. */
  formattedValues?: string[];
}

export type ChartVariant = 'bar' | 'line';

interface ChartInstance {
  data: { labels: string[]; datasets: { data: number[] }[] };
  update(): void;
  destroy(): void;
}

type ChartConstructor = new (canvas: HTMLCanvasElement, config: unknown) => ChartInstance;

interface TooltipItem {
  dataIndex: number;
}

/** Upright bars stop being legible at 320 px beyond this many slices. */
export const MAX_VERTICAL_BARS = 6;
const BAR_HEIGHT_PX = 28;
const AXIS_HEIGHT_PX = 48;
const FIXED_HEIGHT_PX = 240;
const SERIES_COLOR = 'rgba(1, 118, 211, 0.85)';

const numberFormat = new Intl.NumberFormat('en');
const compactFormat = new Intl.NumberFormat('en', { notation: 'compact' });

export default class KpiBarChart extends LightningElement {
  @api chartTitle = '';
  @api variant: ChartVariant = 'bar';
  /** Heads the first column of the assistive table: what each label names. */
  @api categoryLabel = 'Slice';

  private data: ChartData | null = null;
  private chart: ChartInstance | null = null;
  /** The orientation the chart was drawn with; a change needs a new chart, not an update. */
  private drawnHorizontal = false;
  private chartJsRequested = false;
  /** Loading chart.js or drawing with it failed. */
  loadError: unknown = null;

  @api
  get chartData(): ChartData | null {
    return this.data;
  }
  set chartData(value: ChartData | null) {
    this.data = value ?? null;
    this.updateChart();
  }

  get hasData(): boolean {
    return (this.data?.labels.length ?? 0) > 0;
  }

  get isHorizontal(): boolean {
    return this.variant === 'bar' && (this.data?.labels.length ?? 0) > MAX_VERTICAL_BARS;
  }

  get containerStyle(): string {
    const height = this.isHorizontal
      ? (this.data?.labels.length ?? 0) * BAR_HEIGHT_PX + AXIS_HEIGHT_PX
      : FIXED_HEIGHT_PX;
    return `position: relative; height: ${height}px;`;
  }

  get formattedValues(): string[] {
    const data = this.data;
    if (!data) return [];
    if (data.formattedValues) return data.formattedValues;
    const format = data.isRate ? formatPercent : (value: number) => numberFormat.format(value);
    return data.values.map(format);
  }

  get chartLabel(): string {
    const values = this.formattedValues;
    const parts = (this.data?.labels ?? []).map((label, index) => `${label} ${values[index]}`);
    return `${this.chartTitle}: ${parts.join(', ')}`;
  }

  get tableRows(): { key: string; label: string; value: string }[] {
    const values = this.formattedValues;
    return (this.data?.labels ?? []).map((label, index) => ({
      key: `${index}-${label}`,
      label,
      value: values[index]
    }));
  }

  get valueHeader(): string {
    return this.data?.label ?? '';
  }

  renderedCallback(): void {
    if (this.chartJsRequested || !this.hasData) return;
    this.chartJsRequested = true;
    loadScript(this, CHART_JS)
      .then(() => this.drawChart())
      .catch((error: unknown) => {
        this.loadError = error;
      });
  }

  disconnectedCallback(): void {
    this.chart?.destroy();
    this.chart = null;
    this.chartJsRequested = false;
  }

  /**
   * Every bar keeps its label, turned as far as needed to fit a narrow screen; a trend's dates may
   * thin out, as the line still shows every week.
   */
  private get categoryTicks(): Record<string, unknown> {
    return this.variant === 'line'
      ? { autoSkip: true, maxRotation: 0 }
      : { autoSkip: false, maxRotation: 90 };
  }

  /** A copy: chart.js instruments the arrays it draws, and a parent's data is read-only. */
  private plotted(): number[] {
    const data = this.data;
    if (!data) return [];
    return data.values.map((value) => (data.isRate ? toPercent(value) : value));
  }

  private drawChart(): void {
    const Chart = (window as unknown as { Chart?: ChartConstructor }).Chart;
    const canvas = this.template?.querySelector('canvas');
    if (!Chart || !canvas || !this.data) return;
    const isRate = this.data.isRate;
    const horizontal = this.isHorizontal;
    const valueAxis = {
      beginAtZero: true,
      ...(isRate ? { min: 0, max: 100 } : {}),
      ticks: {
        callback: (value: number) => (isRate ? `${value}%` : compactFormat.format(value))
      }
    };
    this.drawnHorizontal = horizontal;
    this.chart = new Chart(canvas, {
      type: this.variant,
      data: {
        labels: this.data.labels.map(truncateLabel),
        datasets: [
          {
            label: this.data.label,
            data: this.plotted(),
            backgroundColor: SERIES_COLOR,
            borderColor: SERIES_COLOR,
            fill: false,
            tension: 0.2
          }
        ]
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: horizontal
          ? { x: valueAxis, y: { ticks: { autoSkip: false } } }
          : { y: valueAxis, x: { ticks: this.categoryTicks } },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items: TooltipItem[]) => this.data?.labels[items[0]?.dataIndex ?? 0] ?? '',
              label: (item: TooltipItem) => this.formattedValues[item.dataIndex]
            }
          }
        }
      }
    });
  }

  private updateChart(): void {
    if (!this.chart) return;
    if (!this.hasData || this.isHorizontal !== this.drawnHorizontal) {
      // A new orientation needs new scales: draw afresh once the template has re-rendered.
      this.chart.destroy();
      this.chart = null;
      this.chartJsRequested = false;
      return;
    }
    this.chart.data.labels = (this.data?.labels ?? []).map(truncateLabel);
    this.chart.data.datasets[0].data = this.plotted();
    this.chart.update();
  }
}
