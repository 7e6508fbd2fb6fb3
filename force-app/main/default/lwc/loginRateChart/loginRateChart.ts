/**
 * Presentational: a horizontal bar chart of login rates per slice (role or region), drawn with
 * chart.js from the `chartjs` static resource, plus the same numbers as an assistive table.
 */
import { LightningElement, api } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import CHART_JS from '@salesforce/resourceUrl/chartjs';
import { formatPercent, toPercent, truncateLabel } from 'c/adoptionMetrics';
import type { SliceRate } from 'c/adoptionMetrics';

interface ChartInstance {
  data: { labels: string[]; datasets: { data: number[] }[] };
  update(): void;
  destroy(): void;
}

type ChartConstructor = new (canvas: HTMLCanvasElement, config: unknown) => ChartInstance;

interface TooltipItem {
  dataIndex: number;
}

const BAR_HEIGHT_PX = 28;
const AXIS_HEIGHT_PX = 48;
const BAR_COLOR = 'rgba(1, 118, 211, 0.85)';

export default class LoginRateChart extends LightningElement {
  @api chartTitle = '';

  private sliceRates: SliceRate[] = [];
  private chart: ChartInstance | null = null;
  private chartJsRequested = false;
  /** Loading chart.js or drawing with it failed. */
  loadError: unknown = null;

  @api
  get slices(): SliceRate[] {
    return this.sliceRates;
  }
  set slices(value: SliceRate[]) {
    this.sliceRates = value ?? [];
    this.updateChart();
  }

  get hasSlices(): boolean {
    return this.sliceRates.length > 0;
  }

  get chartLabel(): string {
    const parts = this.sliceRates.map((slice) => `${slice.key} ${formatPercent(slice.value)}`);
    return `${this.chartTitle}: ${parts.join(', ')}`;
  }

  get containerStyle(): string {
    return `position: relative; height: ${this.sliceRates.length * BAR_HEIGHT_PX + AXIS_HEIGHT_PX}px;`;
  }

  get tableRows(): { key: string; rate: string; counts: string }[] {
    return this.sliceRates.map((slice) => ({
      key: slice.key,
      rate: formatPercent(slice.value),
      counts: `${slice.numerator} of ${slice.denominator}`
    }));
  }

  renderedCallback(): void {
    if (this.chartJsRequested || !this.hasSlices) return;
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

  private drawChart(): void {
    const Chart = (window as unknown as { Chart?: ChartConstructor }).Chart;
    const canvas = this.template?.querySelector('canvas');
    if (!Chart || !canvas) return;
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: this.sliceRates.map((slice) => slice.key),
        datasets: [
          {
            label: 'Login rate (%)',
            data: this.sliceRates.map((slice) => toPercent(slice.value)),
            backgroundColor: BAR_COLOR
          }
        ]
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { min: 0, max: 100, ticks: { callback: (value: number) => `${value}%` } },
          // Long role names are cut on the axis only; the tooltip and the chart data keep them whole.
          y: {
            ticks: { callback: (value: number) => truncateLabel(this.sliceRates[value]?.key ?? '') }
          }
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: { label: (item: TooltipItem) => this.tooltipLabel(item.dataIndex) }
          }
        }
      }
    });
  }

  private tooltipLabel(index: number): string {
    const slice = this.sliceRates[index];
    return `${formatPercent(slice.value)} (${slice.numerator} of ${slice.denominator})`;
  }

  private updateChart(): void {
    if (!this.chart) return;
    this.chart.data.labels = this.sliceRates.map((slice) => slice.key);
    this.chart.data.datasets[0].data = this.sliceRates.map((slice) => toPercent(slice.value));
    this.chart.update();
  }
}
