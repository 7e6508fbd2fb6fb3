/** Where the gateway's SOQL runs: the demo org's engine, or a real org through jsforce. */
export type SoqlRecord = Record<string, unknown>;

export interface QueryRows {
  records: SoqlRecord[];
  /** Records in the result; for `SELECT COUNT()` the count (and no records). */
  totalSize: number;
  /** Query rows Apex would be charged for this statement (governor model). */
  rowsCharged: number;
}

export interface QueryRunner {
  /** Runs one SOQL statement with Apex-style bind variables (`:name`). */
  query(soql: string, binds: Record<string, unknown>): Promise<QueryRows>;
}

/** Apex's per-transaction query-row limit, which the leaderboard budgets against. */
export const QUERY_ROW_LIMIT = 50_000;
