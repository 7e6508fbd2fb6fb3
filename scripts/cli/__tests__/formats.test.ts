import { renderCsv } from '../report/formats/csv';
import type { Grid } from '../report/formats/grid';
import { renderJson } from '../report/formats/json';
import { renderMarkdown } from '../report/formats/markdown';
import { renderTable } from '../report/formats/table';
import { renderReport } from '../report/render';
import type { ReportDocument } from '../report/reportDocument';
import { formatValue } from '../report/reportGrid';

const GRID: Grid = {
  title: ['People', 'As of today'],
  columns: [
    { key: 'name', label: 'Name' },
    { key: 'logins', label: 'Logins', numeric: true }
  ],
  rows: [
    { name: 'Ann | Bo', logins: 12 },
    { name: '=HYPERLINK("x")', logins: null },
    { name: 'Zoë, "Z"', logins: 3 }
  ],
  notes: ['Case.csv not found.']
};

const DOCUMENT: ReportDocument = {
  asOf: '2026-11-23T12:00:00.000Z',
  population: 40,
  source: 'CSV folder ./export',
  options: {
    timeZone: 'Europe/Paris',
    regionField: 'Division',
    periodDays: 7,
    staleDays: 30,
    abandonedDays: 14,
    kpis: null
  },
  notes: ['login.trend is not computed: it needs snapshots over time; use the dashboard.'],
  kpis: {
    'login.rate.7d': { value: 0.625, numerator: 25, denominator: 40 },
    'login.leaderboard': { value: 25, rows: [] },
    'login.days.active': { value: 3.4567, numerator: 86, denominator: 25 },
    'pipeline.open': { value: 1234567.891, numerator: 12 }
  }
};

describe('output formats', () => {
  it('aligns the text table, numbers to the right, with the title above and notes below', () => {
    expect(renderTable(GRID)).toBe(
      [
        'People',
        'As of today',
        '',
        'Name             Logins',
        '---------------  ------',
        'Ann | Bo             12',
        '=HYPERLINK("x")',
        'Zoë, "Z"              3',
        '',
        'Notes:',
        '  - Case.csv not found.',
        ''
      ].join('\n')
    );
    expect(renderTable({ ...GRID, title: [], notes: [] }).startsWith('Name ')).toBe(true);
  });

  it('escapes pipes in Markdown and right-aligns numeric columns', () => {
    expect(renderMarkdown(GRID)).toBe(
      [
        '# People',
        'As of today',
        '',
        '| Name | Logins |',
        '| --- | ---: |',
        '| Ann \\| Bo | 12 |',
        '| =HYPERLINK("x") |  |',
        '| Zoë, "Z" | 3 |',
        '',
        '## Notes',
        '',
        '- Case.csv not found.',
        ''
      ].join('\n')
    );
  });

  it('writes RFC 4180 CSV with keys as headers, safe from formula injection, without notes', () => {
    expect(renderCsv(GRID)).toBe(
      'name,logins\r\n' + 'Ann | Bo,12\r\n' + `"'=HYPERLINK(""x"")",\r\n` + '"Zoë, ""Z""",3\r\n'
    );
  });

  it('writes exactly one JSON document ending with a newline', () => {
    const text = renderJson(DOCUMENT);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(DOCUMENT);
  });

  it('formats each kind of KPI value for people, and keeps raw numbers in CSV', () => {
    expect(formatValue('login.rate.7d', 0.625)).toBe('62.5%');
    expect(formatValue('login.leaderboard', 1250)).toBe('1,250 ranked');
    expect(formatValue('login.days.active', 3.4567)).toBe('3.5 days');
    expect(formatValue('pipeline.open', 1234567.891)).toBe('1,234,567.89');
    expect(formatValue('tasks.pastDue', 1200)).toBe('1,200');
    expect(renderReport(DOCUMENT, 'csv')).toBe(
      'kpi,label,value,numerator,denominator\r\n' +
        'login.rate.7d,Login rate (7 days),0.625,25,40\r\n' +
        'login.leaderboard,Login leaderboard,25,,\r\n' +
        'login.days.active,Days with a login,3.4567,86,25\r\n' +
        'pipeline.open,Open pipeline,1234567.891,12,\r\n'
    );
    const table = renderReport(DOCUMENT, 'table');
    expect(table).toContain(
      'As of 2026-11-23T12:00:00.000Z (Europe/Paris), period 7 days, population 40 users, source: CSV folder ./export'
    );
    expect(table).toContain(
      'login.rate.7d      Login rate (7 days)         62.5%         25           40'
    );
    expect(renderReport(DOCUMENT, 'markdown')).toContain(
      '| pipeline.open | Open pipeline | 1,234,567.89 | 12 |  |'
    );
    expect(JSON.parse(renderReport(DOCUMENT, 'json'))).toEqual(DOCUMENT);
  });
});
