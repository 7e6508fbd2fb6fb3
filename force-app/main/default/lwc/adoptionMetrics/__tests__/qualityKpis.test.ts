import {
  accountsWithoutContact,
  duplicateRecordShare,
  gateFieldFillRate,
  isFilled,
  opportunitiesMissingAmount,
  opportunitiesMissingCloseDate
} from '../qualityKpis';
import type { KpiResult, UserDirectory } from '../kpiResult';
import type { GateFieldRecord, OpportunityQualityFields } from '../qualityRecords';

/** u3 has a blank role and region; `ghost` is missing from the directory. */
const directory: UserDirectory = new Map([
  ['u1', { role: 'Rep', region: 'EMEA' }],
  ['u2', { role: 'Manager', region: 'AMER' }],
  ['u3', { role: null, region: '  ' }]
]);

function opp(
  id: string,
  ownerId: string,
  fields: Partial<OpportunityQualityFields> = {}
): OpportunityQualityFields {
  return {
    id,
    ownerId,
    isClosed: false,
    amount: 100,
    closeDate: '2024-06-30',
    probability: 50,
    stageName: 'Prospecting',
    ...fields
  };
}

const emptySlices = { role: {}, region: {} };

function sliceNumerators(result: KpiResult, dimension: 'role' | 'region'): number {
  return Object.values(result.slices?.[dimension] ?? {}).reduce(
    (sum, slice) => sum + slice.numerator,
    0
  );
}

describe('quality.opps.missingAmount', () => {
  it('is 0 of 0 without opportunities', () => {
    expect(opportunitiesMissingAmount([], directory)).toEqual({
      id: 'quality.opps.missingAmount',
      value: 0,
      numerator: 0,
      denominator: 0,
      slices: emptySlices,
      records: []
    });
  });

  it('counts a single open opportunity without an amount', () => {
    expect(opportunitiesMissingAmount([opp('o1', 'u1', { amount: null })], directory)).toEqual({
      id: 'quality.opps.missingAmount',
      value: 1,
      numerator: 1,
      denominator: 1,
      slices: {
        role: { Rep: { value: 1, numerator: 1, denominator: 1 } },
        region: { EMEA: { value: 1, numerator: 1, denominator: 1 } }
      },
      records: ['o1']
    });
  });

  it('takes 0 as an amount, and null, undefined and NaN as missing', () => {
    const result = opportunitiesMissingAmount(
      [
        opp('zero', 'u1', { amount: 0 }),
        opp('null', 'u1', { amount: null }),
        opp('undefined', 'u1', { amount: undefined as unknown as null }),
        opp('nan', 'u1', { amount: Number.NaN })
      ],
      directory
    );
    expect(result.records).toEqual(['nan', 'null', 'undefined']);
    expect(result).toMatchObject({ value: 3, numerator: 3, denominator: 4 });
  });

  it('reads open opportunities only and slices by owner, unknown owners under (none)', () => {
    const result = opportunitiesMissingAmount(
      [
        opp('o5', 'ghost', { amount: null }),
        opp('o1', 'u1', { amount: null }),
        opp('o2', 'u1', { amount: 100 }),
        opp('o3', 'u2', { amount: null }),
        opp('o4', 'u3', { amount: 0 }),
        opp('o6', 'u1', { amount: null, isClosed: true })
      ],
      directory
    );
    expect(result).toEqual({
      id: 'quality.opps.missingAmount',
      value: 3,
      numerator: 3,
      denominator: 5,
      slices: {
        role: {
          Manager: { value: 1, numerator: 1, denominator: 1 },
          Rep: { value: 0.5, numerator: 1, denominator: 2 },
          '(none)': { value: 0.5, numerator: 1, denominator: 2 }
        },
        region: {
          AMER: { value: 1, numerator: 1, denominator: 1 },
          EMEA: { value: 0.5, numerator: 1, denominator: 2 },
          '(none)': { value: 0.5, numerator: 1, denominator: 2 }
        }
      },
      records: ['o1', 'o3', 'o5']
    });
    expect(Object.keys(result.slices?.role ?? {})).toEqual(['Manager', 'Rep', '(none)']);
    expect(sliceNumerators(result, 'role')).toBe(3);
    expect(sliceNumerators(result, 'region')).toBe(3);
  });

  it('is 0 of 0 when every opportunity is closed', () => {
    expect(
      opportunitiesMissingAmount([opp('o1', 'u1', { amount: null, isClosed: true })], directory)
    ).toMatchObject({ value: 0, numerator: 0, denominator: 0, records: [], slices: emptySlices });
  });
});

