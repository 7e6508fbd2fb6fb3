/**
 * The DataSource over a live org (`adoption … --target-org <alias>` or `--instance-url <url>`
 * with SF_ACCESS_TOKEN): the same record types as the CSV source, from the same fields.
 *
 * - User and the CRM objects: REST query, every `nextRecordsUrl` page.
 * - LoginHistory: `SELECT COUNT()` over the range first; above the Bulk threshold (200,000 rows,
 *   or ADOPTION_BULK_THRESHOLD) a Bulk API 2.0 query job read page by page, else REST pages.
 *   Rows are streamed to the visitor a page at a time, never held.
 * - Every page is retried on 429/5xx (retry.ts) and handed on only once parsed whole.
 * - Session, permission and limit failures become messages that say what to do (orgErrors.ts);
 *   an optional object the user cannot read is skipped with a note, a required one is an error.
 */
import type { CsvHeader } from '../csv/csvTable';
import type {
  CrmObjectName,
  CrmRecordTypes,
  DataSource,
  LoginVisitor,
  ProgressSink,
  SourceRecords,
  SourceUser
} from '../source';
import { DEFAULT_BULK_OPTIONS, bulkQueryPages } from './bulkQuery';
import type { BulkQueryOptions } from './bulkQuery';
import { connectToOrg } from './connection';
import type { ConnectOptions, OrgConnection } from './connection';
import {
  OrgApiError,
  OrgError,
  REQUIRED_OBJECTS,
  isNoAccess,
  permissionFor,
  toOrgError
} from './orgErrors';
import {
  countSoql,
  loginQuery,
  recordQuery,
  rejectedField,
  soqlOf,
  userQuery,
  withoutColumn
} from './orgQueries';
import type { ObjectQuery } from './orgQueries';
import { PageReader, loginReader, recordReader, userReader } from './orgRows';
import type { LoginRow, RowReader } from './orgRows';
import { restCount, restQueryPages } from './restQuery';
import { DEFAULT_RETRY_POLICY } from './retry';
import type { RetryPolicy } from './retry';

export const DEFAULT_BULK_THRESHOLD = 200_000;
/** Overrides the Bulk threshold for a run (tests force the Bulk path on a small fake org). */
export const BULK_THRESHOLD_ENV = 'ADOPTION_BULK_THRESHOLD';

export interface OrgSourceOptions extends ConnectOptions {
  /** LoginHistory rows above which Bulk API 2.0 is used; default ADOPTION_BULK_THRESHOLD or 200,000. */
  bulkThreshold?: number;
  retry?: Partial<RetryPolicy>;
  bulk?: Partial<Omit<BulkQueryOptions, 'policy'>>;
  /** An open connection instead of the options above (tests). */
  connection?: OrgConnection;
}

/** The threshold from the environment, or the default; a bad value is an error, not ignored. */
export function bulkThresholdFrom(env: Readonly<Record<string, string | undefined>>): number {
  const text = env[BULK_THRESHOLD_ENV];
  if (text === undefined || text.trim() === '') return DEFAULT_BULK_THRESHOLD;
  if (!/^\d+$/.test(text.trim())) {
    throw new OrgError(`${BULK_THRESHOLD_ENV} must be a whole number of rows, not "${text}".`);
  }
  return Number(text);
}

class OrgSource implements DataSource {
  readonly description: string;
  private readonly connection: OrgConnection;
  private readonly bulkThreshold: number;
  private readonly policy: RetryPolicy;
  private readonly bulkOptions: BulkQueryOptions;

  constructor(
    connection: OrgConnection,
    bulkThreshold: number,
    policy: RetryPolicy,
    bulkOptions: BulkQueryOptions
  ) {
    this.connection = connection;
    this.bulkThreshold = bulkThreshold;
    this.policy = policy;
    this.bulkOptions = bulkOptions;
    this.description = connection.description;
  }

  async users(regionField: string, progress: ProgressSink): Promise<SourceUser[]> {
    try {
      return await this.readAll(userQuery(regionField), userReader(regionField), progress);
    } catch (error) {
      if (
        error instanceof OrgApiError &&
        error.errorCode === 'INVALID_FIELD' &&
        rejectedField(error.message)?.toLowerCase() === regionField.toLowerCase()
      ) {
        throw new OrgError(
          `User has no field ${regionField} that this user can see (--region-field ${regionField}): pass --region-field a User field of the org, e.g. Division, Country or Department.`
        );
      }
      throw this.failure(error, 'User');
    }
  }

