import type { AuraResponse, AuraUsage } from '../../apex-runtime/aura/auraRequest';
import { brokenLimits, failures, formatTable, outcomeOf, peaks } from '../apexReport';
import type { CallMeasure } from '../apexReport';

const USAGE: AuraUsage = {
  soqlQueries: 5,
  queryRows: 2_727,
  dmlStatements: 0,
  dmlRows: 0,
  statements: 45_103,
  responseBytes: 26_746,
  durationMs: 976.6
};

function measure(
  overrides: Partial<CallMeasure> = {},
  usage: Partial<AuraUsage> = {}
): CallMeasure {
  return {
    step: 1,
    viewer: 'admin',
    call: 'getLoginLeaderboard(7)',
    outcome: { kind: 'ok' },
    usage: { ...USAGE, ...usage },
    ...overrides
  };
}

function failedResponse(
  kind: 'handled' | 'unhandled' | 'unsupported',
  message: string,
  exceptionType?: string
): AuraResponse {
  return {
    ok: false,
    error: { kind, status: kind === 'handled' ? 400 : 500, body: { message, exceptionType } },
    usage: USAGE
  };
}

describe('outcomeOf', () => {
  it('should be ok when the call returned a value', () => {
    expect(outcomeOf({ ok: true, value: {}, usage: USAGE })).toEqual({ kind: 'ok' });
  });

  it('should be a refusal when the controller threw an AuraHandledException', () => {
    expect(outcomeOf(failedResponse('handled', 'You can see only your own activity.'))).toEqual({
      kind: 'refused',
      message: 'You can see only your own activity.'
    });
  });

  it('should be a limit when a System.LimitException left the method', () => {
    expect(
      outcomeOf(failedResponse('unhandled', 'Too many query rows: 50001', 'System.LimitException'))
    ).toEqual({ kind: 'limit', message: 'Too many query rows: 50001' });
    expect(outcomeOf(failedResponse('unhandled', 'CPU', 'LimitException')).kind).toBe('limit');
  });

  it('should be an error for any other exception or an unsupported feature', () => {
    expect(
      outcomeOf(
        failedResponse('unhandled', 'Attempt to de-reference a null object', 'NullPointerException')
      )
    ).toEqual({
      kind: 'error',
      message: 'unhandled NullPointerException: Attempt to de-reference a null object'
    });
    expect(outcomeOf(failedResponse('unsupported', 'Database.queryLocator'))).toEqual({
      kind: 'error',
      message: 'unsupported Database.queryLocator'
    });
  });
});

describe('brokenLimits', () => {
  it('should accept usage at the limits', () => {
    expect(
      brokenLimits({
        ...USAGE,
        soqlQueries: 100,
        queryRows: 50_000,
        dmlStatements: 150,
        dmlRows: 10_000
      })
    ).toEqual([]);
  });

  it('should name each limit the usage exceeds', () => {
    expect(
      brokenLimits({
        ...USAGE,
        soqlQueries: 101,
        queryRows: 50_001,
        dmlStatements: 151,
        dmlRows: 10_001
      })
    ).toEqual([
      'SOQL queries 101 > 100',
      'query rows 50,001 > 50,000',
      'DML statements 151 > 150',
      'DML rows 10,001 > 10,000'
    ]);
  });
});

describe('failures', () => {
  it('should pass a value and a documented refusal within the limits', () => {
    expect(failures(measure())).toEqual([]);
    expect(failures(measure({ outcome: { kind: 'refused', message: 'No.' } }))).toEqual([]);
  });

  it('should fail a refusal that came after a broken limit', () => {
    expect(
      failures(measure({ outcome: { kind: 'refused', message: 'No.' } }, { queryRows: 60_000 }))
    ).toEqual(['query rows 60,000 > 50,000']);
  });

  it('should fail a LimitException once, by its counter or else by its message', () => {
    const limit = { kind: 'limit', message: 'Apex CPU time limit exceeded' } as const;
    expect(failures(measure({ outcome: limit }, { queryRows: 50_001 }))).toEqual([
      'query rows 50,001 > 50,000'
    ]);
    expect(failures(measure({ outcome: limit }))).toEqual(['Apex CPU time limit exceeded']);
  });

  it('should fail an unexpected error', () => {
    expect(failures(measure({ outcome: { kind: 'error', message: 'unhandled X: y' } }))).toEqual([
      'unhandled X: y'
    ]);
  });
});

describe('formatTable', () => {
  const measures = [
    measure({ step: 1, viewer: 'rep', call: 'getLoginSummary()' }),
    measure({ step: 2, viewer: 'rep', outcome: { kind: 'refused', message: 'Choose a period.' } }),
    measure({ step: 3, viewer: 'rep', call: 'getLoginSummary()' }),
    measure({ step: 1, viewer: 'admin', call: 'getLoginSummary()' }, { queryRows: 50_001 }),
    measure({
      step: 2,
      viewer: 'admin',
      outcome: { kind: 'refused', message: 'Choose a period.' }
    }),
    measure({ step: 3, viewer: 'admin', call: 'getLoginSummary()' })
  ];
  const lines = formatTable('== 200 users', measures).split('\n');

  it('should print the title, the header and a row per call and viewer, grouped by call', () => {
    expect(lines[0]).toBe('== 200 users');
    expect(lines[1]).toMatch(
      /^#\s+call\s+viewer\s+SOQL\s+query rows\s+DML\s+DML rows\s+statements\s+bytes\s+ms\s+outcome$/
    );
    expect(lines.slice(2, 8).map((line) => line.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      '1 getLoginSummary() rep',
      '1 getLoginSummary() admin',
      '2 getLoginLeaderboard(7) rep',
      '2 getLoginLeaderboard(7) admin',
      '3 getLoginSummary() rep',
      '3 getLoginSummary() admin'
    ]);
  });

  it('should right-align figures with thousands separators and say each row’s outcome', () => {
    const header = lines[1];
    const row = lines[2];
    expect(row.indexOf('2,727') + '2,727'.length).toBe(
      header.indexOf('query rows') + 'query rows'.length
    );
    expect(row).toContain('45,103');
    expect(row).toMatch(/977 {2}ok$/);
    expect(lines[3]).toMatch(/FAIL$/);
    expect(lines[4]).toMatch(/refused$/);
  });

  it('should list failures, then each distinct refusal once', () => {
    expect(lines.slice(8)).toEqual([
      'FAIL #1 admin: getLoginSummary(): query rows 50,001 > 50,000',
      'refused: Choose a period.'
    ]);
  });
});

describe('peaks', () => {
  it('should give the largest figure of each limit', () => {
    expect(peaks([measure(), measure({}, { soqlQueries: 19, dmlStatements: 1, dmlRows: 1 })])).toBe(
      '19 SOQL queries (limit 100), 2,727 query rows (limit 50,000), 1 DML statements (limit 150), 1 DML rows (limit 10,000)'
    );
  });

  it('should give zeros when nothing was measured', () => {
    expect(peaks([])).toMatch(/^0 SOQL queries/);
  });
});
