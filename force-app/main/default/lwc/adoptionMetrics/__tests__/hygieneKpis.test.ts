import {
  AGED_CASE_DAYS,
  abandonedLeads,
  agedCases,
  evaluateCrmKpis,
  leadConversionRate,
  openTasks,
  opportunitiesPastClose,
  pastDueTasks,
  stageMovement,
  staleOpportunities,
  wonLost
} from '../hygieneKpis';
import { isCalendarDate, readCalendarDate, subtractCalendarDays } from '../calendarDays';
import type {
  CaseRecord,
  LeadRecord,
  OpportunityRecord,
  OpportunityStageChange,
  TaskRecord
} from '../crmRecords';
import { DEFAULT_KPI_OPTIONS } from '../kpiResult';
import { countSlice, makeCase, makeLead, makeOpportunity, makeTask } from './crmFixtures';
import type { KpiOptions, UserDirectory } from '../kpiResult';

// T = 2026-11-23T12:00Z, date(T) = 2026-11-23 in UTC.
const asOf = new Date('2026-11-23T12:00:00.000Z');
const options: KpiOptions = { ...DEFAULT_KPI_OPTIONS, asOf };
const LONG_AGO = '2026-06-01T09:00:00.000Z';

// 23:30 UTC on 23 November is 00:30 on 24 November in Paris (UTC+1 in winter).
const lateEvening = new Date('2026-11-23T23:30:00.000Z');
// 03:00 UTC on 24 November is 19:00 on 23 November in Los Angeles (UTC−8 in winter).
const earlyMorning = new Date('2026-11-24T03:00:00.000Z');

const users: UserDirectory = new Map([
  ['rep', { role: 'Rep', region: 'EMEA' }],
  ['manager', { role: 'Manager', region: 'AMER' }]
]);

function change(
  opportunityId: string,
  createdDate: string,
  oldValue: string | null = 'Prospecting',
  newValue: string | null = 'Qualification'
): OpportunityStageChange {
  return { opportunityId, createdDate, oldValue, newValue };
}

const opportunity = (id: string, overrides: Partial<OpportunityRecord> = {}): OpportunityRecord =>
  makeOpportunity(id, LONG_AGO, overrides);
const lead = (id: string, overrides: Partial<LeadRecord> = {}): LeadRecord =>
  makeLead(id, LONG_AGO, overrides);
const task = (id: string, overrides: Partial<TaskRecord> = {}): TaskRecord =>
  makeTask(id, LONG_AGO, overrides);
const supportCase = (id: string, overrides: Partial<CaseRecord> = {}): CaseRecord =>
  makeCase(id, LONG_AGO, overrides);
const count = countSlice;

const noSlices = { role: {}, region: {} };

