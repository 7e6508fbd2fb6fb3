import KpiFamilyPanel from 'c/kpiFamilyPanel';
import { familyOfSection, familyPeriodDays } from 'c/adoptionMetrics';
import getKpiData from '@salesforce/apex/AdoptionDashboardController.getKpiData';
import { parseDashboardSettings } from 'c/adoptionMetrics';
import type { DashboardContext, KpiCard } from 'c/adoptionMetrics';
import { changeCombobox, flushPromises, mount, resetDom } from 'test-utils';
import activity from './data/activity.json';
import pipeline from './data/pipeline.json';
import quality from './data/quality.json';
import managerContext from './data/managerContext.json';
import repContext from './data/repContext.json';

jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getKpiData',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const apexCall = getKpiData as unknown as jest.Mock;

interface RenderedChart {
  data: { labels: string[]; datasets: { data: number[] }[] };
}

function mountPanel(family: string, context: unknown = managerContext): HTMLElement {
  return mount<HTMLElement>('c-kpi-family-panel', KpiFamilyPanel, {
    family,
    context: context as DashboardContext
  });
}

function cardsOf(element: HTMLElement): KpiCard[] {
  return Array.from(element.shadowRoot?.querySelectorAll('c-kpi-card') ?? []).map(
    (card) => (card as unknown as { card: KpiCard }).card
  );
}

function summary(element: HTMLElement): [string, string, string][] {
  return cardsOf(element).map((card) => [card.id, card.formattedValue, card.statusLabel]);
}

