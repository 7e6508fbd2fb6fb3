/**
 * npm start — the dashboard without Salesforce: the real components, bundled, served on
 * 127.0.0.1 and fed by the TypeScript gateway over a generated demo org (or a real org with
 * --target-org). Run after `npm run build` (npm start does both).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CLASSES_DIR, PROJECT_ROOT } from '../build/projectFiles';
import { loadStandardObjects } from '../checks/schemaSources';
import type { Schema } from '../checks/soqlSchema';
import { generateDemoOrg } from '../demo/generate';
import { demoContext } from '../gateway/demoContext';
import { referenceDescribe } from '../gateway/describe';
import { memorySettingsStore } from '../gateway/gatewayContext';
import type { GatewayContext, SettingsRecord } from '../gateway/gatewayContext';
import { loadSelectorQueries } from '../gateway/selectorQueries';
import type { SelectorQueries } from '../gateway/selectorQueries';
import { targetOrgContext } from '../gateway/targetOrg';
import { bundlePreview } from './bundle';
import { USAGE, UsageError, parsePreviewOptions } from './options';
import type { PreviewOptions } from './options';
import { createPreviewServer, listen } from './server';
import { readSettingsFile } from './settingsFile';
import { demoViewer } from './viewers';

const STANDARD_OBJECTS = path.join(PROJECT_ROOT, 'config', 'schema', 'standard-objects.json');

async function demoSource(
  options: PreviewOptions,
  queries: SelectorQueries,
  reference: Schema,
  settings: SettingsRecord
): Promise<{ context: GatewayContext; label: string }> {
  const org = generateDemoOrg({ users: options.users, seed: options.seed });
  return {
    context: demoContext(org, {
      queries,
      reference,
      settings,
      viewer: demoViewer(org, options.viewer)
    }),
    label: `demo org: ${options.users} users, seed ${options.seed}, as of ${org.asOf.toISOString().slice(0, 10)}, viewed as ${options.viewer}`
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const options = parsePreviewOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const queries = await loadSelectorQueries(CLASSES_DIR);
  const reference = await loadStandardObjects(STANDARD_OBJECTS);
  const settings = await readSettingsFile(options.settingsFile);
  const bundleDir = await mkdtemp(path.join(os.tmpdir(), 'adoption-preview-'));
  const [bundle, source] = await Promise.all([
    bundlePreview(bundleDir),
    options.targetOrg
      ? targetOrgContext(
          options.targetOrg,
          queries,
          memorySettingsStore(settings),
          referenceDescribe(reference)
        ).then((context) => ({ context, label: `org ${options.targetOrg}` }))
      : demoSource(options, queries, reference, settings)
  ]);
  const server = createPreviewServer({
    bundleDir,
    context: source.context,
    sourceLabel: source.label,
    port: options.port
  });
  const url = await listen(server, options.port);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `Adoption Dashboard preview (${source.label}) ready in ${seconds}s (bundle ${bundle.seconds.toFixed(1)}s)`
  );
  console.log(`Open ${url}  — Ctrl+C to stop`);
  const stop = (): void => {
    server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof UsageError
      ? `${error.message}\n\n${USAGE}`
      : `npm start failed: ${error instanceof Error ? error.message : String(error)}`
  );
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
