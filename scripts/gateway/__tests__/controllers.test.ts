/**
 * The controllers' input validation (the messages of AdoptionDashboardController.cls, word for
 * word) and the KPI service's row budget: group limits, incomplete tallies, SUM queries skipped
 * when they cannot fit, the directory cap and the login trend's budget.
 */
import { MESSAGES, callApex, isApexMethod } from '../controllers';
import { DRILLDOWN_MESSAGES as DRILL } from '../drilldownService';
import { getKpiData, getLoginTrend } from '../dashboardGateway';
import type { PersonRow } from '../../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import { MAX_DIRECTORY_USERS } from '../directory';
import { comparePeople } from '../drilldownService';
import { QUERY_ROW_LIMIT } from '../queryRunner';
import type { SoqlRecord } from '../queryRunner';
import type { SelectorQueries } from '../selectorQueries';
import { QUERY_ROW_HEADROOM } from '../transaction';
import { CLASSES_DIR, ScriptedRunner, loadSelectorQueries, scriptedContext } from './scripted';

let queries: SelectorQueries;
beforeAll(async () => {
  queries = await loadSelectorQueries(CLASSES_DIR);
});

const people = (count: number): SoqlRecord[] =>
  Array.from({ length: count }, (_, index) => ({
    Id: `005${String(index).padStart(12, '0')}`,
    Name: `User ${index}`,
    UserRole: null,
    ManagerId: null,
    LastLoginDate: '2026-11-20T08:00:00.000+0000',
    Division: null
  }));

function call(method: string, params: Record<string, unknown>) {
  return callApex(
    `AdoptionDashboardController.${method}`,
    scriptedContext(new ScriptedRunner(queries, {}), queries),
    params
  );
}

const page = {
  dimension: 'role',
  sliceKey: 'Sales',
  sortDirection: 'asc',
  pageSize: 10,
  pageNumber: 1
};

describe('controller validation', () => {
  it('dispatches every @AuraEnabled method of the dashboard', () => {
    for (const method of [
      'AdoptionDashboardController.getDashboardContext',
      'AdoptionDashboardController.getKpiData',
      'AdoptionDashboardController.getLoginTrend',
      'AdoptionDashboardController.getSlicePeople',
      'AdoptionDashboardController.getNeglectedRecords',
      'AdoptionSettingsController.captureBaseline',
      'AdoptionSettingsController.getBaselineDeployment'
    ]) {
      expect(isApexMethod(method)).toBe(true);
    }
  });

  it.each([
    ['getKpiData', { family: 'sales', periodDays: 7 }, MESSAGES.family],
    ['getKpiData', { family: 'quality', periodDays: 60 }, MESSAGES.period],
    ['getKpiData', { family: 'quality' }, MESSAGES.period],
    ['getLoginTrend', { weeks: 13 }, MESSAGES.weeks],
    ['getLoginTrend', { weeks: 1.5 }, MESSAGES.weeks],
    [
      'getSlicePeople',
      { ...page, dimension: 'manager', periodDays: 7, sortBy: 'name' },
      DRILL.dimension
    ],
    ['getSlicePeople', { ...page, periodDays: 3, sortBy: 'name' }, DRILL.period],
    ['getSlicePeople', { ...page, periodDays: 7, sortBy: 'email' }, DRILL.peopleSort],
    [
      'getSlicePeople',
      { ...page, periodDays: 7, sortBy: 'name', sortDirection: 'up' },
      DRILL.direction
    ],
    ['getSlicePeople', { ...page, periodDays: 7, sortBy: 'name', pageSize: 20 }, DRILL.pageSize],
    ['getSlicePeople', { ...page, periodDays: 7, sortBy: 'name', pageNumber: 0 }, DRILL.pageNumber],
    ['getNeglectedRecords', { ...page, kpiId: 'tasks.open', sortBy: 'name' }, DRILL.kpi],
    [
      'getNeglectedRecords',
      { ...page, kpiId: 'tasks.pastDue', sortBy: 'subject' },
      DRILL.recordSort
    ],
    [
      'getNeglectedRecords',
      { ...page, kpiId: 'tasks.pastDue', sortBy: 'amount' },
      DRILL.amountSort
    ],
    [
      'getNeglectedRecords',
      { ...page, kpiId: 'leads.abandoned', sortBy: 'name', pageSize: 200, pageNumber: 12 },
      DRILL.offset
    ]
  ])('%s(%j) → "%s"', async (method, params, message) => {
    await expect(call(method, params)).rejects.toThrow(message);
  });

  it('uses the Apex sentences', () => {
    expect(MESSAGES.period).toBe('Choose a period of 7, 14, 30 or 90 days.');
    expect(DRILL.offset).toBe('Only the first 2,000 records can be paged; narrow the slice.');
  });
});

