/**
 * The SOQL governor limits of one Apex transaction, for callers that model one: each query run
 * is charged here and assertWithinLimits() fails the way Apex does (System.LimitException).
 */

export interface Charge {
  readonly queryRowsCharged: number;
}

export interface LimitSettings {
  /** SOQL queries per transaction: 100 synchronous, 200 asynchronous. */
  readonly maxQueries: number;
  /** Query rows per transaction: 50,000. */
  readonly maxRows: number;
}

/** Apex's System.LimitException, which no catch block can handle. */
export class LimitException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitException';
  }
}

export const SYNCHRONOUS_LIMITS: LimitSettings = { maxQueries: 100, maxRows: 50_000 };

export class QueryLimits {
  readonly settings: LimitSettings;
  private queryCount = 0;
  private rowCount = 0;

  constructor(settings: LimitSettings = SYNCHRONOUS_LIMITS) {
    this.settings = settings;
  }

  /** SOQL queries issued so far (semi-join sub-selects are part of their query). */
  get queries(): number {
    return this.queryCount;
  }

  /** Query rows charged so far. */
  get rows(): number {
    return this.rowCount;
  }

  /** Records one query and its rows; returns the result for chaining. */
  charge<T extends Charge>(result: T): T {
    this.queryCount += 1;
    this.rowCount += result.queryRowsCharged;
    return result;
  }

  /**
   * Throws when a limit is exceeded. Apex stops at the first query or row over the limit, so the
   * message names that one: 'Too many SOQL queries: 101', 'Too many query rows: 50001'.
   */
  assertWithinLimits(): void {
    if (this.queryCount > this.settings.maxQueries) {
      throw new LimitException(`Too many SOQL queries: ${this.settings.maxQueries + 1}`);
    }
    if (this.rowCount > this.settings.maxRows) {
      throw new LimitException(`Too many query rows: ${this.settings.maxRows + 1}`);
    }
  }
}
