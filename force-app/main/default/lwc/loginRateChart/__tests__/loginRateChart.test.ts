import LoginRateChart from 'c/loginRateChart';
import { loadScript } from 'lightning/platformResourceLoader';
import type { SliceRate } from 'c/adoptionMetrics';
import { flushPromises, mount, resetDom } from 'test-utils';
import { ResizeObserverMock } from '../../../../../../jest/resizeObserverMock';

interface RenderedChart {
  config: { type: string; options: { indexAxis: string } };
  data: { labels: string[]; datasets: { data: number[] }[] };
  options: {
    plugins: { tooltip: { callbacks: { label(item: { dataIndex: number }): string } } };
    scales: { y: { ticks: { callback(value: number): string } } };
  };
}

interface ChartGlobal {
  getChart(canvas: HTMLCanvasElement): RenderedChart | undefined;
}

const slices: SliceRate[] = [
  { key: 'Manager', value: 0.5, numerator: 1, denominator: 2 },
  { key: 'Sales Rep', value: 0.625, numerator: 5, denominator: 8 },
  { key: '(none)', value: 0, numerator: 0, denominator: 3 }
];

function chartOf(element: HTMLElement): RenderedChart | undefined {
  const canvas = element.shadowRoot?.querySelector('canvas') as HTMLCanvasElement;
  return (window as unknown as { Chart: ChartGlobal }).Chart.getChart(canvas);
}

describe('c-login-rate-chart', () => {
  afterEach(resetDom);

  it('loads chart.js from the static resource once and draws a horizontal bar per slice', async () => {
    const element = mount<HTMLElement>('c-login-rate-chart', LoginRateChart, {
      chartTitle: 'Login rate by role',
      slices
    });
    await flushPromises();
    expect(loadScript).toHaveBeenCalledTimes(1);
    expect((loadScript as jest.Mock).mock.calls[0][1]).toBe('/resource/mock');
    const chart = chartOf(element);
    expect(chart?.config.type).toBe('bar');
    expect(chart?.config.options.indexAxis).toBe('y');
    expect(chart?.data.labels).toEqual(['Manager', 'Sales Rep', '(none)']);
    expect(chart?.data.datasets[0].data).toEqual([50, 62.5, 0]);
    expect(chart?.options.plugins.tooltip.callbacks.label({ dataIndex: 1 })).toBe('62.5% (5 of 8)');
    expect(element.shadowRoot?.querySelector('c-error-panel')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('cuts long slice names on the axis only, keeping them whole in the data', async () => {
    const longName = 'Regional Sales Manager';
    const element = mount<HTMLElement>('c-login-rate-chart', LoginRateChart, {
      chartTitle: 'Login rate by role',
      slices: [{ key: longName, value: 1, numerator: 2, denominator: 2 }]
    });
    await flushPromises();
    const chart = chartOf(element);
    expect(chart?.data.labels).toEqual([longName]);
    expect(chart?.options.scales.y.ticks.callback(0)).toBe('Regional Sales …');
  });

  it('describes the chart for screen readers, in its label and as a table', async () => {
    const element = mount<HTMLElement>('c-login-rate-chart', LoginRateChart, {
      chartTitle: 'Login rate by role',
      slices
    });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('canvas')?.getAttribute('aria-label')).toBe(
      'Login rate by role: Manager 50%, Sales Rep 62.5%, (none) 0%'
    );
    const cells = Array.from(
      element.shadowRoot?.querySelectorAll('.rate-table tbody tr') ?? []
    ).map((row) => Array.from(row.children).map((cell) => cell.textContent));
    expect(cells[1]).toEqual(['Sales Rep', '62.5%', '5 of 8']);
  });

  it('updates the existing chart when the slices change', async () => {
    const element = mount<HTMLElement>('c-login-rate-chart', LoginRateChart, {
      chartTitle: 'By role',
      slices
    });
    await flushPromises();
    const chart = chartOf(element);
    (element as unknown as { slices: SliceRate[] }).slices = [
      { key: 'EMEA', value: 0.25, numerator: 1, denominator: 4 }
    ];
    await flushPromises();
    expect(chartOf(element)).toBe(chart);
    expect(chart?.data.labels).toEqual(['EMEA']);
    expect(chart?.data.datasets[0].data).toEqual([25]);
  });

  it('sizes the chart to its number of bars, so narrow mobile screens stay legible', async () => {
    const element = mount<HTMLElement>('c-login-rate-chart', LoginRateChart, {
      chartTitle: 'By role',
      slices
    });
    await flushPromises();
    const container = element.shadowRoot?.querySelector('.chart-container') as HTMLElement;
    expect(container.style.height).toBe(`${3 * 28 + 48}px`);
    expect(ResizeObserverMock.isObserved(container)).toBe(true);
  });

  it('shows an empty state and loads nothing when there is nothing to chart', async () => {
    const element = mount<HTMLElement>('c-login-rate-chart', LoginRateChart, {
      chartTitle: 'By role',
      slices: []
    });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.empty-state')?.textContent).toBe(
      'No users to chart.'
    );
    expect(loadScript).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('shows the shared error panel when chart.js cannot be loaded', async () => {
    (loadScript as jest.Mock).mockRejectedValueOnce(new Error('Failed to load /resource/chartjs'));
    const element = mount<HTMLElement>('c-login-rate-chart', LoginRateChart, {
      chartTitle: 'By role',
      slices
    });
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('The chart could not be drawn.');
    await expect(element).toBeAccessible();
  });

  it('destroys its chart when removed from the page', async () => {
    const element = mount<HTMLElement>('c-login-rate-chart', LoginRateChart, {
      chartTitle: 'By role',
      slices
    });
    await flushPromises();
    const canvas = element.shadowRoot?.querySelector('canvas') as HTMLCanvasElement;
    expect(chartOf(element)).toBeDefined();
    document.body.removeChild(element);
    expect((window as unknown as { Chart: ChartGlobal }).Chart.getChart(canvas) === undefined).toBe(
      true
    );
  });
});
