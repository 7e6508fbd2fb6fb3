/**
 * The twin of AdoptionDrilldownService.cls: the people of a slice (role, region or one user) with
 * their activity, and the records behind a neglected-record KPI, one sorted page at a time. Slices
 * are cut from the directory, so nobody outside the audience is listed; a viewer of scope `self`
 * may only ask for their own user. Keep it in step with the Apex class.
 */
import type {
  DirectoryUser,
  DrillDimension,
  NeglectedRecord,
  PeoplePage,
  PersonRow,
  RecordPage
} from '../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import { subtractCalendarDays } from '../../force-app/main/default/lwc/adoptionMetrics/calendarDays';
import { apexStringFormat } from '../checks/apexStringFormat';
import { to18 } from '../demo/ids';
import type { AdoptionAudience } from './audience';
import type { GatewayContext } from './gatewayContext';
import { DAY_MS, hoursBefore, todayOf } from './kpiQueries';
import { KpiService } from './kpiService';
import type { SoqlRecord } from './queryRunner';
import type { SelectorMethod } from './selectorQueries';
import type { AdoptionSettings } from './settings';
import { SoqlDate } from './soqlLiterals';
import type { Transaction } from './transaction';

export const BLANK_SLICE_KEY = '(none)';
/** SOQL's largest OFFSET: pages end there. */
export const MAX_OFFSET = 2_000;
/** LoginHistory rows the people list assumes per user it counts logins for. */
export const LOGIN_ROWS_PER_USER = 2;
const SUCCESS = 'Success';

/** AdoptionDrilldownService's messages, word for word (DrilldownException). */
export const DRILLDOWN_MESSAGES = {
  dimension: 'Choose a slice dimension: role, region or user.',
  selfOnly: 'You can see only your own activity.',
  period: 'Choose a period of 7, 14, 30 or 90 days.',
  peopleSort:
    'Choose a column to sort people by: Name, Role, Region, Last login, Logins, Records created or Past-due tasks.',
  recordSort: 'Choose a column to sort records by: Record, Owner, Date, Amount or Status.',
  amountSort: 'Only opportunities can be sorted by Amount; choose another column.',
  direction: 'Choose a sort direction: ascending or descending.',
  pageSize: 'Choose a page size of 10, 25, 50 or 200.',
  pageNumber: 'Choose a page number of 1 or more.',
  kpi: 'Choose a list of neglected records: Open opportunities past their close date, Stale open opportunities, Past-due tasks or Abandoned leads.',
  offset: 'Only the first 2,000 records can be paged; narrow the slice.'
} as const;

const DIMENSIONS = ['role', 'region', 'user'];
const PERIOD_DAYS = [7, 14, 30, 90];
export const PEOPLE_SORT_KEYS = [
  'name',
  'role',
  'region',
  'lastLoginDate',
  'logins',
  'recordsCreated',
  'pastDueTasks'
];
export const RECORD_SORT_KEYS = ['name', 'ownerName', 'keyDate', 'amount', 'status'];
export const NEGLECTED_RECORD_KPIS = [
  'opps.neglected.pastClose',
  'opps.neglected.stale',
  'tasks.pastDue',
  'leads.abandoned'
];
const PAGE_SIZES = [10, 25, 50, 200];

function check(valid: boolean, message: string): void {
  if (!valid) throw new DrilldownError(message);
}

function validateDirection(sortDirection: unknown): void {
  check(
    typeof sortDirection === 'string' && Object.hasOwn(SORT_DIRECTIONS, sortDirection),
    DRILLDOWN_MESSAGES.direction
  );
}

/**
 * Rows before a page. Apex computes it as a Long, since (pageNumber − 1) × pageSize overflows an
 * Integer for a huge page number; a JavaScript number holds it (at worst rounded, never wrapped).
 */
function rowsBefore(pageSize: number, pageNumber: number): number {
  return (pageNumber - 1) * pageSize;
}

function validatePage(pageSize: unknown, pageNumber: unknown): void {
  check(typeof pageSize === 'number' && PAGE_SIZES.includes(pageSize), DRILLDOWN_MESSAGES.pageSize);
  check(
    typeof pageNumber === 'number' && Number.isInteger(pageNumber) && pageNumber >= 1,
    DRILLDOWN_MESSAGES.pageNumber
  );
}

/** A request the viewer must change; the message says how (DrilldownException). */
export class DrilldownError extends Error {}

