import SliceComparison from 'c/sliceComparison';
import getKpiData from '@salesforce/apex/AdoptionDashboardController.getKpiData';
import getSlicePeople from '@salesforce/apex/AdoptionDashboardController.getSlicePeople';
import getNeglectedRecords from '@salesforce/apex/AdoptionDashboardController.getNeglectedRecords';
import type { KpiData, KpiFamily, SliceComparison as Comparison } from 'c/adoptionMetrics';
import { flushPromises, mount, resetDom } from 'test-utils';
import context from './data/context.json';
import fixture from './data/kpiData.json';

jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getKpiData',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getSlicePeople',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getNeglectedRecords',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const kpiApex = getKpiData as unknown as jest.Mock;

function kpiData(family: KpiFamily, changes: Partial<KpiData> = {}): KpiData {
  return {
    asOf: context.asOf,
    family,
    periodDays: 30,
    users: fixture.users,
    usersComplete: true,
    tallies: fixture[family],
    ...changes
  };
}

function serveFamilies(changes: Partial<KpiData> = {}): void {
  kpiApex.mockImplementation(({ family }: { family: KpiFamily }) =>
    Promise.resolve(kpiData(family, changes))
  );
}

function withScope(scope: string) {
  return { ...context, audience: { ...context.audience, scope } };
}

function mountComparison(props: Record<string, unknown> = {}): HTMLElement {
  return mount<HTMLElement>('c-slice-comparison', SliceComparison, {
    dimension: 'region',
    context,
    ...props
  });
}

function table(element: HTMLElement): (HTMLElement & { comparison: Comparison }) | null {
  return element.shadowRoot?.querySelector('c-slice-comparison-table') as unknown as
    (HTMLElement & { comparison: Comparison }) | null;
}

function row(element: HTMLElement, kpiId: string): string[] {
  const found = table(element)?.comparison.rows.find((candidate) => candidate.kpiId === kpiId);
  return (found?.cells ?? []).map((cell) => `${cell.formattedValue} ${cell.status ?? 'none'}`);
}

function text(element: HTMLElement, selector: string): string | undefined {
  return element.shadowRoot?.querySelector(selector)?.textContent?.trim();
}

function selectSlice(element: HTMLElement, sliceKey: string): void {
  table(element)?.dispatchEvent(new CustomEvent('sliceselect', { detail: { sliceKey } }));
}

