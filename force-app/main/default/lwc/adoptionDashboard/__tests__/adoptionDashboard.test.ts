import AdoptionDashboard from 'c/adoptionDashboard';
import getDashboardContext from '@salesforce/apex/AdoptionDashboardController.getDashboardContext';
import getKpiData from '@salesforce/apex/AdoptionDashboardController.getKpiData';
import getLoginTrend from '@salesforce/apex/AdoptionDashboardController.getLoginTrend';
import { asWireAdapter, flushPromises, mount, resetDom } from 'test-utils';
import adminContext from './data/adminContext.json';
import managerContext from './data/managerContext.json';
import repContext from './data/repContext.json';

jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getDashboardContext',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/LoginActivityController.getLoginSummary',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/LoginActivityController.getLoginLeaderboard',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getKpiData',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getLoginTrend',
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
jest.mock(
  '@salesforce/apex/AdoptionSettingsController.captureBaseline',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const contextAdapter = asWireAdapter(getDashboardContext);

interface TabProps {
  label: string;
  value: string;
}

function withProblems(context: unknown, problems: string[], targetsJson = ''): unknown {
  const base = context as typeof adminContext;
  return { ...base, settings: { ...base.settings, problems, targetsJson } };
}

async function render(context: unknown = adminContext): Promise<HTMLElement> {
  const element = mount<HTMLElement>('c-adoption-dashboard', AdoptionDashboard);
  contextAdapter.emit(context);
  await flushPromises();
  return element;
}

function tabs(element: HTMLElement): [string, string][] {
  return Array.from(element.shadowRoot?.querySelectorAll('lightning-tab') ?? []).map(
    (tabElement) => {
      const props = tabElement as unknown as TabProps;
      return [props.value, props.label];
    }
  );
}

function tab(element: HTMLElement, value: string): Element | undefined {
  return Array.from(element.shadowRoot?.querySelectorAll('lightning-tab') ?? []).find(
    (candidate) => (candidate as unknown as TabProps).value === value
  );
}

function activeTab(element: HTMLElement): string {
  const tabset = element.shadowRoot?.querySelector('lightning-tabset') as unknown as {
    activeTabValue: string;
  };
  return tabset.activeTabValue;
}

describe('c-adoption-dashboard', () => {
  beforeEach(() => {
    // The tabs' own requests stay pending: this suite is about the dashboard's layout.
    (getKpiData as unknown as jest.Mock).mockReturnValue(new Promise(() => undefined));
    (getLoginTrend as unknown as jest.Mock).mockReturnValue(new Promise(() => undefined));
  });
  afterEach(resetDom);

  it('shows a spinner while the context loads, and is accessible', async () => {
    const element = mount<HTMLElement>('c-adoption-dashboard', AdoptionDashboard);
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    expect(element.shadowRoot?.querySelector('lightning-tabset')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('gives an admin every tab, Settings last, opening on the overview, and is accessible', async () => {
    const element = await render();
    expect(tabs(element)).toEqual([
      ['overview', 'Overview'],
      ['logins', 'Logins'],
      ['activity', 'Activity'],
      ['pipeline', 'Pipeline & Leads'],
      ['quality', 'Data Quality'],
      ['regions', 'Regions'],
      ['roles', 'Roles'],
      ['settings', 'Settings']
    ]);
    expect(activeTab(element)).toBe('overview');
    expect(element.shadowRoot?.querySelector('.settings-problems')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('leaves the Settings tab out for viewers who cannot manage settings', async () => {
    const element = await render(managerContext);
    expect(tabs(element).map(([value]) => value)).not.toContain('settings');
    expect(element.shadowRoot?.querySelector('c-settings-panel')).toBeNull();
  });

  it('passes the context down to every tab', async () => {
    const element = await render();
    const overview = tab(element, 'overview')?.querySelector('c-kpi-overview') as unknown as {
      context: unknown;
    };
    expect(overview.context).toEqual(adminContext);
    const panels = Array.from(element.shadowRoot?.querySelectorAll('c-kpi-family-panel') ?? []);
    expect(panels.map((panel) => (panel as unknown as { family: string }).family)).toEqual([
      'activity',
      'pipeline',
      'quality'
    ]);
    expect((panels[0] as unknown as { context: unknown }).context).toEqual(adminContext);
    const regions = tab(element, 'regions')?.querySelector('c-slice-comparison') as unknown as {
      dimension: string;
      context: unknown;
    };
    expect(regions.dimension).toBe('region');
    expect(regions.context).toEqual(adminContext);
    const roles = tab(element, 'roles')?.querySelector('c-slice-comparison') as unknown as {
      dimension: string;
    };
    expect(roles.dimension).toBe('role');
    const settings = tab(element, 'settings')?.querySelector('c-settings-panel') as unknown as {
      context: unknown;
    };
    expect(settings.context).toEqual(adminContext);
  });

  it('puts login rates, the leaderboard and the login trend on the Logins tab', async () => {
    const element = await render();
    const logins = tab(element, 'logins');
    expect(logins?.querySelector('c-login-rates')).not.toBeNull();
    expect(logins?.querySelector('c-login-leaderboard')).not.toBeNull();
    expect(logins?.querySelector('c-login-trend')).not.toBeNull();
  });

  it('explains to a rep that comparisons are for managers and admins, and is accessible', async () => {
    const element = await render(repContext);
    expect(element.shadowRoot?.querySelector('c-slice-comparison')).toBeNull();
    for (const value of ['regions', 'roles']) {
      expect(tab(element, value)?.querySelector('.compare-empty p')?.textContent?.trim()).toBe(
        'Comparisons across regions and roles are for managers and admins'
      );
    }
    expect(element.shadowRoot?.querySelector('.audience')?.textContent?.trim()).toBe(
      'Showing your own activity.'
    );
    await expect(element).toBeAccessible();
  });

  it('says whose figures a manager sees', async () => {
    const element = await render(managerContext);
    expect(element.shadowRoot?.querySelector('.audience')?.textContent?.trim()).toBe(
      'Showing your team: the people you manage, their teams, and your region.'
    );
  });

  it("warns about Apex's and the catalog's settings problems at the top, and is accessible", async () => {
    const element = await render(
      withProblems(
        adminContext,
        ['Stale days is -5; it must be a whole number of days from 1 to 3650. Using 30.'],
        '{"login.rate.7d":{"target":1.5}}'
      )
    );
    const banner = element.shadowRoot?.querySelector('.settings-problems');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(element.shadowRoot?.querySelector('.dashboard')?.firstElementChild).toBe(banner);
    const problems = Array.from(banner?.querySelectorAll('.problem-list li') ?? []).map(
      (item) => item.textContent
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('Stale days is -5');
    expect(problems[1]).toContain('login.rate.7d');
    await expect(element).toBeAccessible();
  });

  it('takes an admin from the problems to the Settings tab', async () => {
    const element = await render(withProblems(adminContext, ['Region field Foo__c is unknown.']));
    (element.shadowRoot?.querySelector('lightning-button.review-settings') as HTMLElement).click();
    await flushPromises();
    expect(activeTab(element)).toBe('settings');
  });

  it('tells other viewers that their admin can fix the problems', async () => {
    const element = await render(withProblems(managerContext, ['Region field Foo__c is unknown.']));
    expect(element.shadowRoot?.querySelector('lightning-button.review-settings')).toBeNull();
    expect(element.shadowRoot?.querySelector('.settings-problems')?.textContent).toContain(
      'Your Salesforce admin can fix them'
    );
  });

  it('opens the tab the overview asks for, even after the user moved away from it', async () => {
    const element = await render();
    const overview = element.shadowRoot?.querySelector('c-kpi-overview');
    overview?.dispatchEvent(new CustomEvent('opentab', { detail: { tab: 'activity' } }));
    await flushPromises();
    expect(activeTab(element)).toBe('activity');
    tab(element, 'overview')?.dispatchEvent(new CustomEvent('active'));
    await flushPromises();
    expect(activeTab(element)).toBe('overview');
    overview?.dispatchEvent(new CustomEvent('opentab', { detail: { tab: 'activity' } }));
    await flushPromises();
    expect(activeTab(element)).toBe('activity');
  });

  it('ignores a request for a tab that does not exist', async () => {
    const element = await render();
    element.shadowRoot
      ?.querySelector('c-kpi-overview')
      ?.dispatchEvent(new CustomEvent('opentab', { detail: { tab: 'nowhere' } }));
    await flushPromises();
    expect(activeTab(element)).toBe('overview');
  });

  it('shows errors in the shared error panel, and is accessible', async () => {
    const element = mount<HTMLElement>('c-adoption-dashboard', AdoptionDashboard);
    contextAdapter.error({
      message: 'You do not have access to the Apex class AdoptionDashboardController.'
    });
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('The dashboard could not be loaded.');
    expect(element.shadowRoot?.querySelector('lightning-tabset')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
