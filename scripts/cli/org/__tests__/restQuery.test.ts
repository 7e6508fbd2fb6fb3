import { OrgApiError } from '../orgErrors';
import { queryUrl, restCount, restQueryPages } from '../restQuery';
import type { SoqlRecord } from '../restQuery';
import { instantPolicy, json, rateLimited, scriptedHttp } from './scriptedHttp';

const SOQL = 'SELECT Id FROM Task';
const FIRST = queryUrl('65.0', SOQL);
const next = (n: number) => `/services/data/v65.0/query/01gXX-${n}`;

/** Ten records in pages of four: the first page, then two nextRecordsUrl pages. */
function pageFor(url: string): unknown {
  const records = (from: number, to: number): SoqlRecord[] =>
    Array.from({ length: to - from }, (_, i) => ({
      attributes: { type: 'Task' },
      Id: `00T${from + i}`
    }));
  if (url === FIRST) {
    return { totalSize: 10, done: false, nextRecordsUrl: next(4), records: records(0, 4) };
  }
  if (url === next(4)) {
    return { totalSize: 10, done: false, nextRecordsUrl: next(8), records: records(4, 8) };
  }
  if (url === next(8)) return { totalSize: 10, done: true, records: records(8, 10) };
  throw new Error(`unexpected ${url}`);
}

async function ids(pages: AsyncIterable<{ records: SoqlRecord[] }>): Promise<string[]> {
  const seen: string[] = [];
  for await (const page of pages) seen.push(...page.records.map((record) => String(record.Id)));
  return seen;
}

describe('restQueryPages', () => {
  it('encodes the query and follows nextRecordsUrl to the last page', async () => {
    const http = scriptedHttp((exchange) => json(pageFor(exchange.url)));
    const seen = await ids(restQueryPages(http, '65.0', SOQL, instantPolicy()));
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `00T${i}`));
    expect(http.calls()).toEqual([
      'GET /services/data/v65.0/query?q=SELECT%20Id%20FROM%20Task',
      `GET ${next(4)}`,
      `GET ${next(8)}`
    ]);
  });

  it('re-reads only the page that got a 429: no row lost or counted twice', async () => {
    const policy = instantPolicy();
    let throttled = false;
    const http = scriptedHttp((exchange) => {
      if (exchange.url === next(4) && !throttled) {
        throttled = true;
        throw rateLimited(1000);
      }
      return json(pageFor(exchange.url));
    });
    const seen = await ids(restQueryPages(http, '65.0', SOQL, policy));
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect(http.calls().filter((call) => call === `GET ${next(4)}`)).toHaveLength(2);
    expect(policy.slept).toEqual([1000]);
  });

  it('fetches a page again when its body is not whole JSON', async () => {
    let truncated = false;
    const http = scriptedHttp((exchange) => {
      const reply = json(pageFor(exchange.url));
      if (exchange.url === next(8) && !truncated) {
        truncated = true;
        return { ...reply, body: reply.body.slice(0, 40) };
      }
      return reply;
    });
    const seen = await ids(restQueryPages(http, '65.0', SOQL, instantPolicy()));
    expect(seen).toHaveLength(10);
    expect(http.calls()).toHaveLength(4);
  });

  it('stops after five tries of one page and hands on nothing of it', async () => {
    const http = scriptedHttp((exchange) => {
      if (exchange.url === next(4)) {
        throw new OrgApiError('Service Unavailable', { status: 503, errorCode: 'ERROR_HTTP_503' });
      }
      return json(pageFor(exchange.url));
    });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const page of restQueryPages(http, '65.0', SOQL, instantPolicy())) {
        seen.push(...page.records.map((record) => String(record.Id)));
      }
    })();
    await expect(reading).rejects.toThrow('Service Unavailable (gave up after 5 tries)');
    expect(seen).toEqual(['00T0', '00T1', '00T2', '00T3']);
    expect(http.calls().filter((call) => call === `GET ${next(4)}`)).toHaveLength(5);
  });

  it('passes a session error on at once', async () => {
    const http = scriptedHttp(() => {
      throw new OrgApiError('Session expired or invalid', {
        status: 401,
        errorCode: 'INVALID_SESSION_ID'
      });
    });
    await expect(ids(restQueryPages(http, '65.0', SOQL, instantPolicy()))).rejects.toMatchObject({
      errorCode: 'INVALID_SESSION_ID'
    });
    expect(http.calls()).toHaveLength(1);
  });
});

describe('restCount', () => {
  it('reads SELECT COUNT() from totalSize', async () => {
    const http = scriptedHttp(() => json({ totalSize: 1_234_567, done: true, records: [] }));
    await expect(
      restCount(http, '65.0', 'SELECT COUNT() FROM LoginHistory', instantPolicy())
    ).resolves.toBe(1_234_567);
  });
});
