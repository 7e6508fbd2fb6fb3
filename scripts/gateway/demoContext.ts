/**
 * A gateway context over the generated demo org: its SOQL engine, its asOf and time zone, its
 * describe (demo tables + Object Reference properties), the settings record, and who the viewer
 * is with which custom permissions.
 */
import type { Schema } from '../checks/soqlSchema';
import type { DemoOrg } from '../demo/model';
import { DemoQueryRunner } from './demoRunner';
import { demoDescribe } from './describe';
import { memorySettingsStore } from './gatewayContext';
import type { GatewayContext, SettingsRecord } from './gatewayContext';
import type { QueryRunner } from './queryRunner';
import type { SelectorQueries } from './selectorQueries';

export interface DemoViewer {
  userId: string;
  permissions: ReadonlySet<string>;
}

export interface DemoContextOptions {
  queries: SelectorQueries;
  /** The Object Reference (config/schema/standard-objects.json). */
  reference: Schema;
  settings: SettingsRecord | null;
  viewer: DemoViewer;
  /** Wraps the engine runner (e.g. to meter it); default: the engine runner itself. */
  wrapRunner?: (runner: QueryRunner) => QueryRunner;
}

export function demoContext(org: DemoOrg, options: DemoContextOptions): GatewayContext {
  const runner = new DemoQueryRunner(org);
  return {
    runner: options.wrapRunner ? options.wrapRunner(runner) : runner,
    queries: options.queries,
    asOf: org.asOf,
    timeZone: org.timeZone,
    viewerId: options.viewer.userId,
    permissions: options.viewer.permissions,
    settings: memorySettingsStore(options.settings),
    describe: demoDescribe(org.tables, options.reference)
  };
}
