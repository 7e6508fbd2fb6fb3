/**
 * The REST query API, page by page: `GET /services/data/vXX.X/query?q=…`, then each
 * `nextRecordsUrl` until `done`. Each page is one retried unit — the request and the parsing of
 * its JSON — and is yielded only once it parsed whole, so a 429 or a dropped connection in the
 * middle re-reads that page and nothing else: no row is lost or counted twice.
 */
import type { HttpExchange, OrgHttp } from './connection';
import { IncompletePageError } from './orgErrors';
import { DEFAULT_RETRY_POLICY, withRetry } from './retry';
import type { RetryPolicy } from './retry';

export type SoqlRecord = Record<string, unknown>;

export interface RestPage {
  records: SoqlRecord[];
  /** Rows in the whole result; for `SELECT COUNT()` the count. */
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
}

function parsePage(body: string, url: string): RestPage {
  let page: Partial<RestPage> | null;
  try {
    page = JSON.parse(body) as Partial<RestPage> | null;
  } catch {
    throw new IncompletePageError(`The query page ${url} is not whole JSON`);
  }
  if (
    page === null ||
    typeof page !== 'object' ||
    !Array.isArray(page.records) ||
    typeof page.totalSize !== 'number' ||
    typeof page.done !== 'boolean' ||
    (!page.done && typeof page.nextRecordsUrl !== 'string')
  ) {
    throw new IncompletePageError(`The query page ${url} lacks records, totalSize or done`);
  }
  return page as RestPage;
}

async function fetchPage(http: OrgHttp, url: string, policy: RetryPolicy): Promise<RestPage> {
  const exchange: HttpExchange = { method: 'GET', url };
  return withRetry(async () => parsePage((await http.send(exchange)).body, url), policy);
}

export function queryUrl(apiVersion: string, soql: string): string {
  return `/services/data/v${apiVersion}/query?q=${encodeURIComponent(soql)}`;
}

/** Every page of the query's result, in order. */
export async function* restQueryPages(
  http: OrgHttp,
  apiVersion: string,
  soql: string,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY
): AsyncGenerator<RestPage> {
  let page = await fetchPage(http, queryUrl(apiVersion, soql), policy);
  yield page;
  while (!page.done && page.nextRecordsUrl !== undefined) {
    page = await fetchPage(http, page.nextRecordsUrl, policy);
    yield page;
  }
}

/** The row count of `SELECT COUNT() FROM …` (Salesforce puts it in totalSize, with no records). */
export async function restCount(
  http: OrgHttp,
  apiVersion: string,
  soql: string,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY
): Promise<number> {
  const page = await fetchPage(http, queryUrl(apiVersion, soql), policy);
  return page.totalSize;
}