describe('calendarDays', () => {
  it('subtracts days across month, year and leap-day boundaries', () => {
    expect(subtractCalendarDays('2026-11-23', 30)).toBe('2026-10-24');
    expect(subtractCalendarDays('2026-01-01', 1)).toBe('2025-12-31');
    expect(subtractCalendarDays('2024-03-01', 1)).toBe('2024-02-29');
    expect(subtractCalendarDays('2026-03-30', 30)).toBe('2026-02-28');
    expect(subtractCalendarDays('2026-03-30', 1)).toBe('2026-03-29');
    expect(subtractCalendarDays('2026-12-31', -1)).toBe('2027-01-01');
    expect(subtractCalendarDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('refuses a fractional day count or an invalid date', () => {
    expect(() => subtractCalendarDays('2026-11-23', 0.5)).toThrow(RangeError);
    expect(() => subtractCalendarDays('2026-02-30', 1)).toThrow(/2026-02-30/);
  });

  it('recognises only dates that exist, written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('11/23/2026')).toBe(false);
    expect(isCalendarDate('2026-11-23T00:00:00Z')).toBe(false);
  });

  it('reads blanks as null, trims, and names a malformed date', () => {
    expect(readCalendarDate(null, 'CloseDate')).toBeNull();
    expect(readCalendarDate(undefined, 'CloseDate')).toBeNull();
    expect(readCalendarDate(' ', 'CloseDate')).toBeNull();
    expect(readCalendarDate(' 2026-11-23 ', 'CloseDate')).toBe('2026-11-23');
    expect(() => readCalendarDate('2026-11-31', 'CloseDate of 006X')).toThrow(/CloseDate of 006X/);
  });
});

describe('opps.neglected.pastClose', () => {
  it('is 0 with no opportunities', () => {
    expect(opportunitiesPastClose([], users, options)).toEqual({
      id: 'opps.neglected.pastClose',
      value: 0,
      slices: noSlices,
      records: []
    });
  });

  it('lists open opportunities whose CloseDate is before date(T), sorted, by owner', () => {
    const result = opportunitiesPastClose(
      [
        opportunity('006C', { closeDate: '2026-11-22', ownerId: 'manager' }),
        opportunity('006A', { closeDate: '2026-01-05' }),
        opportunity('006Today', { closeDate: '2026-11-23' }),
        opportunity('006Future', { closeDate: '2026-11-24' }),
        opportunity('006Closed', { closeDate: '2026-11-01', isClosed: true, isWon: true }),
        opportunity('006NoDate', { closeDate: null }),
        opportunity('006EmptyDate', { closeDate: '' }),
        opportunity('006B', { closeDate: '2026-11-20', ownerId: 'unknownUser' })
      ],
      users,
      options
    );
    expect(result.value).toBe(3);
    expect(result.records).toEqual(['006A', '006B', '006C']);
    expect(result.slices).toEqual({
      role: { Manager: count(1, 3), Rep: count(1, 3), '(none)': count(1, 3) },
      region: { AMER: count(1, 3), EMEA: count(1, 3), '(none)': count(1, 3) }
    });
  });

  it('takes date(T) in the options time zone', () => {
    const closingOn23 = [opportunity('006X', { closeDate: '2026-11-23' })];
    const at = (when: Date, timeZone: string) =>
      opportunitiesPastClose(closingOn23, users, { ...options, asOf: when, timeZone }).value;
    // At 23:30 UTC: still the 23rd in UTC (due today), already the 24th in Paris (past).
    expect(at(lateEvening, 'UTC')).toBe(0);
    expect(at(lateEvening, 'Europe/Paris')).toBe(1);
    // At 03:00 UTC on the 24th: past in UTC, still the 23rd (due today) in Los Angeles.
    expect(at(earlyMorning, 'UTC')).toBe(1);
    expect(at(earlyMorning, 'America/Los_Angeles')).toBe(0);
  });

  it('rejects an unknown time zone and a malformed CloseDate', () => {
    expect(() => opportunitiesPastClose([], users, { ...options, timeZone: 'Mars/Base' })).toThrow(
      /Mars\/Base/
    );
    expect(() =>
      opportunitiesPastClose([opportunity('006Bad', { closeDate: '23/11/2026' })], users, options)
    ).toThrow(/CloseDate of 006Bad/);
  });
});

describe('opps.neglected.stale', () => {
  // N = 30: LastModifiedDate ≤ 2026-10-24T12:00Z and LastActivityDate blank or < 2026-10-24.
  const MODIFIED_CUTOFF = '2026-10-24T12:00:00.000Z';
  const JUST_AFTER_CUTOFF = '2026-10-24T12:00:00.001Z';

  it('is 0 with no opportunities', () => {
    expect(staleOpportunities([], users, options).value).toBe(0);
  });

  it('needs no activity AND no change for 30 days', () => {
    const result = staleOpportunities(
      [
        opportunity('006NoActivityModifiedAtCutoff', { lastModifiedDate: MODIFIED_CUTOFF }),
        opportunity('006RecentEdit', { lastModifiedDate: JUST_AFTER_CUTOFF }),
        opportunity('006OldActivity', { lastActivityDate: '2026-10-23' }),
        opportunity('006ActivityOnCutoffDate', { lastActivityDate: '2026-10-24' }),
        opportunity('006RecentActivity', { lastActivityDate: '2026-11-20' }),
        opportunity('006EmptyActivity', { lastActivityDate: '' }),
        opportunity('006ClosedAndOld', { isClosed: true }),
        opportunity('006RecentEditOldActivity', {
          lastActivityDate: '2026-01-01',
          lastModifiedDate: '2026-11-22T08:00:00.000Z'
        })
      ],
      users,
      options
    );
    expect(result.records).toEqual([
      '006EmptyActivity',
      '006NoActivityModifiedAtCutoff',
      '006OldActivity'
    ]);
    expect(result.value).toBe(3);
    expect(result.slices?.role).toEqual({ Rep: count(3, 3) });
  });

  it('follows options.staleDays', () => {
    const opportunities = [
      opportunity('006A', {
        lastActivityDate: '2026-11-12',
        lastModifiedDate: '2026-11-13T12:00:00.000Z'
      })
    ];
    // N = 10: cut-offs 2026-11-13T12:00Z and 2026-11-13.
    expect(staleOpportunities(opportunities, users, { ...options, staleDays: 10 }).value).toBe(1);
    expect(staleOpportunities(opportunities, users, { ...options, staleDays: 11 }).value).toBe(0);
    expect(() => staleOpportunities([], users, { ...options, staleDays: 0 })).toThrow(RangeError);
  });

  it('takes the activity cut-off from date(T) in the options time zone', () => {
    // date(T) is 2026-11-23 in UTC (cut-off 2026-10-24) and 2026-11-24 in Paris (cut-off 2026-10-25).
    const opportunities = [opportunity('006A', { lastActivityDate: '2026-10-24' })];
    const at = (timeZone: string) =>
      staleOpportunities(opportunities, users, { ...options, asOf: lateEvening, timeZone }).value;
    expect(at('UTC')).toBe(0);
    expect(at('Europe/Paris')).toBe(1);
  });
});

describe('opps.wonLost', () => {
  it('is 0 with no closed opportunities, without dividing by zero', () => {
    expect(wonLost([opportunity('006Open', { closeDate: '2026-11-20' })], users, options)).toEqual({
      id: 'opps.wonLost',
      value: 0,
      numerator: 0,
      denominator: 0,
      won: 0,
      lost: 0,
      slices: noSlices
    });
  });

  it('rates won among won + lost with CloseDate in the 7 dates ending date(T)', () => {
    const closed = { isClosed: true };
    const result = wonLost(
      [
        opportunity('006Won17', { ...closed, isWon: true, closeDate: '2026-11-17' }),
        opportunity('006Lost20', { ...closed, closeDate: '2026-11-20' }),
        opportunity('006Won23', {
          ...closed,
          isWon: true,
          closeDate: '2026-11-23',
          ownerId: 'manager'
        }),
        opportunity('006Lost16', { ...closed, closeDate: '2026-11-16' }),
        opportunity('006Won24', { ...closed, isWon: true, closeDate: '2026-11-24' }),
        opportunity('006LostNoDate', { ...closed, closeDate: null }),
        opportunity('006Open20', { closeDate: '2026-11-20' })
      ],
      users,
      options
    );
    expect(result).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3, won: 2, lost: 1 });
    expect(result.slices).toEqual({
      role: {
        Manager: { value: 1, numerator: 1, denominator: 1 },
        Rep: { value: 0.5, numerator: 1, denominator: 2 }
      },
      region: {
        AMER: { value: 1, numerator: 1, denominator: 1 },
        EMEA: { value: 0.5, numerator: 1, denominator: 2 }
      }
    });
  });

  it('is 0 when every closed opportunity was lost', () => {
    const result = wonLost(
      [opportunity('006L', { isClosed: true, closeDate: '2026-11-22' })],
      users,
      options
    );
    expect(result).toMatchObject({ value: 0, numerator: 0, denominator: 1, won: 0, lost: 1 });
  });

  it('places the period by date(T) in the options time zone', () => {
    const opportunities = [
      opportunity('006Won17', { isClosed: true, isWon: true, closeDate: '2026-11-17' }),
      opportunity('006Lost24', { isClosed: true, closeDate: '2026-11-24' })
    ];
    const at = (timeZone: string) =>
      wonLost(opportunities, users, { ...options, asOf: lateEvening, timeZone });
    // UTC: 2026-11-16 < CloseDate ≤ 2026-11-23; Paris: 2026-11-17 < CloseDate ≤ 2026-11-24.
    expect(at('UTC')).toMatchObject({ won: 1, lost: 0, value: 1 });
    expect(at('Europe/Paris')).toMatchObject({ won: 0, lost: 1, value: 0 });
  });

  it('rejects an invalid period', () => {
    expect(() => wonLost([], users, { ...options, periodDays: 0 })).toThrow(RangeError);
  });
});

