/** WHERE: operators, nulls, literals, binds, relative dates, logic and semi-joins. */
import { runQuery } from '../engine';
import { ORG, USER, loginId, names } from './fixtures';

const userNames = (where: string, binds?: Record<string, unknown>): unknown[] =>
  names(runQuery(ORG, `SELECT Name FROM User WHERE ${where} ORDER BY Name`, binds).records);

const opportunityNames = (where: string, binds?: Record<string, unknown>): unknown[] =>
  names(runQuery(ORG, `SELECT Name FROM Opportunity WHERE ${where} ORDER BY Name`, binds).records);

const loginIds = (where: string, binds?: Record<string, unknown>): unknown[] =>
  runQuery(ORG, `SELECT Id FROM LoginHistory WHERE ${where}`, binds).records.map(
    (record) => record.Id
  );

describe('comparison operators', () => {
  it('compares strings case-insensitively with = and !=, and != keeps nulls', () => {
    expect(userNames("Division = 'emea'")).toEqual(['Ada', 'Ben', 'Eve']);
    expect(userNames("Division != 'EMEA'")).toEqual(['Cleo', 'Dan', 'Fay', 'Gus']);
  });

  it('matches nulls with = null and excludes them with != null', () => {
    expect(userNames('Division = null')).toEqual(['Fay', 'Gus']);
    expect(userNames('Division != null')).toEqual(['Ada', 'Ben', 'Cleo', 'Dan', 'Eve']);
  });

  it('treats a missing parent as null in relationship filters', () => {
    expect(userNames('UserRole.Name = null')).toEqual(['Dan', 'Fay']);
    expect(userNames("UserRole.Name = 'support'")).toEqual(['Cleo', 'Gus']);
    expect(opportunityNames("Owner.UserRole.Name = 'Sales'")).toEqual(['Alpha', 'Beta']);
  });

  it('orders numbers, dates and strings with < <= > >= and never matches null', () => {
    expect(opportunityNames('Amount > 75')).toEqual(['Alpha', 'Beta']);
    expect(opportunityNames('Amount >= 75')).toEqual(['Alpha', 'Beta', 'Echo']);
    expect(opportunityNames('Amount < 100')).toEqual(['Delta', 'Echo']);
    expect(opportunityNames('Amount <= 100.0')).toEqual(['Alpha', 'Delta', 'Echo']);
    expect(opportunityNames('Amount != 100')).toEqual(['Beta', 'Delta', 'Echo', 'Gamma']);
    expect(opportunityNames('Probability > -1 AND Probability < 50')).toEqual(['Echo', 'Gamma']);
    expect(opportunityNames("StageName < 'closed x'")).toEqual(['Alpha', 'Beta', 'Echo']);
  });

  it('matches booleans with TRUE/FALSE, a null boolean counting as FALSE', () => {
    expect(opportunityNames('IsWon = TRUE')).toEqual(['Alpha', 'Beta']);
    expect(opportunityNames('IsWon = false')).toEqual(['Delta', 'Echo', 'Gamma']);
    expect(opportunityNames('IsWon = null')).toEqual(['Delta', 'Echo', 'Gamma']);
    expect(opportunityNames('IsWon != TRUE')).toEqual(['Delta', 'Echo', 'Gamma']);
    expect(() => opportunityNames('IsWon > FALSE')).toThrow(
      "> is not a valid operator for the boolean field 'IsWon'"
    );
  });

  it('compares date fields with date literals and datetime fields with datetime literals', () => {
    expect(opportunityNames('CloseDate >= 2026-11-16')).toEqual(['Alpha', 'Delta', 'Echo']);
    expect(opportunityNames('CloseDate = 2026-11-01')).toEqual(['Beta']);
    expect(userNames('LastLoginDate > 2026-11-23T09:00:00Z')).toEqual(['Ada', 'Fay']);
    expect(userNames('LastLoginDate >= 2026-11-23T10:00:00.000+05:00')).toEqual([
      'Ada',
      'Fay',
      'Gus'
    ]);
  });
});

