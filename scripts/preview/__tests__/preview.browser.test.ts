/**
 * The preview in a real browser (Debian's Chromium driven by playwright-core): the real components
 * on a generated demo org show the numbers computed independently from the generated records.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';
import { CLASSES_DIR, PROJECT_ROOT } from '../../build/projectFiles';
import { generateDemoOrg } from '../../demo/generate';
import type { DemoOrg } from '../../demo/model';
import { DemoQueryRunner } from '../../gateway/demoRunner';
import { loadSelectorQueries } from '../../gateway/selectorQueries';
import { bundlePreview } from '../bundle';
import { createPreviewServer, listen } from '../server';
import { leaderboard, loginRatesBy, percent, populationUsers } from './expectedFromDemo';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = path.join(PROJECT_ROOT, '.tmp', 'screenshots', 'dashboard.png');

jest.setTimeout(120_000);

let org: DemoOrg;
let server: Server;
let browser: Browser;
let page: Page;
let url: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`
    );
  }
  org = generateDemoOrg({ users: 300, seed: 42 });
  const bundleDir = await mkdtemp(path.join(os.tmpdir(), 'adoption-browser-'));
  await bundlePreview(bundleDir);
  server = createPreviewServer({
    bundleDir,
    sourceLabel: 'demo org: 300 users, seed 42',
    port: 0,
    context: {
      runner: new DemoQueryRunner(org),
      queries: await loadSelectorQueries(CLASSES_DIR),
      asOf: org.asOf,
      timeZone: org.timeZone,
      viewerId: org.runningUserId,
      canViewTeamLogins: true
    }
  });
  url = await listen(server, 0);
  browser = await chromium.launch({
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
  page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  await page.locator('c-login-leaderboard-table tbody tr').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const leaderboardCard = (): Locator => page.locator('c-login-leaderboard');

/** Re-reads until the page shows the expected value (components update asynchronously), then asserts. */
async function eventually<T>(
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

async function leaderboardRows(): Promise<string[][]> {
  return leaderboardCard()
    .locator('c-login-leaderboard-table tbody tr:not(.separator)')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('.rank')?.textContent?.trim() ?? '',
        (row.querySelector('.name')?.textContent ?? '').replace('You', '').trim(),
        row.querySelector('.logins')?.textContent?.trim() ?? '',
        row.querySelector('.active-days')?.textContent?.trim() ?? ''
      ])
    );
}

/** The top 25, then the viewer's own row when the viewer ranks below them. */
function expectedRows(rows: ReturnType<typeof leaderboard>, limit = 25): string[][] {
  const viewerName = populationUsers(org).find((user) => user.id === org.runningUserId)?.name;
  const viewer = rows.find((row) => row.name === viewerName && row.rank > limit);
  return [...rows.slice(0, limit), ...(viewer ? [viewer] : [])].map((row) => [
    String(row.rank),
    row.name,
    String(row.logins),
    String(row.activeDays)
  ]);
}

async function choose(card: Locator, label: string, option: string): Promise<void> {
  await card.getByRole('combobox', { name: label }).click();
  await card.getByRole('option', { name: option, exact: true }).click();
}

async function chartData(): Promise<Record<string, { labels: string[]; data: number[] }>> {
  return page.evaluate(() => {
    const chartGlobal = (
      window as unknown as {
        Chart: {
          instances: Record<
            string,
            {
              canvas: HTMLCanvasElement;
              data: { labels: string[]; datasets: { data: number[] }[] };
            }
          >;
        };
      }
    ).Chart;
    const result: Record<string, { labels: string[]; data: number[] }> = {};
    for (const chart of Object.values(chartGlobal.instances)) {
      const title = chart.canvas.getAttribute('aria-label')?.split(':')[0] ?? '?';
      result[title] = { labels: [...chart.data.labels], data: [...chart.data.datasets[0].data] };
    }
    return result;
  });
}

describe('the preview on a 300-user demo org', () => {
  it('shows the 7-day leaderboard computed from the generated LoginHistory', async () => {
    expect(await leaderboardRows()).toEqual(expectedRows(leaderboard(org, 7)));
  });

  it("states the viewer's rank among everyone who logged in", async () => {
    const rows = leaderboard(org, 7);
    const viewerName = populationUsers(org).find((user) => user.id === org.runningUserId)?.name;
    const viewer = rows.find((row) => row.name === viewerName);
    await expect(leaderboardCard().locator('.viewer-standing').textContent()).resolves.toBe(
      `You are #${viewer?.rank} of ${rows.length}.`
    );
  });

  it('shows the login-rate tiles computed from the users', async () => {
    const [overall] = loginRatesBy(org, 7, () => 'all');
    const never = populationUsers(org).filter((user) => user.lastLogin === null).length;
    const tiles = await page
      .locator('c-login-rates .tile')
      .evaluateAll((elements) =>
        Object.fromEntries(
          elements.map((tile) => [
            tile.getAttribute('data-kpi'),
            tile.querySelector('.tile-value')?.textContent?.trim()
          ])
        )
      );
    expect(tiles).toEqual({
      'login-rate': percent(overall.numerator, overall.denominator),
      inactive: String(overall.denominator - overall.numerator),
      never: String(never)
    });
  });

  it('draws the role and region charts with the rates computed from the users', async () => {
    const charts = await chartData();
    const asChart = (
      rates: ReturnType<typeof loginRatesBy>
    ): { labels: string[]; data: number[] } => {
      const sorted = [...rates].sort((a, b) =>
        a.key === '(none)' ? 1 : b.key === '(none)' ? -1 : a.key.localeCompare(b.key, 'en')
      );
      return {
        labels: sorted.map((rate) => rate.key),
        data: sorted.map((rate) => Math.round((rate.numerator / rate.denominator) * 1000) / 10)
      };
    };
    expect(charts['Login rate by role']).toEqual(
      asChart(loginRatesBy(org, 7, (user) => user.role))
    );
    expect(charts['Login rate by region (Division)']).toEqual(
      asChart(loginRatesBy(org, 7, (user) => user.region))
    );
  });

  it('switches the leaderboard to 30 days', async () => {
    await choose(leaderboardCard(), 'Period', 'Last 30 days');
    await eventually(leaderboardRows, expectedRows(leaderboard(org, 30)));
  });

  it('filters the leaderboard by role and ranks within it', async () => {
    await choose(leaderboardCard(), 'Role', 'Account Executive');
    await eventually(leaderboardRows, expectedRows(leaderboard(org, 30, 'Account Executive')));
  });

  it('switches the login-rate card to 30 days', async () => {
    await choose(page.locator('c-login-rates'), 'Period', 'Last 30 days');
    const [overall] = loginRatesBy(org, 30, () => 'all');
    await eventually(
      async () =>
        (
          await page.locator('c-login-rates .tile[data-kpi="login-rate"] .tile-value').textContent()
        )?.trim(),
      percent(overall.numerator, overall.denominator)
    );
  });

  it('logged no errors in the browser console, and saves a screenshot', async () => {
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
