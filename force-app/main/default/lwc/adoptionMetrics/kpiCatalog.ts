/**
 * The KPI catalog (KPI_CATALOG.md) as data: every KPI id with its label, section, kind, direction,
 * review cadence, default target and the Salesforce objects it reads. Settings, the dashboard and
 * the CLI look KPIs up here; ids never change.
 */

export type KpiSection = 1 | 2 | 3 | 4 | 5;

/** What a KPI's value is: a 0–1 rate, a count, a count with its records listed, an amount, … */
export type KpiKind = 'rate' | 'count' | 'list' | 'amount' | 'ranking' | 'trend';

/** Which way is good; `none` for KPIs that describe without judging (rankings, trends). */
export type KpiDirection = 'higherIsBetter' | 'lowerIsBetter' | 'none';

export type KpiCadence = 'weekly' | 'everyOtherWeek' | 'monthly' | 'quarterly';

export interface KpiDefinition {
  id: string;
  /** User-facing English name. */
  label: string;
  section: KpiSection;
  kind: KpiKind;
  direction: KpiDirection;
  /** Default review cadence, which sets the default period (periodDaysFor). */
  cadence: KpiCadence;
  /** The catalog's default target (a 0–1 share for rates, a count for counts); null for "—". */
  defaultTarget: number | null;
  /**
   * Salesforce objects the KPI reads (besides User, which every KPI reads for its role and region
   * slices). Empty for `quality.fields.fillRate`, whose object the admin chooses.
   */
  objects: readonly string[];
  /** True for case KPIs, which apply only where Service Cloud is used. */
  requiresCases: boolean;
}

type Entry = Omit<KpiDefinition, 'requiresCases' | 'objects'> & {
  objects: readonly string[];
  requiresCases?: boolean;
};

const LOGIN_OBJECTS = ['LoginHistory', 'User'];

