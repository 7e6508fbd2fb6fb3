/**
 * Container: the Adoption Dashboard, the one component on the app page. Reads who is looking and
 * the admin's settings (getDashboardContext), warns about settings that fell back to defaults, and
 * lays the dashboard out in tabs that each load their own data when first opened (lightning-tab
 * renders its content on first activation). The Settings tab is there only for admins.
 */
import { LightningElement, wire } from 'lwc';
import getDashboardContext from '@salesforce/apex/AdoptionDashboardController.getDashboardContext';
import { parseDashboardSettings } from 'c/adoptionMetrics';
import type { AudienceScope, DashboardContext } from 'c/adoptionMetrics';

interface WireResult {
  data?: unknown;
  error?: unknown;
}

export const TAB_VALUES = [
  'overview',
  'logins',
  'activity',
  'pipeline',
  'quality',
  'regions',
  'roles',
  'settings'
] as const;

export type TabValue = (typeof TAB_VALUES)[number];

const AUDIENCE_DESCRIPTIONS: Readonly<Record<AudienceScope, string>> = {
  all: 'Showing everyone the dashboard measures.',
  team: 'Showing your team: the people you manage, their teams, and your region.',
  self: 'Showing your own activity.'
};

export default class AdoptionDashboard extends LightningElement {
  context: DashboardContext | undefined;
  error: unknown;
  activeTab: TabValue = 'overview';
  /** Apex's and the KPI catalog's objections to the settings, parsed once per context. */
  problems: string[] = [];

  @wire(getDashboardContext)
  wiredContext({ data, error }: WireResult): void {
    if (data) {
      this.context = data as DashboardContext;
      this.problems = parseDashboardSettings(this.context.settings).problems;
      this.error = undefined;
    } else if (error) {
      this.context = undefined;
      this.problems = [];
      this.error = error;
    }
  }

  get isLoading(): boolean {
    return !this.context && !this.error;
  }

  get hasError(): boolean {
    return Boolean(this.error);
  }

  get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  get canManageSettings(): boolean {
    return this.context?.audience.canManageSettings === true;
  }

  /** A rep sees only their own figures: there are no other regions or roles to compare with. */
  get canCompare(): boolean {
    return this.context?.audience.scope !== 'self';
  }

  get audienceDescription(): string {
    return this.context ? AUDIENCE_DESCRIPTIONS[this.context.audience.scope] : '';
  }

  /** Keeps activeTab in step with the user's clicks, so a later "open this tab" always switches. */
  handleTabActive(event: Event): void {
    this.activeTab = (event.target as unknown as { value: TabValue }).value;
  }

  handleOpenTab(event: CustomEvent<{ tab: TabValue }>): void {
    if (TAB_VALUES.includes(event.detail.tab)) this.activeTab = event.detail.tab;
  }

  handleReviewSettings(): void {
    this.activeTab = 'settings';
  }
}
