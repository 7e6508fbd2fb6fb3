import KpiBarChart from 'c/kpiBarChart';
import type { ChartData } from 'c/kpiBarChart';
import { loadScript } from 'lightning/platformResourceLoader';
import { flushPromises, mount, resetDom } from 'test-utils';
import { ResizeObserverMock } from '../../../../../../jest/resizeObserverMock';

interface RenderedChart {
  config: { type: string; options: { indexAxis: string; maintainAspectRatio: boolean } };
  data: { labels: string[]; datasets: { data: number[]; label: string }[] };
  options: {
    scales: Record<string, { max?: number; ticks: { autoSkip: boolean } }>;
    plugins: {
      tooltip: {
        callbacks: {
          title(items: { dataIndex: number }[]): string;
          label(item: { dataIndex: number }): string;
        };
      };
    };
  };
}

interface ChartGlobal {
  getChart(canvas: HTMLCanvasElement): RenderedChart | undefined;
}

const roleRates: ChartData = {
  labels: ['Sales Manager', 'Sales Rep', '(none)'],
  values: [0.5, 0.625, 0],
  label: 'Login rate (7 days)',
  isRate: true
};

const regionCounts: ChartData = {
  labels: [
    'AMER',
    'APAC',
    'EMEA',
    'LATAM',
    'Nordics',
    'Enterprise Accounts North America',
    '(none)'
  ],
  values: [12, 3, 1250, 0, 7, 4, 2],
  label: 'Opportunities created',
  isRate: false
};

function chartOf(element: HTMLElement): RenderedChart | undefined {
  const canvas = element.shadowRoot?.querySelector('canvas') as HTMLCanvasElement;
  return (window as unknown as { Chart: ChartGlobal }).Chart.getChart(canvas);
}

function tableRows(element: HTMLElement): string[][] {
  return Array.from(element.shadowRoot?.querySelectorAll('.chart-table tbody tr') ?? []).map(
    (row) => Array.from(row.children).map((cell) => cell.textContent ?? '')
  );
}