describe('IN, NOT IN and LIKE', () => {
  it('matches literal lists, case-insensitively for text, with NOT IN keeping nulls', () => {
    expect(userNames("Division IN ('amer', 'APAC')")).toEqual(['Cleo', 'Dan']);
    expect(userNames("Division NOT IN ('AMER')")).toEqual(['Ada', 'Ben', 'Eve', 'Fay', 'Gus']);
    expect(userNames("Division IN ('AMER', null)")).toEqual(['Cleo', 'Dan', 'Fay', 'Gus']);
    expect(opportunityNames('Amount IN (50, 75)')).toEqual(['Delta', 'Echo']);
    expect(opportunityNames('CloseDate IN (2026-11-01, 2026-12-05)')).toEqual(['Beta', 'Delta']);
  });

  it('matches bound arrays and Sets', () => {
    expect(userNames('Id IN :ids', { ids: [USER.ada, USER.dan] })).toEqual(['Ada', 'Dan']);
    expect(userNames('Id NOT IN :ids', { ids: new Set([USER.ada, USER.dan, USER.eve]) })).toEqual([
      'Ben',
      'Cleo',
      'Fay',
      'Gus'
    ]);
    expect(userNames('Id IN :ids', { ids: [] })).toEqual([]);
  });

  it('matches LIKE patterns case-insensitively, with % and _ and their escapes', () => {
    expect(userNames("Name LIKE 'a%'")).toEqual(['Ada']);
    expect(userNames("Name LIKE '_e%'")).toEqual(['Ben']);
    expect(userNames("Username LIKE '%@DEMO.example'")).toHaveLength(7);
    expect(userNames("Name LIKE 'a\\%'")).toEqual([]);
    expect(userNames("Division LIKE '%'")).toEqual(['Ada', 'Ben', 'Cleo', 'Dan', 'Eve']);
  });

  it('unescapes quoted strings', () => {
    expect(userNames("Name = 'O\\'Hara' OR Name = 'Ada'")).toEqual(['Ada']);
  });
});

describe('bind variables', () => {
  it('binds strings, numbers, booleans, dates and Date objects', () => {
    expect(userNames('Division = :division', { division: 'AMER' })).toEqual(['Cleo', 'Dan']);
    expect(opportunityNames('Amount > :floor', { floor: 99 })).toEqual(['Alpha', 'Beta']);
    expect(userNames('IsActive = :active', { active: false })).toEqual(['Eve']);
    expect(opportunityNames('CloseDate < :day', { day: '2026-11-02' })).toEqual(['Beta', 'Gamma']);
    expect(
      userNames('LastLoginDate > :since', { since: new Date('2026-11-23T09:00:00Z') })
    ).toEqual(['Ada', 'Fay']);
    expect(userNames('Division = :division', { division: null })).toEqual(['Fay', 'Gus']);
  });

  it('looks bind names up case-insensitively and through dotted paths', () => {
    expect(userNames('Division = :Region', { region: 'EMEA' })).toEqual(['Ada', 'Ben', 'Eve']);
    expect(userNames('Division = :filter.region', { filter: { region: 'AMER' } })).toEqual([
      'Cleo',
      'Dan'
    ]);
  });

  it('names a missing bind and a bind of the wrong kind', () => {
    expect(() => userNames('Division = :nope')).toThrow(
      'INVALID_BIND: Variable does not exist: nope'
    );
    expect(() => userNames('LastLoginDate > :since', { since: '2026-11-01' })).toThrow(
      ':since is compared with LastLoginDate (datetime) and must be a valid Date, not a string'
    );
    expect(() => opportunityNames('CloseDate > :day', { day: new Date() })).toThrow(
      ":day is compared with CloseDate (date) and must be a 'YYYY-MM-DD' string, not a Date"
    );
    expect(() => userNames('Id IN :ids', { ids: USER.ada })).toThrow(
      ':ids is used with IN and must be an array or a Set, not a string'
    );
    expect(() => opportunityNames('Amount > :n', { n: '5' })).toThrow('must be a number');
    expect(() => userNames('IsActive = :b', { b: 1 })).toThrow('must be a boolean');
    expect(() => userNames('Name = :n', { n: 1 })).toThrow('must be a string');
  });
});

