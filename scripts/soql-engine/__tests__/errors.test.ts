/** Unknown names and unsupported SOQL fail with an error that names them. */
import { runQuery } from '../engine';
import { SoqlError } from '../errors';
import { ORG } from './fixtures';

const run = (soql: string) => runQuery(ORG, soql);

function errorOf(soql: string): SoqlError {
  try {
    run(soql);
  } catch (error) {
    if (error instanceof SoqlError) return error;
    throw error;
  }
  throw new Error(`no error from ${soql}`);
}

describe('unknown names', () => {
  it('names an unknown field and its object, like INVALID_FIELD', () => {
    const error = errorOf('SELECT Id, LastLoginDat FROM User');

    expect(error.code).toBe('INVALID_FIELD');
    expect(error.message).toBe("INVALID_FIELD: No such column 'LastLoginDat' on entity 'User'");
  });

  it('names unknown fields wherever they appear', () => {
    expect(() => run('SELECT Id FROM User WHERE Divison = null')).toThrow(
      "No such column 'Divison' on entity 'User'"
    );
    expect(() => run('SELECT Id FROM User ORDER BY Nme')).toThrow(
      "No such column 'Nme' on entity 'User'"
    );
    expect(() => run('SELECT COUNT(Id) FROM User GROUP BY Regio')).toThrow(
      "No such column 'Regio' on entity 'User'"
    );
    expect(() => run('SELECT UserRole.Nam FROM User')).toThrow(
      "No such column 'Nam' on entity 'UserRole'"
    );
  });

  it('names an unknown relationship and an unknown object', () => {
    expect(() => run('SELECT Role.Name FROM User')).toThrow(
      "INVALID_FIELD: Didn't understand relationship 'Role' in field path on entity 'User'"
    );
    const error = errorOf('SELECT Id FROM Usr');
    expect(error.code).toBe('INVALID_TYPE');
    expect(error.detail).toBe("sObject type 'Usr' is not supported");
  });

  it('reports what the parser rejects as MALFORMED_QUERY', () => {
    expect(errorOf('SELECT FROM User').code).toBe('MALFORMED_QUERY');
    expect(errorOf("SELECT Id FROM User WHERE Name = 'a\\q'").detail).toBe(
      "invalid escape sequence \\q in 'a\\q'"
    );
  });
});

describe('unsupported SOQL', () => {
  it.each([
    ['SELECT TYPEOF What WHEN Account THEN Name END FROM User', 'TYPEOF What'],
    [
      'SELECT Id, (SELECT Id FROM Opportunities) FROM User',
      'the child subquery (SELECT … FROM Opportunities)'
    ],
    ['SELECT FORMAT(LastLoginDate) FROM User', 'FORMAT()'],
    ['SELECT toLabel(UserType) FROM User', 'toLabel()'],
    ['SELECT convertCurrency(Amount) FROM Opportunity', 'convertCurrency()'],
    ['SELECT FIELDS(ALL) FROM User LIMIT 200', 'FIELDS()'],
    ['FIND {Ada} IN ALL FIELDS RETURNING User', 'SOSL (FIND …)'],
    ['SELECT Id FROM User WITH DATA CATEGORY Geography__c AT usa__c', 'WITH DATA CATEGORY'],
    ['SELECT Division, COUNT(Id) FROM User GROUP BY ROLLUP(Division)', 'GROUP BY ROLLUP'],
    ['SELECT Division, COUNT(Id) FROM User GROUP BY CUBE(Division)', 'GROUP BY CUBE'],
    ['SELECT Id FROM User FOR UPDATE', 'FOR UPDATE'],
    ['SELECT Id FROM User FOR VIEW', 'FOR VIEW'],
    ['SELECT Id FROM User UPDATE TRACKING', 'UPDATE TRACKING'],
    ['SELECT Id FROM User USING SCOPE mine', 'USING SCOPE mine'],
    ['SELECT u.Id FROM User u', "the object alias 'u'"],
    ["SELECT Id FROM User WHERE Division INCLUDES ('a')", 'INCLUDES'],
    ["SELECT Id FROM User WHERE Division EXCLUDES ('a')", 'EXCLUDES'],
    ['SELECT Id FROM Opportunity WHERE Amount > USD100', 'the currency-prefixed literal USD100'],
    ['SELECT CALENDAR_YEAR(CloseDate) FROM Opportunity', 'CALENDAR_YEAR'],
    [
      'SELECT FISCAL_YEAR(CloseDate), COUNT(Id) FROM Opportunity GROUP BY FISCAL_YEAR(CloseDate)',
      'FISCAL_YEAR()'
    ]
  ])('%s', (soql, construct) => {
    expect(() => run(soql)).toThrow(construct);
  });

  it('marks unsupported constructs with the UNSUPPORTED code', () => {
    expect(errorOf('SELECT Id FROM User FOR UPDATE').message).toBe(
      'UNSUPPORTED: FOR UPDATE is not supported by the demo query engine'
    );
  });

  it('refuses an unknown time zone', () => {
    expect(() =>
      runQuery({ ...ORG, timeZone: 'Mars/Olympus_Mons' }, 'SELECT Id FROM User')
    ).toThrow("time zone 'Mars/Olympus_Mons' is not a known IANA time zone");
  });
});