describe('opps.stageMovement', () => {
  const opportunities = [
    opportunity('006B', { ownerId: 'manager' }),
    opportunity('006A'),
    opportunity('006Start'),
    opportunity('006Created')
  ];

  it('is 0 with no stage changes', () => {
    expect(stageMovement([], opportunities, users, options)).toEqual({
      id: 'opps.stageMovement',
      value: 0,
      slices: noSlices,
      records: []
    });
  });

  it('counts each opportunity with a stage change in the period once', () => {
    const result = stageMovement(
      [
        change('006B', '2026-11-20T09:00:00.000Z'),
        change('006B', '2026-11-21T09:00:00.000Z', 'Qualification', 'Proposal'),
        change('006A', '2026-11-23T12:00:00.000Z'),
        change('006Start', '2026-11-16T12:00:00.000Z'),
        change('006Late', '2026-11-23T12:00:00.001Z'),
        change('006Created', '2026-11-20T09:00:00.000Z', null, 'Prospecting'),
        change('006Same', '2026-11-20T09:00:00.000Z', 'Proposal', 'Proposal'),
        change('006Blank', '2026-11-20T09:00:00.000Z', 'Proposal', ' '),
        change('006Deleted', '2026-11-19T09:00:00.000Z', 'Proposal', null),
        change('006Unknown', '2026-11-19T09:00:00.000Z')
      ],
      opportunities,
      users,
      options
    );
    expect(result.value).toBe(3);
    expect(result.records).toEqual(['006A', '006B', '006Unknown']);
    expect(result.slices?.role).toEqual({
      Manager: count(1, 3),
      Rep: count(1, 3),
      '(none)': count(1, 3)
    });
  });

  it('names a malformed change instant', () => {
    expect(() => stageMovement([change('006A', 'never')], [], users, options)).toThrow(
      /stage change of 006A/
    );
  });
});