describe('relative date literals', () => {
  // As of Monday 2026-11-23 04:00 in Los Angeles (12:00 UTC): today there starts at 08:00 UTC.
  it('puts datetimes in the running user’s days: TODAY and YESTERDAY', () => {
    expect(loginIds('LoginTime = TODAY')).toEqual([loginId(1)]);
    expect(loginIds('LoginTime = YESTERDAY')).toEqual([
      loginId(2),
      loginId(3),
      loginId(6),
      loginId(7)
    ]);
    expect(loginIds('LoginTime < TODAY AND LoginTime >= YESTERDAY')).toEqual([
      loginId(2),
      loginId(3),
      loginId(6),
      loginId(7)
    ]);
    expect(loginIds('LoginTime > YESTERDAY')).toEqual([loginId(1)]);
    expect(loginIds('LoginTime <= YESTERDAY AND LoginTime != YESTERDAY')).toHaveLength(5);
  });

  it('counts LAST_N_DAYS:n from today back n days and NEXT_N_DAYS:n from tomorrow', () => {
    expect(loginIds('LoginTime = LAST_N_DAYS:1')).toEqual([
      loginId(1),
      loginId(2),
      loginId(3),
      loginId(6),
      loginId(7)
    ]);
    expect(opportunityNames('CloseDate = LAST_N_DAYS:7')).toEqual(['Alpha', 'Echo']);
    expect(opportunityNames('CloseDate = NEXT_N_DAYS:14')).toEqual(['Delta']);
    expect(opportunityNames('CloseDate = NEXT_N_DAYS:1')).toEqual([]);
    expect(opportunityNames('CloseDate = N_DAYS_AGO:7')).toEqual(['Echo']);
  });

  it('covers weeks from Sunday and calendar months', () => {
    expect(loginIds('LoginTime = THIS_WEEK')).toEqual([
      loginId(1),
      loginId(2),
      loginId(3),
      loginId(6),
      loginId(7)
    ]);
    // Row 10 (2026-11-15T00:00Z) is Saturday 14 November in Los Angeles.
    expect(loginIds('LoginTime = LAST_WEEK')).toEqual([loginId(4), loginId(8)]);
    expect(opportunityNames('CloseDate = THIS_MONTH')).toEqual(['Alpha', 'Beta', 'Echo']);
    expect(opportunityNames('CloseDate = LAST_MONTH')).toEqual(['Gamma']);
    expect(opportunityNames('CloseDate > THIS_MONTH')).toEqual(['Delta']);
    expect(opportunityNames('CloseDate IN (LAST_MONTH, NEXT_MONTH)')).toEqual(['Delta', 'Gamma']);
    // Row 9 (2026-10-01T00:00Z) is still 30 September in Los Angeles.
    expect(loginIds('LoginTime = LAST_MONTH')).toEqual([]);
    expect(loginIds('LoginTime < LAST_MONTH')).toEqual([loginId(9)]);
  });

  it('refuses date literals on other types and dates on datetime fields', () => {
    expect(() => userNames('Name = TODAY')).toThrow(
      "value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes"
    );
    expect(() => userNames('LastLoginDate > 2026-11-01')).toThrow(
      "value of filter criterion for field 'LastLoginDate' must be of type dateTime and should not be enclosed in quotes"
    );
    expect(() => opportunityNames("Amount = '5'")).toThrow(
      "field 'Amount' must be of type double and should not be enclosed in quotes"
    );
    expect(() => userNames('IsActive = 1')).toThrow("field 'IsActive' must be of type boolean");
    expect(() => opportunityNames("CloseDate = '2026-11-01'")).toThrow(
      "field 'CloseDate' must be of type date"
    );
    expect(() => opportunityNames('CloseDate = 2026-11-01T00:00:00Z')).toThrow(
      "field 'CloseDate' must be of type date"
    );
    expect(() => opportunityNames('CloseDate = LAST_N_FISCAL_YEARS:2')).toThrow(
      'UNSUPPORTED: the fiscal date literal LAST_N_FISCAL_YEARS is not supported'
    );
  });
});

