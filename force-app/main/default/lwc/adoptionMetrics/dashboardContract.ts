/**
 * The Apex contract of AdoptionDashboardController: parameter and return shapes, in one place.
 * The Apex DTO classes (AdoptionDashboardDtos) mirror these interfaces field for field; the
 * contract test parses the Apex source and fails when the two drift apart.
 *
 * Apex counts, TypeScript interprets (ARCHITECTURE.md principle 2): every KPI arrives as per-user
 * tallies (a numerator and a denominator per user) plus the directory of the users in the
 * viewer's audience; the KPI library turns them into values, slices, targets and statuses.
 */

/** What the viewer may see, decided in Apex from custom permissions. */
export type AudienceScope = 'self' | 'team' | 'all';

/** The slice a drill-down or comparison is about; `user` is one user (a rep's own records). */
export type DrillDimension = 'role' | 'region' | 'user';

/** Which request carries a KPI: one request per tab family, so a tab pays only for what it shows. */
export type KpiFamily = 'activity' | 'pipeline' | 'quality';

/** Apex: AdoptionDashboardDtos.ViewerAudience */
export interface ViewerAudience {
  scope: AudienceScope;
  viewerId: string;
  viewerName: string;
  /** The viewer's own region value (the configured region field), for "my region" views. */
  viewerRegion: string | null;
  viewerRole: string | null;
  /** Holds Adoption_Manage_Settings: sees the Settings section. */
  canManageSettings: boolean;
  /** Other users' names are hidden from this viewer on the leaderboard. */
  privacyMode: boolean;
}

/** Apex: AdoptionDashboardDtos.DashboardSettings — the Default Adoption_Settings__mdt record, validated. */
export interface DashboardSettings {
  /** API name of the User field that slices by region (default Division). */
  regionField: string;
  /** Population filter: Profile.Name values; empty = every profile. */
  populationProfiles: string[];
  /** Population filter: User.UserType values (default Standard). */
  populationUserTypes: string[];
  staleDays: number;
  abandonedDays: number;
  disqualifiedLeadStatuses: string[];
  /** JSON: { "<kpi id>": { "target": number, "roles"?: { "<role name>": number } } }. */
  targetsJson: string;
  /** JSON: { "<kpi id>": "weekly" | "everyOtherWeek" | "monthly" | "quarterly" }. */
  cadencesJson: string;
  /** KPI ids the overview leads with, in the admin's order. */
  focusKpis: string[];
  /** Data-quality gate fields as `Object.Field`, e.g. `Opportunity.NextStep`. */
  gateFields: string[];
  /** Hide other users' names on the rep leaderboard. */
  privacyMode: boolean;
  /** JSON: { "<kpi id>": number } — KPI values captured at go-live. */
  baselineJson: string;
  /** Calendar date the baseline was captured (YYYY-MM-DD), or null. */
  baselineCapturedOn: string | null;
  /**
   * Settings that were invalid, each as a sentence naming the setting, the bad value and what to
   * do; the default was used instead of each. Empty when every setting is valid.
   */
  problems: string[];
}

/** Apex: AdoptionDashboardDtos.DashboardContext — returned by getDashboardContext(). */
export interface DashboardContext {
  asOf: string;
  audience: ViewerAudience;
  settings: DashboardSettings;
  /** The org uses Cases (the Case object is readable and has at least one record). */
  casesInUse: boolean;
}

/** Apex: AdoptionDashboardDtos.DirectoryUser — one population user in the viewer's audience. */
export interface DirectoryUser {
  userId: string;
  name: string;
  role: string | null;
  region: string | null;
  managerId: string | null;
  /** ISO-8601 instant, or null for a user who never logged in. */
  lastLoginDate: string | null;
}

/** Apex: AdoptionDashboardDtos.UserTally — one user's share of a KPI. */
export interface UserTally {
  userId: string;
  numerator: number;
  denominator: number;
}

