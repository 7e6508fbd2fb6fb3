/** SELECT lists, REST-shaped records, ORDER BY, LIMIT/OFFSET and WITH access modes on plain queries. */
import { runQuery } from '../engine';
import { ORG, USER, names } from './fixtures';

const run = (soql: string, binds?: Record<string, unknown>) => runQuery(ORG, soql, binds);

describe('SELECT records', () => {
  it('returns plain fields under their schema names, whatever case the query used', () => {
    const result = run(`select name, isactive, userType from USER where id = '${USER.ada}'`);

    expect(result.records).toEqual([{ Name: 'Ada', IsActive: true, UserType: 'Standard' }]);
  });

  it('nests relationship fields and merges fields of the same parent into one object', () => {
    const result = run(
      `SELECT Name, UserRole.Name, UserRole.Id, Profile.Name FROM User WHERE Id = '${USER.ben}'`
    );

    expect(result.records).toEqual([
      {
        Name: 'Ben',
        UserRole: { Name: 'Sales', Id: '00E000000000001' },
        Profile: { Name: 'Standard User' }
      }
    ]);
  });

  it('follows multi-hop relationships and returns null for a null reference at any hop', () => {
    const result = run(
      'SELECT Name, Owner.UserRole.Name, Owner.Manager.Name FROM Opportunity ORDER BY Name'
    );

    expect(result.records).toEqual([
      { Name: 'Alpha', Owner: { UserRole: { Name: 'Sales' }, Manager: null } },
      { Name: 'Beta', Owner: { UserRole: { Name: 'Sales' }, Manager: { Name: 'Ada' } } },
      { Name: 'Delta', Owner: { UserRole: { Name: 'Support' }, Manager: { Name: 'Cleo' } } },
      { Name: 'Echo', Owner: null },
      { Name: 'Gamma', Owner: { UserRole: { Name: 'Support' }, Manager: { Name: 'Ada' } } }
    ]);
  });

  it('writes datetimes as REST ISO strings, dates as YYYY-MM-DD and numbers as numbers', () => {
    const result = run(
      "SELECT CloseDate, Amount, Owner.LastLoginDate FROM Opportunity WHERE Name = 'Alpha'"
    );

    expect(result.records).toEqual([
      {
        CloseDate: '2026-11-23',
        Amount: 100,
        Owner: { LastLoginDate: '2026-11-23T10:00:00.000+0000' }
      }
    ]);
  });

  it('refuses a field selected twice and aliases outside aggregate queries', () => {
    expect(() => run('SELECT Name, name FROM User')).toThrow('duplicate field selected: Name');
    expect(() => run('SELECT Name n FROM User')).toThrow(
      'Only aggregate expressions use field aliasing: n'
    );
  });

  it('refuses date functions in a query without GROUP BY', () => {
    expect(() => run('SELECT DAY_ONLY(CreatedDate) FROM User')).toThrow(
      'DAY_ONLY(CreatedDate) can only be selected with GROUP BY'
    );
  });
});

describe('ORDER BY, LIMIT and OFFSET', () => {
  it('sorts ascending with nulls first by default and descending with nulls last', () => {
    expect(names(run('SELECT Name FROM User ORDER BY LastLoginDate').records)).toEqual([
      'Cleo',
      'Eve',
      'Ben',
      'Dan',
      'Gus',
      'Ada',
      'Fay'
    ]);
    expect(names(run('SELECT Name FROM User ORDER BY LastLoginDate DESC').records)).toEqual([
      'Fay',
      'Ada',
      'Gus',
      'Dan',
      'Ben',
      'Eve',
      'Cleo'
    ]);
  });

  it('honours NULLS FIRST / NULLS LAST and several sort keys', () => {
    const result = run(
      'SELECT Name FROM User ORDER BY UserRole.Name DESC NULLS FIRST, Name ASC NULLS LAST'
    );

    expect(names(result.records)).toEqual(['Dan', 'Fay', 'Cleo', 'Gus', 'Ada', 'Ben', 'Eve']);
  });

  it('sorts text case-insensitively and numbers and dates by value', () => {
    expect(names(run('SELECT Name FROM Opportunity ORDER BY Amount DESC').records)).toEqual([
      'Beta',
      'Alpha',
      'Echo',
      'Delta',
      'Gamma'
    ]);
    expect(names(run('SELECT Name FROM Opportunity ORDER BY CloseDate').records)).toEqual([
      'Gamma',
      'Beta',
      'Echo',
      'Alpha',
      'Delta'
    ]);
    expect(names(run('SELECT Name FROM Opportunity ORDER BY StageName, Name').records)).toEqual([
      'Echo',
      'Alpha',
      'Beta',
      'Delta',
      'Gamma'
    ]);
  });

  it('pages with LIMIT and OFFSET, literal or bound, and charges only the rows returned', () => {
    const soql = 'SELECT Name FROM User ORDER BY Name LIMIT :size OFFSET :start';
    const result = run(soql, { size: 2, start: 3 });

    expect(names(result.records)).toEqual(['Dan', 'Eve']);
    expect(result.totalSize).toBe(2);
    expect(result.queryRowsCharged).toBe(2);
    expect(names(run('SELECT Name FROM User LIMIT 3').records)).toEqual(['Ada', 'Ben', 'Cleo']);
  });

  it('leaves LIMIT text inside string literals alone', () => {
    expect(run("SELECT Name FROM User WHERE Name = 'LIMIT :n' LIMIT :n", { n: 1 }).records).toEqual(
      []
    );
  });

  it('refuses ORDER BY a function outside aggregate queries and OFFSET beyond 2000', () => {
    expect(() => run('SELECT Name FROM User ORDER BY CALENDAR_YEAR(CreatedDate)')).toThrow(
      'ORDER BY CALENDAR_YEAR(CreatedDate) needs an aggregate query'
    );
    expect(() => run('SELECT Name FROM User LIMIT 1 OFFSET 2001')).toThrow(
      'NUMBER_OUTSIDE_VALID_RANGE: Maximum SOQL offset allowed is 2000'
    );
  });

  it('refuses a LIMIT bind that is not a non-negative integer or does not exist', () => {
    expect(() => run('SELECT Name FROM User LIMIT :n', { n: 1.5 })).toThrow(
      'LIMIT :n must be a non-negative integer'
    );
    expect(() => run('SELECT Name FROM User LIMIT :n')).toThrow('Variable does not exist: n');
  });
});

describe('WITH access modes', () => {
  it.each([
    ['WITH USER_MODE', 'USER_MODE'],
    ['WITH SYSTEM_MODE', 'SYSTEM_MODE'],
    ['WITH SECURITY_ENFORCED', 'SECURITY_ENFORCED'],
    ['', null]
  ])('records %s as %s without filtering anything', (clause, level) => {
    const result = run(`SELECT Id FROM User ${clause}`);

    expect(result.accessLevel).toBe(level);
    expect(result.totalSize).toBe(7);
  });
});
