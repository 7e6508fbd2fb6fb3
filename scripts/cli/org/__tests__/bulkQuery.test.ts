import { bulkQueryPages } from '../bulkQuery';
import type { BulkQueryOptions } from '../bulkQuery';
import type { HttpExchange, HttpReply } from '../connection';
import { MalformedRowError } from '../orgErrors';
import { csv, instantPolicy, json, rateLimited, scriptedHttp } from './scriptedHttp';

const JOBS = '/services/data/v65.0/jobs/query';
const JOB = `${JOBS}/7505g00000ABCDEAAA`;
const SOQL = 'SELECT UserId, LoginTime, Status FROM LoginHistory';
const ROWS = [
  '"005A","2026-11-20T09:00:00.000Z","Success"',
  '"005B","2026-11-20T10:00:00.000Z","Success"'
];
const PAGES: Record<string, { rows: string[]; locator: string }> = {
  [`${JOB}/results?maxRecords=3`]: {
    rows: [ROWS[0], ROWS[1], '"005C","2026-11-20T11:00:00.000Z","Failed"'],
    locator: 'Mw=='
  },
  [`${JOB}/results?maxRecords=3&locator=Mw%3D%3D`]: {
    rows: [
      '"005D","2026-11-21T09:00:00.000Z","Success"',
      '"005E","2026-11-21T09:30:00.000Z","Success"'
    ],
    locator: 'null'
  }
};

function options(overrides: Partial<BulkQueryOptions> = {}) {
  const policy = instantPolicy();
  return {
    policy,
    options: {
      policy,
      pageSize: 3,
      pollFirstMs: 500,
      pollMaxMs: 1000,
      pollTimeoutMs: 60_000,
      ...overrides
    }
  };
}

/** A job that is InProgress for `polls` polls, then `final`, with the two pages above. */
function bulkOrg(
  final = 'JobComplete',
  polls = 2,
  extra: (e: HttpExchange) => HttpReply | undefined = () => undefined
) {
  let polled = 0;
  return scriptedHttp((exchange) => {
    const special = extra(exchange);
    if (special) return special;
    if (exchange.method === 'POST' && exchange.url === JOBS) {
      return json({ id: '7505g00000ABCDEAAA', state: 'UploadComplete', object: 'LoginHistory' });
    }
    if (exchange.method === 'GET' && exchange.url === JOB) {
      polled += 1;
      const state = polled <= polls ? 'InProgress' : final;
      return json({
        id: '7505g00000ABCDEAAA',
        state,
        ...(state === 'Failed' ? { errorMessage: 'INVALID_FIELD: No such column' } : {})
      });
    }
    if (exchange.method === 'DELETE') return { status: 204, headers: {}, body: '' };
    const page = PAGES[exchange.url];
    if (!page) throw new Error(`unexpected ${exchange.method} ${exchange.url}`);
    return csv(`"UserId","LoginTime","Status"\n${page.rows.join('\n')}\n`, {
      'sforce-locator': page.locator,
      'sforce-numberofrecords': String(page.rows.length)
    });
  });
}

