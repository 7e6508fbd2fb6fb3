/**
 * Container: the login leaderboard (KPI login.leaderboard with login.days.active).
 * Fetches the per-user login counts for the chosen period, filters by role and region, ranks them
 * with the KPI library and hands one page to the presentational table. In privacy mode (a rep, with
 * the setting on) Apex sends other users without names, so only the viewer's own position shows.
 */
import { LightningElement, wire } from 'lwc';
import getLoginLeaderboard from '@salesforce/apex/LoginActivityController.getLoginLeaderboard';
import {
  PERIOD_OPTIONS_DAYS,
  filterEntries,
  leaderboardPage,
  periodPickerOptions,
  pluralize,
  privateStanding,
  rankLeaderboard,
  sliceKeysOf
} from 'c/adoptionMetrics';
import type {
  LeaderboardPage,
  PickerOption,
  PrivateStanding,
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
  /** Set instead of rankedPage in privacy mode. */
  standing: PrivateStanding | undefined;

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
    this.rankedPage = undefined;
    this.standing = undefined;
    if (!this.leaderboard) return;
    if (this.leaderboard.privacyMode) {
      this.standing = privateStanding(this.leaderboard.entries, this.leaderboard.viewerId);
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
    return (this.rankedPage ?? this.standing)?.rankedCount === 0;
  }

  get hasRows(): boolean {
    return (this.rankedPage?.rankedCount ?? 0) > 0;
  }

  get isPrivate(): boolean {
    return (this.standing?.rankedCount ?? 0) > 0;
  }

  /** Role and region filters rank others by slice; with names hidden they would only confuse. */
  get showSliceFilters(): boolean {
    return this.leaderboard?.privacyMode !== true;
  }

  get privateRank(): string {
    const standing = this.standing;
    if (!standing) return '';
    return standing.rank === null
      ? `You have no logins in the ${this.periodLabel}.`
      : `You are #${standing.rank}${this.outOf(standing.rankedCount)}.`;
  }

  get privateDetail(): string {
    const standing = this.standing;
    if (!standing) return '';
    if (standing.rank === null) {
      return `${pluralize(standing.rankedCount, 'person', 'people')} logged in during the ${this.periodLabel}.`;
    }
    const days = standing.activeDays == null ? '' : ` on ${pluralize(standing.activeDays, 'day')}`;
    return `${pluralize(standing.logins, 'login')}${days} in the ${this.periodLabel}.`;
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
    return viewer
      ? `You are #${viewer.rank}${this.outOf(page.rankedCount)}.`
      : `You have no logins in the ${this.periodLabel} for this selection.`;
  }

  private outOf(rankedCount: number): string {
    return this.leaderboard?.usersComplete === false
      ? ` of the ${rankedCount} users shown`
      : ` of ${rankedCount}`;
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
