import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HELP, parseDemoArgs, runDemoCli } from '../command';
import { demoDigest } from '../csv';
import { generateDemoOrg } from '../generate';

function capture(): {
  io: { out(text: string): void; err(text: string): void };
  out: string[];
  err: string[];
} {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text) => out.push(text), err: (text) => err.push(text) }, out, err };
}

describe('parseDemoArgs', () => {
  it('has defaults and reads every option', () => {
    expect(parseDemoArgs([])).toEqual({
      users: 1000,
      seed: 42,
      asOf: new Date('2026-11-23T12:00:00.000Z'),
      timeZone: 'UTC',
      out: undefined,
      json: false
    });
    expect(
      parseDemoArgs([
        '--users',
        '50000',
        '--seed=-7',
        '--out',
        'csv',
        '--as-of',
        '2026-12-31T17:00:00+01:00',
        '--time-zone',
        'Europe/Paris',
        '--json'
      ])
    ).toEqual({
      users: 50000,
      seed: -7,
      asOf: new Date('2026-12-31T16:00:00.000Z'),
      timeZone: 'Europe/Paris',
      out: 'csv',
      json: true
    });
    expect(parseDemoArgs(['-h'])).toBeUndefined();
  });

  it.each([
    [['--users', '49'], '--users must be from 50 to 50000 (got 49)'],
    [['--users', '50001'], '--users must be from 50 to 50000 (got 50001)'],
    [['--users', '2.5'], '--users must be an integer (got "2.5")'],
    [['--seed', 'abc'], '--seed must be an integer (got "abc")'],
    [['--as-of', 'yesterday'], '--as-of must be an ISO-8601 date or date-time (got "yesterday")'],
    [['--as-of', '2026-02-30T25:00:00Z'], '--as-of is not a valid date'],
    [['--time-zone', 'Nowhere/City'], 'Unknown time zone "Nowhere/City"'],
    [['--out', ''], '--out needs a directory'],
    [['--colour'], "Unknown option '--colour'"],
    [['extra'], 'Unexpected argument']
  ])('rejects %p', (argv, message) => {
    expect(() => parseDemoArgs(argv)).toThrow(message);
  });
});

describe('runDemoCli', () => {
  it('prints help', async () => {
    const { io, out } = capture();
    await expect(runDemoCli(['--help'], io)).resolves.toBe(0);
    expect(out.join('\n')).toBe(HELP);
    expect(HELP).toContain('npm run demo -- --users 50000 --seed 42');
  });

  it('exits with 2 and says what to do on bad options', async () => {
    const { io, out, err } = capture();
    await expect(runDemoCli(['--users', '49'], io)).resolves.toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('--users must be from 50 to 50000');
    expect(err.join('\n')).toContain('Run with --help');
  });

  it('prints counts, digest and timings as JSON', async () => {
    const { io, out, err } = capture();
    await expect(runDemoCli(['--users', '50', '--seed', '42', '--json'], io)).resolves.toBe(0);
    expect(err).toEqual([]);
    const result = JSON.parse(out.join('\n'));
    const org = generateDemoOrg({ users: 50, seed: 42 });
    expect(result.digest).toBe(demoDigest(org));
    expect(result.counts.User).toBe(50);
    expect(result.counts.LoginHistory).toBe(org.tables.LoginHistory.size);
    expect(result.runningUserId).toBe(org.runningUserId);
    expect(result.seconds.total).toBeGreaterThanOrEqual(0);
    expect(result.peakRssMb).toBeGreaterThan(0);
  });

  it('writes the CSV files and reports progress', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'demo-cli-'));
    try {
      const { io, out, err } = capture();
      const code = await runDemoCli(['--users', '50', '--out', path.join(dir, 'csv')], io);
      expect(code).toBe(0);
      expect(err.join('\n')).toContain('Writing CSV files to');
      const text = out.join('\n');
      expect(text).toMatch(/LoginHistory\s+[\d,]+/);
      expect(text).toMatch(/Digest \(sha256\): [0-9a-f]{64}/);
      expect(text).toContain('CSV: 13 files');
      expect((await readdir(path.join(dir, 'csv'))).sort()).toContain('LoginHistory.csv');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits with 1 when the output cannot be written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'demo-cli-'));
    try {
      const file = path.join(dir, 'not-a-directory');
      await writeFile(file, 'x');
      const { io, err } = capture();
      await expect(runDemoCli(['--users', '50', '--out', file], io)).resolves.toBe(1);
      expect(err.join('\n')).toContain('demo failed:');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
