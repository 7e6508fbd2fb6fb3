/**
 * npm start — the dashboard without Salesforce: the real components, bundled, served on
 * 127.0.0.1 and fed by the TypeScript gateway over a generated demo org (or a real org with
 * --target-org). Run after `npm run build` (npm start does both).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CLASSES_DIR } from '../build/projectFiles';
import { generateDemoOrg } from '../demo/generate';
import { DemoQueryRunner } from '../gateway/demoRunner';
import type { GatewayContext } from '../gateway/loginActivityGateway';
import { loadSelectorQueries } from '../gateway/selectorQueries';
import type { SelectorQueries } from '../gateway/selectorQueries';
import { targetOrgContext } from '../gateway/targetOrg';
import { bundlePreview } from './bundle';
import { USAGE, UsageError, parsePreviewOptions } from './options';
import type { PreviewOptions } from './options';
import { createPreviewServer, listen } from './server';

async function demoContext(
  options: PreviewOptions,
  queries: SelectorQueries
): Promise<{ context: GatewayContext; label: string }> {
  const org = generateDemoOrg({ users: options.users, seed: options.seed });
  return {
    context: {
      runner: new DemoQueryRunner(org),
      queries,
      asOf: org.asOf,
      timeZone: org.timeZone,
      viewerId: org.runningUserId,
      canViewTeamLogins: true
    },
    label: `demo org: ${options.users} users, seed ${options.seed}, as of ${org.asOf.toISOString().slice(0, 10)}`
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
  const bundleDir = await mkdtemp(path.join(os.tmpdir(), 'adoption-preview-'));
  const [bundle, source] = await Promise.all([
    bundlePreview(bundleDir),
    options.targetOrg
      ? targetOrgContext(options.targetOrg, queries).then((context) => ({
          context,
          label: `org ${options.targetOrg}`
        }))
      : demoContext(options, queries)
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
