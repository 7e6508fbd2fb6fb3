/**
 * `adoption report --target-org <alias>` end to end: a Salesforce CLI login to the fake org is
 * stored in a temporary home folder (storeLogin.ts, as `sf org login access-token` would), then
 * the built CLI reads the org through @salesforce/core's stored authentication. Child processes,
 * because @salesforce/core's file handling fails inside jest's sandbox (cross-realm errors) and
 * the machine's own logins must stay untouched.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeDemoCsv } from '../../../demo/csv';
import { generateDemoOrg } from '../../../demo/generate';
import { startFakeOrg } from '../../../fake-org/fakeOrg';
import type { FakeOrg } from '../../../fake-org/fakeOrg';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const org = generateDemoOrg({ users: 50, seed: 5 });
let home: string;
let fake: FakeOrg;
let expired: FakeOrg;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function node(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        HOME: home,
        SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
        SF_DISABLE_TELEMETRY: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        // @salesforce/core warns that the fake's http:// URL is insecure.
        NODE_NO_WARNINGS: '1',
        ...env
      }
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function storeLogin(alias: string, username: string, target: FakeOrg): Promise<void> {
  const run = await node(
    [
      '--require',
      'tsx/cjs',
      path.join(__dirname, 'storeLogin.ts'),
      alias,
      username,
      target.instanceUrl
    ],
    { SF_ACCESS_TOKEN: target.accessToken }
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

const LOGIN_KPIS = ['--kpi', 'login.rate.7d,login.never,login.leaderboard'];

const report = (source: string[], env: Record<string, string> = {}, kpis = LOGIN_KPIS) =>
  node(
    [
      'scripts/cli/bin/adoption.mjs',
      'report',
      ...source,
      '--as-of',
      org.asOf.toISOString(),
      '--format',
      'json',
      ...kpis
    ],
    env
  );

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'adoption-sf-home-'));
  fake = await startFakeOrg(org, { restPageSize: 500 });
  expired = await startFakeOrg(org, { expiredSession: true });
  await storeLogin('fake-org', 'admin@fake-org.example', fake);
  await storeLogin('expired-org', 'expired@fake-org.example', expired);
}, 60_000);

afterAll(async () => {
  await Promise.all([fake.close(), expired.close()]);
  await rm(home, { recursive: true, force: true });
});

describe('adoption report --target-org', () => {
  it('reads the org through the stored login, as --instance-url with its token does', async () => {
    const [byAlias, byUrl] = await Promise.all([
      report(['--target-org', 'fake-org']),
      report(['--instance-url', fake.instanceUrl], fake.env)
    ]);
    expect(byAlias.stderr).toBe('');
    expect(byAlias.code).toBe(0);
    const viaAlias = JSON.parse(byAlias.stdout) as { source: string; kpis: unknown };
    const viaUrl = JSON.parse(byUrl.stdout) as { source: string; kpis: unknown };
    expect(viaAlias.source).toBe('org admin@fake-org.example');
    expect(viaUrl.source).toBe(`org ${fake.instanceUrl}`);
    expect(viaAlias.kpis).toEqual(viaUrl.kpis);
    expect(Object.keys(viaAlias.kpis as object)).toEqual([
      'login.rate.7d',
      'login.never',
      'login.leaderboard'
    ]);
    expect(
      fake.requests.some((request) => request.url.startsWith('/services/data/v65.0/query'))
    ).toBe(true);
  }, 60_000);

  it('gives every KPI the same value as the CSV export of the same org', async () => {
    const exportDir = path.join(home, 'export');
    await writeDemoCsv(org, exportDir);
    const [byAlias, byCsv] = await Promise.all([
      report(['--target-org', 'fake-org'], {}, []),
      report(['--data', exportDir], {}, [])
    ]);
    expect(byAlias.code).toBe(0);
    expect(byCsv.code).toBe(0);
    const viaAlias = JSON.parse(byAlias.stdout) as { kpis: Record<string, unknown> };
    const viaCsv = JSON.parse(byCsv.stdout) as { kpis: Record<string, unknown> };
    expect(Object.keys(viaAlias.kpis).length).toBeGreaterThanOrEqual(30);
    expect(viaAlias.kpis).toEqual(viaCsv.kpis);
  }, 90_000);

  it('names the alias when its session has expired', async () => {
    const run = await report(['--target-org', 'expired-org']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Your Salesforce session has expired or is invalid: run `sf org login web --alias expired-org` (or refresh SF_ACCESS_TOKEN).'
    );
  }, 60_000);

  it('tells the user how to log in when the alias is unknown', async () => {
    const run = await report(['--target-org', 'no-such-alias']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Cannot use the org "no-such-alias": No authorization information found for no-such-alias. Log in with `sf org login web --alias no-such-alias`.'
    );
  }, 60_000);
});
