/** Runs the gateway's SOQL on the generated demo org through the local SOQL engine (a test double). */
import type { DemoOrg } from '../demo/model';
import { runQuery } from '../soql-engine/engine';
import type { QueryRows, QueryRunner } from './queryRunner';
import { SoqlDate } from './soqlLiterals';

/** Apex Date binds as the engine takes them: 'YYYY-MM-DD'. */
function engineBinds(binds: Record<string, unknown>): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(binds)) {
    converted[name] = value instanceof SoqlDate ? value.value : value;
  }
  return converted;
}

export class DemoQueryRunner implements QueryRunner {
  private readonly org: DemoOrg;

  constructor(org: DemoOrg) {
    this.org = org;
  }

  async query(soql: string, binds: Record<string, unknown>): Promise<QueryRows> {
    const result = runQuery(this.org, soql, engineBinds(binds));
    return {
      records: result.records,
      totalSize: result.totalSize,
      rowsCharged: result.queryRowsCharged
    };
  }
}
