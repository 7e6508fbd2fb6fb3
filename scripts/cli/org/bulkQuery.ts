/**
 * A Bulk API 2.0 query, for results too large for REST paging: create the job
 * (`POST /jobs/query`), poll its state with a growing wait until JobComplete (Failed and Aborted
 * end the run with the job's own reason), then read the CSV results page by page —
 * `GET /jobs/query/{id}/results?maxRecords=N&locator=L`, the next locator in the Sforce-Locator
 * header until it is the string "null" — and delete the job.
 *
 * Each results page is one retried unit: the request, then the caller's parse of the whole page,
 * whose row count must match the page's Sforce-NumberOfRecords header. A page is yielded only
 * after that, and a locator can be read again as often as needed, so a 429 or a truncated page in
 * the middle neither loses nor repeats a row.
 */
import type { OrgHttp } from './connection';
import { IncompletePageError, OrgError } from './orgErrors';
import { DEFAULT_RETRY_POLICY, withRetry } from './retry';
import type { RetryPolicy } from './retry';

export interface BulkQueryOptions {
  policy: RetryPolicy;
  /** maxRecords per results page. */
  pageSize: number;
  /** The first wait between state polls; each later one grows by half, up to pollMaxMs. */
  pollFirstMs: number;
  pollMaxMs: number;
  /** Give up (and abort the job) when it is not complete after this long. */
  pollTimeoutMs: number;
}

export const DEFAULT_BULK_OPTIONS: BulkQueryOptions = {
  policy: DEFAULT_RETRY_POLICY,
  // 100,000 LoginHistory rows of three columns are ~7 MB: one page in memory at a time.
  pageSize: 100_000,
  pollFirstMs: 500,
  pollMaxMs: 10_000,
  pollTimeoutMs: 30 * 60_000
};

/** What the caller's parser makes of one page; `count` is its data rows (the header excluded). */
export interface ParsedPage {
  count: number;
}

interface JobInfo {
  id: string;
  state: string;
  errorMessage?: string;
}

function parseJob(body: string): JobInfo {
  try {
    const job = JSON.parse(body) as Partial<JobInfo> | null;
    if (job && typeof job.id === 'string' && typeof job.state === 'string') return job as JobInfo;
  } catch {
    // Falls through to the error below.
  }
  throw new IncompletePageError('The Bulk API 2.0 job information is not whole JSON');
}

async function createJob(
  http: OrgHttp,
  jobsUrl: string,
  soql: string,
  policy: RetryPolicy
): Promise<JobInfo> {
  const body = JSON.stringify({
    operation: 'query',
    query: soql,
    contentType: 'CSV',
    columnDelimiter: 'COMMA',
    lineEnding: 'LF'
  });
  return withRetry(
    async () =>
      parseJob(
        (
          await http.send({
            method: 'POST',
            url: jobsUrl,
            body,
            headers: { 'content-type': 'application/json' }
          })
        ).body
      ),
    policy
  );
}

async function waitForCompletion(
  http: OrgHttp,
  jobUrl: string,
  object: string,
  options: BulkQueryOptions
): Promise<void> {
  let waited = 0;
  let delay = options.pollFirstMs;
  for (;;) {
    const job = await withRetry(
      async () => parseJob((await http.send({ method: 'GET', url: jobUrl })).body),
      options.policy
    );
    if (job.state === 'JobComplete') return;
    if (job.state === 'Failed' || job.state === 'Aborted') {
      const reason = job.errorMessage ? `: ${job.errorMessage}` : '';
      const verb = job.state === 'Failed' ? 'failed' : 'was aborted';
      throw new OrgError(
        `The Bulk API 2.0 query job ${job.id} reading ${object} ${verb}${reason}. Run the command again; if it keeps failing, see Setup › Bulk Data Load Jobs.`
      );
    }
    if (waited >= options.pollTimeoutMs) {
      throw new OrgError(
        `The Bulk API 2.0 query job ${job.id} reading ${object} was not complete after ${Math.round(waited / 1000)} s (state ${job.state}). Run the command again later.`
      );
    }
    await options.policy.sleep(delay);
    waited += delay;
    delay = Math.min(options.pollMaxMs, Math.round(delay * 1.5));
  }
}

/**
 * Runs `soql` as a Bulk API 2.0 query job and yields each results page as `parse` made it, in
 * order. `parse` gets the page's CSV text (with its header row) and must read it whole.
 */
export async function* bulkQueryPages<P extends ParsedPage>(
  http: OrgHttp,
  apiVersion: string,
  soql: string,
  object: string,
  parse: (csv: string) => P,
  options: BulkQueryOptions = DEFAULT_BULK_OPTIONS
): AsyncGenerator<P> {
  const jobsUrl = `/services/data/v${apiVersion}/jobs/query`;
  const job = await createJob(http, jobsUrl, soql, options.policy);
  const jobUrl = `${jobsUrl}/${job.id}`;
  try {
    await waitForCompletion(http, jobUrl, object, options);
    let locator: string | undefined;
    do {
      const url =
        `${jobUrl}/results?maxRecords=${options.pageSize}` +
        (locator === undefined ? '' : `&locator=${encodeURIComponent(locator)}`);
      const { page, next } = await withRetry(async () => {
        const reply = await http.send({ method: 'GET', url, headers: { accept: 'text/csv' } });
        const parsed = parse(reply.body);
        const announced = reply.headers['sforce-numberofrecords'];
        if (announced !== undefined && Number(announced) !== parsed.count) {
          throw new IncompletePageError(
            `A Bulk API 2.0 results page of ${object} held ${parsed.count} rows, not the ${announced} announced`
          );
        }
        return { page: parsed, next: reply.headers['sforce-locator'] };
      }, options.policy);
      yield page;
      locator = next === undefined || next === '' || next === 'null' ? undefined : next;
    } while (locator !== undefined);
  } finally {
    // Results stay stored for days otherwise; a failed delete costs nothing but storage.
    await http.send({ method: 'DELETE', url: jobUrl }).catch(() => undefined);
  }
}
