/**
 * The `adoption` command line, parsed strictly (node:util parseArgs): an unknown option, a bad
 * value, a missing or doubled source or an unknown KPI id is a UsageError (exit code 2) whose
 * message says what to type instead. Defaults follow issue 6 and the KPI catalog.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_KPI_OPTIONS,
  KPI_CATALOG
} from '../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';

export const COMMANDS = ['report', 'export'] as const;
export type Command = (typeof COMMANDS)[number];

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** Where the data comes from: exactly one per run. */
export type SourceChoice =
  | { kind: 'data'; dir: string }
  | { kind: 'targetOrg'; targetOrg: string }
  | { kind: 'instanceUrl'; instanceUrl: string; accessToken: string };

export interface CliOptions {
  command: Command;
  source: SourceChoice;
  asOf: Date;
  timeZone: string;
  regionField: string;
  periodDays: number;
  staleDays: number;
  abandonedDays: number;
  format: Format;
  /** A file to write instead of stdout. */
  output?: string;
  /** The KPI ids asked for with --kpi, in catalog order; null for every KPI. */
  kpis: string[] | null;
}

/** Bad command-line input: reported with exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const ACCESS_TOKEN_ENV = 'SF_ACCESS_TOKEN';
export const DEFAULT_REGION_FIELD = 'Division';
/** Day thresholds above ten years are typing mistakes, not settings (as in Adoption Settings). */
export const MAX_DAYS = 3650;

export const HELP = `adoption — the CRM adoption KPIs of the dashboard, from a live org or from CSV exports.

Usage:
  adoption report (--target-org <alias|username> | --instance-url <url> | --data <dir>) [options]
  adoption export (--target-org <alias|username> | --instance-url <url> | --data <dir>) [options]

Commands:
  report    every KPI of the catalog that the data allows, as a table, JSON, CSV or Markdown
  export    one row per population user (role, region, last login, logins, active days,
            records created, past-due tasks) for a spreadsheet

Source (exactly one):
  --target-org <alias|username>  a live org, with the Salesforce CLI's stored login (sf org login web)
  --instance-url <url>           a live org at this URL, with the access token in ${ACCESS_TOKEN_ENV}
  --data <dir>                   a folder of CSV exports: User.csv, LoginHistory.csv, Opportunity.csv,
                                 Lead.csv, Task.csv (required); Account.csv, Contact.csv, Case.csv,
                                 OpportunityFieldHistory.csv, DuplicateRecordItem.csv (optional)

Options:
  --as-of <instant>         ISO-8601 instant the KPIs are computed at (default: now), e.g. 2026-11-23T12:00:00Z
  --time-zone <IANA>        calendar dates (close dates, due dates, active days) in this zone (default UTC)
  --region-field <field>    the User field that is the region (default ${DEFAULT_REGION_FIELD})
  --period <days>           the period of logins, records created and win rate (default ${DEFAULT_KPI_OPTIONS.periodDays})
  --stale-days <days>       opps.neglected.stale: no activity and no change for this long (default ${DEFAULT_KPI_OPTIONS.staleDays})
  --abandoned-days <days>   leads.abandoned: no activity for this long (default ${DEFAULT_KPI_OPTIONS.abandonedDays})
  --format <format>         table, json, csv or markdown (default table; export: csv)
  --json                    the same as --format json
  --output <file>           write to this file instead of standard output
  --kpi <id,...>            only these KPIs (report), e.g. login.rate.7d,tasks.pastDue
  -h, --help                show this help

Examples:
  adoption report --target-org my-org
  adoption report --data ./export --as-of 2026-11-23T12:00:00Z --format markdown
  adoption report --target-org my-org --json --output adoption.json
  adoption report --data ./export --kpi login.rate.7d,login.leaderboard --period 30
  SF_ACCESS_TOKEN=00D… adoption report --instance-url https://example.my.salesforce.com
  adoption export --target-org my-org --region-field Country --output people.csv

Exit codes: 0 done, 1 failed (the message says what to do next), 2 bad usage.
`;

