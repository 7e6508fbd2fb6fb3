/** Runs the gateway's SOQL on the generated demo org through the local SOQL engine (a test double). */
import type { DemoOrg } from '../demo/model';
import { runQuery } from '../soql-engine/engine';
import type { QueryRows, QueryRunner } from './queryRunner';

export class DemoQueryRunner implements QueryRunner {
  private readonly org: DemoOrg;

  constructor(org: DemoOrg) {
    this.org = org;
  }

  async query(soql: string, binds: Record<string, unknown>): Promise<QueryRows> {
    const result = runQuery(this.org, soql, binds);
    return { records: result.records, rowsCharged: result.queryRowsCharged };
  }
}