describe('row budget', () => {
  it('marks a KPI incomplete when a query returns its group limit', async () => {
    const runner = new ScriptedRunner(queries, {
      'DirectorySelector.DIRECTORY_TEMPLATE': () => people(3),
      'CaseSelector.hasAnyCase': () => [],
      'AccountSelector.countCreatedByUser': () =>
        people(2).map((user) => ({ userId: user.Id, n: 4 }))
    });
    const data = await getKpiData(scriptedContext(runner, queries), 'activity', 7, 2);
    const accounts = data.tallies[0];
    expect(accounts.kpiId).toBe('records.accounts.created');
    expect(accounts.current.map((tally) => tally.numerator)).toEqual([4, 4]);
    expect(accounts.complete).toBe(false);
    expect(data.tallies[1].complete).toBe(true);
    expect(data.tallies.map((tallies) => tallies.kpiId)).not.toContain('records.cases.created');
  });

  it('divides the rows left among the queries still to run', async () => {
    const runner = new ScriptedRunner(queries, {
      'DirectorySelector.DIRECTORY_TEMPLATE': () => people(1),
      'CaseSelector.hasAnyCase': () => [{ Id: '500A' }]
    });
    await getKpiData(scriptedContext(runner, queries), 'activity', 7);
    const limits = runner.calls
      .filter((each) => each.binds.groupLimit !== undefined)
      .map((each) => each.binds.groupLimit);
    // 8 KPIs × 2 periods; the viewer, directory and case rows used 3 rows.
    const left = QUERY_ROW_LIMIT - QUERY_ROW_HEADROOM - 3;
    expect(limits[0]).toBe(Math.trunc(left / 16));
    expect(limits).toHaveLength(16);
  });

  it('runs a SUM query only when the open opportunities fit its share', async () => {
    const owner = people(1)[0].Id;
    const answers = (open: number) => ({
      'DirectorySelector.DIRECTORY_TEMPLATE': () => people(1),
      'OpportunitySelector.countOpenByOwner': () => [{ userId: owner, n: open, filled: open }],
      'OpportunitySelector.sumOpenAmountByOwner': () => [{ userId: owner, amount: 1500 }],
      'OpportunitySelector.sumProbableAmountByOwner': () => [{ userId: owner, amount: null }],
      'OpportunitySelector.sumLateProbableAmountByOwner': () => [{ userId: owner, amount: 700 }]
    });
    const pipeline = async (open: number, limit?: number) =>
      (
        await getKpiData(
          scriptedContext(new ScriptedRunner(queries, answers(open)), queries),
          'pipeline',
          7,
          limit
        )
      ).tallies.filter((tallies) => tallies.kpiId.startsWith('pipeline.'));
    expect(await pipeline(3)).toEqual([
      {
        kpiId: 'pipeline.open',
        detail: null,
        current: [{ userId: owner, numerator: 1500, denominator: 3 }],
        previous: null,
        complete: true
      },
      {
        kpiId: 'pipeline.late',
        detail: null,
        current: [{ userId: owner, numerator: 700, denominator: 0 }],
        previous: null,
        complete: true
      }
    ]);
    const skipped = await pipeline(50, 10);
    expect(skipped.map((tallies) => [tallies.current, tallies.complete])).toEqual([
      [[], false],
      [[], false]
    ]);
  });

  it('caps the directory at 5,000 users and says so', async () => {
    const runner = new ScriptedRunner(queries, {
      'DirectorySelector.DIRECTORY_TEMPLATE': (binds) => people(Number(binds.directoryLimit))
    });
    const data = await getKpiData(scriptedContext(runner, queries), 'quality', 30);
    expect(data.users).toHaveLength(MAX_DIRECTORY_USERS);
    expect(data.usersComplete).toBe(false);
    expect(runner.calls[1].binds.directoryLimit).toBe(MAX_DIRECTORY_USERS + 1);
  });

  it('skips every KPI query for an empty directory', async () => {
    const empty = new ScriptedRunner(queries, {});
    const none = await getKpiData(scriptedContext(empty, queries), 'quality', 7);
    expect(none.tallies.every((tallies) => tallies.current.length === 0 && tallies.complete)).toBe(
      true
    );
    expect(empty.calls.map((each) => each.method)).toEqual([
      'UserSelector.VIEWER_TEMPLATE',
      'DirectorySelector.DIRECTORY_TEMPLATE',
      'CaseSelector.hasAnyCase'
    ]);
  });

  it('stops the login trend at the week whose rows would not fit', async () => {
    const runner = new ScriptedRunner(
      queries,
      {
        'DirectorySelector.DIRECTORY_TEMPLATE': () => people(10),
        'LoginHistorySelector.countAttemptsByUserAndStatus': (binds) =>
          (binds.userIds as string[]).map((userId) => ({
            UserId: userId,
            Status: 'Success',
            attempts: 3
          }))
      },
      { 'LoginHistorySelector.countAttemptsByUserAndStatus': 24_490 }
    );
    const trend = await getLoginTrend(scriptedContext(runner, queries), 4);
    expect(trend.weeks.map((week) => week.activeUsers)).toEqual([10, 10]);
    expect(trend.weeks[1].weekStart).toBe('2026-11-16T12:00:00.000Z');
    expect(trend.complete).toBe(false);
  });
});

