import LoginRates from 'c/loginRates';
import getLoginSummary from '@salesforce/apex/LoginActivityController.getLoginSummary';
import type { SliceRate } from 'c/adoptionMetrics';
import { asWireAdapter, changeCombobox, flushPromises, mount, resetDom } from 'test-utils';
import summary from './data/summary.json';

jest.mock(
  '@salesforce/apex/LoginActivityController.getLoginSummary',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

const adapter = asWireAdapter(getLoginSummary);

function tiles(element: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    Array.from(element.shadowRoot?.querySelectorAll('.tile') ?? []).map((tile) => [
      tile.getAttribute('data-kpi'),
      tile.querySelector('.tile-value')?.textContent ?? ''
    ])
  );
}

function chartSlices(element: HTMLElement, selector: string): [string, number, number][] {
  const chart = element.shadowRoot?.querySelector(selector) as unknown as { slices: SliceRate[] };
  return chart.slices.map((slice) => [slice.key, slice.numerator, slice.denominator]);
}

describe('c-login-rates', () => {
  afterEach(resetDom);

  it('shows a spinner while loading, and is accessible', async () => {
    const element = mount<HTMLElement>('c-login-rates', LoginRates);
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the 7-day login rate, inactive and never-logged-in counts', async () => {
    const element = mount<HTMLElement>('c-login-rates', LoginRates);
    adapter.emit(summary);
    await flushPromises();
    expect(tiles(element)).toEqual({ 'login-rate': '62.5%', inactive: '6', never: '3' });
    await expect(element).toBeAccessible();
  });

  it('passes per-role and per-region rates to the charts', async () => {
    const element = mount<HTMLElement>('c-login-rates', LoginRates);
    adapter.emit(summary);
    await flushPromises();
    expect(chartSlices(element, '.role-chart')).toEqual([
      ['Sales Manager', 1, 2],
      ['Sales Rep', 9, 12],
      ['(none)', 0, 2]
    ]);
    expect(chartSlices(element, '.region-chart')).toEqual([
      ['AMER', 4, 4],
      ['EMEA', 6, 10],
      ['(none)', 0, 2]
    ]);
  });

  it('recomputes every number for the chosen period without a new request', async () => {
    const element = mount<HTMLElement>('c-login-rates', LoginRates);
    adapter.emit(summary);
    await flushPromises();
    changeCombobox(element.shadowRoot?.querySelector('.period-filter'), '30');
    await flushPromises();
    expect(tiles(element)).toEqual({ 'login-rate': '81.3%', inactive: '3', never: '3' });
    expect(chartSlices(element, '.role-chart')[1]).toEqual(['Sales Rep', 11, 12]);
  });

  it('names the region field in the region chart title', async () => {
    const element = mount<HTMLElement>('c-login-rates', LoginRates);
    adapter.emit(summary);
    await flushPromises();
    const chart = element.shadowRoot?.querySelector('.region-chart') as unknown as {
      chartTitle: string;
    };
    expect(chart.chartTitle).toBe('Login rate by region (Division)');
  });

  it('shows the empty state for an org without users in scope, and is accessible', async () => {
    const element = mount<HTMLElement>('c-login-rates', LoginRates);
    adapter.emit({ ...summary, slices: [] });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.empty-state')?.textContent).toBe(
      'There are no active standard users in scope yet.'
    );
    await expect(element).toBeAccessible();
  });

  it('shows errors in the shared error panel, and is accessible', async () => {
    const element = mount<HTMLElement>('c-login-rates', LoginRates);
    adapter.error({ message: 'You do not have access to the user records this dashboard reads.' });
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('Login rates could not be loaded.');
    await expect(element).toBeAccessible();
  });
});