function chartOf(element: HTMLElement, selector: string): RenderedChart | undefined {
  const chart = element.shadowRoot?.querySelector(selector);
  const canvas = chart?.shadowRoot?.querySelector('canvas') as HTMLCanvasElement;
  return (
    window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): RenderedChart } }
  ).Chart.getChart(canvas);
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('c-kpi-family-panel', () => {
  afterEach(resetDom);

  it('shows a spinner while loading, and is accessible', async () => {
    apexCall.mockReturnValue(new Promise(() => undefined));
    const element = mountPanel('activity');
    await flushPromises();
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('opens with the period most of the family is reviewed at', async () => {
    apexCall.mockResolvedValue(activity);
    mountPanel('activity');
    await flushPromises();
    expect(apexCall).toHaveBeenCalledWith({ family: 'activity', periodDays: 30 });
    resetDom();
    apexCall.mockResolvedValue(pipeline);
    mountPanel('pipeline');
    await flushPromises();
    expect(apexCall).toHaveBeenCalledWith({ family: 'pipeline', periodDays: 7 });
  });

  it("shows one card per KPI of the family, in catalog order, with the previous period's trend", async () => {
    apexCall.mockResolvedValue(activity);
    const element = mountPanel('activity');
    await flushPromises();
    expect(summary(element)).toEqual([
      ['records.accounts.created', '4', 'No target'],
      ['records.contacts.created', '7', 'No target'],
      ['records.contacts.updated', '4', 'No target'],
      ['records.opportunities.created', '6', 'On target'],
      ['records.activities.created', '37', 'No target'],
      ['records.activities.closed', '24', 'No target']
    ]);
    expect(cardsOf(element).map((card) => card.trendLabel)).toEqual([
      'Up from 1 last period',
      'Down from 8 last period',
      'Up from 0 last period',
      'Up from 4 last period',
      'Up from 30 last period',
      'Unchanged from 24 last period'
    ]);
    await expect(element).toBeAccessible();
  });

  it('leads with the focus KPIs and leaves login KPIs to their own tab', async () => {
    apexCall.mockResolvedValue(pipeline);
    const element = mountPanel('pipeline');
    await flushPromises();
    const ids = cardsOf(element).map((card) => card.id);
    expect(ids.slice(0, 2)).toEqual(['tasks.pastDue', 'opps.neglected.pastClose']);
    expect(ids).toContain('pipeline.late');
    expect(ids.some((id) => id.startsWith('login.'))).toBe(false);
    const winRate = cardsOf(element).find((card) => card.id === 'opps.wonLost');
    expect(winRate?.formattedValue).toBe('66.7%');
  });

  it('shows each gate field as its own card and no period picker for state-only KPIs', async () => {
    apexCall.mockResolvedValue(quality);
    const element = mountPanel('quality');
    await flushPromises();
    expect(summary(element).slice(3)).toEqual([
      ['quality.fields.fillRate:Opportunity.NextStep', '50%', 'No target'],
      ['quality.fields.fillRate:Account.Industry', '85.7%', 'No target']
    ]);
    expect(element.shadowRoot?.querySelector('.period-filter')).toBeNull();
  });

  it('shows no period picker when Aura leaves out the null previous tallies', async () => {
    // Aura omits null fields of Apex objects: `previous: null` arrives as an absent field.
    const omitted = {
      ...quality,
      tallies: quality.tallies.map(({ previous: _previous, ...rest }) => rest)
    };
    apexCall.mockResolvedValue(omitted);
    const element = mountPanel('quality');
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.period-filter')).toBeNull();
  });

  it('asks Apex again for the period the user picks', async () => {
    apexCall.mockResolvedValue(activity);
    const element = mountPanel('activity');
    await flushPromises();
    apexCall.mockResolvedValue({
      ...activity,
      periodDays: 7,
      tallies: activity.tallies.slice(0, 1)
    });
    changeCombobox(element.shadowRoot?.querySelector('.period-filter'), '7');
    await flushPromises();
    expect(apexCall).toHaveBeenLastCalledWith({ family: 'activity', periodDays: 7 });
    expect(cardsOf(element).map((card) => card.id)).toEqual(['records.accounts.created']);
  });

  it('ignores an earlier answer that arrives after a later one', async () => {
    apexCall.mockResolvedValueOnce(activity);
    const element = mountPanel('activity');
    await flushPromises();
    const slow = deferred<unknown>();
    apexCall.mockReturnValueOnce(slow.promise);
    changeCombobox(element.shadowRoot?.querySelector('.period-filter'), '90');
    apexCall.mockResolvedValueOnce({ ...activity, tallies: activity.tallies.slice(0, 2) });
    changeCombobox(element.shadowRoot?.querySelector('.period-filter'), '7');
    await flushPromises();
    expect(cardsOf(element)).toHaveLength(2);
    slow.resolve(activity);
    await flushPromises();
    expect(cardsOf(element)).toHaveLength(2);
    expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
  });

  it('charts the chosen KPI by role and by region on real charts', async () => {
    apexCall.mockResolvedValue(activity);
    const element = mountPanel('activity');
    await flushPromises();
    await flushPromises();
    const byRole = chartOf(element, '.role-chart');
    expect(byRole?.data.labels).toEqual(['Sales Manager', 'Sales Rep', '(none)']);
    expect(byRole?.data.datasets[0].data).toEqual([1, 3, 0]);
    expect(chartOf(element, '.region-chart')?.data.datasets[0].data).toEqual([1, 3]);
    changeCombobox(element.shadowRoot?.querySelector('.chart-kpi'), 'records.activities.created');
    await flushPromises();
    expect(chartOf(element, '.role-chart')?.data.datasets[0].data).toEqual([0, 37, 0]);
    const title = element.shadowRoot?.querySelector('.region-chart') as unknown as {
      chartTitle: string;
    };
    expect(title.chartTitle).toBe('Activities logged by region (Division)');
  });

  it('charts rates as percentages', async () => {
    apexCall.mockResolvedValue(pipeline);
    const element = mountPanel('pipeline');
    await flushPromises();
    changeCombobox(element.shadowRoot?.querySelector('.chart-kpi'), 'opps.wonLost');
    await flushPromises();
    await flushPromises();
    const byRole = chartOf(element, '.role-chart');
    expect(byRole?.data.labels).toEqual(['Sales Manager', 'Sales Rep']);
    expect(byRole?.data.datasets[0].data).toEqual([50, 75]);
  });

  it('notes figures that reached the row limit', async () => {
    apexCall.mockResolvedValue(activity);
    const element = mountPanel('activity');
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.partial-note')?.textContent).toContain(
      'cover part of the users: Activities logged.'
    );
    expect(element.shadowRoot?.querySelector('.users-note')).toBeNull();
  });

  it('notes an audience larger than one request may read', async () => {
    apexCall.mockResolvedValue({ ...activity, usersComplete: false });
    const element = mountPanel('activity');
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.users-note')?.textContent).toContain(
      'cover part of it'
    );
    expect(element.shadowRoot?.querySelector('.partial-note')).toBeNull();
  });

  it("gives a rep their own figures under their role's targets, without slice charts", async () => {
    apexCall.mockResolvedValue(activity);
    const element = mountPanel('activity', repContext);
    await flushPromises();
    const card = element.shadowRoot?.querySelector('c-kpi-card') as unknown as {
      personal: boolean;
    };
    expect(card.personal).toBe(true);
    expect(element.shadowRoot?.querySelector('.charts')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the empty state for an audience without users, and is accessible', async () => {
    apexCall.mockResolvedValue({ ...activity, users: [], tallies: [] });
    const element = mountPanel('activity');
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.empty-state')?.textContent?.trim()).toBe(
      'There are no users in your audience yet, so there is nothing to measure.'
    );
    await expect(element).toBeAccessible();
  });

  it('shows a failed period change as an error, not the previous period’s cards', async () => {
    apexCall.mockResolvedValueOnce(activity);
    const element = mountPanel('activity');
    await flushPromises();
    apexCall.mockRejectedValueOnce({
      body: { message: 'Choose a period of 7, 14, 30 or 90 days.' }
    });
    changeCombobox(element.shadowRoot?.querySelector('.period-filter'), '90');
    await flushPromises();
    expect(element.shadowRoot?.querySelector('c-error-panel')).not.toBeNull();
    expect(cardsOf(element)).toEqual([]);
    // Another period can still be tried.
    expect(element.shadowRoot?.querySelector('.period-filter')).not.toBeNull();
  });

  it('asks for nothing before it has a context', async () => {
    const element = mount<HTMLElement>('c-kpi-family-panel', KpiFamilyPanel, { family: 'quality' });
    await flushPromises();
    expect(apexCall).not.toHaveBeenCalled();
    expect(element.shadowRoot?.querySelector('c-kpi-card')).toBeNull();
  });

  it('shows errors in the shared error panel, and is accessible', async () => {
    apexCall.mockRejectedValue({ body: { message: 'Choose a period of 7, 14, 30 or 90 days.' } });
    const element = mountPanel('activity');
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      friendlyMessage: string;
      errors: unknown;
    };
    expect(panel.friendlyMessage).toBe('These KPIs could not be loaded.');
    expect(JSON.stringify(panel.errors)).toContain('Choose a period');
    await expect(element).toBeAccessible();
  });
});

describe('KPI families', () => {
  it('carry the sections of the catalog, login KPIs in none', () => {
    expect([1, 2, 3, 4, 5].map((section) => familyOfSection(section as 1))).toEqual([
      null,
      'activity',
      'pipeline',
      'quality',
      'pipeline'
    ]);
  });

  it("open with the admin's cadences where they change the majority", () => {
    const parsed = parseDashboardSettings({
      ...(managerContext as DashboardContext).settings,
      cadencesJson: JSON.stringify({
        'records.accounts.created': 'weekly',
        'records.contacts.created': 'weekly',
        'records.contacts.updated': 'weekly'
      })
    });
    // Five weekly against three monthly.
    expect(familyPeriodDays('activity', parsed)).toBe(7);
    expect(familyPeriodDays('quality', parsed)).toBe(30);
  });
});