describe('people order', () => {
  const person = (userId: string, name: string, values: Partial<PersonRow>): PersonRow => ({
    userId,
    name,
    role: null,
    region: null,
    lastLoginDate: null,
    logins: null,
    recordsCreated: 0,
    pastDueTasks: 0,
    ...values
  });
  const crowd = [
    person('005C', 'cy', { role: 'Rep', region: 'EMEA', recordsCreated: 2, pastDueTasks: 1 }),
    person('005A', 'Ada', { role: 'rep', region: null, recordsCreated: 2, pastDueTasks: 3 }),
    person('005B', 'Ada', { role: null, region: 'amer', recordsCreated: 5, pastDueTasks: 3 })
  ];
  const order = (sortBy: string, descending = false) =>
    [...crowd].sort(comparePeople(sortBy, descending)).map((row) => row.userId);

  it('sorts text ignoring case with blanks last, numbers either way, ties by name then Id', () => {
    expect(order('role')).toEqual(['005A', '005C', '005B']);
    expect(order('region', true)).toEqual(['005C', '005B', '005A']);
    expect(order('recordsCreated')).toEqual(['005A', '005C', '005B']);
    expect(order('pastDueTasks', true)).toEqual(['005A', '005B', '005C']);
    expect(order('name')).toEqual(['005A', '005B', '005C']);
    expect(order('logins')).toEqual(['005A', '005B', '005C']);
  });
});

describe('successful calls through the controllers', () => {
  it('passes validated parameters on to the services', async () => {
    const context = scriptedContext(
      new ScriptedRunner(queries, { 'DirectorySelector.DIRECTORY_TEMPLATE': () => people(2) }),
      queries
    );
    const data = (await callApex('AdoptionDashboardController.getKpiData', context, {
      family: 'quality',
      periodDays: 14
    })) as { periodDays: number; users: unknown[] };
    expect(data.periodDays).toBe(14);
    expect(data.users).toHaveLength(2);
    const peoplePage = (await callApex('AdoptionDashboardController.getSlicePeople', context, {
      ...page,
      sliceKey: '(none)',
      periodDays: 7,
      sortBy: 'name'
    })) as { totalRows: number };
    expect(peoplePage.totalRows).toBe(2);
    const recordPage = (await callApex('AdoptionDashboardController.getNeglectedRecords', context, {
      ...page,
      sliceKey: '(none)',
      kpiId: 'opps.neglected.stale',
      sortBy: 'amount'
    })) as { totalRows: number; rows: unknown[] };
    expect(recordPage).toMatchObject({ totalRows: 0, rows: [] });
    const trend = (await callApex('AdoptionDashboardController.getLoginTrend', context, {
      weeks: 1
    })) as { weeks: unknown[] };
    expect(trend.weeks).toHaveLength(1);
  });
});