/** The sort keys of each neglected-record list and the fields they order by (the selectors' maps). */
export const RECORD_SORT_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'opps.neglected.pastClose': {
    name: 'Name',
    ownerName: 'Owner.Name',
    keyDate: 'CloseDate',
    amount: 'Amount',
    status: 'StageName'
  },
  'opps.neglected.stale': {
    name: 'Name',
    ownerName: 'Owner.Name',
    keyDate: 'LastActivityDate',
    amount: 'Amount',
    status: 'StageName'
  },
  'tasks.pastDue': {
    name: 'Subject',
    ownerName: 'Owner.Name',
    keyDate: 'ActivityDate',
    status: 'Status'
  },
  'leads.abandoned': {
    name: 'Name',
    ownerName: 'Owner.Name',
    keyDate: 'LastActivityDate',
    status: 'Status'
  }
};
const SORT_DIRECTIONS: Readonly<Record<string, string>> = { asc: 'ASC', desc: 'DESC' };

/** How one neglected-record list is read: its count, its page template and how a row maps. */
interface RecordList {
  count: SelectorMethod;
  page: SelectorMethod;
  binds: Record<string, unknown>;
  objectApiName: string;
  nameField: string;
  keyDateField: string;
  statusField: string;
  hasAmount: boolean;
}

/** The user Id a slice key names (Id.valueOf), or null when it is not an Id. */
export function userIdOf(sliceKey: unknown): string | null {
  if (typeof sliceKey !== 'string' || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(sliceKey)) {
    return null;
  }
  return to18(sliceKey);
}

