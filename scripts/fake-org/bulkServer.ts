/**
 * A fake of the Bulk API 2.0 query endpoints on 127.0.0.1, answering from the demo org through the
 * SOQL engine: create a job (`POST /jobs/query`), read its state (`GET /jobs/query/{id}`: one poll
 * InProgress, then JobComplete), read its CSV results page by page (`GET …/results?maxRecords=&
 * locator=`, `Sforce-Locator` / `Sforce-NumberOfRecords` headers, the string "null" after the last
 * page) and delete it. Results are written the way Bulk API 2.0 writes them: a header of the
 * selected field names, every value double-quoted, null as an empty field, datetimes ending in Z,
 * LF line ends. A test double for the CLI's org source; not Salesforce.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { DemoOrg } from '../demo/model';
import { runQuery } from '../soql-engine/engine';
import { SoqlError } from '../soql-engine/errors';
import { sendJson } from './restServer';
import type { PageHook } from './restServer';

export interface FakeBulkOptions {
  org: DemoOrg;
  accessToken: string;
  /** Most records per results page, whatever maxRecords asks (the real service caps by size). */
  pageSize?: number;
  /** Rewrites a job's CSV data lines (no header) before paging, e.g. to plant a malformed row. */
  transformLines?: (object: string, lines: string[]) => string[];
  /** Called before a results page after the first is served; true when it answered instead. */
  beforePage?: PageHook;
  /** The job ends in state Failed instead of JobComplete (fault test). */
  failJobs?: boolean;
}

/** Answers the request when it is a Bulk API 2.0 query route; false when it is not one. */
export type BulkRouteHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

interface Job {
  id: string;
  object: string;
  apiVersion: string;
  polls: number;
  /** Header line, then one line per record. */
  header: string;
  lines: string[];
}

const DEFAULT_PAGE_SIZE = 50_000;

/** A select list column: the header Bulk writes and the path into an engine record. */
interface Column {
  header: string;
  path: string[];
}

function columnsOf(soql: string): { object: string; columns: Column[] } {
  const query = parseQuery(soql);
  const columns = (query.fields ?? []).map((field): Column => {
    if (field.type === 'Field') return { header: field.field, path: [field.field] };
    if (field.type === 'FieldRelationship') {
      return {
        header: field.rawValue ?? [...field.relationships, field.field].join('.'),
        path: [...field.relationships, field.field]
      };
    }
    // Bulk API 2.0 refuses aggregates, subqueries and TYPEOF.
    throw new SoqlError(
      'MALFORMED_QUERY',
      'Bulk API 2.0 query jobs support plain field lists only'
    );
  });
  return { object: query.sObject ?? '', columns };
}

/** Reads a path from an engine record, matching names case-insensitively as SOQL does. */
function valueAt(record: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = record;
  for (const name of path) {
    if (value === null || typeof value !== 'object') return null;
    const entries = Object.entries(value as Record<string, unknown>);
    value = entries.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null;
  }
  return value;
}

