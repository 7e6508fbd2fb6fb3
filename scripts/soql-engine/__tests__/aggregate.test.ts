/** Aggregate queries: GROUP BY, aggregate and date functions, HAVING, ORDER BY, keys and charges. */
import { runQuery } from '../engine';
import { ORG, USER } from './fixtures';

const run = (soql: string, binds?: Record<string, unknown>) => runQuery(ORG, soql, binds);

describe('aggregate functions', () => {
  it('computes every aggregate over numbers without GROUP BY, keyed expr0, expr1…', () => {
    const result = run(
      'SELECT COUNT(Id), COUNT(Amount), COUNT_DISTINCT(StageName), SUM(Amount), AVG(Amount), MIN(Amount), MAX(Amount) FROM Opportunity'
    );

    expect(result.records).toEqual([
      { expr0: 5, expr1: 4, expr2: 4, expr3: 475.5, expr4: 118.875, expr5: 50, expr6: 250.5 }
    ]);
  });

  it('takes MIN and MAX of dates, datetimes and text, formatted like fields', () => {
    const result = run(
      'SELECT MIN(CloseDate) firstClose, MAX(CloseDate) lastClose, MAX(Owner.LastLoginDate) lastLogin, MIN(Name) earliestName FROM Opportunity'
    );

    expect(result.records).toEqual([
      {
        firstClose: '2026-10-15',
        lastClose: '2026-12-05',
        lastLogin: '2026-11-23T10:00:00.000+0000',
        earliestName: 'Alpha'
      }
    ]);
  });

  it('returns one record with zero counts and null sums when nothing matches', () => {
    const result = run(
      "SELECT COUNT(Id) n, SUM(Amount) total, MAX(CloseDate) latest FROM Opportunity WHERE Name = 'none'"
    );

    expect(result.records).toEqual([{ n: 0, total: null, latest: null }]);
  });

  it('refuses aggregates on types that do not support them', () => {
    expect(() => run('SELECT SUM(Name) FROM User')).toThrow(
      'field Name does not support aggregate operator SUM'
    );
    expect(() => run('SELECT MAX(IsActive) FROM User')).toThrow(
      'field IsActive does not support aggregate operator MAX'
    );
    expect(() => run('SELECT SUM(Amount, Probability) FROM Opportunity')).toThrow(
      'SUM() takes exactly one field: SUM(Amount, Probability)'
    );
    expect(() => run('SELECT MAX(convertTimezone(LastLoginDate)) FROM User')).toThrow(
      'MAX() takes exactly one field'
    );
    expect(() => run('SELECT convertTimezone(LastLoginDate) FROM User')).toThrow(
      'convertTimezone() can only be used inside a date function'
    );
  });
});