/** Apex: AdoptionDashboardDtos.KpiTallies — one KPI's per-user tallies. */
export interface KpiTallies {
  kpiId: string;
  /** For `quality.fields.fillRate`: the gate field (`Object.Field`); otherwise null. */
  detail: string | null;
  current: UserTally[];
  /** The same KPI over the previous period, for windowed KPIs; null for state KPIs. */
  previous: UserTally[] | null;
  /** False when the query stopped at its row budget: the tallies cover only part of the users. */
  complete: boolean;
}

/** Apex: AdoptionDashboardDtos.KpiData — returned by getKpiData(family, periodDays). */
export interface KpiData {
  asOf: string;
  family: KpiFamily;
  periodDays: number;
  users: DirectoryUser[];
  /** False when the audience has more users than one request may read. */
  usersComplete: boolean;
  tallies: KpiTallies[];
}

/** Apex: AdoptionDashboardDtos.WeekCount — users with a successful login in one week. */
export interface WeekCount {
  /** ISO instant of the week's exclusive start (T − 7×(k+1) days). */
  weekStart: string;
  activeUsers: number;
}

/** Apex: AdoptionDashboardDtos.LoginTrend — returned by getLoginTrend(weeks). */
export interface LoginTrend {
  asOf: string;
  population: number;
  /** Oldest week first. */
  weeks: WeekCount[];
  complete: boolean;
}

/** Apex: AdoptionDashboardDtos.PersonRow — one person in a drill-down. */
export interface PersonRow {
  userId: string;
  name: string;
  role: string | null;
  region: string | null;
  lastLoginDate: string | null;
  /** Successful logins in the period; null when the viewer may not see others' logins. */
  logins: number | null;
  recordsCreated: number;
  pastDueTasks: number;
}

/** Apex: AdoptionDashboardDtos.PeoplePage — returned by getSlicePeople(...). */
export interface PeoplePage {
  dimension: DrillDimension;
  sliceKey: string;
  sortBy: string;
  sortDirection: 'asc' | 'desc';
  pageSize: number;
  pageNumber: number;
  totalRows: number;
  rows: PersonRow[];
}

/** Apex: AdoptionDashboardDtos.NeglectedRecord — one record behind a neglected-record KPI. */
export interface NeglectedRecord {
  recordId: string;
  /** Opportunity, Task or Lead. */
  objectApiName: string;
  name: string;
  ownerId: string;
  ownerName: string;
  /** The date the KPI judges: close date, due date or last activity (YYYY-MM-DD), or null. */
  keyDate: string | null;
  amount: number | null;
  /** StageName, Task.Status or Lead.Status. */
  status: string | null;
}

/** Apex: AdoptionDashboardDtos.RecordPage — returned by getNeglectedRecords(...). */
export interface RecordPage {
  kpiId: string;
  dimension: DrillDimension;
  sliceKey: string;
  sortBy: string;
  sortDirection: 'asc' | 'desc';
  pageSize: number;
  pageNumber: number;
  totalRows: number;
  rows: NeglectedRecord[];
}

/** Where the last baseline deployment stands: Pending until Salesforce reports its outcome. */
export type BaselineDeploymentStatus = 'Pending' | 'Succeeded' | 'Failed';

/**
 * Apex: AdoptionDashboardDtos.BaselineDeployment — returned by
 * AdoptionSettingsController.getBaselineDeployment(), or null before the first capture.
 */
export interface BaselineDeployment {
  jobId: string;
  status: BaselineDeploymentStatus;
  /** Why it failed, as Salesforce reported it; null unless Failed. */
  message: string | null;
  /** ISO instant the deployment was enqueued. */
  requestedAt: string;
  /** ISO instant it completed; null while Pending. */
  completedAt: string | null;
}

/** The neglected-record KPIs a drill-down can list. */
export const NEGLECTED_RECORD_KPIS: readonly string[] = [
  'opps.neglected.pastClose',
  'opps.neglected.stale',
  'tasks.pastDue',
  'leads.abandoned'
];

/** Page sizes a list may ask for; OFFSET stops at 2,000 rows in SOQL, so pages end there. */
export const PAGE_SIZE_OPTIONS: readonly number[] = [10, 25, 50, 200];
export const MAX_LIST_OFFSET = 2_000;
