/**
 * One preview in a real browser for a browser test: a generated demo org, the bundled components,
 * the preview server on 127.0.0.1 and Debian's Chromium driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { CLASSES_DIR, PROJECT_ROOT } from '../../build/projectFiles';
import { loadStandardObjects } from '../../checks/schemaSources';
import { generateDemoOrg } from '../../demo/generate';
import type { DemoOrg } from '../../demo/model';
import { demoContext } from '../../gateway/demoContext';
import type { SettingsRecord } from '../../gateway/gatewayContext';
import { loadSelectorQueries } from '../../gateway/selectorQueries';
import { chromiumPath } from '../../shared/chromium';
import { bundlePreview } from '../bundle';
import { demoAuraRuntime } from '../../apex-runtime/aura/demoRuntime';
import type { FieldValue } from '../../demo/model';
import type { ApexBackendName, Viewer } from '../options';
import { runtimeBackend } from '../runtimeBackend';
import { createPreviewServer, listen } from '../server';
import { readSettingsFile } from '../settingsFile';
import { VIEWER_PERMISSION_SETS, demoViewer } from '../viewers';

const CHROMIUM = chromiumPath();

export interface PreviewSession {
  org: DemoOrg;
  page: Page;
  settings: SettingsRecord;
  /** Errors the page logged or threw. */
  consoleErrors: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  users: number;
  seed: number;
  viewer: Viewer;
  /** Overrides of config/demo-settings.json, by field API name. */
  settings?: Partial<SettingsRecord>;
  /** Who answers the Apex calls; default PREVIEW_APEX from the environment, else the runtime. */
  apex?: ApexBackendName;
}

function apexOf(options: SessionOptions): ApexBackendName {
  const chosen = options.apex ?? process.env.PREVIEW_APEX ?? 'runtime';
  if (chosen !== 'runtime' && chosen !== 'gateway') {
    throw new Error(`PREVIEW_APEX must be runtime or gateway; got "${chosen}".`);
  }
  return chosen;
}

export async function openPreview(options: SessionOptions): Promise<PreviewSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`
    );
  }
  const org = generateDemoOrg({ users: options.users, seed: options.seed });
  const settings: SettingsRecord = { ...(await readSettingsFile()), ...options.settings };
  const bundleDir = await mkdtemp(path.join(os.tmpdir(), 'adoption-browser-'));
  await bundlePreview(bundleDir);
  const viewer = demoViewer(org, options.viewer);
  const apex =
    apexOf(options) === 'runtime'
      ? runtimeBackend(
          demoAuraRuntime(org, {
            settings: settings as Record<string, FieldValue>,
            grants: [
              { userId: viewer.userId, permissionSets: VIEWER_PERMISSION_SETS[options.viewer] }
            ]
          }),
          viewer.userId
        )
      : undefined;
  const server: Server = createPreviewServer({
    bundleDir,
    sourceLabel: `demo org: ${options.users} users, seed ${options.seed}`,
    port: 0,
    apex,
    context: demoContext(org, {
      queries: await loadSelectorQueries(CLASSES_DIR),
      reference: await loadStandardObjects(
        path.join(PROJECT_ROOT, 'config', 'schema', 'standard-objects.json')
      ),
      settings,
      viewer
    })
  });
  const url = await listen(server, 0);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic'
    ]
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  await page.getByRole('tab').first().waitFor();
  return {
    org,
    page,
    settings,
    consoleErrors,
    close: async () => {
      await browser.close();
      server.close();
    }
  };
}

/** Re-reads until the page shows the expected value (components update asynchronously), then asserts. */
export async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 15_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let actual = await read();
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    actual = await read();
  }
  expect(actual).toEqual(expected);
}