describe('c-kpi-bar-chart', () => {
  afterEach(resetDom);

  it('draws a rate as upright percentage bars on a 0–100% axis, and is accessible', async () => {
    const element = mount<HTMLElement>('c-kpi-bar-chart', KpiBarChart, {
      chartTitle: 'Login rate by role',
      chartData: roleRates
    });
    await flushPromises();
    expect(loadScript).toHaveBeenCalledTimes(1);
    const chart = chartOf(element);
    expect(chart?.config.type).toBe('bar');
    expect(chart?.config.options.indexAxis).toBe('x');
    expect(chart?.config.options.maintainAspectRatio).toBe(false);
    expect(chart?.data.labels).toEqual(['Sales Manager', 'Sales Rep', '(none)']);
    expect(chart?.data.datasets[0].data).toEqual([50, 62.5, 0]);
    expect(chart?.data.datasets[0].label).toBe('Login rate (7 days)');
    expect(chart?.options.scales.y.max).toBe(100);
    // Every bar keeps its label on a narrow screen: labels turn rather than thin out.
    expect(chart?.options.scales.x.ticks.autoSkip).toBe(false);
    expect(chart?.options.plugins.tooltip.callbacks.label({ dataIndex: 1 })).toBe('62.5%');
    await expect(element).toBeAccessible();
  });

  it('turns to horizontal bars with truncated labels beyond six slices, full labels in the tooltip', async () => {
    const element = mount<HTMLElement>('c-kpi-bar-chart', KpiBarChart, {
      chartTitle: 'Opportunities created by region',
      chartData: regionCounts
    });
    await flushPromises();
    const chart = chartOf(element);
    expect(chart?.config.options.indexAxis).toBe('y');
    expect(chart?.data.labels[5]).toBe('Enterprise Acco…');
    expect(chart?.data.datasets[0].data).toEqual([12, 3, 1250, 0, 7, 4, 2]);
    expect(chart?.options.plugins.tooltip.callbacks.title([{ dataIndex: 5 }])).toBe(
      'Enterprise Accounts North America'
    );
    expect(chart?.options.plugins.tooltip.callbacks.label({ dataIndex: 2 })).toBe('1,250');
    const container = element.shadowRoot?.querySelector('.chart-container') as HTMLElement;
    expect(container.style.height).toBe(`${7 * 28 + 48}px`);
    expect(ResizeObserverMock.isObserved(container)).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('keeps upright bars in a fixed-height container up to six slices', async () => {
    const element = mount<HTMLElement>('c-kpi-bar-chart', KpiBarChart, { chartData: roleRates });
    await flushPromises();
    const container = element.shadowRoot?.querySelector('.chart-container') as HTMLElement;
    expect(container.style.height).toBe('240px');
  });

  it('describes the chart for screen readers with the given formatted values', async () => {
    const element = mount<HTMLElement>('c-kpi-bar-chart', KpiBarChart, {
      chartTitle: 'Open pipeline by region',
      chartData: {
        labels: ['AMER', 'EMEA'],
        values: [1_200_000, 350_000],
        label: 'Open pipeline',
        isRate: false,
        formattedValues: ['1.2M', '350K']
      }
    });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('canvas')?.getAttribute('aria-label')).toBe(
      'Open pipeline by region: AMER 1.2M, EMEA 350K'
    );
    expect(tableRows(element)).toEqual([
      ['AMER', '1.2M'],
      ['EMEA', '350K']
    ]);
    expect(
      Array.from(element.shadowRoot?.querySelectorAll('.chart-table thead th') ?? []).map(
        (cell) => cell.textContent
      )
    ).toEqual(['Slice', 'Open pipeline']);
  });

  it('draws a line in line mode, naming the category column as asked', async () => {
    const element = mount<HTMLElement>('c-kpi-bar-chart', KpiBarChart, {
      chartTitle: 'Weekly active users',
      variant: 'line',
      categoryLabel: 'Week',
      chartData: {
        labels: ['Nov 2', 'Nov 9', 'Nov 16', 'Nov 23', 'Nov 30', 'Dec 7', 'Dec 14'],
        values: [0.5, 0.6, 0.55, 0.7, 0.72, 0.7, 0.8],
        label: 'Login rate',
        isRate: true
      }
    });
    await flushPromises();
    const chart = chartOf(element);
    expect(chart?.config.type).toBe('line');
    expect(chart?.config.options.indexAxis).toBe('x');
    expect(chart?.data.datasets[0].data).toEqual([50, 60, 55, 70, 72, 70, 80]);
    expect(chart?.options.scales.x.ticks.autoSkip).toBe(true);
    expect(element.shadowRoot?.querySelector('.chart-table thead th')?.textContent).toBe('Week');
    await expect(element).toBeAccessible();
  });

  it('updates the existing chart in place when the data keeps its orientation', async () => {
    const element = mount<HTMLElement>('c-kpi-bar-chart', KpiBarChart, { chartData: roleRates });
    await flushPromises();
    const chart = chartOf(element);
    (element as unknown as { chartData: ChartData }).chartData = {
      ...roleRates,
      labels: ['EMEA'],
      values: [0.25]
    };
    await flushPromises();
    expect(chartOf(element)).toBe(chart);
    expect(chart?.data.labels).toEqual(['EMEA']);
    expect(chart?.data.datasets[0].data).toEqual([25]);
  });

  it('draws a new horizontal chart when the slices grow beyond six', async () => {
    const element = mount<HTMLElement>('c-kpi-bar-chart', KpiBarChart, { chartData: roleRates });
    await flushPromises();
    const first = chartOf(element);
    (element as unknown as { chartData: ChartData }).chartData = regionCounts;
    await flushPromises();
    const second = chartOf(element);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(second?.config.options.indexAxis).toBe('y');
  });

  it('shows an empty state and loads nothing without data, and is accessible', async () => {
    const element = mount<HTMLElement>('c-kpi-bar-chart', KpiBarChart, {
      chartTitle: 'By role',
      chartData: null
    });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.empty-state')?.textContent).toBe(
      'Nothing to chart yet.'
    );
    expect(loadScript).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('shows the shared error panel when chart.js cannot be loaded, and is accessible', async () => {
    (loadScript as jest.Mock).mockRejectedValueOnce(new Error('Failed to load /resource/chartjs'));
    const element = mount<HTMLElement>('c-kpi-bar-chart', KpiBarChart, { chartData: roleRates });
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('The chart could not be drawn.');
    await expect(element).toBeAccessible();
  });

  it('destroys its chart when removed from the page', async () => {
    const element = mount<HTMLElement>('c-kpi-bar-chart', KpiBarChart, { chartData: roleRates });
    await flushPromises();
    const canvas = element.shadowRoot?.querySelector('canvas') as HTMLCanvasElement;
    expect(chartOf(element)).toBeDefined();
    document.body.removeChild(element);
    expect((window as unknown as { Chart: ChartGlobal }).Chart.getChart(canvas)).toBeUndefined();
  });
});