describe('leads.abandoned', () => {
  // N = 14: CreatedDate ≤ 2026-11-09T12:00Z and LastActivityDate blank or < 2026-11-09.
  it('is 0 with no leads', () => {
    expect(abandonedLeads([], users, options)).toEqual({
      id: 'leads.abandoned',
      value: 0,
      slices: noSlices,
      records: []
    });
  });

  it('lists old open leads with no recent activity', () => {
    const leads = [
      lead('00QOld'),
      lead('00QCreatedAtCutoff', {
        createdDate: '2026-11-09T12:00:00.000Z',
        lastActivityDate: '2026-11-08'
      }),
      lead('00QTooYoung', { createdDate: '2026-11-09T12:00:00.001Z' }),
      lead('00QActivityOnCutoffDate', { lastActivityDate: '2026-11-09' }),
      lead('00QConverted', { isConverted: true, status: 'Qualified' }),
      lead('00QDisqualified', { status: 'Closed - Not Converted' }),
      lead('00QJunk', { status: 'Junk', ownerId: 'manager' })
    ];
    const result = abandonedLeads(leads, users, options);
    expect(result.records).toEqual(['00QCreatedAtCutoff', '00QJunk', '00QOld']);
    expect(result.slices?.role).toEqual({ Manager: count(1, 3), Rep: count(2, 3) });
  });

  it('uses the admin disqualified statuses', () => {
    const leads = [
      lead('00QJunk', { status: 'Junk' }),
      lead('00QNotConverted', { status: 'Closed - Not Converted' })
    ];
    const custom = { ...options, disqualifiedLeadStatuses: ['Junk', 'Duplicate'] };
    expect(abandonedLeads(leads, users, custom).records).toEqual(['00QNotConverted']);
    expect(
      abandonedLeads(leads, users, { ...options, disqualifiedLeadStatuses: [] }).records
    ).toEqual(['00QJunk', '00QNotConverted']);
  });

  it('follows options.abandonedDays and date(T) in the time zone', () => {
    // N = 7 at 23:30 UTC: cut-off date 2026-11-16 in UTC, 2026-11-17 in Paris.
    const leads = [lead('00Q', { lastActivityDate: '2026-11-16' })];
    const at = (timeZone: string) =>
      abandonedLeads(leads, users, { ...options, abandonedDays: 7, asOf: lateEvening, timeZone })
        .value;
    expect(at('UTC')).toBe(0);
    expect(at('Europe/Paris')).toBe(1);
  });
});