const OPTIONS = {
  'target-org': { type: 'string' },
  'instance-url': { type: 'string' },
  data: { type: 'string' },
  'as-of': { type: 'string' },
  'time-zone': { type: 'string' },
  'region-field': { type: 'string' },
  period: { type: 'string' },
  'stale-days': { type: 'string' },
  'abandoned-days': { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  output: { type: 'string' },
  kpi: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

function days(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(value) || value < 1 || value > MAX_DAYS) {
    throw new UsageError(
      `--${name} must be a whole number of days from 1 to ${MAX_DAYS}; got "${text}".`
    );
  }
  return value;
}

/** An instant needs its offset: "2026-11-23T12:00" alone would depend on this machine's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function asOf(text: string | undefined, now: Date): Date {
  if (text === undefined) return now;
  const instant = new Date(text);
  if (!INSTANT.test(text) || Number.isNaN(instant.getTime())) {
    throw new UsageError(
      `--as-of must be an ISO-8601 instant with its offset, e.g. 2026-11-23T12:00:00Z; got "${text}".`
    );
  }
  return instant;
}

function timeZone(text: string | undefined): string {
  if (text === undefined) return DEFAULT_KPI_OPTIONS.timeZone;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(
      `--time-zone must be an IANA time zone such as UTC or Europe/Paris; got "${text}".`
    );
  }
}

function regionField(text: string | undefined): string {
  if (text === undefined) return DEFAULT_REGION_FIELD;
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(text)) {
    throw new UsageError(
      `--region-field must be a User field's API name such as Division, Country or Region__c; got "${text}".`
    );
  }
  return text;
}

function format(values: Values, command: Command): Format {
  const fallback: Format = command === 'export' ? 'csv' : 'table';
  if (values.json && values.format !== undefined && values.format !== 'json') {
    throw new UsageError(`--json and --format ${values.format} contradict each other: pick one.`);
  }
  if (values.json) return 'json';
  if (values.format === undefined) return fallback;
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format must be ${FORMATS.join(', ')}; got "${values.format}".`);
  }
  return values.format as Format;
}

/** The --kpi ids in catalog order; an unknown id is named together with every valid one. */
function kpis(text: string | undefined, command: Command): string[] | null {
  if (text === undefined) return null;
  if (command === 'export') {
    throw new UsageError(
      '--kpi applies to `adoption report`; `export` always writes every column.'
    );
  }
  const wanted = text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const valid = KPI_CATALOG.map((definition) => definition.id);
  const unknown = wanted.filter((id) => !valid.includes(id));
  if (wanted.length === 0 || unknown.length > 0) {
    const what =
      unknown.length > 0
        ? `Unknown KPI id ${unknown.map((id) => `"${id}"`).join(', ')}`
        : 'No KPI id';
    throw new UsageError(`${what} in --kpi. Valid ids: ${valid.join(', ')}.`);
  }
  return valid.filter((id) => wanted.includes(id));
}

function source(values: Values, env: Readonly<Record<string, string | undefined>>): SourceChoice {
  const given = (['target-org', 'instance-url', 'data'] as const).filter(
    (name) => values[name] !== undefined
  );
  if (given.length !== 1) {
    throw new UsageError(
      given.length === 0
        ? 'Name the data: --target-org <alias>, --instance-url <url> (token in SF_ACCESS_TOKEN) or --data <folder of CSV files>.'
        : `Use one source, not ${given.map((name) => `--${name}`).join(' and ')}.`
    );
  }
  const value = (values[given[0]] as string).trim();
  if (value === '') throw new UsageError(`--${given[0]} needs a value.`);
  if (given[0] === 'data') return { kind: 'data', dir: value };
  if (given[0] === 'target-org') return { kind: 'targetOrg', targetOrg: value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `--instance-url must be a URL such as https://example.my.salesforce.com; got "${value}".`
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--instance-url must be an https URL; got "${value}".`);
  }
  const accessToken = env[ACCESS_TOKEN_ENV]?.trim();
  if (!accessToken) {
    throw new UsageError(
      `--instance-url needs the access token in the ${ACCESS_TOKEN_ENV} environment variable (for example from \`sf org display --target-org <alias>\`), or use --target-org.`
    );
  }
  return { kind: 'instanceUrl', instanceUrl: value.replace(/\/+$/, ''), accessToken };
}

/**
 * Parses argv (without node and the script). Returns 'help' for -h/--help/help. `now` is the
 * default as-of instant; `env` supplies SF_ACCESS_TOKEN.
 */
export function parseOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  now: Date
): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return 'help';
  if (positionals.length === 0) {
    throw new UsageError('Name a command: `adoption report …` or `adoption export …`.');
  }
  const [command, ...extra] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`Unknown command "${command}": use report or export.`);
  }
  if (extra.length > 0) {
    throw new UsageError(`Unexpected argument "${extra[0]}": options start with --.`);
  }
  const chosen = command as Command;
  if (values.output !== undefined && values.output.trim() === '') {
    throw new UsageError('--output needs a file name.');
  }
  return {
    command: chosen,
    source: source(values, env),
    asOf: asOf(values['as-of'], now),
    timeZone: timeZone(values['time-zone']),
    regionField: regionField(values['region-field']),
    periodDays: days('period', values.period, DEFAULT_KPI_OPTIONS.periodDays),
    staleDays: days('stale-days', values['stale-days'], DEFAULT_KPI_OPTIONS.staleDays),
    abandonedDays: days(
      'abandoned-days',
      values['abandoned-days'],
      DEFAULT_KPI_OPTIONS.abandonedDays
    ),
    format: format(values, chosen),
    output: values.output,
    kpis: kpis(values.kpi, chosen)
  };
}
