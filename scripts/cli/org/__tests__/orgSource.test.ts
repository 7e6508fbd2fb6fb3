/**
 * The org source end to end over HTTP, against the local fake org (REST query and Bulk API 2.0
 * answered by the demo org's SOQL engine): every object equals the demo tables and the CSV
 * source's reading of the same org's export, across pages, a 429 or a 503 in the middle, and the
 * failures a user must be told about.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeDemoCsv } from '../../../demo/csv';
import { generateDemoOrg } from '../../../demo/generate';
import type { DemoOrg } from '../../../demo/model';
import { startFakeOrg } from '../../../fake-org/fakeOrg';
import type { FakeOrg, FakeOrgFaults } from '../../../fake-org/fakeOrg';
import { createCsvSource } from '../../csv/csvSource';
import type { CrmObjectName, DataSource, ProgressSink } from '../../source';
import {
  BULK_THRESHOLD_ENV,
  DEFAULT_BULK_THRESHOLD,
  bulkThresholdFrom,
  createOrgSource
} from '../orgSource';
import { OrgApiError } from '../orgErrors';
import { expectedLogins, expectedRecords, expectedUsers } from './demoTables';
import { json, scriptedHttp } from './scriptedHttp';

const OBJECTS: CrmObjectName[] = [
  'Account',
  'Contact',
  'Opportunity',
  'Lead',
  'Task',
  'Case',
  'OpportunityFieldHistory',
  'DuplicateRecordItem'
];

let org: DemoOrg;
let range: { after: Date; notAfter: Date };
const fakes: FakeOrg[] = [];

beforeAll(() => {
  org = generateDemoOrg({ users: 50, seed: 7 });
  range = { after: new Date(org.asOf.getTime() - 60 * 86_400_000), notAfter: org.asOf };
});

afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
});

const silent: ProgressSink = {
  start: () => undefined,
  add: () => undefined,
  finish: () => undefined
};

/** A source over a new fake org; waits are recorded, not slept. */
async function orgSource(
  faults: FakeOrgFaults = {},
  bulkThreshold = 1_000_000
): Promise<{ source: DataSource; fake: FakeOrg; slept: number[] }> {
  const fake = await startFakeOrg(org, faults);
  fakes.push(fake);
  const slept: number[] = [];
  const source = await createOrgSource({
    instanceUrl: fake.instanceUrl,
    accessToken: fake.accessToken,
    bulkThreshold,
    retry: {
      sleep: async (ms) => {
        slept.push(ms);
      }
    }
  });
  return { source, fake, slept };
}

async function logins(source: DataSource, progress = silent): Promise<string[]> {
  const seen: string[] = [];
  await source.forEachLogin(
    range,
    (userId, time, status) => seen.push(`${userId}|${time}|${status}`),
    progress
  );
  return seen.sort();
}

async function records(source: DataSource, object: CrmObjectName): Promise<unknown[]> {
  const result = await source.records(object, silent);
  if (!result.available) throw new Error(result.note);
  return result.records;
}

const statuses = (fake: FakeOrg) => fake.requests.map((request) => request.status);