/** The test's page parser: data rows' first cells. */
function parse(text: string) {
  const lines = text
    .split('\n')
    .filter((line) => line !== '')
    .slice(1);
  return { count: lines.length, users: lines.map((line) => line.split(',')[0].replace(/"/g, '')) };
}

async function users(pages: AsyncIterable<{ users: string[] }>): Promise<string[]> {
  const seen: string[] = [];
  for await (const page of pages) seen.push(...page.users);
  return seen;
}

describe('bulkQueryPages', () => {
  it('creates the job, polls with a growing wait, reads pages by locator and deletes the job', async () => {
    const http = bulkOrg();
    const { policy, options: bulk } = options();
    const seen = await users(bulkQueryPages(http, '65.0', SOQL, 'LoginHistory', parse, bulk));
    expect(seen).toEqual(['005A', '005B', '005C', '005D', '005E']);
    expect(http.calls()).toEqual([
      `POST ${JOBS}`,
      `GET ${JOB}`,
      `GET ${JOB}`,
      `GET ${JOB}`,
      `GET ${JOB}/results?maxRecords=3`,
      `GET ${JOB}/results?maxRecords=3&locator=Mw%3D%3D`,
      `DELETE ${JOB}`
    ]);
    expect(JSON.parse(http.exchanges[0].body ?? '')).toEqual({
      operation: 'query',
      query: SOQL,
      contentType: 'CSV',
      columnDelimiter: 'COMMA',
      lineEnding: 'LF'
    });
    expect(policy.slept).toEqual([500, 750]);
  });

  it('re-reads a results page that got a 429, so each row comes once', async () => {
    let throttled = false;
    const http = bulkOrg('JobComplete', 0, (exchange) => {
      if (exchange.url.includes('locator=') && !throttled) {
        throttled = true;
        throw rateLimited(2000);
      }
      return undefined;
    });
    const { policy, options: bulk } = options();
    const seen = await users(bulkQueryPages(http, '65.0', SOQL, 'LoginHistory', parse, bulk));
    expect(seen).toEqual(['005A', '005B', '005C', '005D', '005E']);
    expect(http.calls().filter((call) => call.includes('locator='))).toHaveLength(2);
    expect(policy.slept).toEqual([2000]);
  });

  it('re-reads a page with fewer rows than Sforce-NumberOfRecords announced', async () => {
    let cut = false;
    const http = bulkOrg('JobComplete', 0, (exchange) => {
      if (exchange.url === `${JOB}/results?maxRecords=3` && !cut) {
        cut = true;
        return csv(`"UserId","LoginTime","Status"\n${ROWS[0]}\n`, {
          'sforce-locator': 'Mw==',
          'sforce-numberofrecords': '3'
        });
      }
      return undefined;
    });
    const seen = await users(
      bulkQueryPages(http, '65.0', SOQL, 'LoginHistory', parse, options().options)
    );
    expect(seen).toEqual(['005A', '005B', '005C', '005D', '005E']);
  });

  it('fails clearly when the job fails, and still deletes it', async () => {
    const http = bulkOrg('Failed');
    await expect(
      users(bulkQueryPages(http, '65.0', SOQL, 'LoginHistory', parse, options().options))
    ).rejects.toThrow(
      'The Bulk API 2.0 query job 7505g00000ABCDEAAA reading LoginHistory failed: INVALID_FIELD: No such column. Run the command again; if it keeps failing, see Setup › Bulk Data Load Jobs.'
    );
    expect(http.calls().at(-1)).toBe(`DELETE ${JOB}`);
  });

  it('fails clearly when the job is aborted', async () => {
    const http = bulkOrg('Aborted', 0);
    await expect(
      users(bulkQueryPages(http, '65.0', SOQL, 'LoginHistory', parse, options().options))
    ).rejects.toThrow(
      'The Bulk API 2.0 query job 7505g00000ABCDEAAA reading LoginHistory was aborted.'
    );
  });

  it('gives up when the job is not complete in time', async () => {
    const http = bulkOrg('JobComplete', 1000);
    const { policy, options: bulk } = options({ pollTimeoutMs: 3000 });
    await expect(
      users(bulkQueryPages(http, '65.0', SOQL, 'LoginHistory', parse, bulk))
    ).rejects.toThrow(
      'The Bulk API 2.0 query job 7505g00000ABCDEAAA reading LoginHistory was not complete after 3 s (state InProgress). Run the command again later.'
    );
    expect(policy.slept).toEqual([500, 750, 1000, 1000]);
  });

  it('passes a malformed row on without retrying the page', async () => {
    const http = bulkOrg('JobComplete', 0);
    let parses = 0;
    const failing = (text: string) => {
      parses += 1;
      if (text.includes('005D')) throw new MalformedRowError('LoginHistory', 4, 'Status is blank');
      return parse(text);
    };
    await expect(
      users(bulkQueryPages(http, '65.0', SOQL, 'LoginHistory', failing, options().options))
    ).rejects.toThrow('Malformed LoginHistory row 4 from the org: Status is blank.');
    expect(parses).toBe(2);
    expect(http.calls().at(-1)).toBe(`DELETE ${JOB}`);
  });
});
