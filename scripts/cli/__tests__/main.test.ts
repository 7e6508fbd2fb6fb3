import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../main';
import type { CliIo } from '../main';
import { HELP } from '../options';
import type { SourceChoice } from '../options';
import type { DataSource } from '../source';
import { memorySource } from './memorySource';
import type { MemorySource } from './memorySource';
import { smallOrg } from './smallOrg';

interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
  opened: SourceChoice[];
}

function capture(source: DataSource | Error, options: Partial<CliIo> = {}): Captured {
  let out = '';
  let err = '';
  const opened: SourceChoice[] = [];
  return {
    io: {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      env: {},
      isTTY: false,
      now: () => new Date('2026-11-23T12:00:00.000Z'),
      openSource: async (choice) => {
        opened.push(choice);
        if (source instanceof Error) throw source;
        return source;
      },
      ...options
    },
    stdout: () => out,
    stderr: () => err,
    opened
  };
}

describe('adoption run()', () => {
  it('prints the help with exit code 0', async () => {
    const cli = capture(memorySource(smallOrg()));
    expect(await run(['--help'], cli.io)).toBe(0);
    expect(cli.stdout()).toBe(HELP);
    expect(cli.opened).toEqual([]);
  });

  it('exits 2 on bad usage, naming the problem and where the help is', async () => {
    const cli = capture(memorySource(smallOrg()));
    expect(await run(['report', '--data', 'x', '--kpi', 'nope'], cli.io)).toBe(2);
    expect(cli.stderr()).toMatch(
      /^Error: Unknown KPI id "nope" in --kpi\. Valid ids: login\.rate\.7d, /
    );
    expect(cli.stderr()).toMatch(/\nSee `adoption --help` for the options and examples\.\n$/);
    expect(cli.stdout()).toBe('');
    expect(cli.opened).toEqual([]);
  });

  it('writes exactly one JSON document, nothing on stderr, and closes the source', async () => {
    const source = memorySource(smallOrg());
    const cli = capture(source, { isTTY: true });
    expect(await run(['report', '--data', './export', '--json'], cli.io)).toBe(0);
    const document = JSON.parse(cli.stdout());
    expect(document.asOf).toBe('2026-11-23T12:00:00.000Z');
    expect(document.population).toBe(3);
    expect(document.kpis['login.rate.7d'].numerator).toBe(1);
    expect(cli.stderr()).toBe('');
    expect(cli.opened).toEqual([{ kind: 'data', dir: './export' }]);
    expect(source.closed).toBe(true);
  });

  it('writes --output to a file and nothing to stdout', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'adoption-main-'));
    try {
      const file = path.join(dir, 'report.md');
      const cli = capture(memorySource(smallOrg()), { isTTY: true });
      expect(
        await run(
          ['report', '--target-org', 'me', '--format', 'markdown', '--output', file],
          cli.io
        )
      ).toBe(0);
      expect(cli.stdout()).toBe('');
      expect(cli.stderr()).toBe(`Wrote ${file}\n`);
      const text = await readFile(file, 'utf8');
      expect(text.startsWith('# Adoption report\n')).toBe(true);
      expect(text).toContain('| tasks.pastDue | Past-due tasks | 1 |  |  |');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says on stderr what a CSV report skipped, since CSV has no room for notes', async () => {
    const cli = capture(memorySource(smallOrg()));
    expect(
      await run(
        ['report', '--data', 'x', '--format', 'csv', '--kpi', 'cases.aged,tasks.open'],
        cli.io
      )
    ).toBe(0);
    expect(cli.stdout()).toBe(
      'kpi,label,value,numerator,denominator\r\ntasks.open,Open tasks,2,,\r\n'
    );
    expect(cli.stderr()).toBe('Note: Case.csv not found in ./export. Skipped KPIs: cases.aged.\n');
  });

  it('exports the per-user table as CSV by default', async () => {
    const cli = capture(memorySource(smallOrg()));
    expect(await run(['export', '--data', 'x'], cli.io)).toBe(0);
    expect(cli.stdout().split('\r\n')[0]).toBe(
      'userId,name,role,region,lastLogin,logins,activeDays,recordsCreated,pastDueTasks'
    );
    expect(cli.stdout().split('\r\n')).toHaveLength(5);
  });

  it('exits 1 with the source’s message when reading fails, and still closes the source', async () => {
    const source: MemorySource = memorySource(smallOrg());
    source.forEachLogin = async () => {
      throw new Error('LoginHistory.csv line 7: LoginTime "yesterday" is not an ISO-8601 instant.');
    };
    const cli = capture(source);
    expect(await run(['report', '--data', 'x'], cli.io)).toBe(1);
    expect(cli.stderr()).toBe(
      'Error: LoginHistory.csv line 7: LoginTime "yesterday" is not an ISO-8601 instant.\n'
    );
    expect(cli.stdout()).toBe('');
    expect(source.closed).toBe(true);
  });

  it('exits 1 when the source cannot be opened', async () => {
    const cli = capture(new Error('Cannot use the org "x": run `sf org login web --alias x`.'));
    expect(await run(['report', '--target-org', 'x'], cli.io)).toBe(1);
    expect(cli.stderr()).toBe('Error: Cannot use the org "x": run `sf org login web --alias x`.\n');
  });
});