  async forEachLogin(
    range: { after: Date; notAfter: Date },
    visit: LoginVisitor,
    progress: ProgressSink
  ): Promise<void> {
    const query = loginQuery(range);
    const { http, apiVersion } = this.connection;
    let started = false;
    try {
      const total = await restCount(http, apiVersion, countSoql(query), this.policy);
      progress.start('LoginHistory', total);
      started = true;
      const reader = new PageReader(query, loginReader(range));
      const hand = (rows: LoginRow[]) => {
        for (const row of rows) visit(row.userId, row.loginTime, row.status);
      };
      let delivered = 0;
      if (total > this.bulkThreshold) {
        const pages = bulkQueryPages(
          http,
          apiVersion,
          soqlOf(query),
          query.object,
          (csv) => reader.fromCsv(csv, delivered),
          this.bulkOptions
        );
        for await (const page of pages) {
          hand(page.values);
          delivered += page.count;
          progress.add(page.count);
        }
      } else {
        for await (const page of restQueryPages(http, apiVersion, soqlOf(query), this.policy)) {
          hand(reader.fromRecords(page.records, delivered));
          delivered += page.records.length;
          progress.add(page.records.length);
        }
      }
    } catch (error) {
      throw this.failure(error, 'LoginHistory');
    } finally {
      if (started) progress.finish();
    }
  }

  async records<K extends CrmObjectName>(
    object: K,
    progress: ProgressSink
  ): Promise<SourceRecords<CrmRecordTypes[K]>> {
    try {
      const records = await this.readAll(recordQuery(object), recordReader(object), progress);
      return { available: true, records };
    } catch (error) {
      const unreadable =
        error instanceof OrgApiError && (isNoAccess(error) || error.errorCode === 'INVALID_FIELD');
      if (REQUIRED_OBJECTS.has(object) || !unreadable) throw this.failure(error, object);
      return {
        available: false,
        note: `${object} cannot be read in ${this.description} (${error.errorCode}: ${error.message}). Reading it needs ${permissionFor(object)}.`
      };
    }
  }

  async close(): Promise<void> {
    // Nothing is held open: each page is one request, and Bulk jobs are deleted when read.
  }

  /**
   * Every record of a REST query, page by page. A rejected field that has a stand-in
   * (orgQueries.ts) is dropped and the query run again; that can only happen on the first page.
   */
  private async readAll<T>(
    first: ObjectQuery,
    makeReader: (header: CsvHeader) => RowReader<T>,
    progress: ProgressSink
  ): Promise<T[]> {
    const { http, apiVersion } = this.connection;
    let query = first;
    for (;;) {
      const reader = new PageReader(query, makeReader);
      const values: T[] = [];
      let read = 0;
      let started = false;
      try {
        for await (const page of restQueryPages(http, apiVersion, soqlOf(query), this.policy)) {
          if (!started) progress.start(query.object, page.totalSize);
          started = true;
          for (const row of reader.fromRecords(page.records, read)) values.push(row);
          read += page.records.length;
          progress.add(page.records.length);
        }
        return values;
      } catch (error) {
        const field =
          error instanceof OrgApiError && error.errorCode === 'INVALID_FIELD' && !started
            ? rejectedField(error.message)
            : undefined;
        const narrower = field === undefined ? undefined : withoutColumn(query, field);
        if (narrower === undefined) throw error;
        query = narrower;
      } finally {
        if (started) progress.finish();
      }
    }
  }

  private failure(error: unknown, object: string): Error {
    return toOrgError(error, { object, alias: this.connection.alias });
  }
}

export async function createOrgSource(options: OrgSourceOptions): Promise<DataSource> {
  const bulkThreshold = options.bulkThreshold ?? bulkThresholdFrom(process.env);
  const connection = options.connection ?? (await connectToOrg(options));
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const bulkOptions: BulkQueryOptions = { ...DEFAULT_BULK_OPTIONS, ...options.bulk, policy };
  return new OrgSource(connection, bulkThreshold, policy, bulkOptions);
}
