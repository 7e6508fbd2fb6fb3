import { UserFacingError, callApex, isApexMethod } from '../controllers';
import {
  MAX_LEADERBOARD_USERS,
  QUERY_ROW_HEADROOM,
  getLoginLeaderboard,
  getLoginSummary
} from '../loginActivityGateway';
import type { GatewayContext } from '../loginActivityGateway';
import { PERMISSIONS } from '../gatewayContext';
import { QUERY_ROW_LIMIT } from '../queryRunner';
import type { QueryRunner } from '../queryRunner';
import type { SelectorQueries } from '../selectorQueries';
import {
  CLASSES_DIR,
  ScriptedRunner,
  asOf,
  loadSelectorQueries,
  scriptedContext
} from './scripted';

let queries: SelectorQueries;
beforeAll(async () => {
  queries = await loadSelectorQueries(CLASSES_DIR);
});

function context(runner: QueryRunner, overrides: Partial<GatewayContext> = {}): GatewayContext {
  return scriptedContext(runner, queries, overrides);
}

describe('getLoginSummary', () => {
  it('merges cells whose role and region differ only in case, and counts never-logged-in users', async () => {
    const runner = new ScriptedRunner(queries, {
      'UserSelector.POPULATION_BY_SLICE_TEMPLATE': () => [
        { role: 'Rep', region: 'EMEA', users: 5, everLoggedIn: 4 },
        { role: 'Rep', region: 'emea', users: 1, everLoggedIn: 1 },
        { role: null, region: null, users: 2, everLoggedIn: 0 }
      ],
      'UserSelector.LOGGED_IN_BY_SLICE_TEMPLATE': (binds) =>
        (binds.since as Date).getTime() === asOf.getTime() - 7 * 86_400_000
          ? [{ role: 'Rep', region: 'EMEA', users: 3 }]
          : [{ role: 'REP', region: 'EMEA', users: 5 }]
    });
    const summary = await getLoginSummary(context(runner));
    expect(summary).toEqual({
      asOf: asOf.toISOString(),
      regionField: 'Division',
      slices: [
        {
          role: 'Rep',
          region: 'EMEA',
          population: 6,
          neverLoggedIn: 1,
          windows: [
            { days: 7, loggedIn: 3 },
            { days: 30, loggedIn: 5 },
            { days: 90, loggedIn: 5 }
          ]
        },
        {
          role: null,
          region: null,
          population: 2,
          neverLoggedIn: 2,
          windows: [
            { days: 7, loggedIn: 0 },
            { days: 30, loggedIn: 0 },
            { days: 90, loggedIn: 0 }
          ]
        }
      ]
    });
    expect(runner.calls.map((call) => call.method)).toEqual([
      'UserSelector.VIEWER_TEMPLATE',
      'UserSelector.POPULATION_BY_SLICE_TEMPLATE',
      'UserSelector.LOGGED_IN_BY_SLICE_TEMPLATE',
      'UserSelector.LOGGED_IN_BY_SLICE_TEMPLATE',
      'UserSelector.LOGGED_IN_BY_SLICE_TEMPLATE'
    ]);
  });
});

