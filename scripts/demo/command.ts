/**
 * The demo CLI's logic (cli.ts only wires it to the process): parse the options, generate the
 * org, print counts, digest and timings, and write the CSV files when asked.
 * Exit codes: 0 done, 1 failed while running, 2 bad options.
 */
import { parseArgs } from 'node:util';
import { assertTimeZone } from './calendar';
import { demoDigest, writeDemoCsv } from './csv';
import {
  DEFAULT_AS_OF,
  DEFAULT_TIME_ZONE,
  DEMO_SHAPE,
  MAX_USERS,
  MIN_USERS,
  generateDemoOrg
} from './generate';

export interface CliIo {
  /** Results (stdout). */
  out(text: string): void;
  /** Progress and errors (stderr). */
  err(text: string): void;
}

export interface DemoCliOptions {
  users: number;
  seed: number;
  asOf: Date;
  timeZone: string;
  out?: string;
  json: boolean;
}

const DEFAULT_USERS = 1000;
const DEFAULT_SEED = 42;

export const HELP = `Generate a deterministic demo Salesforce org (users, logins, CRM records).

Usage: npm run demo -- [--users N] [--seed N] [--out DIR] [--as-of ISO] [--time-zone TZ] [--json]

Options:
  --users N         number of users, ${MIN_USERS} to ${MAX_USERS} (default ${DEFAULT_USERS})
  --seed N          any integer; the same seed and options give identical data (default ${DEFAULT_SEED})
  --out DIR         also write one <Object>.csv per object into DIR (Bulk API 2.0 style)
  --as-of ISO       the instant the data ends at (default ${DEFAULT_AS_OF.toISOString()})
  --time-zone TZ    the running user's IANA time zone (default ${DEFAULT_TIME_ZONE})
  --json            print the result as JSON only
  -h, --help        show this help

Examples:
  npm run demo -- --users 50000 --seed 42
  npm run demo -- --users 500 --seed 7 --out .tmp/demo-csv
  npm run demo -- --users 2000 --as-of 2026-12-31T17:00:00Z --time-zone Europe/Paris --json

Data shape:
${Object.entries(DEMO_SHAPE)
  .map(([object, text]) => `  ${object}: ${text}`)
  .join('\n')}
`;

/** Bad command-line input: reported with exit code 2. */
export class UsageError extends Error {}

function integer(name: string, text: string): number {
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--${name} must be an integer (got "${text}")`);
  }
  return Number(text);
}

/** Parses argv (without node and the script); returns undefined when help was asked for. */
export function parseDemoArgs(argv: readonly string[]): DemoCliOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        users: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
        'time-zone': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return undefined;
  const users = values.users === undefined ? DEFAULT_USERS : integer('users', values.users);
  if (users < MIN_USERS || users > MAX_USERS) {
    throw new UsageError(`--users must be from ${MIN_USERS} to ${MAX_USERS} (got ${users})`);
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : integer('seed', values.seed);
  let asOf = DEFAULT_AS_OF;
  if (values['as-of'] !== undefined) {
    const text = values['as-of'];
    if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
      throw new UsageError(`--as-of must be an ISO-8601 date or date-time (got "${text}")`);
    }
    asOf = new Date(text);
    if (Number.isNaN(asOf.getTime())) {
      throw new UsageError(`--as-of is not a valid date (got "${text}")`);
    }
  }
  const timeZone = values['time-zone'] ?? DEFAULT_TIME_ZONE;
  try {
    assertTimeZone(timeZone);
  } catch (error) {
    throw new UsageError(`--time-zone: ${(error as Error).message}`);
  }
  if (values.out !== undefined && values.out.trim() === '') {
    throw new UsageError('--out needs a directory');
  }
  return { users, seed, asOf, timeZone, out: values.out, json: values.json };
}

const seconds = (ms: number): number => Math.round(ms / 100) / 10;
const grouped = (n: number): string => n.toLocaleString('en-US');

/** Runs the CLI; resolves to the exit code. */
export async function runDemoCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: DemoCliOptions | undefined;
  try {
    options = parseDemoArgs(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\nRun with --help for the options and examples.`);
    return 2;
  }
  if (options === undefined) {
    io.out(HELP);
    return 0;
  }
  const progress = (text: string): void => {
    if (!options.json) io.err(text);
  };
  try {
    const started = Date.now();
    progress(`Generating a demo org of ${grouped(options.users)} users (seed ${options.seed})…`);
    const org = generateDemoOrg(options);
    const generated = Date.now();
    progress('Computing the digest…');
    const digest = demoDigest(org);
    const digested = Date.now();
    let files: Awaited<ReturnType<typeof writeDemoCsv>> = [];
    if (options.out !== undefined) {
      progress(`Writing CSV files to ${options.out}…`);
      files = await writeDemoCsv(org, options.out);
    }
    const finished = Date.now();
    const counts = Object.fromEntries(
      Object.entries(org.tables).map(([name, table]) => [name, table.size])
    );
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const timings = {
      generate: seconds(generated - started),
      digest: seconds(digested - generated),
      csv: seconds(finished - digested),
      total: seconds(finished - started)
    };
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    if (options.json) {
      io.out(
        JSON.stringify(
          {
            users: options.users,
            seed: options.seed,
            asOf: org.asOf.toISOString(),
            timeZone: org.timeZone,
            runningUserId: org.runningUserId,
            counts,
            totalRows: total,
            digest,
            seconds: timings,
            peakRssMb,
            csv: files.map(({ object, file, rows, bytes }) => ({ object, file, rows, bytes }))
          },
          null,
          2
        )
      );
      return 0;
    }
    const width = Math.max(...Object.keys(counts).map((name) => name.length)) + 2;
    const lines = [
      `Demo org: ${grouped(options.users)} users, seed ${options.seed}, as of ${org.asOf.toISOString()} (${org.timeZone})`,
      ...Object.entries(counts).map(
        ([name, size]) => `  ${name.padEnd(width)}${grouped(size).padStart(12)}`
      ),
      `  ${'total'.padEnd(width)}${grouped(total).padStart(12)}`,
      `Running user: ${org.runningUserId}`,
      `Digest (sha256): ${digest}`
    ];
    if (files.length > 0) {
      const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
      lines.push(`CSV: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${options.out}`);
    }
    lines.push(
      `Took ${timings.total} s (generate ${timings.generate} s, digest ${timings.digest} s` +
        `${files.length > 0 ? `, CSV ${timings.csv} s` : ''}); peak RSS ${peakRssMb} MB`
    );
    io.out(lines.join('\n'));
    return 0;
  } catch (error) {
    io.err(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
