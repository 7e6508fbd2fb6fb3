/**
 * The preview in a real browser (Debian's Chromium driven by playwright-core): the real components
 * on a generated demo org show the numbers computed independently from the generated records.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../build/projectFiles';
import type { DemoOrg } from '../../demo/model';
import { leaderboard, loginRatesBy, percent, populationUsers } from './expectedFromDemo';
import { eventually, openPreview } from './previewSession';
import type { PreviewSession } from './previewSession';

const SCREENSHOT = path.join(PROJECT_ROOT, '.tmp', 'screenshots', 'dashboard.png');

jest.setTimeout(120_000);

let session: PreviewSession;
let org: DemoOrg;
let page: Page;

beforeAll(async () => {
  session = await openPreview({ users: 300, seed: 42, viewer: 'admin' });
  ({ org, page } = session);
  // The dashboard opens on its overview; the login components live on the Logins tab.
  await page.getByRole('tab', { name: 'Logins' }).click();
  await page.locator('c-login-leaderboard-table tbody tr').first().waitFor();
});

afterAll(async () => {
  await session?.close();
});

const leaderboardCard = (): Locator => page.locator('c-login-leaderboard');

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
    expect(session.consoleErrors).toEqual([]);
  });
});