describe('getLoginLeaderboard', () => {
  const members = [
    { Id: '005A', Name: 'Ada', UserRole: { Name: 'Rep' }, Division: 'EMEA' },
    { Id: '005B', Name: 'Bea', UserRole: null, Division: null },
    { Id: '005C', Name: 'Cy', UserRole: { Name: 'Rep' }, Division: 'AMER' }
  ];
  const currentTallies = [
    { UserId: '005A', Status: 'Success', attempts: 3 },
    { UserId: '005A', Status: 'Invalid Password', attempts: 2 },
    { UserId: '005B', Status: 'Invalid Password', attempts: 4 }
  ];
  const previousTallies = [{ UserId: '005B', Status: 'Success', attempts: 1 }];
  const attempts = [
    { UserId: '005A', LoginTime: '2026-11-22T08:00:00.000+0000', Status: 'Success' },
    { UserId: '005A', LoginTime: '2026-11-22T18:00:00.000+0000', Status: 'Success' },
    { UserId: '005A', LoginTime: '2026-11-20T08:00:00.000+0000', Status: 'Success' },
    { UserId: '005A', LoginTime: '2026-11-21T08:00:00.000+0000', Status: 'Invalid Password' },
    { UserId: '005B', LoginTime: '2026-11-12T08:00:00.000+0000', Status: 'Success' }
  ];
  const answers = {
    'UserSelector.LOGGED_IN_SINCE_TEMPLATE': () => members,
    'LoginHistorySelector.countAttemptsByUserAndStatus': (binds: Record<string, unknown>) =>
      (binds.endInclusive as Date).getTime() === asOf.getTime() ? currentTallies : previousTallies,
    'LoginHistorySelector.readAttempts': () => attempts
  };

  it('counts successful logins and distinct days per window, and leaves out users without logins', async () => {
    const runner = new ScriptedRunner(queries, answers);
    const board = await getLoginLeaderboard(context(runner), 7);
    expect(board).toEqual({
      asOf: asOf.toISOString(),
      periodDays: 7,
      viewerId: '005V',
      activeDaysComplete: true,
      usersComplete: true,
      privacyMode: false,
      entries: [
        {
          userId: '005A',
          name: 'Ada',
          role: 'Rep',
          region: 'EMEA',
          logins: 3,
          activeDays: 2,
          previousLogins: 0,
          previousActiveDays: 0
        },
        {
          userId: '005B',
          name: 'Bea',
          role: null,
          region: null,
          logins: 0,
          activeDays: 0,
          previousLogins: 1,
          previousActiveDays: 1
        }
      ]
    });
    const [, members_, current, previous] = runner.calls;
    expect(members_.binds).toEqual({
      populationUserTypes: ['Standard'],
      populationProfiles: [],
      audienceViewerId: '005V',
      audienceViewerRegion: 'EMEA',
      since: new Date('2026-11-09T12:00:00.000Z'),
      maxUsers: MAX_LEADERBOARD_USERS
    });
    expect(current.binds.startExclusive).toEqual(new Date('2026-11-16T12:00:00.000Z'));
    expect(previous.binds).toMatchObject({
      startExclusive: new Date('2026-11-09T12:00:00.000Z'),
      endInclusive: new Date('2026-11-16T12:00:00.000Z')
    });
  });

  it('reads raw logins only for the most active users that fit the query-row budget', async () => {
    const budgetLeft = 5 + 4 + 1; // Ada: 5 attempts; Bea: 4 + 1
    const runner = new ScriptedRunner(queries, answers, {
      'UserSelector.LOGGED_IN_SINCE_TEMPLATE':
        QUERY_ROW_LIMIT - QUERY_ROW_HEADROOM - budgetLeft + 1 - 1 // the viewer's row
    });
    const board = await getLoginLeaderboard(context(runner), 7);
    expect(board.activeDaysComplete).toBe(false);
    expect(board.entries.map((entry) => [entry.userId, entry.activeDays])).toEqual([
      ['005A', 2],
      ['005B', null]
    ]);
    expect(runner.calls.at(-1)?.binds.userIds).toEqual(['005A']);
  });

  it('flags a board cut at the user limit', async () => {
    const crowd = Array.from({ length: MAX_LEADERBOARD_USERS }, (_, index) => ({
      Id: `005${index}`,
      Name: `User ${index}`,
      UserRole: null,
      Division: null
    }));
    const runner = new ScriptedRunner(queries, {
      ...answers,
      'UserSelector.LOGGED_IN_SINCE_TEMPLATE': () => crowd
    });
    const board = await getLoginLeaderboard(context(runner), 7);
    expect(board.usersComplete).toBe(false);
  });

  it('asks nothing more when nobody logged in', async () => {
    const runner = new ScriptedRunner(queries, {});
    const board = await getLoginLeaderboard(context(runner), 30);
    expect(board.entries).toEqual([]);
    expect(board.activeDaysComplete).toBe(true);
    expect(runner.calls).toHaveLength(2);
  });

  it('hides other users from a rep in privacy mode, and ranks them among everyone', async () => {
    const runner = new ScriptedRunner(queries, {
      ...answers,
      'UserSelector.LOGGED_IN_SINCE_TEMPLATE': () => [
        ...members,
        { Id: '005V', Name: 'Viv', UserRole: { Name: 'Rep' }, Division: 'EMEA' }
      ],
      'LoginHistorySelector.countAttemptsByUserAndStatus': (binds) =>
        (binds.endInclusive as Date).getTime() === asOf.getTime()
          ? [...currentTallies, { UserId: '005V', Status: 'Success', attempts: 1 }]
          : previousTallies
    });
    const rep = scriptedContext(
      runner,
      queries,
      { permissions: new Set([PERMISSIONS.viewTeamLogins]) },
      { Privacy_Mode__c: true }
    );
    const board = await getLoginLeaderboard(rep, 7);
    expect(board.privacyMode).toBe(true);
    expect(board.entries.map((entry) => [entry.userId, entry.name, entry.logins])).toEqual([
      [null, null, 3],
      [null, null, 0],
      ['005V', 'Viv', 1]
    ]);
    expect(board.entries[0].role).toBe('Rep');
    // A rep's leaderboard is not narrowed to the rep: no audience filter in the user query.
    expect(runner.calls[1].soql).not.toContain('audienceViewerId');
  });

  it('narrows a manager to the team and region, without privacy mode', async () => {
    const runner = new ScriptedRunner(queries, answers);
    const manager = scriptedContext(
      runner,
      queries,
      { permissions: new Set([PERMISSIONS.viewTeamLogins, PERMISSIONS.viewTeam]) },
      { Privacy_Mode__c: true }
    );
    const board = await getLoginLeaderboard(manager, 7);
    expect(board.privacyMode).toBe(false);
    expect(board.entries[0].name).toBe('Ada');
    expect(runner.calls[1].soql).toContain(
      'AND (Id = :audienceViewerId OR ManagerId = :audienceViewerId OR Manager.ManagerId = :audienceViewerId OR Division = :audienceViewerRegion)'
    );
  });
});

