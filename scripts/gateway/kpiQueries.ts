/**
 * The twin of AdoptionKpiService's query switch (rows / stateRows / ownedRows / gateRows): each
 * query key of the service names one selector statement and the binds the Apex method passes.
 * Date binds are SoqlDate (Apex Date), instants Date (Apex Datetime).
 */
import { calendarDate } from '../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import { subtractCalendarDays } from '../../force-app/main/default/lwc/adoptionMetrics/calendarDays';
import { apexStringFormat } from '../checks/apexStringFormat';
import type { GatewayContext } from './gatewayContext';
import type { SoqlRecord } from './queryRunner';
import type { SelectorMethod } from './selectorQueries';
import type { AdoptionSettings } from './settings';
import { SoqlDate } from './soqlLiterals';
import type { Transaction } from './transaction';

export const DAY_MS = 86_400_000;
/** cases.aged: a case is aged once open this many days (AdoptionKpiService.AGED_CASE_DAYS). */
export const AGED_CASE_DAYS = 3;
/** pipeline.late reads the pipeline at or above this Probability. */
export const HIGH_PROBABILITY_PERCENT = 80;

/** The catalog's period: endInstant − N×24h < instant ≤ endInstant; startDate < date ≤ endDate. */
export interface Period {
  startInstant: Date;
  endInstant: Date;
  startDate: string;
  endDate: string;
}

export function period(endInstant: Date, endDate: string, days: number): Period {
  return {
    endInstant,
    startInstant: new Date(endInstant.getTime() - days * DAY_MS),
    endDate,
    startDate: subtractCalendarDays(endDate, days)
  };
}

/** What a KPI query needs besides its own arguments. */
export interface QueryScope {
  transaction: Transaction;
  context: GatewayContext;
  settings: AdoptionSettings;
  userIds: string[];
}

export function todayOf(context: GatewayContext): string {
  return calendarDate(context.asOf, context.timeZone);
}

export function hoursBefore(instant: Date, days: number): Date {
  return new Date(instant.getTime() - days * DAY_MS);
}

type Binds = Record<string, unknown>;