const ENTRIES: readonly Entry[] = [
  // 1. Logins and active use (leading indicator, weekly; 30-day figures are the monthly review).
  {
    id: 'login.rate.7d',
    label: 'Login rate (7 days)',
    section: 1,
    kind: 'rate',
    direction: 'higherIsBetter',
    cadence: 'weekly',
    defaultTarget: 0.8,
    objects: LOGIN_OBJECTS
  },
  {
    id: 'login.rate.30d',
    label: 'Login rate (30 days)',
    section: 1,
    kind: 'rate',
    direction: 'higherIsBetter',
    cadence: 'monthly',
    defaultTarget: 0.9,
    objects: LOGIN_OBJECTS
  },
  {
    id: 'login.inactive.7d',
    label: 'Users with no login in 7 days',
    section: 1,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'weekly',
    defaultTarget: 0,
    objects: LOGIN_OBJECTS
  },
  {
    id: 'login.inactive.30d',
    label: 'Users with no login in 30 days',
    section: 1,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'monthly',
    defaultTarget: 0,
    objects: LOGIN_OBJECTS
  },
  {
    id: 'login.never',
    label: 'Users who never logged in',
    section: 1,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'weekly',
    defaultTarget: 0,
    objects: ['User']
  },
  {
    id: 'login.leaderboard',
    label: 'Login leaderboard',
    section: 1,
    kind: 'ranking',
    direction: 'none',
    cadence: 'weekly',
    defaultTarget: null,
    objects: LOGIN_OBJECTS
  },
  {
    id: 'login.days.active',
    label: 'Days with a login',
    section: 1,
    kind: 'count',
    direction: 'higherIsBetter',
    cadence: 'weekly',
    defaultTarget: null,
    objects: LOGIN_OBJECTS
  },
  {
    id: 'login.trend',
    label: 'Login trend',
    section: 1,
    kind: 'trend',
    direction: 'none',
    cadence: 'weekly',
    defaultTarget: null,
    objects: LOGIN_OBJECTS
  },

  // 2. Key record creation (weekly where the catalog says so, otherwise monthly).
  {
    id: 'records.accounts.created',
    label: 'Accounts created',
    section: 2,
    kind: 'count',
    direction: 'higherIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: ['Account']
  },
  {
    id: 'records.contacts.created',
    label: 'Contacts created',
    section: 2,
    kind: 'count',
    direction: 'higherIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: ['Contact']
  },
  {
    id: 'records.contacts.updated',
    label: 'Contacts updated',
    section: 2,
    kind: 'count',
    direction: 'higherIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: ['Contact']
  },
  {
    id: 'records.opportunities.created',
    label: 'Opportunities created',
    section: 2,
    kind: 'count',
    direction: 'higherIsBetter',
    cadence: 'weekly',
    defaultTarget: null,
    objects: ['Opportunity']
  },
  {
    id: 'records.activities.created',
    label: 'Activities logged',
    section: 2,
    kind: 'count',
    direction: 'higherIsBetter',
    cadence: 'weekly',
    defaultTarget: null,
    objects: ['Task']
  },
  {
    id: 'records.activities.closed',
    label: 'Activities completed',
    section: 2,
    kind: 'count',
    direction: 'higherIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: ['Task']
  },
  {
    id: 'records.cases.created',
    label: 'Cases opened',
    section: 2,
    kind: 'count',
    direction: 'higherIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: ['Case'],
    requiresCases: true
  },
  {
    id: 'records.cases.closed',
    label: 'Cases closed',
    section: 2,
    kind: 'count',
    direction: 'higherIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: ['Case'],
    requiresCases: true
  },

  // 3. Pipeline hygiene, leads and qualification (weekly unless marked every other week).
  {
    id: 'opps.neglected.pastClose',
    label: 'Open opportunities past their close date',
    section: 3,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'weekly',
    defaultTarget: 0,
    objects: ['Opportunity']
  },
  {
    id: 'opps.neglected.stale',
    label: 'Stale open opportunities',
    section: 3,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'weekly',
    defaultTarget: 0,
    objects: ['Opportunity']
  },
  {
    id: 'opps.wonLost',
    label: 'Win rate',
    section: 3,
    kind: 'rate',
    direction: 'higherIsBetter',
    cadence: 'weekly',
    defaultTarget: null,
    objects: ['Opportunity']
  },
  {
    id: 'opps.stageMovement',
    label: 'Opportunities that changed stage',
    section: 3,
    kind: 'count',
    direction: 'higherIsBetter',
    cadence: 'everyOtherWeek',
    defaultTarget: null,
    objects: ['Opportunity', 'OpportunityHistory', 'OpportunityFieldHistory']
  },
  {
    id: 'leads.abandoned',
    label: 'Abandoned leads',
    section: 3,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'weekly',
    defaultTarget: null,
    objects: ['Lead']
  },
  {
    id: 'leads.conversionRate',
    label: 'Lead conversion rate',
    section: 3,
    kind: 'rate',
    direction: 'higherIsBetter',
    cadence: 'weekly',
    defaultTarget: null,
    objects: ['Lead']
  },
  {
    id: 'tasks.pastDue',
    label: 'Past-due tasks',
    section: 3,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'weekly',
    defaultTarget: 0,
    objects: ['Task']
  },
  {
    id: 'tasks.open',
    label: 'Open tasks',
    section: 3,
    kind: 'count',
    direction: 'none',
    cadence: 'weekly',
    defaultTarget: null,
    objects: ['Task']
  },
  {
    id: 'cases.aged',
    label: 'Cases open more than 3 days',
    section: 3,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'everyOtherWeek',
    defaultTarget: null,
    objects: ['Case'],
    requiresCases: true
  },

  // 4. Clean records / data quality (monthly).
  {
    id: 'quality.opps.missingAmount',
    label: 'Open opportunities without an amount',
    section: 4,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: ['Opportunity']
  },
  {
    id: 'quality.opps.missingCloseDate',
    label: 'Opportunities without a close date',
    section: 4,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: ['Opportunity']
  },
  {
    id: 'quality.accounts.noContact',
    label: 'Accounts without a contact',
    section: 4,
    kind: 'list',
    direction: 'lowerIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: ['Account', 'Contact']
  },
  {
    id: 'quality.fields.fillRate',
    label: 'Key fields filled in',
    section: 4,
    kind: 'rate',
    direction: 'higherIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: []
  },
  {
    id: 'quality.duplicates',
    label: 'Duplicate records',
    section: 4,
    kind: 'rate',
    direction: 'lowerIsBetter',
    cadence: 'monthly',
    defaultTarget: null,
    objects: ['DuplicateRecordItem']
  },

  // 5. Pipeline over time (trailing indicator, every other week).
  {
    id: 'pipeline.open',
    label: 'Open pipeline',
    section: 5,
    kind: 'amount',
    direction: 'higherIsBetter',
    cadence: 'everyOtherWeek',
    defaultTarget: null,
    objects: ['Opportunity']
  },
  {
    id: 'pipeline.late',
    label: 'Late pipeline at 80% probability or more',
    section: 5,
    kind: 'rate',
    direction: 'lowerIsBetter',
    cadence: 'everyOtherWeek',
    defaultTarget: null,
    objects: ['Opportunity']
  }
];

function freeze(entry: Entry): KpiDefinition {
  return Object.freeze({
    ...entry,
    objects: Object.freeze([...entry.objects]),
    requiresCases: entry.requiresCases ?? false
  });
}

/** Every KPI of the catalog, in catalog order. */
export const KPI_CATALOG: readonly KpiDefinition[] = Object.freeze(ENTRIES.map(freeze));

const BY_ID = new Map(KPI_CATALOG.map((definition) => [definition.id, definition]));

/** The definition of a catalog KPI; an unknown id is named in the error, with the known ones. */
export function kpiDefinition(id: string): KpiDefinition {
  const definition = BY_ID.get(id);
  if (!definition) {
    throw new RangeError(
      `Unknown KPI id "${id}": it is not in the KPI catalog. Known ids: ${[...BY_ID.keys()].join(', ')}.`
    );
  }
  return definition;
}

const PERIOD_DAYS: Readonly<Record<KpiCadence, number>> = {
  weekly: 7,
  everyOtherWeek: 14,
  monthly: 30,
  quarterly: 90
};

/** The default period, in days, of a review cadence. */
export function periodDaysFor(cadence: KpiCadence): number {
  if (!Object.prototype.hasOwnProperty.call(PERIOD_DAYS, cadence)) {
    throw new RangeError(
      `Unknown review cadence "${String(cadence)}": use ${Object.keys(PERIOD_DAYS).join(', ')}.`
    );
  }
  return PERIOD_DAYS[cadence];
}
