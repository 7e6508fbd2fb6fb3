import { toCsv } from '../csv';

const columns = [
  { fieldName: 'name', label: 'Name' },
  { fieldName: 'logins', label: 'Logins' }
];

describe('toCsv', () => {
  it('writes a header row and one line per row, each ended by CRLF', () => {
    expect(
      toCsv(columns, [
        { name: 'Ada', logins: 12 },
        { name: 'Bo', logins: 0 }
      ])
    ).toBe('Name,Logins\r\nAda,12\r\nBo,0\r\n');
  });

  it('writes only the header without rows', () => {
    expect(toCsv(columns, [])).toBe('Name,Logins\r\n');
  });

  it('takes the columns’ order and ignores other fields', () => {
    expect(
      toCsv(
        [
          { fieldName: 'b', label: 'B' },
          { fieldName: 'a', label: 'A' }
        ],
        [{ a: 1, b: 2, c: 3 }]
      )
    ).toBe('B,A\r\n2,1\r\n');
  });

  it('leaves null, undefined and missing values empty', () => {
    expect(toCsv(columns, [{ name: null, logins: undefined }, {}])).toBe(
      'Name,Logins\r\n,\r\n,\r\n'
    );
  });

  it('quotes a field holding a comma, a quote or a line break, doubling quotes', () => {
    expect(
      toCsv(
        [{ fieldName: 'v', label: 'Value' }],
        [
          { v: 'Acme, Inc.' },
          { v: 'The "Big" Deal' },
          { v: 'two\nlines' },
          { v: 'two\r\nlines' },
          { v: 'plain text' }
        ]
      )
    ).toBe(
      'Value\r\n"Acme, Inc."\r\n"The ""Big"" Deal"\r\n"two\nlines"\r\n"two\r\nlines"\r\nplain text\r\n'
    );
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=1,2', `"'=1,2"`],
    ['a=b', 'a=b'],
    ['', '']
  ])('keeps a spreadsheet from running %p as a formula', (text, field) => {
    expect(toCsv([{ fieldName: 'v', label: 'Value' }], [{ v: text }])).toBe(
      `Value\r\n${field}\r\n`
    );
  });

  it('guards the header too', () => {
    expect(toCsv([{ fieldName: 'v', label: '=Total' }], [])).toBe("'=Total\r\n");
  });

  it('writes numbers and booleans as they are: a negative number is not a formula', () => {
    expect(
      toCsv(
        [
          { fieldName: 'n', label: 'N' },
          { fieldName: 'b', label: 'B' }
        ],
        [
          { n: -5, b: true },
          { n: 0.25, b: false }
        ]
      )
    ).toBe('N,B\r\n-5,true\r\n0.25,false\r\n');
  });

  it('writes a date as an ISO instant', () => {
    expect(
      toCsv([{ fieldName: 'd', label: 'Date' }], [{ d: new Date('2026-11-23T12:00:00.000Z') }])
    ).toBe('Date\r\n2026-11-23T12:00:00.000Z\r\n');
  });

  it('reads only a row’s own fields', () => {
    expect(toCsv([{ fieldName: 'constructor', label: 'C' }], [{}])).toBe('C\r\n\r\n');
  });
});