describe('quality.opps.missingCloseDate', () => {
  it('is 0 of 0 without opportunities', () => {
    expect(opportunitiesMissingCloseDate([], directory)).toEqual({
      id: 'quality.opps.missingCloseDate',
      value: 0,
      numerator: 0,
      denominator: 0,
      slices: emptySlices,
      records: []
    });
  });

  it('counts null, empty and whitespace close dates, on open and closed opportunities', () => {
    const result = opportunitiesMissingCloseDate(
      [
        opp('d', 'u1', { closeDate: '2024-01-31' }),
        opp('c', 'u1', { closeDate: null, isClosed: true }),
        opp('b', 'u2', { closeDate: '' }),
        opp('a', 'ghost', { closeDate: ' \t' })
      ],
      directory
    );
    expect(result).toEqual({
      id: 'quality.opps.missingCloseDate',
      value: 3,
      numerator: 3,
      denominator: 4,
      slices: {
        role: {
          Manager: { value: 1, numerator: 1, denominator: 1 },
          Rep: { value: 0.5, numerator: 1, denominator: 2 },
          '(none)': { value: 1, numerator: 1, denominator: 1 }
        },
        region: {
          AMER: { value: 1, numerator: 1, denominator: 1 },
          EMEA: { value: 0.5, numerator: 1, denominator: 2 },
          '(none)': { value: 1, numerator: 1, denominator: 1 }
        }
      },
      records: ['a', 'b', 'c']
    });
  });

  it('is 0 of 1 for one opportunity with a close date', () => {
    expect(opportunitiesMissingCloseDate([opp('o1', 'u1')], directory)).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 1,
      records: [],
      slices: { role: { Rep: { value: 0, numerator: 0, denominator: 1 } } }
    });
  });
});

describe('quality.accounts.noContact', () => {
  it('is 0 of 0 without accounts, whatever the contacts', () => {
    expect(accountsWithoutContact([], [{ id: 'c1', accountId: 'a1' }], directory)).toEqual({
      id: 'quality.accounts.noContact',
      value: 0,
      numerator: 0,
      denominator: 0,
      slices: emptySlices,
      records: []
    });
  });

  it('counts one account without contacts', () => {
    expect(accountsWithoutContact([{ id: 'a1', ownerId: 'u2' }], [], directory)).toEqual({
      id: 'quality.accounts.noContact',
      value: 1,
      numerator: 1,
      denominator: 1,
      slices: {
        role: { Manager: { value: 1, numerator: 1, denominator: 1 } },
        region: { AMER: { value: 1, numerator: 1, denominator: 1 } }
      },
      records: ['a1']
    });
  });

  it('ignores private contacts and contacts of other accounts; trims account Ids', () => {
    const result = accountsWithoutContact(
      [
        { id: 'a1', ownerId: 'u1' },
        { id: 'a2', ownerId: 'u2' },
        { id: 'a3', ownerId: 'ghost' },
        { id: 'a4', ownerId: 'u1' }
      ],
      [
        { id: 'c1', accountId: 'a1' },
        { id: 'c2', accountId: null },
        { id: 'c3', accountId: '  ' },
        { id: 'c4', accountId: 'zz' },
        { id: 'c5', accountId: 'a1' },
        { id: 'c6', accountId: ' a4 ' }
      ],
      directory
    );
    expect(result).toEqual({
      id: 'quality.accounts.noContact',
      value: 2,
      numerator: 2,
      denominator: 4,
      slices: {
        role: {
          Manager: { value: 1, numerator: 1, denominator: 1 },
          Rep: { value: 0, numerator: 0, denominator: 2 },
          '(none)': { value: 1, numerator: 1, denominator: 1 }
        },
        region: {
          AMER: { value: 1, numerator: 1, denominator: 1 },
          EMEA: { value: 0, numerator: 0, denominator: 2 },
          '(none)': { value: 1, numerator: 1, denominator: 1 }
        }
      },
      records: ['a2', 'a3']
    });
    expect(sliceNumerators(result, 'role')).toBe(2);
  });
});