function keyOf(value: string | null): string {
  return value === null || value.trim() === '' ? BLANK_SLICE_KEY : value;
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

type SortValue = string | number | null;

/** People by one column, blanks last in either direction, then name (ignoring case), then Id. */
export function comparePeople(sortBy: string, descending: boolean) {
  const valueOf = (person: PersonRow): SortValue => {
    switch (sortBy) {
      case 'role':
        return person.role?.toLowerCase() ?? null;
      case 'region':
        return person.region?.toLowerCase() ?? null;
      case 'lastLoginDate':
        return person.lastLoginDate === null ? null : Date.parse(person.lastLoginDate);
      case 'logins':
        return person.logins;
      case 'recordsCreated':
        return person.recordsCreated;
      case 'pastDueTasks':
        return person.pastDueTasks;
      default:
        return person.name?.toLowerCase() ?? null;
    }
  };
  const compareValues = (one: SortValue, other: SortValue): number => {
    if (one === null || other === null) return one === other ? 0 : one === null ? 1 : -1;
    return one < other ? -1 : one > other ? 1 : 0;
  };
  return (one: PersonRow, other: PersonRow): number => {
    const oneValue = valueOf(one);
    const otherValue = valueOf(other);
    if (oneValue === null || otherValue === null) {
      if (oneValue !== otherValue) return oneValue === null ? 1 : -1;
    } else {
      const order = compareValues(oneValue, otherValue);
      if (order !== 0) return descending ? -order : order;
    }
    const nameOrder = compareValues(
      one.name?.toLowerCase() ?? null,
      other.name?.toLowerCase() ?? null
    );
    return nameOrder !== 0 ? nameOrder : compareValues(one.userId, other.userId);
  };
}

export class DrilldownService {
  private readonly transaction: Transaction;
  private readonly context: GatewayContext;
  private readonly settings: AdoptionSettings;
  private readonly audience: AdoptionAudience;
  private readonly kpiService: KpiService;

  constructor(
    transaction: Transaction,
    context: GatewayContext,
    settings: AdoptionSettings,
    audience: AdoptionAudience
  ) {
    this.transaction = transaction;
    this.context = context;
    this.settings = settings;
    this.audience = audience;
    this.kpiService = new KpiService(transaction, context, settings, audience);
  }

  async getSlicePeople(
    dimension: DrillDimension,
    sliceKey: string,
    periodDays: number,
    sortBy: string,
    sortDirection: 'asc' | 'desc',
    pageSize: number,
    pageNumber: number
  ): Promise<PeoplePage> {
    this.validateSlice(dimension, sliceKey);
    check(PERIOD_DAYS.includes(periodDays), DRILLDOWN_MESSAGES.period);
    check(PEOPLE_SORT_KEYS.includes(sortBy), DRILLDOWN_MESSAGES.peopleSort);
    validateDirection(sortDirection);
    validatePage(pageSize, pageNumber);
    const people = await this.peopleOf(await this.sliceUsers(dimension, sliceKey), periodDays);
    people.sort(comparePeople(sortBy, sortDirection === 'desc'));
    const first = rowsBefore(pageSize, pageNumber);
    return {
      dimension,
      sliceKey,
      sortBy,
      sortDirection,
      pageSize,
      pageNumber,
      totalRows: people.length,
      rows: people.slice(first, first + pageSize)
    };
  }

  async getNeglectedRecords(
    kpiId: string,
    dimension: DrillDimension,
    sliceKey: string,
    sortBy: string,
    sortDirection: 'asc' | 'desc',
    pageSize: number,
    pageNumber: number
  ): Promise<RecordPage> {
    check(NEGLECTED_RECORD_KPIS.includes(kpiId), DRILLDOWN_MESSAGES.kpi);
    this.validateSlice(dimension, sliceKey);
    check(RECORD_SORT_KEYS.includes(sortBy), DRILLDOWN_MESSAGES.recordSort);
    check(sortBy !== 'amount' || kpiId.startsWith('opps.'), DRILLDOWN_MESSAGES.amountSort);
    validateDirection(sortDirection);
    validatePage(pageSize, pageNumber);
    const pageOffset = rowsBefore(pageSize, pageNumber);
    check(pageOffset <= MAX_OFFSET, DRILLDOWN_MESSAGES.offset);
    const page: RecordPage = {
      kpiId,
      dimension,
      sliceKey,
      sortBy,
      sortDirection,
      pageSize,
      pageNumber,
      totalRows: 0,
      rows: []
    };
    const owners = (await this.sliceUsers(dimension, sliceKey)).map((user) => user.userId);
    if (owners.length === 0) return page;
    const list = this.recordList(kpiId);
    const binds = { userIds: owners, ...list.binds };
    page.totalRows = await this.transaction.count(this.context.queries[list.count], binds);
    const soql = apexStringFormat(this.context.queries[list.page], [
      RECORD_SORT_FIELDS[kpiId][sortBy],
      SORT_DIRECTIONS[sortDirection]
    ]);
    const records = await this.transaction.run(soql, { ...binds, pageSize, pageOffset });
    page.rows = records.map((record) => this.recordRow(record, list));
    return page;
  }

  private recordList(kpiId: string): RecordList {
    const today = todayOf(this.context);
    const asOf = this.context.asOf;
    const opportunity = {
      objectApiName: 'Opportunity',
      nameField: 'Name',
      statusField: 'StageName',
      hasAmount: true
    };
    switch (kpiId) {
      case 'opps.neglected.pastClose':
        return {
          ...opportunity,
          count: 'OpportunitySelector.countPastCloseRecords',
          page: 'OpportunitySelector.PAST_CLOSE_PAGE_TEMPLATE',
          binds: { today: new SoqlDate(today) },
          keyDateField: 'CloseDate'
        };
      case 'opps.neglected.stale':
        return {
          ...opportunity,
          count: 'OpportunitySelector.countStaleRecords',
          page: 'OpportunitySelector.STALE_PAGE_TEMPLATE',
          binds: {
            staleDate: new SoqlDate(subtractCalendarDays(today, this.settings.staleDays)),
            staleInstant: hoursBefore(asOf, this.settings.staleDays)
          },
          keyDateField: 'LastActivityDate'
        };
      case 'tasks.pastDue':
        return {
          count: 'TaskSelector.countPastDueRecords',
          page: 'TaskSelector.PAST_DUE_PAGE_TEMPLATE',
          binds: { today: new SoqlDate(today) },
          objectApiName: 'Task',
          nameField: 'Subject',
          keyDateField: 'ActivityDate',
          statusField: 'Status',
          hasAmount: false
        };
      default:
        return {
          count: 'LeadSelector.countAbandonedRecords',
          page: 'LeadSelector.ABANDONED_PAGE_TEMPLATE',
          binds: {
            disqualifiedStatuses: this.settings.disqualifiedLeadStatuses,
            abandonedDate: new SoqlDate(subtractCalendarDays(today, this.settings.abandonedDays)),
            abandonedInstant: hoursBefore(asOf, this.settings.abandonedDays)
          },
          objectApiName: 'Lead',
          nameField: 'Name',
          keyDateField: 'LastActivityDate',
          statusField: 'Status',
          hasAmount: false
        };
    }
  }

  /** name and ownerName are strings: a Task without a subject or an unreadable owner name is ''. */
  private recordRow(record: SoqlRecord, list: RecordList): NeglectedRecord {
    const owner = record.Owner as { Name?: string | null } | null | undefined;
    const amount = list.hasAmount ? record.Amount : null;
    return {
      recordId: String(record.Id),
      objectApiName: list.objectApiName,
      name: String(record[list.nameField] ?? ''),
      ownerId: String(record.OwnerId),
      ownerName: owner?.Name ?? '',
      keyDate: textOrNull(record[list.keyDateField]),
      amount: amount === null || amount === undefined ? null : Number(amount),
      status: textOrNull(record[list.statusField])
    };
  }

  private validateSlice(dimension: DrillDimension, sliceKey: string): void {
    check(DIMENSIONS.includes(dimension), DRILLDOWN_MESSAGES.dimension);
    check(
      this.audience.scope !== 'self' ||
        (dimension === 'user' && userIdOf(sliceKey) === to18(this.audience.viewerId)),
      DRILLDOWN_MESSAGES.selfOnly
    );
  }

  private async sliceUsers(dimension: DrillDimension, sliceKey: string): Promise<DirectoryUser[]> {
    const userId = dimension === 'user' ? userIdOf(sliceKey) : null;
    const { users } = await this.kpiService.readDirectory();
    return users.filter((entry) => {
      if (dimension === 'role') return keyOf(entry.role) === sliceKey;
      if (dimension === 'region') return keyOf(entry.region) === sliceKey;
      return to18(entry.userId) === userId;
    });
  }

  private async peopleOf(members: DirectoryUser[], periodDays: number): Promise<PersonRow[]> {
    if (members.length === 0) return [];
    const ids = members.map((member) => member.userId);
    const periodStart = new Date(this.context.asOf.getTime() - periodDays * DAY_MS);
    const created = await this.createdBy(ids, periodStart);
    const pastDue = new Map<string, number>();
    addCounts(
      pastDue,
      await this.transaction.run(this.context.queries['TaskSelector.countPastDueByOwner'], {
        userIds: ids,
        today: new SoqlDate(todayOf(this.context)),
        // A row per user at most: LIMIT the slice's size never cuts a count short.
        groupLimit: ids.length
      })
    );
    const logins = await this.loginsOf(members, periodStart);
    return members.map((entry) => ({
      userId: entry.userId,
      name: entry.name,
      role: entry.role,
      region: entry.region,
      lastLoginDate: entry.lastLoginDate,
      logins: logins === null ? null : (logins.get(entry.userId) ?? null),
      recordsCreated: created.get(entry.userId) ?? 0,
      pastDueTasks: pastDue.get(entry.userId) ?? 0
    }));
  }

  /**
   * Records each user created in the period: one grouped count per object (accounts, contacts,
   * opportunities, tasks, and cases where in use), each LIMITed to the slice's size, as
   * AdoptionDrilldownService.createdBy does; a row per user at most, so no row budget to share.
   */
  private async createdBy(ids: string[], periodStart: Date): Promise<Map<string, number>> {
    const cases = await this.kpiService.casesInUse();
    const methods: SelectorMethod[] = [
      'AccountSelector.countCreatedByUser',
      'ContactSelector.countCreatedByUser',
      'OpportunitySelector.countCreatedByUser',
      'TaskSelector.countCreatedByUser',
      ...(cases ? (['CaseSelector.countCreatedByUser'] as const) : [])
    ];
    const created = new Map<string, number>();
    for (const method of methods) {
      addCounts(
        created,
        await this.transaction.run(this.context.queries[method], {
          userIds: ids,
          periodStart,
          asOf: this.context.asOf,
          groupLimit: ids.length
        })
      );
    }
    return created;
  }

  /** Successful logins per user in the period; null without the permission or the rows to read them. */
  private async loginsOf(
    members: DirectoryUser[],
    periodStart: Date
  ): Promise<Map<string, number> | null> {
    if (!this.audience.canViewTeamLogins) return null;
    const logins = new Map<string, number>();
    const candidates: string[] = [];
    for (const entry of members) {
      logins.set(entry.userId, 0);
      if (entry.lastLoginDate !== null && Date.parse(entry.lastLoginDate) > periodStart.getTime()) {
        candidates.push(entry.userId);
      }
    }
    if (candidates.length === 0) return logins;
    if (candidates.length * LOGIN_ROWS_PER_USER > this.transaction.rowsLeft()) return null;
    const tallies = await this.transaction.run(
      this.context.queries['LoginHistorySelector.countAttemptsByUserAndStatus'],
      {
        userIds: candidates,
        startExclusive: periodStart,
        endInclusive: this.context.asOf,
        groupLimit: this.transaction.rowsLeft()
      }
    );
    for (const tally of tallies) {
      const userId = String(tally.UserId);
      if (tally.Status === SUCCESS && logins.has(userId)) {
        logins.set(userId, (logins.get(userId) as number) + Number(tally.attempts));
      }
    }
    return logins;
  }
}

function addCounts(counts: Map<string, number>, rows: SoqlRecord[]): void {
  for (const row of rows) {
    const userId = String(row.userId);
    counts.set(userId, (counts.get(userId) ?? 0) + Number(row.n));
  }
}
