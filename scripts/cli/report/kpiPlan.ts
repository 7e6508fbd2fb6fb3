/**
 * Which KPIs a report computes and what each one reads, so that a run asked for two login KPIs
 * reads User and LoginHistory only, and a missing object skips exactly the KPIs that need it.
 */
import { KPI_CATALOG } from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type { CrmObjectName } from '../source';

/** What one KPI reads besides User (which every KPI reads for its population and slices). */
export interface KpiNeeds {
  loginHistory: boolean;
  objects: readonly CrmObjectName[];
}

/**
 * KPIs the CLI cannot compute from one read of the data, with the reason given in `notes`.
 * Neither is in the JSON's `kpis`.
 */
export const NOT_COMPUTED: Readonly<Record<string, string>> = {
  'login.trend': 'login.trend is not computed: it needs snapshots over time; use the dashboard.',
  'quality.fields.fillRate':
    "quality.fields.fillRate is not computed: it needs the admin's gate fields; use the dashboard."
};

const LOGINS: KpiNeeds = { loginHistory: true, objects: [] };
const only = (...objects: CrmObjectName[]): KpiNeeds => ({ loginHistory: false, objects });

/**
 * Every computed KPI's inputs. The catalog's `objects` name Salesforce's objects in general; these
 * are the DataSource objects the CLI's formulas read (e.g. stage moves come from
 * OpportunityFieldHistory, and duplicates are counted over Accounts, Contacts and Leads as the
 * dashboard counts them).
 */
const NEEDS: Readonly<Record<string, KpiNeeds>> = {
  'login.rate.7d': LOGINS,
  'login.rate.30d': LOGINS,
  'login.inactive.7d': LOGINS,
  'login.inactive.30d': LOGINS,
  'login.never': only(),
  'login.leaderboard': LOGINS,
  'login.days.active': LOGINS,
  'records.accounts.created': only('Account'),
  'records.contacts.created': only('Contact'),
  'records.contacts.updated': only('Contact'),
  'records.opportunities.created': only('Opportunity'),
  'records.activities.created': only('Task'),
  'records.activities.closed': only('Task'),
  'records.cases.created': only('Case'),
  'records.cases.closed': only('Case'),
  'opps.neglected.pastClose': only('Opportunity'),
  'opps.neglected.stale': only('Opportunity'),
  'opps.wonLost': only('Opportunity'),
  'opps.stageMovement': only('OpportunityFieldHistory', 'Opportunity'),
  'leads.abandoned': only('Lead'),
  'leads.conversionRate': only('Lead'),
  'tasks.pastDue': only('Task'),
  'tasks.open': only('Task'),
  'cases.aged': only('Case'),
  'quality.opps.missingAmount': only('Opportunity'),
  'quality.opps.missingCloseDate': only('Opportunity'),
  'quality.accounts.noContact': only('Account', 'Contact'),
  'quality.duplicates': only('DuplicateRecordItem', 'Account', 'Contact', 'Lead'),
  'pipeline.open': only('Opportunity'),
  'pipeline.late': only('Opportunity')
};

/** The order objects are read in (and their notes appear in): required objects first. */
const OBJECT_ORDER: readonly CrmObjectName[] = [
  'Opportunity',
  'Lead',
  'Task',
  'Account',
  'Contact',
  'Case',
  'OpportunityFieldHistory',
  'DuplicateRecordItem'
];

export interface KpiPlan {
  /** The KPIs to compute, in catalog order. */
  computed: string[];
  /** Notes for the KPIs asked for that the CLI never computes. */
  notComputed: string[];
  needsLoginHistory: boolean;
  /** The objects to read, in reading order. */
  objects: CrmObjectName[];
}

export function needsOf(kpiId: string): KpiNeeds {
  const needs = NEEDS[kpiId];
  if (!needs) throw new RangeError(`The CLI has no inputs listed for KPI "${kpiId}".`);
  return needs;
}

/** The plan for the KPIs asked for (null: every KPI of the catalog). */
export function planKpis(asked: readonly string[] | null): KpiPlan {
  const ids = KPI_CATALOG.map((definition) => definition.id).filter(
    (id) => asked === null || asked.includes(id)
  );
  const computed = ids.filter((id) => NOT_COMPUTED[id] === undefined);
  const needed = new Set(computed.flatMap((id) => needsOf(id).objects));
  return {
    computed,
    notComputed: ids.filter((id) => NOT_COMPUTED[id] !== undefined).map((id) => NOT_COMPUTED[id]),
    needsLoginHistory: computed.some((id) => needsOf(id).loginHistory),
    objects: OBJECT_ORDER.filter((object) => needed.has(object))
  };
}
