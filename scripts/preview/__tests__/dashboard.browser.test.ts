/**
 * The whole dashboard in a real browser on a generated demo org: every tab, the region comparison,
 * the drill-down from a region into its people and neglected records, and the CSV export — each
 * checked against numbers computed independently from the generated records. A second preview,
 * viewed as a manager with stale days set to 60, proves that a setting changes the numbers shown.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../build/projectFiles';
import { demoViewer } from '../viewers';
import { populationUsers } from './expectedFromDemo';
import { parseCsv, pastCloseIds, staleIds, teamOf, visibleOwners } from './expectedRecords';
import { eventually, openPreview } from './previewSession';
import type { PreviewSession } from './previewSession';

const SCREENSHOTS = path.join(PROJECT_ROOT, '.tmp', 'screenshots');
const DRILL_REGION = 'EMEA';

jest.setTimeout(180_000);

/** The visible text of the first visible element matching the selector, trimmed. */
async function visibleText(page: Page, selector: string): Promise<string> {
  const element = page.locator(`${selector} >> visible=true`).first();
  await element.waitFor();
  return ((await element.textContent()) ?? '').trim();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** "Page 1 of 4 · 83 rows" → 83. */
async function totalRows(page: Page, list: string): Promise<number> {
  const status = await visibleText(page, `${list} .page-status`);
  const match = /([\d,]+) rows?$/.exec(status);
  if (!match) throw new Error(`No row count in "${status}"`);
  return Number(match[1].replace(/,/g, ''));
}

describe('the dashboard on a 300-user demo org, viewed as an admin', () => {
  let session: PreviewSession;
  let page: Page;
  let population: ReturnType<typeof populationUsers>;

  beforeAll(async () => {
    session = await openPreview({ users: 300, seed: 42, viewer: 'admin' });
    page = session.page;
    population = populationUsers(session.org);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('offers the seven tabs, and Settings to an admin', async () => {
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs.map((tab) => tab.trim())).toEqual([
      'Overview',
      'Logins',
      'Activity',
      'Pipeline & Leads',
      'Data Quality',
      'Regions',
      'Roles',
      'Settings'
    ]);
  });

  it('leads the overview with the focus KPIs, in the order the settings give', async () => {
    await openTab(page, 'Overview');
    await page.locator('c-kpi-overview article[data-kpi] >> visible=true').first().waitFor();
    const focus = await page
      .locator('c-kpi-overview article[data-kpi] >> visible=true')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-kpi')));
    expect(focus).toEqual(String(session.settings.Focus_Kpis__c).split(','));
  });

  it('shows the login components on the Logins tab', async () => {
    await openTab(page, 'Logins');
    await page.locator('c-login-leaderboard-table tbody tr >> visible=true').first().waitFor();
    await expect(visibleText(page, 'c-login-trend lightning-card')).resolves.toMatch(/Login trend/);
  });

  it('shows every record-creation KPI on the Activity tab', async () => {
    await openTab(page, 'Activity');
    await page.locator('c-kpi-family-panel article[data-kpi] >> visible=true').first().waitFor();
    const ids = await page
      .locator('c-kpi-family-panel article[data-kpi] >> visible=true')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-kpi')));
    expect([...ids].sort()).toEqual(
      [
        'records.accounts.created',
        'records.activities.closed',
        'records.activities.created',
        'records.cases.closed',
        'records.cases.created',
        'records.contacts.created',
        'records.contacts.updated',
        'records.opportunities.created'
      ].sort()
    );
  });

  it('counts open opportunities past their close date on Pipeline & Leads, from the records', async () => {
    await openTab(page, 'Pipeline & Leads');
    const everyone = new Set(population.map((user) => user.id));
    await eventually(
      () =>
        visibleText(
          page,
          'c-kpi-family-panel article[data-kpi="opps.neglected.pastClose"] .kpi-value'
        ),
      pastCloseIds(session.org, everyone).length.toLocaleString('en-US')
    );
  });

  it('shows the data-quality KPIs, one fill rate per gate field', async () => {
    await openTab(page, 'Data Quality');
    await page.locator('c-kpi-family-panel article[data-kpi] >> visible=true').first().waitFor();
    const ids = await page
      .locator('c-kpi-family-panel article[data-kpi] >> visible=true')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-kpi')));
    expect(ids).toEqual(
      expect.arrayContaining([
        'quality.opps.missingAmount',
        'quality.accounts.noContact',
        'quality.fields.fillRate:Opportunity.NextStep',
        'quality.fields.fillRate:Account.Industry',
        'quality.duplicates'
      ])
    );
  });

  it('compares the regions side by side, with the past-close count of each region', async () => {
    await openTab(page, 'Regions');
    const regions = [...new Set(population.map((user) => user.region ?? '(none)'))].sort();
    await page.locator('c-slice-comparison-table .drill-button >> visible=true').first().waitFor();
    const headers = await page
      .locator('c-slice-comparison-table .drill-button >> visible=true')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-slice-key')));
    expect(headers).toEqual(regions);
    const cells = await page
      .locator(
        'c-slice-comparison-table tr[data-kpi-id="opps.neglected.pastClose"] .value >> visible=true'
      )
      .allTextContents();
    expect(cells.map((cell) => cell.trim())).toEqual(
      regions.map((region) =>
        pastCloseIds(
          session.org,
          new Set(
            population.filter((user) => (user.region ?? '(none)') === region).map((u) => u.id)
          )
        ).length.toLocaleString('en-US')
      )
    );
  });

  it('compares the roles side by side', async () => {
    await openTab(page, 'Roles');
    const roles = [...new Set(population.map((user) => user.role ?? '(none)'))].sort((a, b) =>
      a === '(none)' ? 1 : b === '(none)' ? -1 : a.localeCompare(b, 'en')
    );
    await page.locator('c-slice-comparison-table .drill-button >> visible=true').first().waitFor();
    const headers = await page
      .locator('c-slice-comparison-table .drill-button >> visible=true')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-slice-key')));
    expect(headers).toEqual(roles);
    await openTab(page, 'Regions');
  });

  it('drills from a region into its people and its neglected records', async () => {
    await page
      .getByRole('button', { name: `Drill into ${DRILL_REGION}` })
      .first()
      .click();
    const regionUsers = population.filter((user) => user.region === DRILL_REGION);
    await eventually(() => totalRows(page, 'c-paged-list.people-list'), regionUsers.length);
    await eventually(
      () => totalRows(page, 'c-paged-list.records-list'),
      pastCloseIds(session.org, new Set(regionUsers.map((user) => user.id))).length
    );
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'drilldown.png'), fullPage: true });
  });

  it("exports the region's neglected records as CSV, one row per record", async () => {
    const regionUsers = new Set(
      population.filter((user) => user.region === DRILL_REGION).map((user) => user.id)
    );
    const download = page.waitForEvent('download');
    await page.locator('c-paged-list.records-list .export-csv >> visible=true').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`region-${DRILL_REGION}-opps.neglected.pastClose.csv`);
    const [header, ...rows] = parseCsv(await readFile(await file.path(), 'utf8'));
    const idColumn = header.indexOf('Record Id');
    expect(idColumn).toBeGreaterThanOrEqual(0);
    expect(rows.map((row) => row[idColumn]).sort()).toEqual(pastCloseIds(session.org, regionUsers));
  });

  it('logged no errors in the browser console', () => {
    expect(session.consoleErrors).toEqual([]);
  });
});