describe('the org source against the fake org', () => {
  it('reads every object as the demo tables hold it, over REST pages', async () => {
    const { source, fake } = await orgSource({ restPageSize: 300 });
    expect(source.description).toBe(`org ${fake.instanceUrl}`);
    expect(await source.users('Division', silent)).toEqual(expectedUsers(org));
    const expected = expectedRecords(org);
    for (const object of OBJECTS) {
      const read = await records(source, object);
      expect(read).toEqual(expected[object]);
      expect(read.length).toBeGreaterThan(0);
    }
    const wanted = expectedLogins(org, range);
    expect(await logins(source)).toEqual(wanted);
    expect(wanted.length).toBeGreaterThan(1000);
    expect(fake.requests.some((request) => request.url.includes('/jobs/query'))).toBe(false);
    const followOns = (rows: number) => Math.max(0, Math.ceil(rows / 300) - 1);
    const sizes = [org.tables.User.size, wanted.length, ...OBJECTS.map((o) => expected[o].length)];
    const nextPages = fake.requests.filter((request) => /\/query\/\w+-\d+$/.test(request.url));
    expect(nextPages).toHaveLength(sizes.reduce((sum, rows) => sum + followOns(rows), 0));
    expect(nextPages.length).toBeGreaterThan(10);
    await source.close();
  }, 30_000);

  it('reads users with another region field', async () => {
    const { source } = await orgSource();
    expect(await source.users('Department', silent)).toEqual(expectedUsers(org, 'Department'));
  });

  it('streams LoginHistory through a Bulk API 2.0 job above the threshold, page by locator', async () => {
    const { source, fake } = await orgSource({ bulkPageSize: 400 }, 100);
    const progress = recordingProgress();
    const seen = await logins(source, progress);
    expect(seen).toEqual(expectedLogins(org, range));
    const urls = fake.requests.map(
      (request) => `${request.method} ${request.url.replace(/\?.*/, '')}`
    );
    expect(urls[0]).toMatch(/^GET \/services\/data\/v65\.0\/query$/);
    expect(urls[1]).toBe('POST /services/data/v65.0/jobs/query');
    const pages = fake.requests.filter((request) => request.url.includes('/results'));
    expect(pages).toHaveLength(Math.ceil(seen.length / 400));
    expect(urls.at(-1)).toMatch(/^DELETE \/services\/data\/v65\.0\/jobs\/query\/750\w+$/);
    expect(progress.events[0]).toEqual(['start', 'LoginHistory', seen.length]);
    expect(progress.added()).toBe(seen.length);
    expect(progress.events.at(-1)).toEqual(['finish']);
  });

  it('gives the same records as the CSV source reading the same org’s export', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'adoption-org-'));
    try {
      await writeDemoCsv(org, dir);
      const csv = createCsvSource(dir);
      const { source } = await orgSource({ restPageSize: 1000 });
      const { source: bulk } = await orgSource({ bulkPageSize: 1000 }, 0);
      expect(await source.users('Division', silent)).toEqual(await csv.users('Division', silent));
      for (const object of OBJECTS) {
        expect(await records(source, object)).toEqual(await records(csv, object));
      }
      const fromCsv = await logins(csv);
      expect(await logins(source)).toEqual(fromCsv);
      expect(await logins(bulk)).toEqual(fromCsv);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('retries', () => {
  it.each([
    { api: 'REST', threshold: 1_000_000 },
    { api: 'Bulk API 2.0', threshold: 0 }
  ])(
    'a 429 in the middle of LoginHistory ($api) loses and repeats no row',
    async ({ threshold }) => {
      const { source, fake, slept } = await orgSource(
        { rateLimitOnce: true, retryAfterSeconds: 2, restPageSize: 500, bulkPageSize: 500 },
        threshold
      );
      const seen = await logins(source);
      expect(seen).toEqual(expectedLogins(org, range));
      expect(new Set(seen).size).toBe(seen.length);
      const limited = fake.requests.findIndex((request) => request.status === 429);
      expect(limited).toBeGreaterThan(1);
      expect(fake.requests[limited + 1]).toEqual({ ...fake.requests[limited], status: 200 });
      expect(statuses(fake).filter((status) => status === 429)).toHaveLength(1);
      expect(slept).toContain(2000);
    }
  );

  it('a 503 in the middle is retried after a backoff', async () => {
    const { source, fake, slept } = await orgSource({ serverErrorOnce: true, restPageSize: 500 });
    expect(await logins(source)).toEqual(expectedLogins(org, range));
    expect(statuses(fake).filter((status) => status === 503)).toHaveLength(1);
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThanOrEqual(250);
    expect(slept[0]).toBeLessThanOrEqual(500);
  });
});

describe('failures the user is told about', () => {
  it('an expired session: log in again', async () => {
    const { source } = await orgSource({ expiredSession: true });
    await expect(source.users('Division', silent)).rejects.toThrow(
      'Your Salesforce session has expired or is invalid: run `sf org login web --alias <alias>` (or refresh SF_ACCESS_TOKEN).'
    );
    await expect(logins(source)).rejects.toThrow('Your Salesforce session has expired');
  });

  it('a malformed LoginHistory record over REST names the object and the row', async () => {
    const { source } = await orgSource({ malformedLoginRow: true, restPageSize: 500 });
    const middle = Math.floor(expectedLogins(org, range).length / 2) + 1;
    await expect(logins(source)).rejects.toThrow(
      `Malformed LoginHistory row ${middle.toLocaleString('en-US')} from the org: LoginTime "not-a-date" is not a date and time with a UTC offset (like 2026-11-23T12:00:00.000Z).`
    );
  });

  it('a malformed Bulk CSV row names the object, the row and the missing field', async () => {
    const { source } = await orgSource({ malformedLoginRow: true, bulkPageSize: 500 }, 0);
    const middle = Math.floor(expectedLogins(org, range).length / 2) + 1;
    await expect(logins(source)).rejects.toThrow(
      `Malformed LoginHistory row ${middle.toLocaleString('en-US')} from the org: 2 fields where the query selected 3 (UserId, LoginTime, Status): no value for Status.`
    );
  });

  it('an optional object the user cannot see is skipped with a note', async () => {
    const { source, fake } = await orgSource({
      unreadableObjects: ['Case', 'DuplicateRecordItem']
    });
    const result = await source.records('Case', silent);
    expect(result).toEqual({
      available: false,
      note: `Case cannot be read in org ${fake.instanceUrl} (INVALID_TYPE: sObject type 'Case' is not supported). Reading it needs the "Read" object permission on Case (profile or permission set).`
    });
    expect((await source.records('DuplicateRecordItem', silent)).available).toBe(false);
    expect(await records(source, 'Lead')).toHaveLength(org.tables.Lead.size);
  });

  it('a required object the user cannot see is an error naming it and the permission', async () => {
    const { source } = await orgSource({ unreadableObjects: ['Task'] });
    await expect(source.records('Task', silent)).rejects.toThrow(
      'The Salesforce user cannot read Task (INVALID_TYPE: sObject type \'Task\' is not supported): the user needs the "Read" object permission on Task (profile or permission set).'
    );
  });

  it('a 403 on LoginHistory names the object and Manage Users', async () => {
    const { source } = await orgSource({ forbiddenObjects: ['LoginHistory'] });
    await expect(logins(source)).rejects.toThrow(
      'The Salesforce user cannot read LoginHistory (INSUFFICIENT_ACCESS: insufficient access rights on object id): the user needs the "Manage Users" permission'
    );
  });

  it('a Bulk job that fails ends the run with the job’s reason', async () => {
    const { source } = await orgSource({ failBulkJobs: true }, 0);
    await expect(logins(source)).rejects.toThrow(
      /^The Bulk API 2\.0 query job 750\w+ reading LoginHistory failed: The query job failed: the fake org was asked to fail it\. Run the command again/
    );
  });

  it('a region field the org does not have points at --region-field', async () => {
    const { source } = await orgSource();
    await expect(source.users('Regionn', silent)).rejects.toThrow(
      'User has no field Regionn that this user can see (--region-field Regionn): pass --region-field a User field of the org, e.g. Division, Country or Department.'
    );
  });
});

describe('failures decided without a server', () => {
  const failing = (error: OrgApiError) =>
    createOrgSource({
      bulkThreshold: 0,
      connection: {
        http: scriptedHttp(() => {
          throw error;
        }),
        apiVersion: '65.0',
        description: 'org test'
      }
    });

  it('skips an optional object whose field the user cannot see, with a note', async () => {
    const source = await failing(
      new OrgApiError("No such column 'RecordId' on entity 'DuplicateRecordItem'", {
        status: 400,
        errorCode: 'INVALID_FIELD'
      })
    );
    expect(await source.records('DuplicateRecordItem', silent)).toEqual({
      available: false,
      note: "DuplicateRecordItem cannot be read in org test (INVALID_FIELD: No such column 'RecordId' on entity 'DuplicateRecordItem'). Reading it needs the \"Read\" object permission on DuplicateRecordItem (profile or permission set)."
    });
  });

  it('does not skip an optional object when the API limit is used up', async () => {
    const source = await failing(
      new OrgApiError('TotalRequests Limit exceeded.', {
        status: 403,
        errorCode: 'REQUEST_LIMIT_EXCEEDED'
      })
    );
    await expect(source.records('Case', silent)).rejects.toThrow(
      'The org refused the request (REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.) while reading Case: its API request limit is used up.'
    );
  });

  it('names the object when the org cannot be reached', async () => {
    const source = await failing(
      new OrgApiError('fetch failed: getaddrinfo ENOTFOUND acme.my.salesforce.com', {
        errorCode: 'ENOTFOUND'
      })
    );
    await expect(source.users('Division', silent)).rejects.toThrow(
      'Reading User from the org failed (no response, ENOTFOUND): fetch failed: getaddrinfo ENOTFOUND acme.my.salesforce.com'
    );
  });

  it('reads an empty LoginHistory without a Bulk job', async () => {
    const http = scriptedHttp(() => json({ totalSize: 0, done: true, records: [] }));
    const source = await createOrgSource({
      bulkThreshold: 0,
      connection: { http, apiVersion: '65.0', description: 'org test' }
    });
    expect(await logins(source)).toEqual([]);
    expect(http.calls()).toHaveLength(2);
    expect(http.calls().every((call) => call.startsWith('GET /services/data/v65.0/query?q='))).toBe(
      true
    );
  });
});

describe('the Bulk threshold', () => {
  it('comes from ADOPTION_BULK_THRESHOLD when set', () => {
    expect(bulkThresholdFrom({})).toBe(DEFAULT_BULK_THRESHOLD);
    expect(DEFAULT_BULK_THRESHOLD).toBe(200_000);
    expect(bulkThresholdFrom({ [BULK_THRESHOLD_ENV]: '0' })).toBe(0);
    expect(bulkThresholdFrom({ [BULK_THRESHOLD_ENV]: ' 5000 ' })).toBe(5000);
    expect(() => bulkThresholdFrom({ [BULK_THRESHOLD_ENV]: 'lots' })).toThrow(
      'ADOPTION_BULK_THRESHOLD must be a whole number of rows, not "lots".'
    );
  });

  it('is what the fake org hands a CLI child process', async () => {
    const fake = await startFakeOrg(org, { bulkThreshold: 10 });
    fakes.push(fake);
    expect(fake.env).toEqual({ SF_ACCESS_TOKEN: fake.accessToken, ADOPTION_BULK_THRESHOLD: '10' });
    const previous = process.env[BULK_THRESHOLD_ENV];
    process.env[BULK_THRESHOLD_ENV] = fake.env.ADOPTION_BULK_THRESHOLD;
    try {
      const source = await createOrgSource({
        instanceUrl: fake.instanceUrl,
        accessToken: fake.accessToken,
        retry: { sleep: async () => undefined }
      });
      expect(await logins(source)).toEqual(expectedLogins(org, range));
      expect(fake.requests.some((request) => request.method === 'POST')).toBe(true);
    } finally {
      if (previous === undefined) delete process.env[BULK_THRESHOLD_ENV];
      else process.env[BULK_THRESHOLD_ENV] = previous;
    }
  });
});

function recordingProgress(): ProgressSink & { events: unknown[][]; added(): number } {
  const events: unknown[][] = [];
  return {
    events,
    start: (label, total) => events.push(['start', label, total]),
    add: (rows) => events.push(['add', rows]),
    finish: () => events.push(['finish']),
    added: () =>
      events.filter((event) => event[0] === 'add').reduce((sum, event) => sum + Number(event[1]), 0)
  };
}