describe('GROUP BY', () => {
  it('groups by relationship fields and keys an unaliased one by its field name', () => {
    const result = run(
      'SELECT UserRole.Name, COUNT(Id) FROM User WHERE IsActive = TRUE GROUP BY UserRole.Name ORDER BY UserRole.Name'
    );

    expect(result.records).toEqual([
      { Name: null, expr0: 2 },
      { Name: 'Sales', expr0: 2 },
      { Name: 'Support', expr0: 2 }
    ]);
  });

  it('groups by multi-hop relationship fields', () => {
    const result = run(
      'SELECT Owner.UserRole.Name role, SUM(Amount) total FROM Opportunity GROUP BY Owner.UserRole.Name ORDER BY Owner.UserRole.Name NULLS LAST'
    );

    expect(result.records).toEqual([
      { role: 'Sales', total: 350.5 },
      { role: 'Support', total: 50 },
      { role: null, total: 75 }
    ]);
  });

  it('groups by DAY_ONLY in UTC, or in the user’s time zone through convertTimezone', () => {
    const utc = run(
      'SELECT DAY_ONLY(LoginTime) day, COUNT(Id) n FROM LoginHistory WHERE UserId = :ada GROUP BY DAY_ONLY(LoginTime) ORDER BY DAY_ONLY(LoginTime)',
      { ada: USER.ada }
    );
    const local = run(
      'SELECT DAY_ONLY(convertTimezone(LoginTime)) day, COUNT(Id) n FROM LoginHistory WHERE UserId = :ada GROUP BY DAY_ONLY(convertTimezone(LoginTime)) ORDER BY day',
      { ada: USER.ada }
    );

    expect(utc.records).toEqual([
      { day: '2026-11-22', n: 2 },
      { day: '2026-11-23', n: 1 }
    ]);
    // 2026-11-22T08:00Z is midnight in Los Angeles; 2026-11-23T10:00Z is 02:00 there.
    expect(local.records).toEqual([
      { day: '2026-11-22', n: 2 },
      { day: '2026-11-23', n: 1 }
    ]);
  });

  it('groups by CALENDAR_YEAR and CALENDAR_MONTH, keyed exprN when unaliased', () => {
    const result = run(
      'SELECT CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate), SUM(Amount) FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate) ORDER BY CALENDAR_MONTH(CloseDate) DESC'
    );

    expect(result.records).toEqual([
      { expr0: 2026, expr1: 12, expr2: 50 },
      { expr0: 2026, expr1: 11, expr2: 425.5 },
      { expr0: 2026, expr1: 10, expr2: null }
    ]);
  });

  it('computes the other date functions, in UTC or the user’s time zone', () => {
    const result = run(
      `SELECT HOUR_IN_DAY(convertTimezone(LastLoginDate)) localHour, HOUR_IN_DAY(LastLoginDate) utcHour,
        DAY_IN_WEEK(LastLoginDate) weekday, DAY_IN_MONTH(LastLoginDate) dayOfMonth,
        DAY_IN_YEAR(LastLoginDate) dayOfYear, WEEK_IN_MONTH(LastLoginDate) weekOfMonth,
        WEEK_IN_YEAR(LastLoginDate) weekOfYear, CALENDAR_QUARTER(LastLoginDate) quarter, COUNT(Id) n
      FROM User WHERE Id = :ada
      GROUP BY HOUR_IN_DAY(convertTimezone(LastLoginDate)), HOUR_IN_DAY(LastLoginDate),
        DAY_IN_WEEK(LastLoginDate), DAY_IN_MONTH(LastLoginDate), DAY_IN_YEAR(LastLoginDate),
        WEEK_IN_MONTH(LastLoginDate), WEEK_IN_YEAR(LastLoginDate), CALENDAR_QUARTER(LastLoginDate)`,
      { ada: USER.ada }
    );

    expect(result.records).toEqual([
      {
        localHour: 2,
        utcHour: 10,
        weekday: 2,
        dayOfMonth: 23,
        dayOfYear: 327,
        weekOfMonth: 4,
        weekOfYear: 47,
        quarter: 4,
        n: 1
      }
    ]);
  });

  it('refuses ungrouped fields, ungroupable types and misused date functions', () => {
    expect(() => run('SELECT Name, COUNT(Id) FROM User GROUP BY Division')).toThrow(
      'Field must be grouped or aggregated: Name'
    );
    expect(() => run('SELECT LoginTime, COUNT(Id) FROM LoginHistory GROUP BY LoginTime')).toThrow(
      "field 'LoginTime' can not be grouped in a query call"
    );
    expect(() =>
      run('SELECT Division, COUNT(Id) FROM User GROUP BY Division ORDER BY Name')
    ).toThrow('Ordered field must be grouped or aggregated: Name');
    expect(() =>
      run('SELECT DAY_ONLY(CloseDate), COUNT(Id) FROM Opportunity GROUP BY DAY_ONLY(CloseDate)')
    ).toThrow('DAY_ONLY() needs a datetime field; CloseDate is a date');
    expect(() =>
      run(
        'SELECT CALENDAR_YEAR(convertTimezone(CloseDate)), COUNT(Id) FROM Opportunity GROUP BY CALENDAR_YEAR(convertTimezone(CloseDate))'
      )
    ).toThrow('convertTimezone() needs a datetime field; CloseDate is a date');
    expect(() =>
      run('SELECT CALENDAR_YEAR(Name), COUNT(Id) FROM User GROUP BY CALENDAR_YEAR(Name)')
    ).toThrow('CALENDAR_YEAR() needs a date or datetime field; Name is a string');
    expect(() => run('SELECT Division d, Division d FROM User GROUP BY Division')).toThrow(
      'duplicate alias: d'
    );
    expect(() =>
      run('SELECT UserRole.Name, Profile.Name FROM User GROUP BY UserRole.Name, Profile.Name')
    ).toThrow('duplicate alias: Name');
  });

  it('returns grouped fields without aggregates', () => {
    const result = run('SELECT Status FROM LoginHistory GROUP BY Status ORDER BY Status');

    expect(result.records).toEqual([{ Status: 'Invalid Password' }, { Status: 'Success' }]);
    expect(result.queryRowsCharged).toBe(2);
  });
});

