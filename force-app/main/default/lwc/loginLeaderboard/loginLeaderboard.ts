/**
 * Container: the login leaderboard (KPI login.leaderboard with login.days.active).
 * Fetches the per-user login counts for the chosen period, filters by role and region, ranks them
 * with the KPI library and hands one page to the presentational table.
 */
import { LightningElement, wire } from 'lwc';
import getLoginLeaderboard from '@salesforce/apex/LoginActivityController.getLoginLeaderboard';
import {
  PERIOD_OPTIONS_DAYS,
  filterEntries,
  leaderboardPage,
  periodPickerOptions,
  rankLeaderboard,
  sliceKeysOf
} from 'c/adoptionMetrics';
import type {
  LeaderboardPage,
  PickerOption,
  LoginLeaderboard as LeaderboardData,
  SliceDimension
} from 'c/adoptionMetrics';

export const PAGE_SIZE = 25;
const ALL = '';

interface WireResult {
  data?: unknown;
  error?: unknown;
}

export default class LoginLeaderboard extends LightningElement {
  periodDays = PERIOD_OPTIONS_DAYS[0];
  role = ALL;
  region = ALL;
  leaderboard: LeaderboardData | undefined;
  error: unknown;
  /** Ranked once per change of data or filter, not on every render. */
  rankedPage: LeaderboardPage | undefined;

  @wire(getLoginLeaderboard, { periodDays: '$periodDays' })
  wiredLeaderboard({ data, error }: WireResult): void {
    if (data) {
      this.leaderboard = data as LeaderboardData;
      this.error = undefined;
    } else if (error) {
      this.leaderboard = undefined;
      this.error = error;
    }
    this.rankPage();
  }

  private rankPage(): void {
    if (!this.leaderboard) {
      this.rankedPage = undefined;
      return;
    }
    const entries = filterEntries(this.leaderboard.entries, {
      role: this.role,
      region: this.region
    });
    this.rankedPage = leaderboardPage(
      rankLeaderboard(entries, this.leaderboard.viewerId),
      PAGE_SIZE
    );
  }

  get isLoading(): boolean {
    return !this.leaderboard && !this.error;
  }

  get hasError(): boolean {
    return Boolean(this.error);
  }

  get isEmpty(): boolean {
    return this.rankedPage?.rankedCount === 0;
  }

  get hasRows(): boolean {
    return (this.rankedPage?.rankedCount ?? 0) > 0;
  }

  get periodOptions(): PickerOption[] {
    return periodPickerOptions(PERIOD_OPTIONS_DAYS);
  }

  get periodValue(): string {
    return String(this.periodDays);
  }

  get periodLabel(): string {
    return `last ${this.periodDays} days`;
  }

  get roleOptions(): PickerOption[] {
    return this.sliceOptions('role', 'All roles');
  }

  get regionOptions(): PickerOption[] {
    return this.sliceOptions('region', 'All regions');
  }

  get viewerStanding(): string {
    const page = this.rankedPage;
    if (!page) return '';
    const viewer = page.rows.find((row) => row.isViewer) ?? page.viewerRow;
    const shown =
      this.leaderboard?.usersComplete === false
        ? ` of the ${page.rankedCount} users shown`
        : ` of ${page.rankedCount}`;
    return viewer
      ? `You are #${viewer.rank}${shown}.`
      : `You have no logins in the ${this.periodLabel} for this selection.`;
  }

  get activeDaysNote(): string | null {
    return this.leaderboard && !this.leaderboard.activeDaysComplete
      ? 'Active days were counted for the most active users only: this org has more logins than one request may read. Users without a count rank after equal login counts.'
      : null;
  }

  get usersNote(): string | null {
    return this.leaderboard?.usersComplete === false
      ? 'More people logged in than one request may read, so the leaderboard ranks those who logged in most recently.'
      : null;
  }

  private sliceOptions(dimension: SliceDimension, allLabel: string): PickerOption[] {
    const keys = this.leaderboard ? sliceKeysOf(this.leaderboard.entries, dimension) : [];
    return [{ label: allLabel, value: ALL }, ...keys.map((key) => ({ label: key, value: key }))];
  }

  handlePeriodChange(event: CustomEvent<{ value: string }>): void {
    this.periodDays = Number(event.detail.value);
  }

  handleRoleChange(event: CustomEvent<{ value: string }>): void {
    this.role = event.detail.value;
    this.rankPage();
  }

  handleRegionChange(event: CustomEvent<{ value: string }>): void {
    this.region = event.detail.value;
    this.rankPage();
  }
}
