/**
 * The login trend's guards, in AdoptionKpiService's order: weeks outside 1 to 12 first, then an
 * audience without Adoption_View_Team_Logins (the permission the audience carries, so the
 * preview's viewers and Apex's permissionsForTest seam decide it), before any directory read.
 */
import { getLoginTrend } from '../dashboardGateway';
import { PERMISSIONS } from '../gatewayContext';
import { WEEKS_MESSAGE } from '../kpiService';
import { TeamLoginAccessError } from '../loginActivityGateway';
import type { SelectorQueries } from '../selectorQueries';
import { CLASSES_DIR, ScriptedRunner, loadSelectorQueries, scriptedContext } from './scripted';

let queries: SelectorQueries;
beforeAll(async () => {
  queries = await loadSelectorQueries(CLASSES_DIR);
});

const WITHOUT_TEAM_LOGINS = new Set([PERMISSIONS.viewAll, PERMISSIONS.viewTeam]);

function trendFor(permissions: ReadonlySet<string>, weeks: number) {
  const runner = new ScriptedRunner(queries, {});
  const trend = getLoginTrend(scriptedContext(runner, queries, { permissions }), weeks);
  return { runner, trend };
}

describe('login trend guards', () => {
  it('refuses an audience without team logins, before reading the directory', async () => {
    const { runner, trend } = trendFor(WITHOUT_TEAM_LOGINS, 4);
    await expect(trend).rejects.toThrow(TeamLoginAccessError);
    await expect(trend).rejects.toThrow(
      'Team login counts need the Adoption_View_Team_Logins custom permission.'
    );
    expect(runner.calls.map((each) => each.method)).toEqual(['UserSelector.VIEWER_TEMPLATE']);
  });

  it('reads the trend for an audience holding only team logins', async () => {
    const { trend } = trendFor(new Set([PERMISSIONS.viewTeamLogins]), 2);
    expect((await trend).weeks).toHaveLength(2);
  });

  it.each([0, 13, 1.5])('refuses %p weeks before checking the permission', async (weeks) => {
    const { trend } = trendFor(WITHOUT_TEAM_LOGINS, weeks);
    await expect(trend).rejects.toThrow(RangeError);
    await expect(trend).rejects.toThrow(WEEKS_MESSAGE);
  });
});
