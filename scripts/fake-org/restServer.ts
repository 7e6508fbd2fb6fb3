/**
 * A fake of the Salesforce REST query API on 127.0.0.1, answering from the demo org through the
 * SOQL engine: `GET /services/data/vNN.N/query?q=…` and its `nextRecordsUrl` pages, bearer-token
 * checks and Salesforce-shaped error bodies. A test double for jsforce-based code; not Salesforce.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { DemoOrg } from '../demo/model';
import { runQuery } from '../soql-engine/engine';
import { SoqlError } from '../soql-engine/errors';

export interface FakeRestOptions {
  org: DemoOrg;
  accessToken: string;
  /** Records per page before a nextRecordsUrl (Salesforce uses 2,000 by default). */
  pageSize?: number;
  /**
   * Rewrites a query's records before they are paged out, e.g. to plant a malformed row for a
   * fault test (fakeOrg.ts). `type` is the queried object, or AggregateResult.
   */
  transformRecords?: (
    type: string,
    records: Record<string, unknown>[]
  ) => Record<string, unknown>[];
  /** Called before a page after the first is served; true when it answered instead. */
  beforePage?: PageHook;
}

/**
 * A fault test's hook on paging: gets the queried object, the page's first row (> 0) and the
 * response; returns true when it answered (e.g. with a 429) and the page must not be served.
 */
export type PageHook = (object: string, offset: number, response: ServerResponse) => boolean;

/** Answers one request; used alone (createFakeRestServer) or behind fakeOrg.ts's fault layer. */
export type FakeRequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

interface Cursor {
  type: string;
  records: Record<string, unknown>[];
  /** The records' count, or for `SELECT COUNT()` the count (no records). */
  totalSize: number;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8' });
  response.end(JSON.stringify(body));
}

function withAttributes(type: string, record: Record<string, unknown>): Record<string, unknown> {
  return { attributes: { type }, ...record };
}

/** The Salesforce errorCode of an engine error, MALFORMED_QUERY for anything else. */
function errorCode(error: unknown): string {
  return error instanceof SoqlError ? error.code : 'MALFORMED_QUERY';
}

export function createFakeRestServer(options: FakeRestOptions): Server {
  return createServer(createFakeRestHandler(options));
}

/** The REST query API as a request handler: `/query?q=…`, its pages, and 401/404/400 errors. */
export function createFakeRestHandler(options: FakeRestOptions): FakeRequestHandler {
  const pageSize = options.pageSize ?? 2000;
  const cursors = new Map<string, Cursor>();

  const page = (version: string, locator: string, offset: number): Record<string, unknown> => {
    const cursor = cursors.get(locator);
    if (!cursor) throw new Error('invalid query locator');
    const records = cursor.records
      .slice(offset, offset + pageSize)
      .map((record) => withAttributes(cursor.type, record));
    const next = offset + pageSize;
    const done = next >= cursor.records.length;
    if (done) cursors.delete(locator);
    return {
      totalSize: cursor.totalSize,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${locator}-${next}` }),
      records
    };
  };

  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
      sendJson(response, 401, [
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
      ]);
      return;
    }
    const first = /^\/services\/data\/v(\d+\.\d)\/query\/?$/.exec(url.pathname);
    const more = /^\/services\/data\/v(\d+\.\d)\/query\/([\w-]+)-(\d+)$/.exec(url.pathname);
    try {
      if (first && request.method === 'GET') {
        const soql = url.searchParams.get('q') ?? '';
        const result = runQuery(options.org, soql, {});
        const locator = randomUUID().replace(/-/g, '').slice(0, 15);
        const type = /\b(COUNT|SUM|MAX|MIN|AVG|COUNT_DISTINCT)\s*\(/i.test(soql)
          ? 'AggregateResult'
          : (/\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? 'SObject');
        const records = options.transformRecords
          ? options.transformRecords(type, result.records)
          : result.records;
        cursors.set(locator, { type, records, totalSize: result.totalSize });
        sendJson(response, 200, page(first[1], locator, 0));
      } else if (more && request.method === 'GET') {
        const type = cursors.get(more[2])?.type ?? 'SObject';
        if (options.beforePage?.(type, Number(more[3]), response)) return;
        sendJson(response, 200, page(more[1], more[2], Number(more[3])));
      } else {
        sendJson(response, 404, [
          { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }
        ]);
      }
    } catch (error) {
      // Salesforce puts the code in errorCode and keeps it out of the message.
      const message =
        error instanceof SoqlError
          ? error.detail
          : error instanceof Error
            ? error.message
            : String(error);
      sendJson(response, 400, [{ message, errorCode: errorCode(error) }]);
    }
  };
}