describe('AND, OR, NOT and parentheses', () => {
  it('evaluates parenthesised groups', () => {
    expect(userNames("IsActive = TRUE AND (Division = 'EMEA' OR Division = null)")).toEqual([
      'Ada',
      'Ben',
      'Fay',
      'Gus'
    ]);
    expect(userNames("(IsActive = TRUE AND Division = 'EMEA') OR Division = null")).toEqual([
      'Ada',
      'Ben',
      'Fay',
      'Gus'
    ]);
    expect(
      userNames("(IsActive = FALSE OR Division = 'AMER') AND (Name LIKE 'C%' OR Name = 'Eve')")
    ).toEqual(['Cleo', 'Eve']);
    expect(userNames("((Name = 'Ada'))")).toEqual(['Ada']);
  });

  it('chains any number of ANDs or ORs at one level', () => {
    expect(
      userNames(
        "IsActive = TRUE AND UserType = 'Standard' AND Division != null AND UserRole.Name != null"
      )
    ).toEqual(['Ada', 'Ben', 'Cleo']);
    expect(userNames("Name = 'Ada' OR Name = 'Ben' OR Name = 'Cleo' OR Name = 'Zed'")).toEqual([
      'Ada',
      'Ben',
      'Cleo'
    ]);
  });

  it('negates a condition or a group with NOT', () => {
    expect(userNames("NOT Division = 'EMEA'")).toEqual(['Cleo', 'Dan', 'Fay', 'Gus']);
    expect(userNames("NOT (Division = 'EMEA' OR Division = null)")).toEqual(['Cleo', 'Dan']);
    expect(userNames("IsActive = TRUE AND (NOT Division = 'EMEA')")).toEqual([
      'Cleo',
      'Dan',
      'Fay',
      'Gus'
    ]);
    expect(userNames("IsActive = TRUE AND (NOT (Name < 'D'))")).toEqual(['Dan', 'Fay', 'Gus']);
  });

  it('refuses AND, OR and NOT mixed without parentheses, as Salesforce does', () => {
    expect(() => userNames("Name = 'Ada' AND Name = 'Ben' OR Name = 'Cleo'")).toThrow(
      "MALFORMED_QUERY: unexpected token: 'OR'"
    );
    expect(() => userNames("Name = 'Ada' OR NOT Name = 'Ben'")).toThrow("unexpected token: 'NOT'");
    expect(() => userNames("NOT Name = 'Ada' AND Name = 'Ben'")).toThrow("unexpected token: 'AND'");
  });

  it('filters on date functions', () => {
    expect(opportunityNames('CALENDAR_MONTH(CloseDate) = 11')).toEqual(['Alpha', 'Beta', 'Echo']);
    expect(userNames('DAY_ONLY(convertTimezone(LastLoginDate)) = 2026-11-22')).toEqual([
      'Dan',
      'Gus'
    ]);
    expect(userNames('DAY_ONLY(LastLoginDate) = 2026-11-22')).toEqual(['Dan']);
    expect(() => userNames('COUNT(Id) > 1')).toThrow(
      'aggregate functions are not allowed in WHERE; use HAVING: COUNT(Id)'
    );
  });
});

describe('semi-joins', () => {
  it('keeps rows whose Id is in a sub-select, with its own WHERE and binds', () => {
    const where =
      "Id IN (SELECT UserId FROM LoginHistory WHERE Status = 'Invalid Password' AND LoginTime > :since)";

    expect(userNames(where, { since: new Date('2026-11-01T00:00:00Z') })).toEqual(['Ada', 'Cleo']);
  });

  it('runs anti-joins with NOT IN and combines with other conditions', () => {
    expect(
      userNames(
        "IsActive = TRUE AND Id NOT IN (SELECT UserId FROM LoginHistory WHERE Status = 'Success')"
      )
    ).toEqual(['Cleo', 'Fay']);
    expect(
      opportunityNames('OwnerId IN (SELECT Id FROM User WHERE UserRole.Name = :role)', {
        role: 'Support'
      })
    ).toEqual(['Delta', 'Gamma']);
  });

  it('does not charge the sub-select rows', () => {
    const result = runQuery(
      ORG,
      'SELECT Id FROM User WHERE Id IN (SELECT UserId FROM LoginHistory)'
    );

    expect(result.queryRowsCharged).toBe(result.records.length);
    expect(result.queryRowsCharged).toBe(6);
  });

  it('enforces Salesforce’s semi-join rules', () => {
    expect(() => userNames("Name = 'Ada' OR Id IN (SELECT UserId FROM LoginHistory)")).toThrow(
      'Semi join sub-selects are only allowed at the top level WHERE expressions'
    );
    expect(() =>
      userNames('Id IN (SELECT UserId FROM LoginHistory WHERE UserId IN (SELECT Id FROM User))')
    ).toThrow('Nesting of semi join sub-selects is not supported');
    expect(() => userNames('Id IN (SELECT LoginTime FROM LoginHistory)')).toThrow(
      'a semi-join sub-select must select an Id or reference field, not LoginTime'
    );
    expect(() => userNames('Id IN (SELECT Id FROM Opportunity)')).toThrow(
      'Id holds User Ids but the sub-select returns Opportunity Ids'
    );
    expect(() => userNames('Id IN (SELECT UserId FROM LoginHistory LIMIT 5)')).toThrow(
      'LIMIT is not allowed in a semi-join sub-select'
    );
    expect(() => userNames('Name IN (SELECT UserId FROM LoginHistory)')).toThrow(
      'a semi-join needs an Id or reference field on the left, not Name'
    );
    expect(() => userNames('Id = (SELECT UserId FROM LoginHistory)')).toThrow();
    const three =
      'Id IN (SELECT UserId FROM LoginHistory) AND Id IN (SELECT UserId FROM LoginHistory) AND Id IN (SELECT UserId FROM LoginHistory)';
    expect(() => userNames(three)).toThrow('at most 2 semi-join sub-selects');
  });
});
