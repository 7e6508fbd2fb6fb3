/**
 * One Apex transaction of the twin: every query of one request goes through it, so it knows the
 * query rows used so far, as Limits.getQueryRows() does, and the row budget left.
 */
import { QUERY_ROW_LIMIT } from './queryRunner';
import type { QueryRunner, SoqlRecord } from './queryRunner';

/** Query rows kept free after a request's last query, for the rest of the transaction. */
export const QUERY_ROW_HEADROOM = 1_000;

export class Transaction {
  rows = 0;
  queries = 0;
  private readonly runner: QueryRunner;

  constructor(runner: QueryRunner) {
    this.runner = runner;
  }

  /** Runs a statement and returns its records. */
  async run(soql: string, binds: Record<string, unknown>): Promise<SoqlRecord[]> {
    return (await this.query(soql, binds)).records;
  }

  /** Runs `SELECT COUNT() …` and returns the count. */
  async count(soql: string, binds: Record<string, unknown>): Promise<number> {
    return (await this.query(soql, binds)).totalSize;
  }

  /** Limits.getLimitQueryRows() − Limits.getQueryRows() − headroom; may be negative. */
  rowsLeft(): number {
    return QUERY_ROW_LIMIT - this.rows - QUERY_ROW_HEADROOM;
  }

  private async query(soql: string, binds: Record<string, unknown>) {
    const result = await this.runner.query(soql, binds);
    this.queries += 1;
    this.rows += result.rowsCharged;
    return result;
  }
}