describe('the dashboard viewed as a manager, with stale days set to 60', () => {
  const STALE_DAYS = 60;
  let session: PreviewSession;

  beforeAll(async () => {
    session = await openPreview({
      users: 300,
      seed: 42,
      viewer: 'manager',
      settings: { Stale_Days__c: STALE_DAYS }
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it("counts the team's and region's stale opportunities with the 60-day threshold", async () => {
    const { org, page } = session;
    const managerId = demoViewer(org, 'manager').userId;
    // Record access applies on top of the audience (README, "Who sees what"): the manager counts
    // only the opportunities of owners in roles below theirs, not a peer manager's.
    const readable = visibleOwners(org, managerId);
    const team = new Set(
      teamOf(org, managerId)
        .map((user) => user.id)
        .filter((id) => readable.has(id))
    );
    const withSixty = staleIds(org, team, STALE_DAYS).length;
    // The setting must matter for this audience, or the test would prove nothing.
    expect(withSixty).not.toBe(staleIds(org, team, 30).length);
    await openTab(page, 'Pipeline & Leads');
    await eventually(
      () =>
        visibleText(page, 'c-kpi-family-panel article[data-kpi="opps.neglected.stale"] .kpi-value'),
      withSixty.toLocaleString('en-US')
    );
    expect(session.consoleErrors).toEqual([]);
  });
});
