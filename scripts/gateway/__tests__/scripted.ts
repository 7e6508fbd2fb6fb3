/**
 * Test doubles for the gateway: a runner that answers each selector statement from a script
 * (recognising templates whatever was substituted into them), and a context around it.
 */
import path from 'node:path';
import { PERMISSIONS, memorySettingsStore } from '../gatewayContext';
import type { GatewayContext, SettingsRecord } from '../gatewayContext';
import { demoDescribe } from '../describe';
import type { QueryRows, QueryRunner, SoqlRecord } from '../queryRunner';
import { loadSelectorQueries } from '../selectorQueries';
import type { SelectorMethod, SelectorQueries } from '../selectorQueries';
import { generateDemoOrg } from '../../demo/generate';

export const CLASSES_DIR = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'force-app',
  'main',
  'default',
  'classes'
);

export const asOf = new Date('2026-11-23T12:00:00.000Z');

/** The viewer every scripted context runs as (UserSelector.VIEWER_TEMPLATE's answer). */
export const VIEWER = { Id: '005V', Name: 'Viv', UserRole: { Name: 'Rep' }, Division: 'EMEA' };

export type Answer = (binds: Record<string, unknown>, soql: string) => SoqlRecord[];

function pattern(soql: string): RegExp {
  const escaped = soql.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\d+\\\}/g, '[\\s\\S]*?');
  return new RegExp(`^${escaped}$`);
}

/** Answers each selector statement from a script, recording the binds it was called with. */
export class ScriptedRunner implements QueryRunner {
  readonly calls: { method: SelectorMethod; binds: Record<string, unknown>; soql: string }[] = [];
  private readonly patterns: [RegExp, SelectorMethod][];
  private readonly answers: Partial<Record<SelectorMethod, Answer>>;
  private readonly charges: Partial<Record<SelectorMethod, number>>;

  constructor(
    queries: SelectorQueries,
    answers: Partial<Record<SelectorMethod, Answer>>,
    charges: Partial<Record<SelectorMethod, number>> = {}
  ) {
    this.patterns = Object.entries(queries).map(([method, soql]) => [
      pattern(soql),
      method as SelectorMethod
    ]);
    this.answers = { 'UserSelector.VIEWER_TEMPLATE': () => [VIEWER], ...answers };
    this.charges = charges;
  }

  async query(soql: string, binds: Record<string, unknown>): Promise<QueryRows> {
    const method = this.patterns.find(([regex]) => regex.test(soql))?.[1];
    if (!method) throw new Error(`unexpected SOQL ${soql}`);
    this.calls.push({ method, binds, soql });
    const records = this.answers[method]?.(binds, soql) ?? [];
    return {
      records,
      totalSize: records.length,
      rowsCharged: this.charges[method] ?? records.length
    };
  }
}

export const ALL_PERMISSIONS: ReadonlySet<string> = new Set(Object.values(PERMISSIONS));

const DESCRIBE = demoDescribe(generateDemoOrg({ users: 50, seed: 1 }).tables, {});

export function scriptedContext(
  runner: QueryRunner,
  queries: SelectorQueries,
  overrides: Partial<GatewayContext> = {},
  settings: SettingsRecord | null = {}
): GatewayContext {
  return {
    runner,
    queries,
    asOf,
    timeZone: 'UTC',
    viewerId: '005V',
    permissions: ALL_PERMISSIONS,
    settings: memorySettingsStore(settings),
    describe: DESCRIBE,
    ...overrides
  };
}

export { loadSelectorQueries };
