/**
 * Runs the gateway's SOQL against a real org through the REST query API (jsforce): binds become
 * literals, long Id lists are split into several queries so URLs stay short, and every page is
 * read through nextRecordsUrl. Query rows are reported as records returned (no Apex governor here).
 */
import type { QueryRows, QueryRunner, SoqlRecord } from './queryRunner';
import { inlineBinds, withoutApexAccessMode } from './soqlLiterals';

/** The part of a jsforce Connection this runner needs. */
export interface RestConnection {
  query(soql: string): Promise<RestQueryResult>;
  queryMore(locator: string): Promise<RestQueryResult>;
}

export interface RestQueryResult {
  done: boolean;
  /** Matching records in all pages; for `SELECT COUNT()` the count. */
  totalSize?: number;
  nextRecordsUrl?: string;
  records: SoqlRecord[];
}

/** Ids per query when an IN list is split: ~4 KB of URL, well under the REST limits. */
export const IN_LIST_CHUNK = 200;

function withoutAttributes(record: SoqlRecord): SoqlRecord {
  const copy: SoqlRecord = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'attributes') continue;
    copy[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? withoutAttributes(value as SoqlRecord)
        : value;
  }
  return copy;
}

/**
 * The bind to split on: a list bound to `Field IN :name`, where each record matches exactly one
 * chunk and the chunks' results simply add up — a plain query without ORDER BY, LIMIT or OFFSET
 * (a sorted page cannot be cut into pages of parts), or an aggregate grouped by that field.
 */
export function splittableBind(soql: string, binds: Record<string, unknown>): string | undefined {
  for (const [, field, name] of soql.matchAll(/([\w.]+)\s+IN\s+:\s*(\w+)/gi)) {
    const value = binds[name];
    if (!Array.isArray(value) || value.length <= IN_LIST_CHUNK) continue;
    const groupBy = /\bGROUP\s+BY\s+([\s\S]*?)(\bHAVING\b|\bORDER\s+BY\b|\bLIMIT\b|$)/i.exec(
      soql
    )?.[1];
    if (!groupBy) return /\b(ORDER\s+BY|LIMIT|OFFSET)\b/i.test(soql) ? undefined : name;
    const groupedFields = groupBy.split(',').map((part) => part.trim().toLowerCase());
    if (groupedFields.includes(field.toLowerCase())) return name;
  }
  return undefined;
}

export class RestQueryRunner implements QueryRunner {
  private readonly connection: RestConnection;

  constructor(connection: RestConnection) {
    this.connection = connection;
  }

  async query(soql: string, binds: Record<string, unknown>): Promise<QueryRows> {
    const bindToSplit = splittableBind(soql, binds);
    const batches: Record<string, unknown>[] = [];
    if (bindToSplit) {
      const values = binds[bindToSplit] as unknown[];
      for (let start = 0; start < values.length; start += IN_LIST_CHUNK) {
        batches.push({ ...binds, [bindToSplit]: values.slice(start, start + IN_LIST_CHUNK) });
      }
    } else {
      batches.push(binds);
    }
    const records: SoqlRecord[] = [];
    let totalSize = 0;
    for (const batch of batches) {
      const text = withoutApexAccessMode(inlineBinds(soql, batch));
      let page = await this.connection.query(text);
      totalSize += page.totalSize ?? page.records.length;
      records.push(...page.records.map(withoutAttributes));
      while (!page.done && page.nextRecordsUrl) {
        page = await this.connection.queryMore(page.nextRecordsUrl);
        records.push(...page.records.map(withoutAttributes));
      }
    }
    return { records, totalSize, rowsCharged: records.length };
  }
}