/** Query key → the selector statement and its binds (without userIds and groupLimit). */
function statementOf(
  query: string,
  scope: QueryScope,
  window: Period | null
): [SelectorMethod, Binds] | undefined {
  const { context, settings } = scope;
  const today = new SoqlDate(todayOf(context));
  const windowBinds = (): Binds => ({
    periodStart: (window as Period).startInstant,
    asOf: (window as Period).endInstant
  });
  const windowed: Record<string, SelectorMethod> = {
    'Account.created': 'AccountSelector.countCreatedByUser',
    'Contact.created': 'ContactSelector.countCreatedByUser',
    'Contact.updated': 'ContactSelector.countUpdatedByOwner',
    'Opportunity.created': 'OpportunitySelector.countCreatedByUser',
    'Task.created': 'TaskSelector.countCreatedByUser',
    'Task.closed': 'TaskSelector.countClosedByOwner',
    'Case.created': 'CaseSelector.countCreatedByUser',
    'Case.closed': 'CaseSelector.countClosedByOwner',
    'Opportunity.stageMoves': 'OpportunitySelector.countStageMovesByOwner'
  };
  const owned: Record<string, SelectorMethod> = {
    'Task.open': 'TaskSelector.countOpenByOwner',
    'Opportunity.open': 'OpportunitySelector.countOpenByOwner',
    'Opportunity.all': 'OpportunitySelector.countByOwner',
    'Opportunity.openAmount': 'OpportunitySelector.sumOpenAmountByOwner',
    'Account.all': 'AccountSelector.countByOwner',
    'Account.noContact': 'AccountSelector.countWithoutContactByOwner',
    'Contact.all': 'ContactSelector.countByOwner',
    'Lead.all': 'LeadSelector.countByOwner',
    'Account.duplicates': 'DuplicateSelector.countAccountsInSetsByOwner',
    'Contact.duplicates': 'DuplicateSelector.countContactsInSetsByOwner',
    'Lead.duplicates': 'DuplicateSelector.countLeadsInSetsByOwner'
  };
  if (windowed[query]) return [windowed[query], windowBinds()];
  if (owned[query]) return [owned[query], {}];
  const asOf = context.asOf;
  switch (query) {
    case 'Opportunity.closed':
      return [
        'OpportunitySelector.countClosedByOwnerAndOutcome',
        {
          periodStartDate: new SoqlDate((window as Period).startDate),
          today: new SoqlDate((window as Period).endDate)
        }
      ];
    case 'Lead.decided':
      return [
        'LeadSelector.countDecidedByOwnerAndOutcome',
        {
          ...windowBinds(),
          disqualifiedStatuses: settings.disqualifiedLeadStatuses,
          abandonedInstant: hoursBefore((window as Period).endInstant, settings.abandonedDays)
        }
      ];
    case 'Opportunity.pastClose':
      return ['OpportunitySelector.countPastCloseByOwner', { today }];
    case 'Opportunity.stale':
      return [
        'OpportunitySelector.countStaleByOwner',
        {
          staleDate: new SoqlDate(subtractCalendarDays(today.value, settings.staleDays)),
          staleInstant: hoursBefore(asOf, settings.staleDays)
        }
      ];
    case 'Lead.abandoned':
      return [
        'LeadSelector.countAbandonedByOwner',
        {
          disqualifiedStatuses: settings.disqualifiedLeadStatuses,
          abandonedDate: new SoqlDate(subtractCalendarDays(today.value, settings.abandonedDays)),
          abandonedInstant: hoursBefore(asOf, settings.abandonedDays)
        }
      ];
    case 'Task.pastDue':
      return ['TaskSelector.countPastDueByOwner', { today }];
    case 'Case.aged':
      return ['CaseSelector.countAgedByOwner', { agedInstant: hoursBefore(asOf, AGED_CASE_DAYS) }];
    case 'Opportunity.probableAmount':
      return [
        'OpportunitySelector.sumProbableAmountByOwner',
        { minProbability: HIGH_PROBABILITY_PERCENT }
      ];
    case 'Opportunity.lateAmount':
      return [
        'OpportunitySelector.sumLateProbableAmountByOwner',
        { minProbability: HIGH_PROBABILITY_PERCENT, today }
      ];
    default:
      return undefined;
  }
}

/**
 * GateFieldSelector.canCount / describeGateField: the describe's names of a gate field the viewer
 * can count (object with OwnerId, readable; field readable and filterable), or null.
 */
export function describeGateField(
  context: GatewayContext,
  gateField: string | null
): [string, string] | null {
  const parts = gateField === null || gateField.trim() === '' ? [] : gateField.split('.');
  if (parts.length !== 2) return null;
  const object = context.describe.object(parts[0].trim());
  const field = object?.field(parts[1].trim());
  if (!object || !field || !object.accessible || !object.field('OwnerId')) return null;
  if (!field.accessible || !field.filterable) return null;
  return [object.name, field.name];
}

/**
 * Runs one KPI query of the service; null when it cannot run for this viewer (a gate field the
 * viewer cannot count).
 */
export async function kpiRows(
  scope: QueryScope,
  query: string,
  window: Period | null,
  detail: string | null,
  groupLimit: number
): Promise<SoqlRecord[] | null> {
  const binds = { userIds: scope.userIds, groupLimit };
  const statement = statementOf(query, scope, window);
  if (statement) {
    const [method, own] = statement;
    return scope.transaction.run(scope.context.queries[method], { ...binds, ...own });
  }
  const names = describeGateField(scope.context, detail);
  if (names === null) return null;
  const soql = apexStringFormat(
    scope.context.queries['GateFieldSelector.GATE_FIELD_TEMPLATE'],
    names
  );
  return scope.transaction.run(soql, binds);
}