describe('controllers', () => {
  it('dispatches the @AuraEnabled methods the components import', () => {
    expect(isApexMethod('LoginActivityController.getLoginSummary')).toBe(true);
    expect(isApexMethod('LoginActivityController.getLoginLeaderboard')).toBe(true);
    expect(isApexMethod('LoginActivityController.toString')).toBe(false);
  });

  it('rejects a period other than 7, 30 or 90 days with the Apex message', async () => {
    const runner = new ScriptedRunner(queries, {});
    await expect(
      callApex('LoginActivityController.getLoginLeaderboard', context(runner), { periodDays: 14 })
    ).rejects.toThrow(new UserFacingError('Choose a period of 7, 30 or 90 days.'));
    await expect(
      callApex('LoginActivityController.getLoginLeaderboard', context(runner), {})
    ).rejects.toThrow('Choose a period');
  });

  it('names the permission set when team logins are refused', async () => {
    const runner = new ScriptedRunner(queries, {});
    await expect(
      callApex(
        'LoginActivityController.getLoginLeaderboard',
        context(runner, { permissions: new Set([PERMISSIONS.viewAll]) }),
        { periodDays: 7 }
      )
    ).rejects.toThrow(
      "Seeing your team's logins needs the Adoption Dashboard Viewer permission set."
    );
  });

  it('refuses unknown methods', async () => {
    await expect(
      callApex('Nope.nope', context(new ScriptedRunner(queries, {})), {})
    ).rejects.toThrow('No @AuraEnabled method Nope.nope in this package.');
  });
});
