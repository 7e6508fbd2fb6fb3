/**
 * `adoption` end to end against a live org's APIs: the real executable talks to the local fake
 * org (REST query and Bulk API 2.0 on 127.0.0.1, answering from the demo org's SOQL engine) and
 * must print exactly the KPI values it prints for the same demo org exported as CSV — through
 * REST paging, Bulk result pages, a 429 and a 503 — and fail clearly on a 401 and a broken row.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemoOrg } from '../../demo/generate';
import { startFakeOrg } from '../../fake-org/fakeOrg';
import type { FakeOrg, FakeOrgFaults } from '../../fake-org/fakeOrg';
import type { ReportDocument } from '../report/reportDocument';
import { AS_OF, demoCsvFolder, outputOf, runAdoption } from './cliProcess';
import type { CliRun } from './cliProcess';

jest.setTimeout(60_000);

const org = generateDemoOrg({ users: 60, seed: 7 });
let csvReport: ReportDocument;
let csvDir: string;

/** `adoption report --instance-url <fake>` with the token in SF_ACCESS_TOKEN; the fake is closed after. */
async function reportFromFake(
  faults: FakeOrgFaults,
  extra: string[] = ['--json']
): Promise<{ run: CliRun; fake: FakeOrg }> {
  const fake = await startFakeOrg(org, faults);
  try {
    const run = await runAdoption(
      ['report', '--instance-url', fake.instanceUrl, '--as-of', AS_OF, ...extra],
      fake.env
    );
    return { run, fake };
  } finally {
    await fake.close();
  }
}

function expectSameKpis(run: CliRun): ReportDocument {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const document: ReportDocument = JSON.parse(run.stdout);
  expect(document.population).toBe(csvReport.population);
  expect(document.notes).toEqual(csvReport.notes);
  expect(document.kpis).toEqual(csvReport.kpis);
  return document;
}

const loginPages = (fake: FakeOrg) =>
  fake.requests.filter((request) => /LoginHistory|\/query\/\w+-\d+|\/results/.test(request.url));

beforeAll(async () => {
  csvDir = await demoCsvFolder(org);
  csvReport = JSON.parse(
    outputOf(await runAdoption(['report', '--data', csvDir, '--as-of', AS_OF, '--json']))
  );
});

afterAll(async () => {
  await rm(csvDir, { recursive: true, force: true });
});

describe('adoption report --instance-url <fake org>', () => {
  it('prints the same KPI values as the CSV export of the same org (REST, paged)', async () => {
    const { run, fake } = await reportFromFake({ restPageSize: 1000 });
    const document = expectSameKpis(run);
    expect(document.source).toContain(fake.instanceUrl);
    expect(Object.keys(document.kpis)).toHaveLength(30);
    // LoginHistory came in several REST pages, through nextRecordsUrl.
    expect(
      fake.requests.filter((request) => /\/query\/\w+-\d+$/.test(request.url)).length
    ).toBeGreaterThan(2);
    expect(fake.requests.some((request) => request.url.includes('/jobs/query'))).toBe(false);
  });

  it('reads LoginHistory through Bulk API 2.0 above the threshold, with the same values', async () => {
    const { run, fake } = await reportFromFake({ bulkThreshold: 100, bulkPageSize: 400 });
    expectSameKpis(run);
    const results = fake.requests.filter((request) =>
      /\/jobs\/query\/\w+\/results/.test(request.url)
    );
    expect(results.length).toBeGreaterThan(1);
    expect(results.every((request) => request.status === 200)).toBe(true);
  });

  it('retries a 429 (with Retry-After) and a 503, and counts every row once', async () => {
    const limited = await reportFromFake({
      rateLimitOnce: true,
      retryAfterSeconds: 0,
      restPageSize: 1000
    });
    expectSameKpis(limited.run);
    expect(limited.fake.requests.filter((request) => request.status === 429)).toHaveLength(1);
    const unavailable = await reportFromFake({
      serverErrorOnce: true,
      bulkThreshold: 100,
      bulkPageSize: 400
    });
    expectSameKpis(unavailable.run);
    expect(unavailable.fake.requests.filter((request) => request.status === 503)).toHaveLength(1);
    expect(loginPages(unavailable.fake).length).toBeGreaterThan(0);
  });

  it('exits 1 with the login hint on an expired session', async () => {
    const { run } = await reportFromFake({ expiredSession: true }, []);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Error: .*session.*`sf org login web/i);
  });

  it('exits 1 naming LoginHistory when a row is malformed, over REST and over Bulk', async () => {
    const rest = await reportFromFake({ malformedLoginRow: true }, []);
    expect(rest.run.code).toBe(1);
    expect(rest.run.stdout).toBe('');
    expect(rest.run.stderr).toMatch(/^Error: .*LoginHistory.*row/);
    const bulk = await reportFromFake({ malformedLoginRow: true, bulkThreshold: 100 }, []);
    expect(bulk.run.code).toBe(1);
    expect(bulk.run.stderr).toMatch(/^Error: .*LoginHistory/);
  });

  it('skips an optional object the user cannot read with a note naming it', async () => {
    const { run } = await reportFromFake({ unreadableObjects: ['Case'] });
    expect(run.code).toBe(0);
    const document: ReportDocument = JSON.parse(run.stdout);
    expect(document.notes[0]).toMatch(
      /^Case .*Skipped KPIs: records\.cases\.created, records\.cases\.closed, cases\.aged\.$/
    );
    expect(document.kpis['cases.aged']).toBeUndefined();
    expect(document.kpis['login.rate.7d']).toEqual(csvReport.kpis['login.rate.7d']);
  });

  it('exits 1 with the login command when --target-org names an org the sf CLI has no login for', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'adoption-e2e-home-'));
    try {
      const run = await runAdoption(['report', '--target-org', 'my-sandbox'], {
        HOME: home,
        SF_DISABLE_TELEMETRY: 'true',
        SF_AUTOUPDATE_DISABLE: 'true'
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^Error: .*my-sandbox.*`sf org login web --alias my-sandbox`/);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
