import LoginTrend from 'c/loginTrend';
import getLoginTrend from '@salesforce/apex/AdoptionDashboardController.getLoginTrend';
import { flushPromises, mount, resetDom } from 'test-utils';
import loginTrend from './data/loginTrend.json';

jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getLoginTrend',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const apexCall = getLoginTrend as unknown as jest.Mock;

interface RenderedChart {
  config: { type: string };
  data: { labels: string[]; datasets: { data: number[] }[] };
}

function chartOf(element: HTMLElement): RenderedChart | undefined {
  const chart = element.shadowRoot?.querySelector('c-kpi-bar-chart');
  const canvas = chart?.shadowRoot?.querySelector('canvas') as HTMLCanvasElement;
  return (
    window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): RenderedChart } }
  ).Chart.getChart(canvas);
}

function text(element: HTMLElement, selector: string): string | null | undefined {
  return element.shadowRoot?.querySelector(selector)?.textContent;
}

describe('c-login-trend', () => {
  afterEach(resetDom);

  it('shows a spinner while loading, and is accessible', async () => {
    apexCall.mockReturnValue(new Promise(() => undefined));
    const element = mount<HTMLElement>('c-login-trend', LoginTrend);
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('asks Apex for twelve weeks', async () => {
    apexCall.mockResolvedValue(loginTrend);
    mount('c-login-trend', LoginTrend);
    await flushPromises();
    expect(apexCall).toHaveBeenCalledWith({ weeks: 12 });
  });

  it('draws the weekly share of users who logged in as a line, oldest week first', async () => {
    apexCall.mockResolvedValue(loginTrend);
    const element = mount<HTMLElement>('c-login-trend', LoginTrend);
    await flushPromises();
    await flushPromises();
    const chart = chartOf(element);
    expect(chart?.config.type).toBe('line');
    expect(chart?.data.labels[0]).toBe('Sep 7');
    expect(chart?.data.labels[11]).toBe('Nov 23');
    expect(chart?.data.datasets[0].data).toEqual([
      45, 50, 55, 52.5, 60, 62.5, 57.5, 65, 70, 67.5, 75, 80
    ]);
    await expect(element).toBeAccessible();
  });

  it('spells out the latest week and the change since the oldest, with an icon', async () => {
    apexCall.mockResolvedValue(loginTrend);
    const element = mount<HTMLElement>('c-login-trend', LoginTrend);
    await flushPromises();
    expect(text(element, '.latest-rate')).toBe('80%');
    expect(text(element, '.latest-detail')).toBe(
      '32 of 40 users logged in during the week to Nov 23'
    );
    expect(text(element, '.trend-label')).toBe('Up from 45% in the week to Sep 7');
    const icon = element.shadowRoot?.querySelector('.trend lightning-icon') as unknown as {
      iconName: string;
      alternativeText: string;
    };
    expect(icon.iconName).toBe('utility:arrowup');
    expect(icon.alternativeText).toBe('Up from 45% in the week to Sep 7');
    expect(element.shadowRoot?.querySelector('.incomplete-note')).toBeNull();
  });

  it('gives each week its counts in the chart table', async () => {
    apexCall.mockResolvedValue(loginTrend);
    const element = mount<HTMLElement>('c-login-trend', LoginTrend);
    await flushPromises();
    const chart = element.shadowRoot?.querySelector('c-kpi-bar-chart');
    const lastRow = Array.from(chart?.shadowRoot?.querySelectorAll('tbody tr') ?? []).pop();
    expect(Array.from(lastRow?.children ?? []).map((cell) => cell.textContent)).toEqual([
      'Nov 23',
      '80% (32 of 40)'
    ]);
  });

  it('notes a trend counted for part of the audience only', async () => {
    apexCall.mockResolvedValue({ ...loginTrend, complete: false });
    const element = mount<HTMLElement>('c-login-trend', LoginTrend);
    await flushPromises();
    expect(text(element, '.incomplete-note')).toContain('part of your audience only');
  });

  it('shows the empty state for an audience without users, and is accessible', async () => {
    apexCall.mockResolvedValue({ ...loginTrend, population: 0, weeks: [] });
    const element = mount<HTMLElement>('c-login-trend', LoginTrend);
    await flushPromises();
    expect(text(element, '.empty-state')?.trim()).toBe(
      'There are no users in your audience to follow over time yet.'
    );
    await expect(element).toBeAccessible();
  });

  it('shows a refusal in the shared error panel, and is accessible', async () => {
    apexCall.mockRejectedValue({
      body: {
        message: 'Seeing your team’s logins needs the Adoption Dashboard Viewer permission set.'
      }
    });
    const element = mount<HTMLElement>('c-login-trend', LoginTrend);
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('The login trend could not be loaded.');
    expect(JSON.stringify(panel.errors)).toContain('Adoption Dashboard Viewer permission set');
    await expect(element).toBeAccessible();
  });

  it('shows a single week without a trend to compare', async () => {
    apexCall.mockResolvedValue({ ...loginTrend, weeks: loginTrend.weeks.slice(-1) });
    const element = mount<HTMLElement>('c-login-trend', LoginTrend);
    await flushPromises();
    expect(text(element, '.latest-rate')).toBe('80%');
    expect(element.shadowRoot?.querySelector('.trend')).toBeNull();
  });

  it('says when the share of users who logged in went down', async () => {
    const active = loginTrend.weeks.map((week) => week.activeUsers).reverse();
    apexCall.mockResolvedValue({
      ...loginTrend,
      weeks: loginTrend.weeks.map((week, index) => ({ ...week, activeUsers: active[index] }))
    });
    const element = mount<HTMLElement>('c-login-trend', LoginTrend);
    await flushPromises();
    const icon = element.shadowRoot?.querySelector('.trend lightning-icon') as unknown as {
      iconName: string;
    };
    expect(icon.iconName).toBe('utility:arrowdown');
    expect(text(element, '.trend-label')).toBe('Down from 80% in the week to Sep 7');
  });
});
