import SettingsPanel from 'c/settingsPanel';
import getKpiData from '@salesforce/apex/AdoptionDashboardController.getKpiData';
import captureBaseline from '@salesforce/apex/AdoptionSettingsController.captureBaseline';
import getBaselineDeployment from '@salesforce/apex/AdoptionSettingsController.getBaselineDeployment';
import type { DashboardContext } from 'c/adoptionMetrics';
import { flushPromises, mount, resetDom } from 'test-utils';
import activity from './data/activity.json';
import pipeline from './data/pipeline.json';
import quality from './data/quality.json';
import adminContext from './data/adminContext.json';
import deployments from './data/baselineDeployments.json';

jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getKpiData',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/AdoptionSettingsController.captureBaseline',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/AdoptionSettingsController.getBaselineDeployment',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const kpiDataCall = getKpiData as unknown as jest.Mock;
const captureCall = captureBaseline as unknown as jest.Mock;
const deploymentCall = getBaselineDeployment as unknown as jest.Mock;
const POLL_MS = 5_000;
const FAMILY_DATA: Record<string, unknown> = { activity, pipeline, quality };

function mountPanel(context: unknown = adminContext): HTMLElement {
  return mount<HTMLElement>('c-settings-panel', SettingsPanel, {
    context: context as DashboardContext
  });
}

function withSettings(changes: Record<string, unknown>): DashboardContext {
  const base = adminContext as DashboardContext;
  return { ...base, settings: { ...base.settings, ...changes } };
}

function setting(element: HTMLElement, label: string): string | undefined {
  return element.shadowRoot
    ?.querySelector(`.setting-value[data-setting="${label}"]`)
    ?.textContent?.trim();
}

function targetRow(element: HTMLElement, kpiId: string): Record<string, string> | undefined {
  const row = element.shadowRoot?.querySelector(`.target-table tr[data-kpi="${kpiId}"]`);
  if (!row) return undefined;
  const cell = (selector: string): string => row.querySelector(selector)?.textContent?.trim() ?? '';
  return {
    label: cell('th'),
    target: cell('.target'),
    source: cell('.source'),
    roleTargets: cell('.role-targets'),
    cadence: cell('.cadence'),
    baseline: cell('.baseline')
  };
}

function clickCapture(element: HTMLElement): void {
  (element.shadowRoot?.querySelector('lightning-button.capture-baseline') as HTMLElement).click();
}

/** What the live region says, a sentence per line (formatted dates are stubs without text). */
function deploymentText(element: HTMLElement): string {
  return Array.from(element.shadowRoot?.querySelectorAll('.baseline-deployment p') ?? [])
    .map((line) => line.textContent?.replace(/\s+/g, ' ').trim())
    .join(' ');
}

function formattedDate(element: HTMLElement): unknown {
  return (
    element.shadowRoot?.querySelector('.baseline-deployment lightning-formatted-date-time') as
      { value: unknown } | null | undefined
  )?.value;
}

