/**
 * A local fake org for the `adoption` CLI's tests: the REST query API (restServer.ts) and the Bulk
 * API 2.0 query endpoints (bulkServer.ts) on 127.0.0.1, answering from a demo org through the SOQL
 * engine, with the faults the CLI must survive or report. A test double; not Salesforce.
 *
 * ```ts
 * const fake = await startFakeOrg(org, { rateLimitOnce: true, restPageSize: 500 });
 * // in process:
 * await createOrgSource({ instanceUrl: fake.instanceUrl, accessToken: fake.accessToken });
 * // as a child process: node scripts/cli/bin/adoption.mjs report --instance-url <url> with
 * // { ...process.env, ...fake.env } (SF_ACCESS_TOKEN, and ADOPTION_BULK_THRESHOLD when set)
 * await fake.close();
 * ```
 *
 * Faults:
 * - `rateLimitOnce` / `serverErrorOnce`: the first LoginHistory page after the first one (a REST
 *   `nextRecordsUrl` page or a Bulk results page with a locator) answers 429 (with `Retry-After`)
 *   or 503 once; every later request succeeds. Needs a LoginHistory result of more than a page.
 * - `expiredSession`: every request answers 401 INVALID_SESSION_ID.
 * - `malformedLoginRow`: the middle row of every LoginHistory result is broken: over REST its
 *   LoginTime is `not-a-date`; in Bulk CSV the row lacks its last field.
 * - `restPageSize` / `bulkPageSize`: records per REST page (default 2,000) / Bulk results page.
 * - `bulkThreshold`: the LoginHistory row count above which the client is to use Bulk API 2.0. The
 *   fake cannot choose for the client: it hands the number back as `bulkThreshold` and in `env`
 *   as ADOPTION_BULK_THRESHOLD, which the CLI's org source reads.
 * - `unreadableObjects`: objects that do not exist for this user: queries on them fail with
 *   INVALID_TYPE, as Salesforce answers for an object the user has no access to.
 * - `forbiddenObjects`: REST queries on these objects answer 403 INSUFFICIENT_ACCESS.
 * - `failBulkJobs`: Bulk query jobs end in state Failed.
 *
 * `GET /services/data` lists API version 65.0, so an `sf` CLI login to the fake (a test's own
 * auth file) connects at that version.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoOrg, SObjectTable } from '../demo/model';
import { createFakeBulkHandler } from './bulkServer';
import { createFakeRestHandler, sendJson } from './restServer';

export interface FakeOrgFaults {
  rateLimitOnce?: boolean;
  serverErrorOnce?: boolean;
  /** Seconds in the 429's Retry-After header (default 1). */
  retryAfterSeconds?: number;
  expiredSession?: boolean;
  malformedLoginRow?: boolean;
  restPageSize?: number;
  bulkPageSize?: number;
  bulkThreshold?: number;
  unreadableObjects?: readonly string[];
  forbiddenObjects?: readonly string[];
  failBulkJobs?: boolean;
}

/** One request the fake answered, for tests that assert which API was used. */
export interface FakeRequest {
  method: string;
  /** Path and query string. */
  url: string;
  status: number;
}

export interface FakeOrg {
  instanceUrl: string;
  accessToken: string;
  /** The `bulkThreshold` fault, when set. */
  bulkThreshold?: number;
  /** Environment for a CLI child process: SF_ACCESS_TOKEN (+ ADOPTION_BULK_THRESHOLD). */
  env: Record<string, string>;
  /** Every request so far, in order. */
  readonly requests: readonly FakeRequest[];
  close(): Promise<void>;
}

const isLoginHistory = (object: string): boolean => object.toLowerCase() === 'loginhistory';

/** The org as a user who cannot see some objects: the engine then answers INVALID_TYPE. */
function withoutObjects(org: DemoOrg, hidden: readonly string[]): DemoOrg {
  if (hidden.length === 0) return org;
  const lower = new Set(hidden.map((name) => name.toLowerCase()));
  const tables: Record<string, SObjectTable> = {};
  for (const [name, table] of Object.entries(org.tables)) {
    if (!lower.has(name.toLowerCase())) tables[name] = table;
  }
  return {
    seed: org.seed,
    asOf: org.asOf,
    timeZone: org.timeZone,
    runningUserId: org.runningUserId,
    tables
  };
}

