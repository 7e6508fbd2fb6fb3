/**
 * The dashboard gateway on a generated demo org: audience (a rep sees only self, a manager the
 * team and region, an admin everyone), privacy mode, the login trend and the drill-downs (values,
 * paging, sorting, the 2,000-row offset limit) checked against the demo tables read directly.
 */
import path from 'node:path';
import {
  DEFAULT_KPI_OPTIONS,
  abandonedLeads,
  opportunitiesPastClose,
  pastDueTasks,
  staleOpportunities
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type {
  NeglectedRecord,
  PersonRow
} from '../../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import { loadStandardObjects } from '../../checks/schemaSources';
import type { Schema } from '../../checks/soqlSchema';
import { generateDemoOrg } from '../../demo/generate';
import type { DemoOrg } from '../../demo/model';
import { callApex } from '../controllers';
import {
  captureBaseline,
  getDashboardContext,
  getKpiData,
  getLoginTrend,
  getNeglectedRecords,
  getSlicePeople
} from '../dashboardGateway';
import { demoContext } from '../demoContext';
import { PERMISSIONS } from '../gatewayContext';
import type { GatewayContext, SettingsRecord } from '../gatewayContext';
import { getLoginLeaderboard } from '../loginActivityGateway';
import type { SelectorQueries } from '../selectorQueries';
import { demoRecords, userDirectory } from './demoRecords';
import type { DemoRecords, DemoUser } from './demoRecords';
import { CLASSES_DIR, loadSelectorQueries } from './scripted';

const DAY_MS = 86_400_000;
const ALL = Object.values(PERMISSIONS);
const REP = [PERMISSIONS.viewTeamLogins];
const MANAGER = [PERMISSIONS.viewTeamLogins, PERMISSIONS.viewTeam];

let org: DemoOrg;
let records: DemoRecords;
let queries: SelectorQueries;
let reference: Schema;
let population: DemoUser[];
let rep: DemoUser;
let manager: DemoUser;

beforeAll(async () => {
  org = generateDemoOrg({ users: 250, seed: 4 });
  records = demoRecords(org);
  queries = await loadSelectorQueries(CLASSES_DIR);
  reference = await loadStandardObjects(
    path.join(__dirname, '..', '..', '..', 'config', 'schema', 'standard-objects.json')
  );
  population = records.users.filter((user) => user.isPopulation);
  rep = population.find((user) => user.id === org.runningUserId) as DemoUser;
  manager = population.find((user) => user.id === rep.managerId) as DemoUser;
});

function context(
  viewer: DemoUser,
  permissions: readonly string[],
  settings: SettingsRecord = {}
): GatewayContext {
  return demoContext(org, {
    queries,
    reference,
    settings,
    viewer: { userId: viewer.id, permissions: new Set(permissions) }
  });
}

const ids = (users: readonly { userId: string }[]): string[] =>
  users.map((user) => user.userId).sort();

describe('audience', () => {
  it('shows an admin the whole population, with settings rights', async () => {
    const admin = context(rep, ALL);
    const dashboard = await getDashboardContext(admin);
    expect(dashboard.audience).toMatchObject({ scope: 'all', canManageSettings: true });
    expect(dashboard.casesInUse).toBe(true);
    expect(dashboard.settings.problems).toEqual([]);
    const data = await getKpiData(admin, 'activity', 7);
    expect(ids(data.users)).toEqual(population.map((user) => user.id).sort());
  });

  it('shows a manager the reports, their reports and the region', async () => {
    const data = await getKpiData(context(manager, MANAGER), 'pipeline', 7);
    const managerOf = new Map(records.users.map((user) => [user.id, user.managerId]));
    const team = population.filter(
      (user) =>
        user.id === manager.id ||
        user.managerId === manager.id ||
        managerOf.get(user.managerId ?? '') === manager.id ||
        user.region === manager.region
    );
    expect(ids(data.users)).toEqual(team.map((user) => user.id).sort());
    expect(team.some((user) => user.region !== manager.region)).toBe(false);
    const dashboard = await getDashboardContext(context(manager, MANAGER));
    expect(dashboard.audience).toMatchObject({
      scope: 'team',
      viewerRole: 'Regional Sales Manager',
      canManageSettings: false
    });
    for (const tallies of data.tallies) {
      for (const tally of tallies.current) expect(ids(data.users)).toContain(tally.userId);
    }
  });

  it('shows a rep only their own activity, and refuses other slices', async () => {
    const own = context(rep, REP);
    const data = await getKpiData(own, 'pipeline', 30);
    expect(ids(data.users)).toEqual([rep.id]);
    const pastDue = data.tallies.find((tallies) => tallies.kpiId === 'tasks.pastDue');
    const library = pastDueTasks(
      records.tasks.filter((task) => task.ownerId === rep.id),
      userDirectory([rep]),
      { ...DEFAULT_KPI_OPTIONS, asOf: org.asOf }
    );
    expect(pastDue?.current).toEqual([
      { userId: rep.id, numerator: library.value, denominator: 0 }
    ]);
    await expect(
      callApex('AdoptionDashboardController.getSlicePeople', own, {
        dimension: 'role',
        sliceKey: 'Account Executive',
        periodDays: 7,
        sortBy: 'name',
        sortDirection: 'asc',
        pageSize: 10,
        pageNumber: 1
      })
    ).rejects.toThrow('You can see only your own activity.');
    const page = await getSlicePeople(own, 'user', rep.id.slice(0, 15), 7, 'name', 'asc', 10, 1);
    expect(page.rows.map((row) => row.userId)).toEqual([rep.id]);
  });

  it('hides the names of others on a rep leaderboard in privacy mode only', async () => {
    const board = await getLoginLeaderboard(context(rep, REP, { Privacy_Mode__c: true }), 30);
    expect(board.privacyMode).toBe(true);
    const named = board.entries.filter((entry) => entry.name !== null);
    expect(named.map((entry) => entry.userId)).toEqual([rep.id]);
    expect(board.entries.length).toBeGreaterThan(50);
    const open = await getLoginLeaderboard(context(rep, REP), 30);
    expect(open.privacyMode).toBe(false);
    expect(open.entries.every((entry) => entry.name !== null)).toBe(true);
    const managerBoard = await getLoginLeaderboard(
      context(manager, MANAGER, { Privacy_Mode__c: true }),
      30
    );
    expect(managerBoard.privacyMode).toBe(false);
  });
});

describe('login trend', () => {
  it('counts the users with a successful login in each week, oldest first', async () => {
    const trend = await getLoginTrend(context(rep, ALL), 4);
    const members = new Set(population.map((user) => user.id));
    const expected = [3, 2, 1, 0].map((week) => {
      const end = org.asOf.getTime() - 7 * week * DAY_MS;
      const start = end - 7 * DAY_MS;
      const active = new Set(
        records.logins
          .filter((login) => login.success && login.time > start && login.time <= end)
          .map((login) => login.userId)
          .filter((userId) => members.has(userId))
      );
      return { weekStart: new Date(start).toISOString(), activeUsers: active.size };
    });
    expect(trend).toEqual({
      asOf: org.asOf.toISOString(),
      population: population.length,
      weeks: expected,
      complete: true
    });
  });

  it('refuses a viewer without the team-logins permission', async () => {
    await expect(
      callApex('AdoptionDashboardController.getLoginTrend', context(rep, []), { weeks: 2 })
    ).rejects.toThrow(
      "Seeing your team's logins needs the Adoption Dashboard Viewer permission set."
    );
  });
});

describe('people of a slice', () => {
  it('has each person’s logins, records created and past-due tasks in the period', async () => {
    const page = await getSlicePeople(
      context(rep, ALL),
      'region',
      'EMEA',
      30,
      'name',
      'asc',
      200,
      1
    );
    const emea = population.filter((user) => user.region === 'EMEA');
    expect(page.totalRows).toBe(emea.length);
    const start = org.asOf.getTime() - 30 * DAY_MS;
    const created = (userId: string): number =>
      [records.accounts, records.contacts, records.opportunities, records.tasks, records.cases]
        .flat()
        .filter((record) => {
          const at = Date.parse(record.createdDate);
          return record.createdById === userId && at > start && at <= org.asOf.getTime();
        }).length;
    const today = org.asOf.toISOString().slice(0, 10);
    for (const row of page.rows) {
      expect(row.recordsCreated).toBe(created(row.userId));
      expect(row.pastDueTasks).toBe(
        records.tasks.filter(
          (task) =>
            task.ownerId === row.userId &&
            !task.isClosed &&
            task.activityDate !== null &&
            task.activityDate < today
        ).length
      );
      expect(row.logins).toBe(
        records.logins.filter(
          (login) =>
            login.userId === row.userId &&
            login.success &&
            login.time > start &&
            login.time <= org.asOf.getTime()
        ).length
      );
    }
  });

  it('sorts by a column with blanks last and ties by name, then pages', async () => {
    const admin = context(rep, ALL);
    const all = await getSlicePeople(
      admin,
      'role',
      'Account Executive',
      7,
      'logins',
      'desc',
      200,
      1
    );
    const sorted = [...all.rows].sort(
      (a, b) =>
        (b.logins ?? -1) - (a.logins ?? -1) ||
        a.name.toLowerCase().localeCompare(b.name.toLowerCase())
    );
    expect(all.rows.map((row) => row.userId)).toEqual(sorted.map((row) => row.userId));
    const second = await getSlicePeople(
      admin,
      'role',
      'Account Executive',
      7,
      'logins',
      'desc',
      10,
      2
    );
    expect(second.rows).toEqual(all.rows.slice(10, 20));
    expect(second).toMatchObject({ pageNumber: 2, pageSize: 10, totalRows: all.totalRows });
    const never = population.find((user) => user.lastLogin === null) as DemoUser;
    const byLogin = await getSlicePeople(
      admin,
      'region',
      never.region ?? '(none)',
      7,
      'lastLoginDate',
      'asc',
      200,
      1
    );
    const neverLast = byLogin.rows.map((row: PersonRow) => row.lastLoginDate === null);
    expect(neverLast.indexOf(true)).toBeGreaterThan(-1);
    expect(neverLast.slice(neverLast.indexOf(true)).every(Boolean)).toBe(true);
  });

  it('leaves logins blank for a viewer who may not see others’ logins', async () => {
    const page = await getSlicePeople(
      context(rep, [PERMISSIONS.viewAll]),
      'region',
      'APAC',
      7,
      'name',
      'asc',
      10,
      1
    );
    expect(page.rows.every((row) => row.logins === null)).toBe(true);
    expect(page.rows.length).toBeGreaterThan(0);
  });
});

describe('neglected records', () => {
  const kpis = [
    ['opps.neglected.pastClose', 'keyDate'],
    ['opps.neglected.stale', 'amount'],
    ['tasks.pastDue', 'ownerName'],
    ['leads.abandoned', 'status']
  ] as const;

  it.each(kpis)(
    'lists %s for a slice: every page together is the library’s list',
    async (kpiId, sortBy) => {
      const admin = context(rep, ALL);
      const emea = population.filter((user) => user.region === 'EMEA');
      const owners = new Set(emea.map((user) => user.id));
      const options = { ...DEFAULT_KPI_OPTIONS, asOf: org.asOf };
      const directory = userDirectory(emea);
      const owned = <T extends { ownerId: string }>(list: readonly T[]) =>
        list.filter((record) => owners.has(record.ownerId));
      const expected =
        kpiId === 'opps.neglected.pastClose'
          ? opportunitiesPastClose(owned(records.opportunities), directory, options)
          : kpiId === 'opps.neglected.stale'
            ? staleOpportunities(owned(records.opportunities), directory, options)
            : kpiId === 'tasks.pastDue'
              ? pastDueTasks(owned(records.tasks), directory, options)
              : abandonedLeads(owned(records.leads), directory, options);
      const pages: NeglectedRecord[] = [];
      let totalRows = 0;
      for (let pageNumber = 1; pageNumber <= 60; pageNumber += 1) {
        const page = await getNeglectedRecords(
          admin,
          kpiId,
          'region',
          'EMEA',
          sortBy,
          'desc',
          50,
          pageNumber
        );
        totalRows = page.totalRows;
        pages.push(...page.rows);
        if (page.rows.length < 50) break;
      }
      expect(totalRows).toBe(expected.value);
      expect(pages.map((row) => row.recordId).sort()).toEqual(expected.records);
      const values = pages.map((row) =>
        sortBy === 'keyDate'
          ? row.keyDate
          : sortBy === 'amount'
            ? row.amount
            : sortBy === 'ownerName'
              ? row.ownerName?.toLowerCase()
              : row.status?.toLowerCase()
      );
      const firstBlank = values.findIndex((value) => value === null);
      const filled = firstBlank < 0 ? values : values.slice(0, firstBlank);
      const descending = (a: unknown, b: unknown): number =>
        (a as string | number) < (b as string | number)
          ? 1
          : (a as string | number) > (b as string | number)
            ? -1
            : 0;
      expect([...filled].sort(descending)).toEqual(filled);
      const blanks = firstBlank < 0 ? [] : values.slice(firstBlank);
      expect(blanks.every((value) => value === null)).toBe(true);
    }
  );

  it('maps each record with its owner, key date, amount and status', async () => {
    const page = await getNeglectedRecords(
      context(rep, ALL),
      'opps.neglected.pastClose',
      'user',
      rep.id,
      'keyDate',
      'asc',
      10,
      1
    );
    const byId = new Map(records.opportunities.map((opportunity) => [opportunity.id, opportunity]));
    expect(page.rows.length).toBeGreaterThan(0);
    for (const row of page.rows) {
      const opportunity = byId.get(row.recordId);
      expect(row).toEqual({
        recordId: opportunity?.id,
        objectApiName: 'Opportunity',
        name: opportunity?.name,
        ownerId: rep.id,
        ownerName: rep.name,
        keyDate: opportunity?.closeDate,
        amount: opportunity?.amount,
        status: opportunity?.stageName
      });
    }
  });

  it('stops paging at an offset of 2,000 rows', async () => {
    const admin = context(rep, ALL);
    const params = {
      kpiId: 'tasks.pastDue',
      dimension: 'role',
      sliceKey: 'Account Executive',
      sortBy: 'keyDate',
      sortDirection: 'asc',
      pageSize: 10
    };
    const last = (await callApex('AdoptionDashboardController.getNeglectedRecords', admin, {
      ...params,
      pageNumber: 201
    })) as { rows: unknown[] };
    expect(last.rows.length).toBeLessThanOrEqual(10);
    await expect(
      callApex('AdoptionDashboardController.getNeglectedRecords', admin, {
        ...params,
        pageNumber: 202
      })
    ).rejects.toThrow('Only the first 2,000 records can be paged; narrow the slice.');
  });

  it('returns an empty page for a slice without users', async () => {
    const page = await getNeglectedRecords(
      context(rep, ALL),
      'leads.abandoned',
      'region',
      'Atlantis',
      'name',
      'asc',
      10,
      1
    );
    expect(page).toMatchObject({ totalRows: 0, rows: [] });
  });
});

describe('captureBaseline', () => {
  it('saves the baseline, dated today, into the settings the next request reads', async () => {
    const admin = context(rep, ALL, { Stale_Days__c: 45 });
    const jobId = captureBaseline(admin, ' {"login.rate.7d":0.55} ');
    expect(jobId).toMatch(/^0Af[0-9A-Za-z]{15}$/);
    const settings = (await getDashboardContext(admin)).settings;
    expect(settings).toMatchObject({
      baselineJson: '{"login.rate.7d":0.55}',
      baselineCapturedOn: '2026-11-23',
      staleDays: 45
    });
  });

  it('refuses without the manage-settings permission, and bad or empty baselines', async () => {
    await expect(
      callApex('AdoptionSettingsController.captureBaseline', context(rep, REP), {
        baselineJson: '{"a":1}'
      })
    ).rejects.toThrow(
      'Capturing a baseline needs the Adoption Dashboard Admin permission set. Ask your Salesforce admin to assign it.'
    );
    const admin = context(rep, ALL);
    await expect(
      callApex('AdoptionSettingsController.captureBaseline', admin, { baselineJson: '{"a":"x"}' })
    ).rejects.toThrow(
      'The baseline must be a JSON object of KPI ids and numbers, e.g. {"login.rate.7d":0.55}, but the value of a is not a number.'
    );
    await expect(
      callApex('AdoptionSettingsController.captureBaseline', admin, { baselineJson: '[1]' })
    ).rejects.toThrow('but it is not a JSON object.');
    for (const baselineJson of ['{}', '', undefined]) {
      await expect(
        callApex('AdoptionSettingsController.captureBaseline', admin, { baselineJson })
      ).rejects.toThrow('There are no KPI values to capture yet.');
    }
  });
});

describe('getBaselineDeployment', () => {
  it('reports no deployment before the first capture, then the capture as saved at once', async () => {
    const admin = context(rep, ALL);
    const call = () => callApex('AdoptionSettingsController.getBaselineDeployment', admin, {});
    await expect(call()).resolves.toBeNull();
    const jobId = captureBaseline(admin, '{"login.rate.7d":0.55}');
    await expect(call()).resolves.toEqual({
      jobId,
      status: 'Succeeded',
      message: null,
      requestedAt: admin.asOf.toISOString(),
      completedAt: admin.asOf.toISOString()
    });
  });

  it('refuses without the manage-settings permission', async () => {
    await expect(
      callApex('AdoptionSettingsController.getBaselineDeployment', context(rep, REP), {})
    ).rejects.toThrow(
      'Seeing whether the baseline was saved needs the Adoption Dashboard Admin permission set. Ask your Salesforce admin to assign it.'
    );
  });
});
