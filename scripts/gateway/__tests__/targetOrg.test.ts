/**
 * --target-org end to end, against a local fake of the REST query API: the gateway reading an org
 * through jsforce returns exactly what it returns from the demo org directly.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Connection } from 'jsforce';
import { generateDemoOrg } from '../../demo/generate';
import type { DemoOrg } from '../../demo/model';
import { createFakeRestServer } from '../../fake-org/restServer';
import { getKpiData, getLoginTrend, getNeglectedRecords } from '../dashboardGateway';
import { DemoQueryRunner } from '../demoRunner';
import { demoDescribe } from '../describe';
import { PERMISSIONS, memorySettingsStore } from '../gatewayContext';
import { getLoginLeaderboard, getLoginSummary } from '../loginActivityGateway';
import type { GatewayContext } from '../loginActivityGateway';
import type { QueryRunner } from '../queryRunner';
import { RestQueryRunner } from '../restRunner';
import type { RestConnection } from '../restRunner';
import { loadSelectorQueries } from '../selectorQueries';
import type { SelectorQueries } from '../selectorQueries';
import { targetOrgContext } from '../targetOrg';

const TOKEN = '00D000000000001!fake-session';
let org: DemoOrg;
let server: Server;
let instanceUrl: string;
let queries: SelectorQueries;

beforeAll(async () => {
  org = generateDemoOrg({ users: 200, seed: 7 });
  queries = await loadSelectorQueries(
    path.join(__dirname, '..', '..', '..', 'force-app', 'main', 'default', 'classes')
  );
  server = createFakeRestServer({ org, accessToken: TOKEN, pageSize: 50 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  instanceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server.close());

function contextWith(runner: QueryRunner): GatewayContext {
  return {
    runner,
    queries,
    asOf: org.asOf,
    timeZone: org.timeZone,
    viewerId: org.runningUserId,
    permissions: new Set(Object.values(PERMISSIONS)),
    settings: memorySettingsStore({}),
    describe: demoDescribe(org.tables, {})
  };
}

function restRunner(accessToken = TOKEN): RestQueryRunner {
  const connection = new Connection({ instanceUrl, accessToken, version: '65.0' });
  return new RestQueryRunner(connection as unknown as RestConnection);
}

describe('--target-org through jsforce', () => {
  it('gives the same login summary as the demo org', async () => {
    const viaRest = await getLoginSummary(contextWith(restRunner()));
    const direct = await getLoginSummary(contextWith(new DemoQueryRunner(org)));
    expect(viaRest).toEqual(direct);
    expect(direct.slices.length).toBeGreaterThan(3);
  });

  it('gives the same leaderboard, across paged results and split Id lists', async () => {
    const viaRest = await getLoginLeaderboard(contextWith(restRunner()), 30);
    const direct = await getLoginLeaderboard(contextWith(new DemoQueryRunner(org)), 30);
    expect(viaRest).toEqual(direct);
    expect(direct.entries.length).toBeGreaterThan(50);
  });

  it('gives the same KPI tallies, trend and neglected records as the demo org', async () => {
    for (const family of ['activity', 'pipeline', 'quality'] as const) {
      const viaRest = await getKpiData(contextWith(restRunner()), family, 30);
      const direct = await getKpiData(contextWith(new DemoQueryRunner(org)), family, 30);
      expect(viaRest).toEqual(direct);
    }
    const trend = await getLoginTrend(contextWith(restRunner()), 3);
    expect(trend).toEqual(await getLoginTrend(contextWith(new DemoQueryRunner(org)), 3));
    const records = (runner: QueryRunner) =>
      getNeglectedRecords(
        contextWith(runner),
        'opps.neglected.stale',
        'region',
        'EMEA',
        'keyDate',
        'asc',
        10,
        2
      );
    const viaRest = await records(restRunner());
    expect(viaRest).toEqual(await records(new DemoQueryRunner(org)));
    expect(viaRest.rows).toHaveLength(10);
  }, 30_000);

  it('reports an expired session', async () => {
    await expect(getLoginSummary(contextWith(restRunner('expired')))).rejects.toThrow(
      /Session expired or invalid/
    );
  });

  it('tells the user how to log in when the alias is unknown', async () => {
    await expect(
      targetOrgContext(
        'no-such-alias-adoption',
        queries,
        memorySettingsStore({}),
        demoDescribe({}, {})
      )
    ).rejects.toThrow(
      /Cannot use the org "no-such-alias-adoption": .*Log in with `npx sf org login web --alias no-such-alias-adoption`\./
    );
  });
});
