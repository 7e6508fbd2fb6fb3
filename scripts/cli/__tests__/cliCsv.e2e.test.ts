/**
 * `adoption` end to end on CSV exports: the real executable reads a folder written by the demo
 * generator (as a Bulk API 2.0 export looks) and its output is compared with numbers computed
 * straight from the generated tables (expectedFromTables.ts), plus the error cases a user meets.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KPI_CATALOG } from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import { generateDemoOrg } from '../../demo/generate';
import type { ReportDocument } from '../report/reportDocument';
import { AS_OF, demoCsvFolder, outputOf, runAdoption, runProcess } from './cliProcess';
import type { CliRun } from './cliProcess';
import { DemoExpectations } from './expectedFromTables';
import type { Fraction } from './expectedFromTables';

jest.setTimeout(60_000);

const org = generateDemoOrg({ users: 60, seed: 7 });
const expected = new DemoExpectations(org, new Date(AS_OF));
const folders: string[] = [];
let dir: string;
let firstRun: CliRun;
let report: ReportDocument;

/** A copy of the demo folder to break; removed after the tests. */
async function copyOfFolder(): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'adoption-e2e-broken-'));
  folders.push(copy);
  await cp(dir, copy, { recursive: true });
  return copy;
}

async function editFile(file: string, edit: (text: string) => string): Promise<void> {
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

function fractions(slices: Record<string, Fraction> | undefined): Record<string, Fraction> {
  return Object.fromEntries(
    Object.entries(slices ?? {}).map(([key, { numerator, denominator }]) => [
      key,
      { numerator, denominator }
    ])
  );
}

beforeAll(async () => {
  dir = await demoCsvFolder(org);
  folders.push(dir);
  firstRun = await runAdoption(['report', '--data', dir, '--as-of', AS_OF, '--format', 'json']);
  report = JSON.parse(outputOf(firstRun));
});

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('adoption report --data <demo export> --format json', () => {
  it('prints one document with every computable KPI and notes for the two it cannot compute', () => {
    expect(firstRun.code).toBe(0);
    expect(firstRun.stderr).toBe('');
    expect(report.asOf).toBe(AS_OF);
    expect(report.source).toBe(`CSV folder ${dir}`);
    expect(report.population).toBe(expected.population.length);
    expect(report.population).toBe(53);
    expect(Object.keys(report.kpis)).toEqual(
      KPI_CATALOG.map((kpi) => kpi.id).filter(
        (id) => id !== 'login.trend' && id !== 'quality.fields.fillRate'
      )
    );
    expect(report.notes).toEqual([
      'login.trend is not computed: it needs snapshots over time; use the dashboard.',
      "quality.fields.fillRate is not computed: it needs the admin's gate fields; use the dashboard."
    ]);
  });

  it('gives the login rates of the tables, overall and per role and region', () => {
    for (const days of [7, 30]) {
      const rate = expected.loginRate(days);
      const kpi = report.kpis[`login.rate.${days}d`];
      expect(kpi.numerator).toBe(rate.numerator);
      expect(kpi.denominator).toBe(rate.denominator);
      expect(kpi.value).toBe(rate.numerator / rate.denominator);
      expect(fractions(kpi.slices?.role)).toEqual(rate.role);
      expect(fractions(kpi.slices?.region)).toEqual(rate.region);
    }
    expect(report.kpis['login.rate.7d']).toMatchObject({ numerator: 48, denominator: 53 });
    expect(Object.keys(report.kpis['login.rate.7d'].slices?.role ?? {})).toContain('(none)');
  });

  it('lists the users who never logged in and ranks the leaderboard as the tables do', () => {
    const never = expected.neverLoggedIn();
    expect(never.length).toBeGreaterThan(0);
    expect(report.kpis['login.never']).toMatchObject({ value: never.length, records: never });
    const leaderboard = expected.leaderboard(7);
    expect(report.kpis['login.leaderboard'].value).toBe(leaderboard.length);
    expect(report.kpis['login.leaderboard'].rows?.slice(0, 5)).toEqual(leaderboard.slice(0, 5));
    expect(report.kpis['login.leaderboard'].rows).toEqual(leaderboard);
    const inactive = expected.loginRate(7);
    expect(report.kpis['login.inactive.7d'].value).toBe(inactive.denominator - inactive.numerator);
  });

  it('gives the pipeline, task and lead KPIs of the tables', () => {
    const pastClose = expected.pastCloseOpportunities();
    expect(pastClose.length).toBeGreaterThan(0);
    expect(report.kpis['opps.neglected.pastClose']).toMatchObject({
      value: pastClose.length,
      records: pastClose
    });
    const pastDue = expected.pastDueTasks().ids;
    expect(report.kpis['tasks.pastDue']).toMatchObject({ value: pastDue.length, records: pastDue });
    const abandoned = expected.abandonedLeads(14);
    expect(abandoned.length).toBeGreaterThan(0);
    expect(report.kpis['leads.abandoned']).toMatchObject({
      value: abandoned.length,
      records: abandoned
    });
    const wonLost = expected.wonLost(7);
    expect(wonLost.denominator).toBeGreaterThan(0);
    expect(report.kpis['opps.wonLost']).toMatchObject({
      value: wonLost.numerator / wonLost.denominator,
      numerator: wonLost.numerator,
      denominator: wonLost.denominator
    });
  });
});

describe('adoption export and the other formats', () => {
  it('exports one CSV row per population user with last login, logins and past-due tasks', async () => {
    const run = await runAdoption(['export', '--data', dir, '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const [header, ...lines] = run.stdout.trimEnd().split('\r\n');
    expect(header).toBe(
      'userId,name,role,region,lastLogin,logins,activeDays,recordsCreated,pastDueTasks'
    );
    expect(lines).toHaveLength(expected.population.length);
    const rows = new Map(lines.map((line) => [line.split(',')[0], line.split(',')]));
    const lastLogins = expected.lastLogins();
    const pastDue = expected.pastDueTasks().byOwner;
    const leaderboard = new Map(expected.leaderboard(7).map((row) => [row.userId, row]));
    for (const user of expected.population) {
      const cells = rows.get(user.id) as string[];
      expect(cells.slice(1, 5)).toEqual([
        user.name,
        user.role,
        user.region,
        lastLogins.get(user.id) ?? ''
      ]);
      expect(Number(cells[5])).toBe(leaderboard.get(user.id)?.logins ?? 0);
      expect(Number(cells[6])).toBe(leaderboard.get(user.id)?.activeDays ?? 0);
      expect(Number(cells[8])).toBe(pastDue.get(user.id) ?? 0);
    }
  });

  it('writes a Markdown report of the chosen KPIs to --output', async () => {
    const file = path.join(dir, 'report.md');
    const run = await runAdoption([
      'report',
      '--data',
      dir,
      '--as-of',
      AS_OF,
      '--kpi',
      'tasks.pastDue,login.rate.7d',
      '--format',
      'markdown',
      '--output',
      file
    ]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    const rate = expected.loginRate(7);
    const percent = Math.round((rate.numerator / rate.denominator) * 1000) / 10;
    expect((await readFile(file, 'utf8')).split('\n').slice(3, 7)).toEqual([
      '| KPI | Label | Value | Numerator | Denominator |',
      '| --- | --- | ---: | ---: | ---: |',
      `| login.rate.7d | Login rate (7 days) | ${percent}% | ${rate.numerator} | ${rate.denominator} |`,
      `| tasks.pastDue | Past-due tasks | ${expected.pastDueTasks().ids.length} |  |  |`
    ]);
  });

  it('answers `npx adoption --help` with the usage and examples', async () => {
    const run = await runProcess('npx', ['adoption', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^adoption — the CRM adoption KPIs/);
    expect(run.stdout).toContain('Examples:\n  adoption report --target-org my-org\n');
  });
});

describe('adoption on the CSV dialects of other export tools', () => {
  it('gives the same KPIs for Data Loader style files: BOM, CRLF, bare cells, +0000, 1/0, any header case', async () => {
    const copy = await copyOfFolder();
    /** Unquotes every cell that needs no quotes, as Data Loader writes them. */
    const bare = (text: string): string => text.replace(/"([^",\n]*)"/g, '$1');
    await editFile(path.join(copy, 'User.csv'), (text) => `\ufeff${text.replace(/\n/g, '\r\n')}`);
    await editFile(path.join(copy, 'LoginHistory.csv'), (text) =>
      bare(text).replace(/\.000Z/g, '.000+0000')
    );
    await editFile(path.join(copy, 'Opportunity.csv'), (text) =>
      text.replace(/"true"/g, '"1"').replace(/"false"/g, '"0"')
    );
    await editFile(path.join(copy, 'Task.csv'), (text) => {
      const newline = text.indexOf('\n');
      return text.slice(0, newline).toLowerCase() + bare(text.slice(newline));
    });
    const run = await runAdoption(['report', '--data', copy, '--as-of', AS_OF, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).kpis).toEqual(report.kpis);
  });
});

describe('adoption on broken CSV exports', () => {
  it('skips the KPIs of a missing optional file with a note, and keeps the others', async () => {
    const copy = await copyOfFolder();
    await rm(path.join(copy, 'Account.csv'));
    const run = await runAdoption(['report', '--data', copy, '--as-of', AS_OF, '--json']);
    expect(run.code).toBe(0);
    const partial: ReportDocument = JSON.parse(run.stdout);
    expect(partial.notes[0]).toMatch(/Account\.csv/);
    expect(partial.notes[0]).toMatch(
      /Skipped KPIs: records\.accounts\.created, quality\.accounts\.noContact, quality\.duplicates\.$/
    );
    expect(partial.kpis['records.accounts.created']).toBeUndefined();
    expect(partial.kpis['quality.duplicates']).toBeUndefined();
    expect(partial.kpis['login.rate.7d']).toEqual(report.kpis['login.rate.7d']);
    expect(partial.kpis['tasks.pastDue']).toEqual(report.kpis['tasks.pastDue']);
  });

  it('exits 1 naming the file and the column when a required column is missing', async () => {
    const copy = await copyOfFolder();
    await editFile(path.join(copy, 'Task.csv'), (text) => text.replace('"IsClosed"', '"Closed"'));
    const run = await runAdoption(['report', '--data', copy, '--as-of', AS_OF]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Error: .*Task\.csv.* IsClosed\b/);
  });

  it('exits 1 naming the file when a required file is missing', async () => {
    const copy = await copyOfFolder();
    await rm(path.join(copy, 'Lead.csv'));
    const run = await runAdoption(['report', '--data', copy, '--as-of', AS_OF]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: .*Lead\.csv/);
  });

  it('exits 1 naming the file, the line and the value of a malformed row', async () => {
    const copy = await copyOfFolder();
    await editFile(path.join(copy, 'LoginHistory.csv'), (text) => {
      const lines = text.split('\n');
      lines[4] = lines[4].replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/, '"yesterday"');
      return lines.join('\n');
    });
    const run = await runAdoption(['report', '--data', copy, '--as-of', AS_OF]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: .*LoginHistory\.csv line 5\b.*"yesterday"/);
  });

  it('exits 2 on bad usage, naming the valid KPI ids', async () => {
    const unknown = await runAdoption(['report', '--data', dir, '--kpi', 'login.rate.7days']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(
      /^Error: Unknown KPI id "login\.rate\.7days" in --kpi\. Valid ids: login\.rate\.7d, login\.rate\.30d, /
    );
    const noSource = await runAdoption(['report', '--period', '7']);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toMatch(/^Error: Name the data: --target-org/);
  });
});
