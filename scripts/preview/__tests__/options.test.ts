import { UsageError, parsePreviewOptions } from '../options';

describe('npm start options', () => {
  it('defaults to a 500-user demo org with seed 42 on port 3000', () => {
    expect(parsePreviewOptions([])).toEqual({
      users: 500,
      seed: 42,
      port: 3000,
      viewer: 'admin',
      apex: 'runtime',
      settingsFile: undefined,
      targetOrg: undefined
    });
  });

  it('reads every option', () => {
    expect(
      parsePreviewOptions([
        '--users',
        '50000',
        '--seed',
        '7',
        '--port',
        '0',
        '--as',
        'rep',
        '--settings',
        'my-settings.json',
        '--target-org',
        'sandbox'
      ])
    ).toEqual({
      users: 50_000,
      seed: 7,
      port: 0,
      viewer: 'rep',
      apex: 'runtime',
      settingsFile: 'my-settings.json',
      targetOrg: 'sandbox'
    });
    expect(parsePreviewOptions(['--as', 'manager'])).toMatchObject({ viewer: 'manager' });
    expect(parsePreviewOptions(['--help'])).toBe('help');
    expect(parsePreviewOptions(['--apex', 'gateway'])).toMatchObject({ apex: 'gateway' });
  });

  it('names the bad option and the allowed range', () => {
    expect(() => parsePreviewOptions(['--users', '10'])).toThrow(
      new UsageError('--users must be a whole number from 50 to 50000; got "10".')
    );
    expect(() => parsePreviewOptions(['--port', 'http'])).toThrow(
      '--port must be a whole number from 0 to 65535; got "http".'
    );
    expect(() => parsePreviewOptions(['--as', 'ceo'])).toThrow(
      '--as must be rep, manager or admin; got "ceo".'
    );
    expect(() => parsePreviewOptions(['--colour', 'red'])).toThrow(UsageError);
    expect(() => parsePreviewOptions(['--apex', 'cloud'])).toThrow(UsageError);
    expect(() => parsePreviewOptions(['extra'])).toThrow(UsageError);
  });
});