/** One Bulk CSV field: double-quoted, quotes doubled, datetimes in Z form; null as nothing. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string' ? value.replace(/\.(\d{3})\+0000$/, '.$1Z') : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

function jobInfo(job: Job, state: string, extra: Record<string, unknown> = {}): unknown {
  return {
    id: job.id,
    operation: 'query',
    object: job.object,
    createdById: '005000000000000AAA',
    state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    ...extra
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function createFakeBulkHandler(options: FakeBulkOptions): BulkRouteHandler {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const jobs = new Map<string, Job>();

  const createJob = async (version: string, response: ServerResponse, body: string) => {
    const request = JSON.parse(body) as { operation?: string; query?: string };
    if (request.operation !== 'query' && request.operation !== 'queryAll') {
      sendJson(response, 400, [
        { errorCode: 'INVALIDJOB', message: `Invalid operation: ${String(request.operation)}` }
      ]);
      return;
    }
    const soql = request.query ?? '';
    const { object, columns } = columnsOf(soql);
    const result = runQuery(options.org, soql, {});
    const lines = result.records.map((record) =>
      columns.map((column) => csvField(valueAt(record, column.path))).join(',')
    );
    const job: Job = {
      // Bulk job Ids start with 750.
      id: `7505g${randomBytes(5).toString('hex').slice(0, 10).toUpperCase()}AAA`,
      object,
      apiVersion: version,
      polls: 0,
      header: columns.map((column) => `"${column.header}"`).join(','),
      lines: options.transformLines ? options.transformLines(object, lines) : lines
    };
    jobs.set(job.id, job);
    sendJson(response, 200, jobInfo(job, 'UploadComplete'));
  };

  const jobState = (job: Job): string => {
    job.polls += 1;
    if (job.polls < 2) return 'InProgress';
    return options.failJobs ? 'Failed' : 'JobComplete';
  };

  const sendResults = (job: Job, url: URL, response: ServerResponse) => {
    if (job.polls < 2 || options.failJobs) {
      sendJson(response, 412, [
        {
          errorCode: 'JOB_NOT_COMPLETE',
          message: 'can only download query results of successfully completed bulk job'
        }
      ]);
      return;
    }
    const locator = url.searchParams.get('locator');
    const offset = locator ? Number(Buffer.from(locator, 'base64').toString('utf8')) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > job.lines.length) {
      sendJson(response, 400, [{ errorCode: 'INVALID_LOCATOR', message: 'Invalid locator' }]);
      return;
    }
    if (offset > 0 && options.beforePage?.(job.object, offset, response)) return;
    const asked = Number(url.searchParams.get('maxRecords') ?? pageSize);
    const size = Math.max(1, Math.min(pageSize, Number.isFinite(asked) ? asked : pageSize));
    const page = job.lines.slice(offset, offset + size);
    const next = offset + page.length;
    response.writeHead(200, {
      'Content-Type': 'text/csv',
      'Sforce-NumberOfRecords': String(page.length),
      'Sforce-Locator':
        next < job.lines.length ? Buffer.from(String(next)).toString('base64') : 'null'
    });
    response.end(`${[job.header, ...page].join('\n')}\n`);
  };

  const route = async (request: IncomingMessage, response: ServerResponse, match: string[]) => {
    const [, version, id, results] = match;
    if (id === undefined) {
      if (request.method !== 'POST') return notFound(response);
      await createJob(version, response, await readBody(request));
      return;
    }
    const job = jobs.get(id);
    if (!job) return notFound(response);
    if (results !== undefined && request.method === 'GET') {
      sendResults(job, new URL(request.url ?? '/', 'http://127.0.0.1'), response);
    } else if (results === undefined && request.method === 'GET') {
      const state = jobState(job);
      const extra =
        state === 'Failed'
          ? { errorMessage: 'The query job failed: the fake org was asked to fail it' }
          : { numberRecordsProcessed: state === 'JobComplete' ? job.lines.length : 0 };
      sendJson(response, 200, jobInfo(job, state, extra));
    } else if (results === undefined && request.method === 'DELETE') {
      jobs.delete(id);
      response.writeHead(204).end();
    } else {
      notFound(response);
    }
  };

  return (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const match = /^\/services\/data\/v(\d+\.\d)\/jobs\/query(?:\/(\w+)(\/results)?)?\/?$/.exec(
      path
    );
    if (!match) return false;
    if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
      sendJson(response, 401, [
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
      ]);
      return true;
    }
    route(request, response, [...match]).catch((error: unknown) => {
      const code = error instanceof SoqlError ? error.code : 'INVALIDJOB';
      const message =
        error instanceof SoqlError
          ? error.detail
          : error instanceof Error
            ? error.message
            : String(error);
      sendJson(response, 400, [{ errorCode: code, message }]);
    });
    return true;
  };
}

function notFound(response: ServerResponse): void {
  sendJson(response, 404, [
    { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }
  ]);
}