describe('HAVING, ORDER BY and LIMIT on groups', () => {
  it('filters groups on aggregates, including ones not selected, and on grouped fields', () => {
    const result = run(
      'SELECT UserId, COUNT(Id) attempts FROM LoginHistory GROUP BY UserId HAVING COUNT(Id) > 1 AND MAX(LoginTime) > 2026-11-16T00:00:00Z AND UserId != :ada',
      { ada: USER.ada }
    );

    expect(result.records).toEqual([{ UserId: USER.ben, attempts: 3 }]);
  });

  it('filters groups with OR and NOT, and on a date literal', () => {
    const result = run(
      "SELECT Status, COUNT(Id) n FROM LoginHistory GROUP BY Status HAVING (COUNT(Id) < 3 OR Status = 'none') AND (NOT MAX(LoginTime) < LAST_N_DAYS:30)"
    );

    expect(result.records).toEqual([{ Status: 'Invalid Password', n: 2 }]);
  });

  it('orders by aggregate, alias or grouped field, then pages with OFFSET and LIMIT', () => {
    const byAggregate = run(
      'SELECT UserId, COUNT(Id) attempts FROM LoginHistory GROUP BY UserId ORDER BY COUNT(Id) DESC, UserId LIMIT 2'
    );
    const byAlias = run(
      'SELECT UserId, COUNT(Id) attempts FROM LoginHistory GROUP BY UserId ORDER BY attempts ASC, UserId DESC LIMIT 2 OFFSET 1'
    );

    expect(byAggregate.records).toEqual([
      { UserId: USER.ada, attempts: 3 },
      { UserId: USER.ben, attempts: 3 }
    ]);
    expect(byAlias.records).toEqual([
      { UserId: USER.eve, attempts: 1 },
      { UserId: USER.dan, attempts: 1 }
    ]);
    expect(byAlias.totalSize).toBe(2);
  });

  it('sorts by aliases the query names, not by the implicit key of a grouped field', () => {
    expect(() =>
      run('SELECT UserRole.Name, COUNT(Id) FROM User GROUP BY UserRole.Name ORDER BY Name')
    ).toThrow('Ordered field must be grouped or aggregated: Name');
  });

  it('refuses ungrouped fields in HAVING', () => {
    expect(() =>
      run('SELECT Division, COUNT(Id) FROM User GROUP BY Division HAVING Name = null')
    ).toThrow('Field in HAVING must be grouped or aggregated: Name');
  });
});

describe('SELECT COUNT()', () => {
  it('returns the count as totalSize with no records, charged one row', () => {
    const result = run('SELECT COUNT() FROM LoginHistory WHERE Status = :status', {
      status: 'Success'
    });

    expect(result).toEqual({
      records: [],
      totalSize: 8,
      queryRowsCharged: 1,
      accessLevel: null
    });
  });

  it('honours LIMIT and refuses other SELECT items and GROUP BY', () => {
    expect(run('SELECT COUNT() FROM LoginHistory LIMIT 3').totalSize).toBe(3);
    expect(() => run('SELECT COUNT(), Status FROM LoginHistory')).toThrow(
      'COUNT() must be the only element in the SELECT list'
    );
    expect(() => run('SELECT COUNT() FROM LoginHistory GROUP BY Status')).toThrow(
      'COUNT() cannot be used with GROUP BY; use COUNT(Id)'
    );
  });
});

describe('query rows charged', () => {
  it('charges one row per group returned when every aggregate is a COUNT', () => {
    const grouped = run(
      'SELECT UserId, COUNT(Id) n, COUNT(Status) s FROM LoginHistory GROUP BY UserId'
    );
    const limited = run(
      'SELECT UserId, COUNT(Id) n FROM LoginHistory GROUP BY UserId HAVING COUNT(Id) > 1 LIMIT 1'
    );

    expect(grouped.totalSize).toBe(6);
    expect(grouped.queryRowsCharged).toBe(6);
    expect(limited.queryRowsCharged).toBe(1);
  });

  it('charges every matching row when a grouped query uses SUM, AVG, MIN or MAX', () => {
    const result = run(
      "SELECT UserId, MAX(LoginTime) latest FROM LoginHistory WHERE Status = 'Success' GROUP BY UserId LIMIT 1"
    );
    const withHavingOnly = run(
      'SELECT UserId, COUNT(Id) n FROM LoginHistory GROUP BY UserId HAVING MIN(LoginTime) > 2026-11-21T00:00:00Z'
    );

    expect(result.records).toHaveLength(1);
    expect(result.queryRowsCharged).toBe(8);
    expect(withHavingOnly.records).toEqual([
      { UserId: USER.ada, n: 3 },
      { UserId: USER.dan, n: 1 },
      { UserId: USER.gus, n: 1 },
      { UserId: USER.cleo, n: 1 }
    ]);
    expect(withHavingOnly.queryRowsCharged).toBe(10);
  });

  it('charges every matching row for COUNT_DISTINCT, grouped or not', () => {
    const grouped = run(
      'SELECT UserId, COUNT(Id) n, COUNT_DISTINCT(Status) d FROM LoginHistory GROUP BY UserId LIMIT 2'
    );
    expect(grouped.records).toHaveLength(2);
    expect(grouped.queryRowsCharged).toBe(10);
    expect(run('SELECT COUNT_DISTINCT(UserId) FROM LoginHistory').queryRowsCharged).toBe(10);
  });

  it('charges one row for COUNT(field) without GROUP BY, every matching row for SUM', () => {
    expect(
      run("SELECT COUNT(Id), COUNT(UserId) FROM LoginHistory WHERE Status = 'Success'")
        .queryRowsCharged
    ).toBe(1);
    expect(run('SELECT SUM(Amount) FROM Opportunity').queryRowsCharged).toBe(5);
  });

  it('charges one row for SELECT COUNT() and the returned rows for plain queries', () => {
    expect(run('SELECT COUNT() FROM LoginHistory').queryRowsCharged).toBe(1);
    expect(run('SELECT Id FROM LoginHistory LIMIT 4 OFFSET 1').queryRowsCharged).toBe(4);
  });
});