describe('c-settings-panel', () => {
  beforeEach(() => {
    deploymentCall.mockResolvedValue(null);
  });
  afterEach(() => {
    resetDom();
    jest.useRealTimers();
  });

  it('shows every setting in force, and is accessible', async () => {
    const element = mountPanel();
    await flushPromises();
    expect(setting(element, 'Region field')).toBe('Division');
    expect(setting(element, 'Population profiles')).toBe('All profiles');
    expect(setting(element, 'Stale opportunity after (days)')).toBe('30');
    expect(setting(element, 'Focus KPIs')).toBe(
      'Login rate (7 days), Past-due tasks, Open opportunities past their close date'
    );
    expect(setting(element, 'Data-quality gate fields')).toBe(
      'Opportunity.NextStep, Account.Industry'
    );
    expect(setting(element, 'Review cadences')).toBe('Catalog defaults');
    expect(setting(element, 'Privacy mode')).toBe('Off');
    expect(setting(element, 'Baseline')).toBe('2 KPIs, captured on Sep 1, 2026');
    expect(element.shadowRoot?.querySelector('.no-problems')?.textContent?.trim()).toBe(
      'Every setting is valid.'
    );
    await expect(element).toBeAccessible();
  });

  it("lists Apex's problems and the catalog's, and is accessible", async () => {
    const element = mountPanel(
      withSettings({
        problems: ['Stale days is -5; it must be a whole number of days from 1 to 3650. Using 30.'],
        targetsJson: '{"login.rate.7d":{"target":1.5}}',
        cadencesJson: '{"opps.stageMovement":"weekly"}',
        privacyMode: true
      })
    );
    await flushPromises();
    const problems = Array.from(element.shadowRoot?.querySelectorAll('.problem-list li') ?? []).map(
      (item) => item.textContent?.trim()
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('Stale days is -5');
    expect(problems[1]).toContain('login.rate.7d');
    expect(setting(element, 'Review cadences')).toBe('Opportunities that changed stage: weekly');
    expect(setting(element, 'Privacy mode')).toBe('On: reps see only their own rank');
    await expect(element).toBeAccessible();
  });

  it('shows the target in force for every KPI that can have one, with its source', async () => {
    const element = mountPanel();
    await flushPromises();
    expect(targetRow(element, 'login.rate.7d')).toEqual({
      label: 'Login rate (7 days)',
      target: '80%',
      source: 'Set by admin',
      roleTargets: 'Sales Rep: 90%',
      cadence: 'weekly',
      baseline: '55%'
    });
    expect(targetRow(element, 'tasks.pastDue')).toEqual({
      label: 'Past-due tasks',
      target: '0',
      source: 'Catalog default',
      roleTargets: '—',
      cadence: 'weekly',
      baseline: '12'
    });
    expect(targetRow(element, 'records.opportunities.created')?.target).toBe('5');
    expect(targetRow(element, 'opps.wonLost')?.target).toBe('No target');
    expect(targetRow(element, 'quality.fields.fillRate:Account.Industry')?.label).toBe(
      'Key fields filled in: Account.Industry'
    );
    expect(targetRow(element, 'quality.fields.fillRate')).toBeUndefined();
    expect(targetRow(element, 'login.leaderboard')).toBeUndefined();
    expect(targetRow(element, 'records.cases.closed')).toBeUndefined();
  });

  it('lists case KPIs where cases are in use', async () => {
    const element = mountPanel({ ...(adminContext as DashboardContext), casesInUse: true });
    await flushPromises();
    expect(targetRow(element, 'records.cases.closed')?.cadence).toBe('monthly');
  });

  it('captures every KPI of every family as the baseline, and is accessible', async () => {
    kpiDataCall.mockImplementation(({ family }: { family: string }) =>
      Promise.resolve(FAMILY_DATA[family])
    );
    captureCall.mockResolvedValue('0Af000000000001CAA');
    const element = mountPanel();
    await flushPromises();
    deploymentCall.mockResolvedValue(deployments.pending);
    clickCapture(element);
    await flushPromises();
    expect(kpiDataCall.mock.calls.map((call) => call[0])).toEqual([
      { family: 'activity', periodDays: 30 },
      { family: 'pipeline', periodDays: 7 },
      { family: 'quality', periodDays: 30 }
    ]);
    expect(captureCall).toHaveBeenCalledTimes(1);
    const baseline = JSON.parse(captureCall.mock.calls[0][0].baselineJson);
    expect(baseline).toMatchObject({
      'login.rate.7d': 0.6,
      'login.never': 1,
      'records.activities.created': 37,
      'tasks.pastDue': 7,
      'pipeline.open': 1250000,
      'quality.fields.fillRate:Opportunity.NextStep': 0.5
    });
    expect(Object.keys(baseline)).toHaveLength(26);
    expect(deploymentCall).toHaveBeenCalledTimes(2);
    expect(deploymentText(element)).toBe('Saving the baseline… (requested )');
    expect(formattedDate(element)).toBe('2026-11-23T14:02:00.000Z');
    await expect(element).toBeAccessible();
  });

  it('follows the deployment it enqueued until it is saved, then suggests a reload', async () => {
    jest.useFakeTimers();
    kpiDataCall.mockImplementation(({ family }: { family: string }) =>
      Promise.resolve(FAMILY_DATA[family])
    );
    captureCall.mockResolvedValue('0Af000000000001CAA');
    const element = mountPanel();
    await jest.advanceTimersByTimeAsync(0);
    deploymentCall
      .mockResolvedValueOnce(deployments.pending)
      .mockResolvedValueOnce(deployments.pending)
      .mockResolvedValue(deployments.succeeded);
    clickCapture(element);
    await jest.advanceTimersByTimeAsync(0);
    expect(element.shadowRoot?.querySelector('.deployment-pending')).not.toBeNull();
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(element.shadowRoot?.querySelector('.deployment-pending')).not.toBeNull();
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(deploymentText(element)).toBe(
      'Baseline saved on . Reload the page to compare the cards with it.'
    );
    expect(formattedDate(element)).toBe('2026-11-23T14:02:40.000Z');
    await jest.advanceTimersByTimeAsync(10 * POLL_MS);
    expect(deploymentCall).toHaveBeenCalledTimes(4);
  });

  it('shows a pending deployment on load in a polite live region, and is accessible', async () => {
    deploymentCall.mockResolvedValue(deployments.pending);
    const element = mountPanel();
    await flushPromises();
    const region = element.shadowRoot?.querySelector('.baseline-deployment');
    expect(region?.getAttribute('role')).toBe('status');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(deploymentText(element)).toBe('Saving the baseline… (requested )');
    expect(formattedDate(element)).toBe('2026-11-23T14:02:00.000Z');
    await expect(element).toBeAccessible();
  });

  it('stops asking after two minutes and says the outcome is not known yet', async () => {
    jest.useFakeTimers();
    deploymentCall.mockResolvedValue(deployments.pending);
    const element = mountPanel();
    await jest.advanceTimersByTimeAsync(0);
    await jest.advanceTimersByTimeAsync(120_000);
    expect(deploymentCall).toHaveBeenCalledTimes(25);
    expect(deploymentText(element)).toBe(
      'Saving the baseline… (requested ) Salesforce has not reported the outcome yet: open this tab again later to see it.'
    );
    await jest.advanceTimersByTimeAsync(60_000);
    expect(deploymentCall).toHaveBeenCalledTimes(25);
  });

  it('stops asking when the panel is removed', async () => {
    jest.useFakeTimers();
    deploymentCall.mockResolvedValue(deployments.pending);
    const element = mountPanel();
    await jest.advanceTimersByTimeAsync(0);
    document.body.removeChild(element);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(deploymentCall).toHaveBeenCalledTimes(1);
  });

  it('shows when the baseline was saved, without asking again, and is accessible', async () => {
    deploymentCall.mockResolvedValue(deployments.succeeded);
    const element = mountPanel();
    await flushPromises();
    expect(deploymentText(element)).toBe('Baseline saved on .');
    expect(formattedDate(element)).toBe('2026-11-23T14:02:40.000Z');
    expect(deploymentCall).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });

  it('says why the baseline could not be saved, in words and error style, accessibly', async () => {
    deploymentCall.mockResolvedValue(deployments.failed);
    const element = mountPanel();
    await flushPromises();
    expect(deploymentText(element)).toBe(
      'The baseline could not be saved: Deployment failed. Baseline__c: data value too large: 131073 characters.'
    );
    const failed = element.shadowRoot?.querySelector('.deployment-failed');
    expect(failed?.classList.contains('slds-text-color_error')).toBe(true);
    const icon = failed?.querySelector('lightning-icon') as unknown as { alternativeText: string };
    expect(icon.alternativeText).toBe('Error');
    await expect(element).toBeAccessible();
  });

  it('says nothing about a save before the first capture, accessibly', async () => {
    const element = mountPanel();
    await flushPromises();
    expect(deploymentCall).toHaveBeenCalledTimes(1);
    expect(deploymentText(element)).toBe('');
    expect(element.shadowRoot?.querySelector('c-error-panel')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows in the shared error panel when the outcome cannot be read, accessibly', async () => {
    deploymentCall.mockRejectedValue({ body: { message: 'Insufficient access' } });
    const element = mountPanel();
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('Whether the last baseline was saved could not be read.');
    expect(JSON.stringify(panel.errors)).toContain('Insufficient access');
    await expect(element).toBeAccessible();
  });

  it('shows a spinner and disables the button while capturing', async () => {
    kpiDataCall.mockReturnValue(new Promise(() => undefined));
    const element = mountPanel();
    await flushPromises();
    clickCapture(element);
    await flushPromises();
    const button = element.shadowRoot?.querySelector(
      'lightning-button.capture-baseline'
    ) as unknown as {
      disabled: boolean;
    };
    expect(button.disabled).toBe(true);
    expect(element.shadowRoot?.querySelector('.capture lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows a refused capture in the shared error panel and lets the admin retry, accessibly', async () => {
    kpiDataCall.mockImplementation(({ family }: { family: string }) =>
      Promise.resolve(FAMILY_DATA[family])
    );
    captureCall.mockRejectedValue({
      body: { message: 'Capturing a baseline needs the Adoption Manage Settings permission.' }
    });
    const element = mountPanel();
    await flushPromises();
    clickCapture(element);
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('The baseline could not be captured.');
    expect(JSON.stringify(panel.errors)).toContain('Adoption Manage Settings permission');
    expect(deploymentCall).toHaveBeenCalledTimes(1);
    expect(deploymentText(element)).toBe('');
    const button = element.shadowRoot?.querySelector(
      'lightning-button.capture-baseline'
    ) as unknown as {
      disabled: boolean;
      label: string;
    };
    expect(button.disabled).toBe(false);
    expect(button.label).toBe('Capture new baseline');
    await expect(element).toBeAccessible();
  });

  it('says when there is no baseline yet', async () => {
    const element = mountPanel(withSettings({ baselineJson: '', baselineCapturedOn: null }));
    await flushPromises();
    expect(setting(element, 'Baseline')).toBe('Not captured yet');
    const button = element.shadowRoot?.querySelector(
      'lightning-button.capture-baseline'
    ) as unknown as {
      label: string;
    };
    expect(button.label).toBe('Capture baseline');
  });

  it('shows the empty state without a context, and is accessible', async () => {
    const element = mount<HTMLElement>('c-settings-panel', SettingsPanel);
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.empty-state')?.textContent?.trim()).toBe(
      'The settings are not available yet.'
    );
    await expect(element).toBeAccessible();
  });
});
