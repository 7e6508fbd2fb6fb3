/**
 * npm start — the dashboard without Salesforce: the real components, bundled, served on
 * 127.0.0.1 and fed by the package's own @AuraEnabled Apex in the local Apex runtime over a
 * generated demo org (`--apex gateway`: by the TypeScript gateway; with --target-org, the gateway
 * over a real org). Run after `npm run build` (npm start does both).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CLASSES_DIR, PROJECT_ROOT } from '../build/projectFiles';
import { loadStandardObjects } from '../checks/schemaSources';
import type { Schema } from '../checks/soqlSchema';
import { demoAuraRuntime } from '../apex-runtime/aura/demoRuntime';
import { generateDemoOrg } from '../demo/generate';
import type { FieldValue } from '../demo/model';
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
import { runtimeBackend } from './runtimeBackend';
import type { ApexBackend } from './server';
import { VIEWER_PERMISSION_SETS, demoViewer } from './viewers';

const STANDARD_OBJECTS = path.join(PROJECT_ROOT, 'config', 'schema', 'standard-objects.json');

async function demoSource(
  options: PreviewOptions,
  queries: SelectorQueries,
  reference: Schema,
  settings: SettingsRecord
): Promise<{ context: GatewayContext; label: string; apex?: ApexBackend }> {
  const org = generateDemoOrg({ users: options.users, seed: options.seed });
  const viewer = demoViewer(org, options.viewer);
  const label = `demo org: ${options.users} users, seed ${options.seed}, as of ${org.asOf.toISOString().slice(0, 10)}, viewed as ${options.viewer}`;
  const context = demoContext(org, { queries, reference, settings, viewer });
  if (options.apex === 'gateway') return { context, label };
  const runtime = demoAuraRuntime(org, {
    settings: settings as Record<string, FieldValue>,
    grants: [{ userId: viewer.userId, permissionSets: VIEWER_PERMISSION_SETS[options.viewer] }]
  });
  return {
    context,
    label: `${label}, Apex in the local runtime`,
    apex: runtimeBackend(runtime, viewer.userId, {
      onResponse: (name, response) => {
        if (!response.ok && response.error.status === 500) {
          console.error(`preview: ${name} failed: ${response.error.body.message}`);
        }
      }
    })
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
  // A real org answers with the gateway's SOQL over REST; the runtime runs on the demo org only.
  const [bundle, source] = await Promise.all([
    bundlePreview(bundleDir),
    options.targetOrg
      ? targetOrgContext(
          options.targetOrg,
          queries,
          memorySettingsStore(settings),
          referenceDescribe(reference)
        ).then((context) => ({
          context,
          label: `org ${options.targetOrg}`,
          apex: undefined as ApexBackend | undefined
        }))
      : demoSource(options, queries, reference, settings)
  ]);
  const server = createPreviewServer({
    bundleDir,
    context: source.context,
    apex: source.apex,
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