describe('isFilled (quality.fields.fillRate)', () => {
  it.each([
    [null, false],
    [undefined, false],
    ['', false],
    ['   ', false],
    ['\t\n', false],
    ['\u00a0', false],
    [false, true],
    [true, true],
    [0, true],
    [-1, true],
    ['x', true],
    [' x ', true],
    ['0', true],
    [{ city: 'Paris' }, true]
  ])('%p is filled: %p', (value, expected) => {
    expect(isFilled(value)).toBe(expected);
  });
});

describe('quality.fields.fillRate', () => {
  const gate = ['Industry', 'Phone', 'NumberOfEmployees'];
  const record = (
    id: string,
    ownerId: string,
    fields: Record<string, unknown>
  ): GateFieldRecord => ({
    id,
    ownerId,
    fields
  });

  it('is 0 of 0 without records, per field too', () => {
    expect(gateFieldFillRate('Account', [], gate, directory)).toEqual({
      id: 'quality.fields.fillRate',
      object: 'Account',
      gateFields: gate,
      value: 0,
      numerator: 0,
      denominator: 0,
      fields: {
        Industry: { value: 0, numerator: 0, denominator: 0 },
        Phone: { value: 0, numerator: 0, denominator: 0 },
        NumberOfEmployees: { value: 0, numerator: 0, denominator: 0 }
      },
      slices: emptySlices,
      records: []
    });
  });

  it('is 0 of 0 without gate fields, and lists no record as incomplete', () => {
    expect(
      gateFieldFillRate('Account', [record('r1', 'u1', { Phone: '1' })], [], directory)
    ).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 0,
      gateFields: [],
      fields: {},
      records: [],
      slices: { role: { Rep: { value: 0, numerator: 0, denominator: 0 } } }
    });
  });

  it('counts filled (record, field) pairs overall, per field and per owner', () => {
    const result = gateFieldFillRate(
      'Account',
      [
        record('r4', 'u1', { Phone: '2' }),
        record('r1', 'u1', { Industry: 'Tech', Phone: '  ', NumberOfEmployees: 0 }),
        record('r2', 'u2', { Industry: null, Phone: '555', NumberOfEmployees: undefined }),
        record('r3', 'ghost', { industry: 'Retail', Phone: '1', NumberOfEmployees: 10 })
      ],
      gate,
      directory
    );
    expect(result).toEqual({
      id: 'quality.fields.fillRate',
      object: 'Account',
      gateFields: gate,
      value: 7 / 12,
      numerator: 7,
      denominator: 12,
      fields: {
        Industry: { value: 0.5, numerator: 2, denominator: 4 },
        Phone: { value: 0.75, numerator: 3, denominator: 4 },
        NumberOfEmployees: { value: 0.5, numerator: 2, denominator: 4 }
      },
      slices: {
        role: {
          Manager: { value: 1 / 3, numerator: 1, denominator: 3 },
          Rep: { value: 0.5, numerator: 3, denominator: 6 },
          '(none)': { value: 1, numerator: 3, denominator: 3 }
        },
        region: {
          AMER: { value: 1 / 3, numerator: 1, denominator: 3 },
          EMEA: { value: 0.5, numerator: 3, denominator: 6 },
          '(none)': { value: 1, numerator: 3, denominator: 3 }
        }
      },
      records: ['r1', 'r2', 'r4']
    });
    expect(sliceNumerators(result, 'role')).toBe(7);
    expect(sliceNumerators(result, 'region')).toBe(7);
  });

  it('counts false and 0 as filled', () => {
    expect(
      gateFieldFillRate(
        'Contact',
        [record('r1', 'u1', { DoNotCall: false, Score__c: 0 })],
        ['DoNotCall', 'Score__c'],
        directory
      )
    ).toMatchObject({ value: 1, numerator: 2, denominator: 2, records: [] });
  });

  it('prefers the exact API name over a case-insensitive match', () => {
    expect(
      gateFieldFillRate(
        'Lead',
        [record('r1', 'u1', { Phone: '', phone: 'x' })],
        ['Phone'],
        directory
      )
    ).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
  });

  it('does not read inherited properties as fields', () => {
    expect(
      gateFieldFillRate('Lead', [record('r1', 'u1', {})], ['toString', 'constructor'], directory)
    ).toMatchObject({ value: 0, numerator: 0, denominator: 2, records: ['r1'] });
  });

  it('trims and de-duplicates gate field names, in the admin order', () => {
    const result = gateFieldFillRate(
      'Account',
      [record('r1', 'u1', { Phone: '1' })],
      ['Phone', ' Phone ', 'Industry'],
      directory
    );
    expect(result.gateFields).toEqual(['Phone', 'Industry']);
    expect(Object.keys(result.fields)).toEqual(['Phone', 'Industry']);
    expect(result).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('refuses a blank gate field name, naming the object', () => {
    expect(() => gateFieldFillRate('Account', [], ['Phone', ' '], directory)).toThrow(
      'A gate field of Account has a blank name: use its API name.'
    );
  });
});