describe('leads.conversionRate', () => {
  it('is 0 with no leads', () => {
    expect(leadConversionRate([], users, options)).toEqual({
      id: 'leads.conversionRate',
      value: 0,
      numerator: 0,
      denominator: 0,
      converted: 0,
      disqualified: 0,
      openPastAge: 0,
      slices: noSlices
    });
  });

  it('with the defaults (7-day cohort, age 14) rates converted among converted + disqualified', () => {
    const result = leadConversionRate(
      [
        lead('00QConverted', { createdDate: '2026-11-20T09:00:00.000Z', isConverted: true }),
        lead('00QDisqualified', {
          createdDate: '2026-11-18T09:00:00.000Z',
          status: 'Closed - Not Converted'
        }),
        lead('00QOpen', { createdDate: '2026-11-17T09:00:00.000Z' }),
        lead('00QOldConverted', { isConverted: true })
      ],
      users,
      options
    );
    expect(result).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
      converted: 1,
      disqualified: 1,
      openPastAge: 0
    });
  });

  it('counts open leads past age N when the cohort reaches back further than N days', () => {
    // 30-day cohort: 2026-10-24T12:00Z < CreatedDate ≤ T; age cut-off 2026-11-09T12:00Z.
    const result = leadConversionRate(
      [
        lead('c1', { createdDate: '2026-11-20T09:00:00.000Z', isConverted: true }),
        lead('c2', {
          createdDate: '2026-11-01T09:00:00.000Z',
          isConverted: true,
          ownerId: 'manager'
        }),
        lead('d1', { createdDate: '2026-11-15T09:00:00.000Z', status: 'Closed - Not Converted' }),
        lead('p1', { createdDate: '2026-11-01T09:00:00.000Z' }),
        lead('p2', { createdDate: '2026-11-09T12:00:00.000Z', ownerId: 'manager' }),
        lead('young', { createdDate: '2026-11-09T12:00:00.001Z' }),
        lead('cohortStart', { createdDate: '2026-10-24T12:00:00.000Z', isConverted: true }),
        lead('afterT', { createdDate: '2026-11-23T12:00:00.001Z', isConverted: true })
      ],
      users,
      { ...options, periodDays: 30 }
    );
    expect(result).toMatchObject({
      value: 0.4,
      numerator: 2,
      denominator: 5,
      converted: 2,
      disqualified: 1,
      openPastAge: 2
    });
    expect(result.slices?.role).toEqual({
      Manager: { value: 0.5, numerator: 1, denominator: 2 },
      Rep: { value: 1 / 3, numerator: 1, denominator: 3 }
    });
  });

  it('uses the admin disqualified statuses', () => {
    const leads = [
      lead('c', { createdDate: '2026-11-20T09:00:00.000Z', isConverted: true }),
      lead('j', { createdDate: '2026-11-20T09:00:00.000Z', status: 'Junk' })
    ];
    expect(leadConversionRate(leads, users, options).value).toBe(1);
    const custom = { ...options, disqualifiedLeadStatuses: ['Junk'] };
    expect(leadConversionRate(leads, users, custom)).toMatchObject({ value: 0.5, disqualified: 1 });
  });
});

describe('tasks.pastDue and tasks.open', () => {
  const tasks = [
    task('00TYesterday', { activityDate: '2026-11-22', ownerId: 'manager' }),
    task('00TLongAgo', { activityDate: '2026-01-10' }),
    task('00TToday', { activityDate: '2026-11-23' }),
    task('00TNoDueDate', { activityDate: null }),
    task('00TClosedLate', { activityDate: '2026-11-01', isClosed: true })
  ];

  it('are 0 with no tasks', () => {
    expect(pastDueTasks([], users, options)).toEqual({
      id: 'tasks.pastDue',
      value: 0,
      slices: noSlices,
      records: []
    });
    expect(openTasks([], users)).toEqual({ id: 'tasks.open', value: 0, slices: noSlices });
  });

  it('lists open tasks due before date(T); a task without a due date is never past due', () => {
    const result = pastDueTasks(tasks, users, options);
    expect(result.records).toEqual(['00TLongAgo', '00TYesterday']);
    expect(result.slices?.region).toEqual({ AMER: count(1, 2), EMEA: count(1, 2) });
  });

  it('takes date(T) in the options time zone', () => {
    const dueOn23 = [task('00T', { activityDate: '2026-11-23' })];
    const at = (when: Date, timeZone: string) =>
      pastDueTasks(dueOn23, users, { ...options, asOf: when, timeZone }).value;
    expect(at(lateEvening, 'Europe/Paris')).toBe(1);
    expect(at(earlyMorning, 'America/Los_Angeles')).toBe(0);
    expect(at(earlyMorning, 'UTC')).toBe(1);
  });

  it('counts open tasks by assigned user', () => {
    const result = openTasks([...tasks, task('00TOrphan', { ownerId: 'gone' })], users);
    expect(result).toEqual({
      id: 'tasks.open',
      value: 5,
      slices: {
        role: { Manager: count(1, 5), Rep: count(3, 5), '(none)': count(1, 5) },
        region: { AMER: count(1, 5), EMEA: count(3, 5), '(none)': count(1, 5) }
      }
    });
  });
});

