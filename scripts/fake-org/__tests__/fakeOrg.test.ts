/**
 * The fake org over plain HTTP (no jsforce): the REST query API and the Bulk API 2.0 query flow
 * as the CLI's org source expects them from Salesforce, and each fault it can inject.
 */
import { generateDemoOrg } from '../../demo/generate';
import type { DemoOrg } from '../../demo/model';
import { csvField } from '../bulkServer';
import { startFakeOrg } from '../fakeOrg';
import type { FakeOrg, FakeOrgFaults } from '../fakeOrg';

let org: DemoOrg;
const fakes: FakeOrg[] = [];
const API = '/services/data/v65.0';

beforeAll(() => {
  org = generateDemoOrg({ users: 50, seed: 3 });
});

afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
});

async function start(faults: FakeOrgFaults = {}): Promise<FakeOrg> {
  const fake = await startFakeOrg(org, faults);
  fakes.push(fake);
  return fake;
}

function call(
  fake: FakeOrg,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {}
): Promise<Response> {
  return fetch(`${fake.instanceUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${init.token ?? fake.accessToken}`,
      'Content-Type': 'application/json'
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  });
}

const query = (soql: string) => `${API}/query?q=${encodeURIComponent(soql)}`;

/** Creates a Bulk query job and polls it to JobComplete; returns the job's URL. */
async function completedJob(fake: FakeOrg, soql: string): Promise<string> {
  const created = await call(fake, `${API}/jobs/query`, {
    method: 'POST',
    body: { operation: 'query', query: soql }
  });
  expect(created.status).toBe(200);
  const job = (await created.json()) as { id: string; state: string; object: string };
  expect(job).toMatchObject({ state: 'UploadComplete', contentType: 'CSV', lineEnding: 'LF' });
  const url = `${API}/jobs/query/${job.id}`;
  const states: string[] = [];
  for (let poll = 0; poll < 5 && states.at(-1) !== 'JobComplete'; poll += 1) {
    states.push(((await (await call(fake, url)).json()) as { state: string }).state);
  }
  expect(states).toEqual(['InProgress', 'JobComplete']);
  return url;
}

describe('startFakeOrg', () => {
  it('listens on 127.0.0.1 and checks the bearer token', async () => {
    const fake = await start();
    expect(fake.instanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.env).toEqual({ SF_ACCESS_TOKEN: fake.accessToken });
    for (const path of [query('SELECT Id FROM User'), `${API}/jobs/query`]) {
      const response = await call(fake, path, { token: 'wrong' });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual([
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
      ]);
    }
  });

  it('answers REST queries page by page, and COUNT()', async () => {
    const fake = await start({ restPageSize: 20 });
    const first = (await (await call(fake, query('SELECT Id FROM User'))).json()) as {
      totalSize: number;
      done: boolean;
      nextRecordsUrl: string;
      records: unknown[];
    };
    expect(first).toMatchObject({ totalSize: 50, done: false });
    expect(first.records).toHaveLength(20);
    const second = (await (await call(fake, first.nextRecordsUrl)).json()) as {
      records: unknown[];
    };
    expect(second.records).toHaveLength(20);
    const count = await (await call(fake, query('SELECT COUNT() FROM LoginHistory'))).json();
    expect(count).toEqual({ totalSize: org.tables.LoginHistory.size, done: true, records: [] });
  });

  it('writes Bulk results as Bulk API 2.0 CSV, paged by base64 locators', async () => {
    const fake = await start({ bulkPageSize: 30 });
    const url = await completedJob(
      fake,
      'SELECT Id, Name, IsActive, LastLoginDate, UserRole.Name, ManagerId FROM User'
    );
    const first = await call(fake, `${url}/results?maxRecords=1000`);
    expect(first.headers.get('content-type')).toBe('text/csv');
    expect(first.headers.get('sforce-numberofrecords')).toBe('30');
    expect(first.headers.get('sforce-locator')).toBe(Buffer.from('30').toString('base64'));
    const lines = (await first.text()).split('\n');
    expect(lines[0]).toBe('"Id","Name","IsActive","LastLoginDate","UserRole.Name","ManagerId"');
    expect(lines).toHaveLength(32);
    expect(lines[31]).toBe('');
    expect(lines[1]).toMatch(
      /^"005\w{15}","[^"]+","(true|false)",("\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")?,("[^"]+")?,("005\w{15}")?$/
    );
    const last = await call(fake, `${url}/results?maxRecords=1000&locator=MzA%3D`);
    expect(last.headers.get('sforce-numberofrecords')).toBe('20');
    expect(last.headers.get('sforce-locator')).toBe('null');
    expect(
      await call(fake, `${url}/results?locator=MzA%3D&maxRecords=5`).then((r) =>
        r.headers.get('sforce-locator')
      )
    ).toBe(Buffer.from('35').toString('base64'));
    expect((await call(fake, url, { method: 'DELETE' })).status).toBe(204);
    expect((await call(fake, url)).status).toBe(404);
  });

  it('quotes every value as Bulk API 2.0 does', () => {
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField(true)).toBe('"true"');
    expect(csvField(12.5)).toBe('"12.5"');
    expect(csvField('2026-11-23T12:00:00.000+0000')).toBe('"2026-11-23T12:00:00.000Z"');
    expect(csvField('2026-11-23')).toBe('"2026-11-23"');
  });

  it('refuses results before the job is complete, and aggregate Bulk queries', async () => {
    const fake = await start();
    const created = (await (
      await call(fake, `${API}/jobs/query`, {
        method: 'POST',
        body: { operation: 'query', query: 'SELECT Id FROM User' }
      })
    ).json()) as { id: string };
    const early = await call(fake, `${API}/jobs/query/${created.id}/results`);
    expect(early.status).toBe(412);
    expect(await early.json()).toEqual([
      {
        errorCode: 'JOB_NOT_COMPLETE',
        message: 'can only download query results of successfully completed bulk job'
      }
    ]);
    const aggregate = await call(fake, `${API}/jobs/query`, {
      method: 'POST',
      body: { operation: 'query', query: 'SELECT COUNT() FROM User' }
    });
    expect(aggregate.status).toBe(400);
    expect(await aggregate.json()).toEqual([
      {
        errorCode: 'MALFORMED_QUERY',
        message: 'Bulk API 2.0 query jobs support plain field lists only'
      }
    ]);
    const bad = await call(fake, `${API}/jobs/query`, {
      method: 'POST',
      body: { operation: 'upsert', query: 'SELECT Id FROM User' }
    });
    expect(await bad.json()).toEqual([
      { errorCode: 'INVALIDJOB', message: 'Invalid operation: upsert' }
    ]);
  });
});