describe('c-slice-comparison', () => {
  beforeEach(() => {
    serveFamilies();
    // The drill-down's lists stay loading: its own tests cover them.
    (getSlicePeople as unknown as jest.Mock).mockReturnValue(new Promise(() => {}));
    (getNeglectedRecords as unknown as jest.Mock).mockReturnValue(new Promise(() => {}));
  });

  afterEach(resetDom);

  it('shows a spinner while the families load, and is accessible', async () => {
    kpiApex.mockReturnValue(new Promise(() => {}));
    const element = mountComparison();
    await flushPromises();
    expect(
      (
        element.shadowRoot?.querySelector('lightning-spinner') as unknown as {
          alternativeText: string;
        }
      ).alternativeText
    ).toBe('Loading the comparison');
    await expect(element).toBeAccessible();
  });

  it('loads the three KPI families over 30 days', async () => {
    mountComparison();
    await flushPromises();
    expect(kpiApex.mock.calls).toEqual([
      [{ family: 'activity', periodDays: 30 }],
      [{ family: 'pipeline', periodDays: 30 }],
      [{ family: 'quality', periodDays: 30 }]
    ]);
  });

  it('compares every KPI across regions, with status per cell, and is accessible', async () => {
    const element = mountComparison();
    await flushPromises();
    const comparison = table(element)?.comparison;
    expect(comparison?.sliceKeys).toEqual(['AMER', 'EMEA', '(none)']);
    expect(row(element, 'records.accounts.created')).toEqual(['1 none', '3 none', '0 none']);
    expect(row(element, 'opps.neglected.pastClose')).toEqual(['0 green', '3 red', '0 green']);
    expect(row(element, 'quality.opps.missingAmount')).toEqual(['0 none', '1 none', '0 none']);
    // Regions are held to the default target: EMEA's 50% is more than 10 points short of 80%.
    expect(row(element, 'login.rate.7d')).toEqual(['0% red', '50% red', '0% red']);
    // Every family carries the directory; its login KPIs appear once.
    expect(
      comparison?.rows.filter((candidate) => candidate.kpiId === 'login.rate.7d')
    ).toHaveLength(1);
    expect((table(element) as unknown as { periodLabel: string }).periodLabel).toBe('last 30 days');
    expect(
      (element.shadowRoot?.querySelector('lightning-card') as unknown as { title: string }).title
    ).toBe('Compare regions');
    await expect(element).toBeAccessible();
  });

  it('compares roles against each role’s own target', async () => {
    const element = mountComparison({ dimension: 'role' });
    await flushPromises();
    expect(table(element)?.comparison.sliceKeys).toEqual(['Sales Manager', 'Sales Rep', '(none)']);
    // login.rate.7d: one of the two reps logged in, which meets the reps' own 50% target.
    expect(row(element, 'login.rate.7d')).toEqual(['0% red', '50% green', '0% red']);
  });

  it('drills into a slice below the table and comes back to all of them', async () => {
    const element = mountComparison();
    await flushPromises();
    selectSlice(element, 'EMEA');
    await flushPromises();
    const drilldown = element.shadowRoot?.querySelector('c-slice-drilldown') as unknown as {
      dimension: string;
      sliceKey: string;
      periodDays: number;
    };
    expect([drilldown.dimension, drilldown.sliceKey, drilldown.periodDays]).toEqual([
      'region',
      'EMEA',
      30
    ]);
    expect(text(element, '.drilldown-heading')).toBe('Region: EMEA');
    expect(element.shadowRoot?.activeElement).toBe(
      element.shadowRoot?.querySelector('.drilldown-heading')
    );
    expect((table(element) as unknown as { selectedSliceKey: string }).selectedSliceKey).toBe(
      'EMEA'
    );
    const back = element.shadowRoot?.querySelector('.back-button') as unknown as HTMLElement & {
      label: string;
    };
    expect(back.label).toBe('Back to all regions');
    await expect(element).toBeAccessible();

    back.click();
    await flushPromises();
    expect(element.shadowRoot?.querySelector('c-slice-drilldown')).toBeNull();
    expect(table(element)?.shadowRoot?.activeElement?.textContent).toBe('Drill into EMEA');
  });

  it('names roles on the back button', async () => {
    const element = mountComparison({ dimension: 'role' });
    await flushPromises();
    selectSlice(element, '(none)');
    await flushPromises();
    expect(
      (element.shadowRoot?.querySelector('.back-button') as unknown as { label: string }).label
    ).toBe('Back to all roles');
    expect(text(element, '.drilldown-heading')).toBe('Role: (none)');
  });

  it('explains to a viewer who sees only their own activity, without asking Apex, accessibly', async () => {
    const element = mountComparison({ context: withScope('self') });
    await flushPromises();
    expect(kpiApex).not.toHaveBeenCalled();
    expect(text(element, '.self-scope-message')).toBe(
      'You see your own activity only, so there are no regions to compare. Your own KPIs are on the other tabs; to compare your team’s regions, ask your Salesforce admin for the Adoption Dashboard Manager permission set.'
    );
    expect(table(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the Apex error in the shared error panel, and is accessible', async () => {
    kpiApex.mockRejectedValue({ body: { message: 'Choose a period of 7, 14, 30 or 90 days.' } });
    const element = mountComparison();
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('The comparison could not be loaded.');
    expect(JSON.stringify(panel.errors)).toContain('Choose a period of 7, 14, 30 or 90 days.');
    await expect(element).toBeAccessible();
  });

  it('says when there is no one to compare, and is accessible', async () => {
    serveFamilies({ users: [], tallies: [] });
    const element = mountComparison();
    await flushPromises();
    expect(text(element, '.empty-state')).toBe(
      'There is no one in your view of the organisation to compare by region yet.'
    );
    expect(table(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says when the directory was cut short', async () => {
    serveFamilies({ usersComplete: false });
    const element = mountComparison();
    await flushPromises();
    expect(text(element, '.completeness-note')).toBe(
      'Your view holds more than 5,000 users, more than one request may read: the comparison covers 5,000 of them.'
    );
  });

  it('says when a KPI query stopped at its row budget', async () => {
    kpiApex.mockImplementation(({ family }: { family: KpiFamily }) =>
      Promise.resolve(
        kpiData(family, {
          tallies: fixture[family].map((tallies) => ({
            ...tallies,
            complete: family !== 'quality'
          }))
        })
      )
    );
    const element = mountComparison();
    await flushPromises();
    expect(text(element, '.completeness-note')).toBe(
      'Some KPIs count only part of the users: this org has more records than one request may read.'
    );
  });

  it('adds no note when every figure is complete', async () => {
    const element = mountComparison();
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.completeness-note')).toBeNull();
  });

  it('waits for the context, then loads', async () => {
    const element = mountComparison({ context: undefined });
    await flushPromises();
    expect(kpiApex).not.toHaveBeenCalled();
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    Object.assign(element, { context });
    await flushPromises();
    expect(kpiApex).toHaveBeenCalledTimes(3);
    expect(table(element)).not.toBeNull();
  });

  it('loads once when dimension and context change together', async () => {
    const element = mountComparison();
    await flushPromises();
    kpiApex.mockClear();
    Object.assign(element, { dimension: 'role', context: { ...context } });
    await flushPromises();
    expect(kpiApex).toHaveBeenCalledTimes(3);
  });

  it('switching dimension reloads and closes the drill-down', async () => {
    const element = mountComparison();
    await flushPromises();
    selectSlice(element, 'EMEA');
    await flushPromises();
    Object.assign(element, { dimension: 'role' });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('c-slice-drilldown')).toBeNull();
    expect(table(element)?.comparison.sliceKeys).toEqual(['Sales Manager', 'Sales Rep', '(none)']);
  });
});
