import { HELP, UsageError, parseOptions } from '../options';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const parse = (argv: string[], env: Record<string, string> = {}) => parseOptions(argv, env, NOW);

function usageError(argv: string[], env: Record<string, string> = {}): string {
  try {
    parse(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('adoption options', () => {
  it('defaults to now, UTC, Division, 7/30/14 days and a table of every KPI', () => {
    expect(parse(['report', '--data', './export'])).toEqual({
      command: 'report',
      source: { kind: 'data', dir: './export' },
      asOf: NOW,
      timeZone: 'UTC',
      regionField: 'Division',
      periodDays: 7,
      staleDays: 30,
      abandonedDays: 14,
      format: 'table',
      output: undefined,
      kpis: null
    });
    expect(parse(['export', '--target-org', 'my-org'])).toMatchObject({
      command: 'export',
      source: { kind: 'targetOrg', targetOrg: 'my-org' },
      format: 'csv'
    });
  });

  it('reads every option', () => {
    expect(
      parse(
        [
          'report',
          '--instance-url',
          'https://example.my.salesforce.com/',
          '--as-of',
          '2026-06-30T17:00:00+02:00',
          '--time-zone',
          'Europe/Paris',
          '--region-field',
          'Region__c',
          '--period',
          '30',
          '--stale-days',
          '60',
          '--abandoned-days',
          '21',
          '--format',
          'markdown',
          '--output',
          'out.md',
          '--kpi',
          'tasks.pastDue, login.rate.7d'
        ],
        { SF_ACCESS_TOKEN: '00Dxx!token' }
      )
    ).toEqual({
      command: 'report',
      source: {
        kind: 'instanceUrl',
        instanceUrl: 'https://example.my.salesforce.com',
        accessToken: '00Dxx!token'
      },
      asOf: new Date('2026-06-30T15:00:00.000Z'),
      timeZone: 'Europe/Paris',
      regionField: 'Region__c',
      periodDays: 30,
      staleDays: 60,
      abandonedDays: 21,
      format: 'markdown',
      output: 'out.md',
      // Catalog order, whatever order they were typed in.
      kpis: ['login.rate.7d', 'tasks.pastDue']
    });
    expect(parse(['report', '--data', 'x', '--json'])).toMatchObject({ format: 'json' });
    expect(parse(['report', '--data', 'x', '--json', '--format', 'json'])).toMatchObject({
      format: 'json'
    });
  });

  it('answers help in the sf way, with examples', () => {
    expect(parse(['--help'])).toBe('help');
    expect(parse(['report', '-h'])).toBe('help');
    expect(parse(['help'])).toBe('help');
    expect(HELP).toContain('Examples:\n  adoption report --target-org my-org\n');
    expect(HELP).toContain('--kpi <id,...>');
    expect(HELP).toContain('Exit codes: 0 done, 1 failed');
  });

  it('names the valid KPI ids when one is unknown', () => {
    const message = usageError(['report', '--data', 'x', '--kpi', 'login.rate.7d,logins.rate']);
    expect(message).toMatch(
      /^Unknown KPI id "logins.rate" in --kpi\. Valid ids: login\.rate\.7d, login\.rate\.30d, /
    );
    expect(message).toContain('pipeline.late.');
    expect(usageError(['report', '--data', 'x', '--kpi', ' , '])).toMatch(/^No KPI id in --kpi/);
    expect(usageError(['export', '--data', 'x', '--kpi', 'login.rate.7d'])).toBe(
      '--kpi applies to `adoption report`; `export` always writes every column.'
    );
  });

  it('wants exactly one source, and the token for --instance-url', () => {
    expect(usageError(['report'])).toBe(
      'Name the data: --target-org <alias>, --instance-url <url> (token in SF_ACCESS_TOKEN) or --data <folder of CSV files>.'
    );
    expect(usageError(['report', '--data', 'x', '--target-org', 'y'])).toBe(
      'Use one source, not --target-org and --data.'
    );
    expect(usageError(['report', '--data', ' '])).toBe('--data needs a value.');
    expect(usageError(['report', '--instance-url', 'https://x.my.salesforce.com'])).toMatch(
      /^--instance-url needs the access token in the SF_ACCESS_TOKEN environment variable/
    );
    expect(usageError(['report', '--instance-url', 'not a url'], { SF_ACCESS_TOKEN: 't' })).toBe(
      '--instance-url must be a URL such as https://example.my.salesforce.com; got "not a url".'
    );
    expect(usageError(['report', '--instance-url', 'ftp://x'], { SF_ACCESS_TOKEN: 't' })).toBe(
      '--instance-url must be an https URL; got "ftp://x".'
    );
  });

  it('rejects bad values with what to type instead', () => {
    expect(usageError([])).toBe('Name a command: `adoption report …` or `adoption export …`.');
    expect(usageError(['reprot', '--data', 'x'])).toBe(
      'Unknown command "reprot": use report or export.'
    );
    expect(usageError(['report', 'extra', '--data', 'x'])).toBe(
      'Unexpected argument "extra": options start with --.'
    );
    expect(usageError(['report', '--data', 'x', '--colour', 'red'])).toMatch(/colour/);
    expect(usageError(['report', '--data', 'x', '--period', '0'])).toBe(
      '--period must be a whole number of days from 1 to 3650; got "0".'
    );
    expect(usageError(['report', '--data', 'x', '--stale-days', '2.5'])).toMatch(/^--stale-days/);
    expect(usageError(['report', '--data', 'x', '--abandoned-days', '9999'])).toMatch(
      /^--abandoned-days must be a whole number of days from 1 to 3650/
    );
    expect(usageError(['report', '--data', 'x', '--as-of', '2026-11-23T12:00:00'])).toBe(
      '--as-of must be an ISO-8601 instant with its offset, e.g. 2026-11-23T12:00:00Z; got "2026-11-23T12:00:00".'
    );
    expect(usageError(['report', '--data', 'x', '--as-of', '2026-13-45T12:00:00Z'])).toMatch(
      /^--as-of/
    );
    expect(usageError(['report', '--data', 'x', '--time-zone', 'Mars/Olympus'])).toBe(
      '--time-zone must be an IANA time zone such as UTC or Europe/Paris; got "Mars/Olympus".'
    );
    expect(usageError(['report', '--data', 'x', '--region-field', 'User.Division'])).toMatch(
      /^--region-field must be a User field's API name/
    );
    expect(usageError(['report', '--data', 'x', '--format', 'xml'])).toBe(
      '--format must be table, json, csv, markdown; got "xml".'
    );
    expect(usageError(['report', '--data', 'x', '--json', '--format', 'csv'])).toBe(
      '--json and --format csv contradict each other: pick one.'
    );
    expect(usageError(['report', '--data', 'x', '--output', ''])).toBe(
      '--output needs a file name.'
    );
  });
});