describe('cases.aged', () => {
  it('uses 3 days', () => {
    expect(AGED_CASE_DAYS).toBe(3);
  });

  it('lists open cases created at least 3×24h before T', () => {
    const result = agedCases(
      [
        supportCase('500AtCutoff', { createdDate: '2026-11-20T12:00:00.000Z' }),
        supportCase('500JustAfter', { createdDate: '2026-11-20T12:00:00.001Z' }),
        supportCase('500Old', { ownerId: 'manager' }),
        supportCase('500ClosedOld', { isClosed: true, closedDate: '2026-07-01T00:00:00.000Z' })
      ],
      users,
      options
    );
    expect(result).toEqual({
      id: 'cases.aged',
      value: 2,
      records: ['500AtCutoff', '500Old'],
      slices: {
        role: { Manager: count(1, 2), Rep: count(1, 2) },
        region: { AMER: count(1, 2), EMEA: count(1, 2) }
      }
    });
  });

  it('is 0 with no cases', () => {
    expect(agedCases([], users, options).value).toBe(0);
  });
});

describe('evaluateCrmKpis', () => {
  const CATALOG_ORDER = [
    'records.accounts.created',
    'records.contacts.created',
    'records.contacts.updated',
    'records.opportunities.created',
    'records.activities.created',
    'records.activities.closed',
    'records.cases.created',
    'records.cases.closed',
    'opps.neglected.pastClose',
    'opps.neglected.stale',
    'opps.wonLost',
    'opps.stageMovement',
    'leads.abandoned',
    'leads.conversionRate',
    'tasks.pastDue',
    'tasks.open',
    'cases.aged'
  ];

  it('evaluates nothing without records', () => {
    expect(evaluateCrmKpis({ users }, options)).toEqual([]);
  });

  it('evaluates every KPI in catalog order when every input is present, even empty', () => {
    const results = evaluateCrmKpis(
      {
        users,
        accounts: [],
        contacts: [],
        opportunities: [],
        leads: [],
        tasks: [],
        cases: [],
        stageChanges: []
      },
      options
    );
    expect(results.map((result) => result.id)).toEqual(CATALOG_ORDER);
    expect(results.every((result) => result.value === 0)).toBe(true);
  });

  it('skips the KPIs whose input is missing', () => {
    const results = evaluateCrmKpis(
      { users, tasks: [task('00T', { activityDate: '2026-11-01' })] },
      options
    );
    expect(results.map((result) => [result.id, result.value])).toEqual([
      ['records.activities.created', 0],
      ['records.activities.closed', 0],
      ['tasks.pastDue', 1],
      ['tasks.open', 1]
    ]);
  });

  it('slices stage movement under (none) when opportunities are not supplied', () => {
    const [result] = evaluateCrmKpis(
      { users, stageChanges: [change('006A', '2026-11-20T09:00:00.000Z')] },
      options
    );
    expect(result).toEqual({
      id: 'opps.stageMovement',
      value: 1,
      records: ['006A'],
      slices: { role: { '(none)': count(1, 1) }, region: { '(none)': count(1, 1) } }
    });
  });

  it('computes one realistic week', () => {
    const results = evaluateCrmKpis(
      {
        users,
        opportunities: [
          opportunity('006New', {
            createdDate: '2026-11-20T09:00:00.000Z',
            lastModifiedDate: '2026-11-20T09:00:00.000Z'
          }),
          opportunity('006Late', { closeDate: '2026-11-02' }),
          opportunity('006Won', { isClosed: true, isWon: true, closeDate: '2026-11-19' })
        ],
        leads: [lead('00QOld')],
        cases: [supportCase('500Open')]
      },
      options
    );
    expect(Object.fromEntries(results.map((result) => [result.id, result.value]))).toEqual({
      'records.opportunities.created': 1,
      'records.cases.created': 0,
      'records.cases.closed': 0,
      'opps.neglected.pastClose': 1,
      'opps.neglected.stale': 1,
      'opps.wonLost': 1,
      'leads.abandoned': 1,
      'leads.conversionRate': 0,
      'cases.aged': 1
    });
  });
});
