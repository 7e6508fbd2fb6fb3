/** Options of `npm start`, parsed strictly: an unknown or malformed option is a usage error. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm start -- [options]

Serves the Adoption Dashboard on http://127.0.0.1 with a generated demo org.

Options:
  --users <n>          demo org size, 50 to 50000 (default 500)
  --seed <n>           demo org seed; the same seed gives the same org (default 42)
  --port <n>           port on 127.0.0.1 (default 3000; 0 picks a free one)
  --as <viewer>        who views the demo org: rep (a Sales Rep: own activity), manager (a
                       Regional Sales Manager: team and region) or admin (everything and the
                       settings; default)
  --settings <file>    the Adoption Settings as JSON, field API names as keys
                       (default config/demo-settings.json)
  --apex <backend>     who answers the components' Apex calls: runtime (the package's own
                       @AuraEnabled methods in the local Apex runtime; default) or gateway
                       (their TypeScript twin, which ignores record sharing)
  --target-org <alias> read a real org instead, with the Salesforce CLI's stored login
  --help               show this help

Examples:
  npm start
  npm start -- --users 50000 --seed 7
  npm start -- --as rep --settings my-settings.json
  npm start -- --apex gateway --as manager
  npm start -- --target-org my-sandbox`;

export const VIEWERS = ['rep', 'manager', 'admin'] as const;
export type Viewer = (typeof VIEWERS)[number];

export const APEX_BACKENDS = ['runtime', 'gateway'] as const;
export type ApexBackendName = (typeof APEX_BACKENDS)[number];

export interface PreviewOptions {
  users: number;
  seed: number;
  port: number;
  viewer: Viewer;
  apex: ApexBackendName;
  /** A settings file; undefined = config/demo-settings.json. */
  settingsFile?: string;
  targetOrg?: string;
}

export class UsageError extends Error {}

function integer(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got "${value}".`);
  }
  return parsed;
}

function viewer(value: string | undefined): Viewer {
  if (value === undefined) return 'admin';
  if (!(VIEWERS as readonly string[]).includes(value)) {
    throw new UsageError(`--as must be rep, manager or admin; got "${value}".`);
  }
  return value as Viewer;
}

function apexBackend(value: string | undefined): ApexBackendName {
  if (value === undefined) return 'runtime';
  if (!(APEX_BACKENDS as readonly string[]).includes(value)) {
    throw new UsageError(`--apex must be runtime or gateway; got "${value}".`);
  }
  return value as ApexBackendName;
}

export function parsePreviewOptions(argv: string[]): PreviewOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        users: { type: 'string' },
        seed: { type: 'string' },
        port: { type: 'string' },
        as: { type: 'string' },
        settings: { type: 'string' },
        apex: { type: 'string' },
        'target-org': { type: 'string' },
        help: { type: 'boolean' }
      },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  return {
    users: integer(values.users, 'users', 500, 50, 50_000),
    seed: integer(values.seed, 'seed', 42, 0, 2 ** 31 - 1),
    port: integer(values.port, 'port', 3000, 0, 65_535),
    viewer: viewer(values.as),
    apex: apexBackend(values.apex),
    settingsFile: values.settings,
    targetOrg: values['target-org']
  };
}
