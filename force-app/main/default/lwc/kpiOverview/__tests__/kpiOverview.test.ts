import KpiOverview, { familiesFor } from 'c/kpiOverview';
import getKpiData from '@salesforce/apex/AdoptionDashboardController.getKpiData';
import type { DashboardContext, KpiCard } from 'c/adoptionMetrics';
import { flushPromises, mount, resetDom } from 'test-utils';
import activity from './data/activity.json';
import pipeline from './data/pipeline.json';
import managerContext from './data/managerContext.json';
import repContext from './data/repContext.json';

jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getKpiData',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const apexCall = getKpiData as unknown as jest.Mock;

/** Answers getKpiData with the fixture of the family asked for. */
function answerByFamily(failing: string[] = []): void {
  apexCall.mockImplementation(({ family }: { family: string }) => {
    if (failing.includes(family)) {
      return Promise.reject({ body: { message: `The ${family} KPIs failed.` } });
    }
    return Promise.resolve(family === 'activity' ? activity : pipeline);
  });
}

function withFocus(focusKpis: string[], context: unknown = managerContext): DashboardContext {
  const base = context as DashboardContext;
  return { ...base, settings: { ...base.settings, focusKpis } };
}

function mountOverview(context: unknown = managerContext): HTMLElement {
  return mount<HTMLElement>('c-kpi-overview', KpiOverview, {
    context: context as DashboardContext
  });
}

function focusCards(element: HTMLElement): KpiCard[] {
  return Array.from(element.shadowRoot?.querySelectorAll('.focus-cards c-kpi-card') ?? []).map(
    (card) => (card as unknown as { card: KpiCard }).card
  );
}

function statusCounts(element: HTMLElement, family: string): string[] {
  const summary = element.shadowRoot?.querySelector(`.family-summary[data-family="${family}"]`);
  return Array.from(summary?.querySelectorAll('.status-counts li') ?? []).map(
    (item) => item.textContent?.trim() ?? ''
  );
}

describe('c-kpi-overview', () => {
  afterEach(resetDom);

  it('shows a spinner while loading, and is accessible', async () => {
    apexCall.mockReturnValue(new Promise(() => undefined));
    const element = mountOverview();
    await flushPromises();
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('asks only for the family its focus KPIs need, at that family’s period', async () => {
    answerByFamily();
    mountOverview();
    await flushPromises();
    expect(apexCall).toHaveBeenCalledTimes(1);
    expect(apexCall).toHaveBeenCalledWith({ family: 'pipeline', periodDays: 7 });
  });

  it("leads with the focus KPIs in the admin's order, and is accessible", async () => {
    answerByFamily();
    const element = mountOverview();
    await flushPromises();
    expect(
      focusCards(element).map((card) => [card.id, card.formattedValue, card.statusLabel])
    ).toEqual([
      ['login.rate.7d', '60%', 'Below target'],
      ['tasks.pastDue', '7', 'Below target'],
      ['opps.neglected.pastClose', '3', 'Below target']
    ]);
    expect(focusCards(element)[0].formattedBaseline).toBe('55%');
    const title = element.shadowRoot?.querySelector('lightning-card') as unknown as {
      title: string;
    };
    expect(title.title).toBe('Focus KPIs');
    await expect(element).toBeAccessible();
  });

  it("gives a rep their own KPIs against their role's target", async () => {
    answerByFamily();
    const element = mountOverview(repContext);
    await flushPromises();
    const card = element.shadowRoot?.querySelector('c-kpi-card') as unknown as {
      card: KpiCard;
      personal: boolean;
    };
    expect(card.personal).toBe(true);
    expect(card.card.formattedTarget).toBe('90%');
    const title = element.shadowRoot?.querySelector('lightning-card') as unknown as {
      title: string;
    };
    expect(title.title).toBe('Your focus KPIs');
  });

  it('summarises each loaded family by status, in words', async () => {
    answerByFamily();
    const element = mountOverview();
    await flushPromises();
    expect(statusCounts(element, 'pipeline')).toEqual([
      '0 on target',
      '0 within 10 points',
      '3 below target',
      '7 without a target'
    ]);
    expect(statusCounts(element, 'activity')).toEqual([]);
    expect(statusCounts(element, 'quality')).toEqual([]);
  });

  it('asks to open a family’s tab from its summary', async () => {
    answerByFamily();
    const element = mountOverview();
    await flushPromises();
    const handler = jest.fn();
    element.addEventListener('opentab', handler);
    const button = element.shadowRoot?.querySelector(
      'lightning-button.open-family[data-family="quality"]'
    ) as unknown as HTMLElement & { label: string };
    expect(button.label).toBe('View Data Quality');
    button.click();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0].detail).toEqual({ tab: 'quality' });
  });

  it('still shows the cards of the families that loaded when another fails', async () => {
    answerByFamily(['activity']);
    const element = mountOverview(withFocus(['records.opportunities.created', 'tasks.pastDue']));
    await flushPromises();
    expect(apexCall).toHaveBeenCalledWith({ family: 'activity', periodDays: 30 });
    expect(focusCards(element).map((card) => card.id)).toEqual(['tasks.pastDue']);
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('Some KPIs could not be loaded.');
    expect(JSON.stringify(panel.errors)).toContain('The activity KPIs failed.');
    await expect(element).toBeAccessible();
  });

  it('shows the error alone when every family fails, and is accessible', async () => {
    answerByFamily(['pipeline']);
    const element = mountOverview();
    await flushPromises();
    expect(element.shadowRoot?.querySelector('c-error-panel')).not.toBeNull();
    expect(focusCards(element)).toEqual([]);
    expect(element.shadowRoot?.querySelector('.unavailable-state')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('explains focus KPIs that have no figures here', async () => {
    answerByFamily();
    const element = mountOverview(withFocus(['records.cases.closed']));
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.unavailable-state')).not.toBeNull();
  });

  it('asks for nothing and says how to choose focus KPIs when there are none, and is accessible', async () => {
    const element = mountOverview(withFocus([]));
    await flushPromises();
    expect(apexCall).not.toHaveBeenCalled();
    expect(element.shadowRoot?.querySelector('.empty-state')?.textContent).toContain(
      'No KPIs are in focus yet.'
    );
    expect(element.shadowRoot?.querySelectorAll('.family-summary')).toHaveLength(3);
    await expect(element).toBeAccessible();
  });
});

describe('familiesFor', () => {
  it('asks for each family once, in tab order', () => {
    expect(familiesFor(['quality.duplicates', 'tasks.pastDue', 'pipeline.open'])).toEqual([
      'pipeline',
      'quality'
    ]);
  });

  it('asks for one family when only login KPIs are in focus', () => {
    expect(familiesFor(['login.rate.7d', 'login.never'])).toEqual(['activity']);
  });

  it('asks for nothing for KPIs that no family carries', () => {
    expect(familiesFor(['login.leaderboard', 'login.trend'])).toEqual([]);
  });
});