describe('quality.duplicates', () => {
  it('is a 0 share of 0 records', () => {
    expect(
      duplicateRecordShare([], [{ recordId: 'a1', duplicateRecordSetId: 's1' }], directory)
    ).toEqual({
      id: 'quality.duplicates',
      value: 0,
      numerator: 0,
      denominator: 0,
      slices: emptySlices,
      records: []
    });
  });

  it('is 0 for one record in no set, 1 for one record in a set', () => {
    const record = [{ id: 'a1', ownerId: 'u1' }];
    expect(duplicateRecordShare(record, [], directory)).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 1
    });
    expect(
      duplicateRecordShare(record, [{ recordId: 'a1', duplicateRecordSetId: 's1' }], directory)
    ).toMatchObject({ value: 1, numerator: 1, denominator: 1, records: ['a1'] });
  });

  it('counts a record in several sets once and ignores other objects’ records', () => {
    const result = duplicateRecordShare(
      [
        { id: 'a3', ownerId: 'u2' },
        { id: 'a1', ownerId: 'u1' },
        { id: 'a2', ownerId: 'u1' },
        { id: 'a4', ownerId: 'ghost' }
      ],
      [
        { recordId: 'a1', duplicateRecordSetId: 's1' },
        { recordId: 'a3', duplicateRecordSetId: 's1' },
        { recordId: 'a1', duplicateRecordSetId: 's2' },
        { recordId: 'lead1', duplicateRecordSetId: 's3' }
      ],
      directory
    );
    expect(result).toEqual({
      id: 'quality.duplicates',
      value: 0.5,
      numerator: 2,
      denominator: 4,
      slices: {
        role: {
          Manager: { value: 1, numerator: 1, denominator: 1 },
          Rep: { value: 0.5, numerator: 1, denominator: 2 },
          '(none)': { value: 0, numerator: 0, denominator: 1 }
        },
        region: {
          AMER: { value: 1, numerator: 1, denominator: 1 },
          EMEA: { value: 0.5, numerator: 1, denominator: 2 },
          '(none)': { value: 0, numerator: 0, denominator: 1 }
        }
      },
      records: ['a1', 'a3']
    });
    expect(sliceNumerators(result, 'region')).toBe(2);
  });
});