/** Breaks the middle LoginHistory record of a REST result: its LoginTime is no datetime. */
function malformedRecords(
  type: string,
  records: Record<string, unknown>[]
): Record<string, unknown>[] {
  if (!isLoginHistory(type) || records.length === 0) return records;
  const middle = Math.floor(records.length / 2);
  return records.map((record, index) =>
    index === middle ? { ...record, LoginTime: 'not-a-date' } : record
  );
}

/** Breaks the middle line of a LoginHistory Bulk result: it lacks its last field. */
function malformedLines(object: string, lines: string[]): string[] {
  if (!isLoginHistory(object) || lines.length === 0) return lines;
  const middle = Math.floor(lines.length / 2);
  return lines.map((line, index) =>
    index === middle ? line.slice(0, line.lastIndexOf(',')) : line
  );
}

/** The object a REST query URL reads, from its `q` parameter. */
function queriedObject(url: URL): string | undefined {
  if (!/\/query\/?$/.test(url.pathname)) return undefined;
  return /\bFROM\s+(\w+)/i.exec(url.searchParams.get('q') ?? '')?.[1];
}

export async function startFakeOrg(org: DemoOrg, faults: FakeOrgFaults = {}): Promise<FakeOrg> {
  const accessToken = `00D5g0000FAKEORG!${randomBytes(24).toString('base64url')}`;
  const visible = withoutObjects(org, faults.unreadableObjects ?? []);
  const forbidden = new Set((faults.forbiddenObjects ?? []).map((name) => name.toLowerCase()));
  let pageFaultPending = faults.rateLimitOnce === true || faults.serverErrorOnce === true;

  const beforePage = (object: string, _offset: number, response: ServerResponse): boolean => {
    if (!pageFaultPending || !isLoginHistory(object)) return false;
    pageFaultPending = false;
    if (faults.rateLimitOnce) {
      response.writeHead(429, {
        'Content-Type': 'application/json;charset=UTF-8',
        'Retry-After': String(faults.retryAfterSeconds ?? 1)
      });
      response.end(
        JSON.stringify([
          {
            errorCode: 'REQUEST_LIMIT_EXCEEDED',
            message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.'
          }
        ])
      );
    } else {
      sendJson(response, 503, [
        { errorCode: 'SERVER_UNAVAILABLE', message: 'Service Unavailable' }
      ]);
    }
    return true;
  };

  const rest = createFakeRestHandler({
    org: visible,
    accessToken,
    pageSize: faults.restPageSize,
    transformRecords: faults.malformedLoginRow ? malformedRecords : undefined,
    beforePage
  });
  const bulk = createFakeBulkHandler({
    org: visible,
    accessToken,
    pageSize: faults.bulkPageSize,
    transformLines: faults.malformedLoginRow ? malformedLines : undefined,
    beforePage,
    failJobs: faults.failBulkJobs
  });

  const requests: FakeRequest[] = [];
  const server = createServer((request, response) => {
    const entry: FakeRequest = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      status: 0
    };
    requests.push(entry);
    response.on('finish', () => {
      entry.status = response.statusCode;
    });
    if (entry.url === '/services/data' || entry.url === '/services/data/') {
      // The Versions resource, which needs no session: @salesforce/core reads the newest one.
      sendJson(response, 200, [
        { label: "Winter '26", url: '/services/data/v65.0', version: '65.0' }
      ]);
      return;
    }
    if (faults.expiredSession) {
      sendJson(response, 401, [
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
      ]);
      return;
    }
    const object = queriedObject(new URL(entry.url, 'http://127.0.0.1'));
    if (object !== undefined && forbidden.has(object.toLowerCase())) {
      sendJson(response, 403, [
        { errorCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights on object id' }
      ]);
      return;
    }
    if (!bulk(request, response)) rest(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const instanceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const env: Record<string, string> = { SF_ACCESS_TOKEN: accessToken };
  if (faults.bulkThreshold !== undefined) {
    env.ADOPTION_BULK_THRESHOLD = String(faults.bulkThreshold);
  }
  return {
    instanceUrl,
    accessToken,
    bulkThreshold: faults.bulkThreshold,
    env,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // jsforce keeps connections alive; close() alone would wait for them to time out.
        server.closeAllConnections();
      })
  };
}