describe('faults', () => {
  it('rateLimitOnce: one 429 with Retry-After on the second LoginHistory page only', async () => {
    const fake = await start({ rateLimitOnce: true, retryAfterSeconds: 3, restPageSize: 100 });
    const users = (await (await call(fake, query('SELECT Id FROM User'))).json()) as {
      nextRecordsUrl?: string;
    };
    expect(users.nextRecordsUrl).toBeUndefined();
    const first = (await (await call(fake, query('SELECT Id FROM LoginHistory'))).json()) as {
      nextRecordsUrl: string;
    };
    const limited = await call(fake, first.nextRecordsUrl);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toEqual([
      {
        errorCode: 'REQUEST_LIMIT_EXCEEDED',
        message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.'
      }
    ]);
    expect((await call(fake, first.nextRecordsUrl)).status).toBe(200);
    expect(fake.requests.map((request) => request.status)).toEqual([200, 200, 429, 200]);
  });

  it('serverErrorOnce: one 503 on a later Bulk page of LoginHistory', async () => {
    const fake = await start({ serverErrorOnce: true, bulkPageSize: 100 });
    const url = await completedJob(fake, 'SELECT UserId FROM LoginHistory');
    expect((await call(fake, `${url}/results`)).status).toBe(200);
    const later = `${url}/results?locator=${encodeURIComponent(Buffer.from('100').toString('base64'))}`;
    expect((await call(fake, later)).status).toBe(503);
    expect((await call(fake, later)).status).toBe(200);
  });

  it('expiredSession: every request answers 401', async () => {
    const fake = await start({ expiredSession: true });
    expect((await call(fake, query('SELECT Id FROM User'))).status).toBe(401);
    expect((await call(fake, `${API}/jobs/query`, { method: 'POST', body: {} })).status).toBe(401);
  });

  it('malformedLoginRow: the middle LoginHistory row is broken in REST and Bulk results', async () => {
    const fake = await start({ malformedLoginRow: true, restPageSize: 100_000 });
    const soql = 'SELECT UserId, LoginTime, Status FROM LoginHistory';
    const rest = (await (await call(fake, query(soql))).json()) as {
      records: { LoginTime: string }[];
    };
    const middle = Math.floor(org.tables.LoginHistory.size / 2);
    expect(rest.records[middle].LoginTime).toBe('not-a-date');
    expect(rest.records.filter((record) => record.LoginTime === 'not-a-date')).toHaveLength(1);
    const lines = (
      await (await call(fake, `${await completedJob(fake, soql)}/results`)).text()
    ).split('\n');
    expect(lines[middle + 1].split(',')).toHaveLength(2);
    expect(lines[middle].split(',')).toHaveLength(3);
    const users = (await (await call(fake, query('SELECT Name FROM User'))).json()) as {
      records: { Name: string }[];
    };
    expect(users.records.every((record) => record.Name !== 'not-a-date')).toBe(true);
  });

  it('unreadableObjects: INVALID_TYPE, as for an object the user cannot see', async () => {
    const fake = await start({ unreadableObjects: ['case'] });
    const response = await call(fake, query('SELECT Id FROM Case'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([
      { message: "sObject type 'Case' is not supported", errorCode: 'INVALID_TYPE' }
    ]);
    expect((await call(fake, query('SELECT Id FROM Task'))).status).toBe(200);
  });

  it('forbiddenObjects: 403 INSUFFICIENT_ACCESS on REST queries', async () => {
    const fake = await start({ forbiddenObjects: ['LoginHistory'] });
    const response = await call(fake, query('SELECT COUNT() FROM LoginHistory'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual([
      { errorCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights on object id' }
    ]);
  });

  it('failBulkJobs: the job ends Failed with a reason, and has no results', async () => {
    const fake = await start({ failBulkJobs: true });
    const created = (await (
      await call(fake, `${API}/jobs/query`, {
        method: 'POST',
        body: { operation: 'query', query: 'SELECT Id FROM User' }
      })
    ).json()) as { id: string };
    const url = `${API}/jobs/query/${created.id}`;
    await call(fake, url);
    expect(await (await call(fake, url)).json()).toMatchObject({
      state: 'Failed',
      errorMessage: 'The query job failed: the fake org was asked to fail it'
    });
    expect((await call(fake, `${url}/results`)).status).toBe(412);
  });

  it('bulkThreshold: handed back for the client, and in a child process’s env', async () => {
    const fake = await start({ bulkThreshold: 0 });
    expect(fake.bulkThreshold).toBe(0);
    expect(fake.env).toEqual({ SF_ACCESS_TOKEN: fake.accessToken, ADOPTION_BULK_THRESHOLD: '0' });
  });
});
