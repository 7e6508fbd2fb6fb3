/**
 * The SOQL of UserSelector.cls and LoginHistorySelector.cls, run with the binds the Apex methods
 * pass (UserSelector's templates formatted as String.format would, for the default population and
 * the whole population as audience): expected records and query-row charges.
 */
import path from 'node:path';
import { apexStringFormat } from '../../checks/apexStringFormat';
import { loadSelectorQueries } from '../../gateway/selectorQueries';
import { runQuery } from '../engine';
import { ORG, USER, loginId } from './fixtures';

// The statements are read from the Apex selectors themselves, so these tests follow any change to them.
let COUNT_POPULATION_BY_SLICE: string;
let COUNT_LOGGED_IN_SINCE_BY_SLICE: string;
let SELECT_POPULATION_LOGGED_IN_SINCE: string;
let COUNT_ATTEMPTS_BY_USER_AND_STATUS: string;
let SELECT_ATTEMPTS: string;

beforeAll(async () => {
  const queries = await loadSelectorQueries(
    path.join(__dirname, '..', '..', '..', 'force-app', 'main', 'default', 'classes')
  );
  const population = ['Division', 'IsActive = TRUE AND UserType IN :populationUserTypes', ''];
  COUNT_POPULATION_BY_SLICE = apexStringFormat(
    queries['UserSelector.POPULATION_BY_SLICE_TEMPLATE'],
    population
  );
  COUNT_LOGGED_IN_SINCE_BY_SLICE = apexStringFormat(
    queries['UserSelector.LOGGED_IN_BY_SLICE_TEMPLATE'],
    population
  );
  SELECT_POPULATION_LOGGED_IN_SINCE = apexStringFormat(
    queries['UserSelector.LOGGED_IN_SINCE_TEMPLATE'],
    population
  );
  COUNT_ATTEMPTS_BY_USER_AND_STATUS = queries['LoginHistorySelector.countAttemptsByUserAndStatus'];
  SELECT_ATTEMPTS = queries['LoginHistorySelector.readAttempts'];
});

const POPULATION = { populationUserTypes: ['Standard'], populationProfiles: [], sliceLimit: 2001 };

const WINDOW = {
  userIds: new Set([USER.ada, USER.ben, USER.cleo]),
  startExclusive: new Date('2026-11-15T00:00:00Z'),
  endInclusive: new Date('2026-11-23T10:00:00Z'),
  groupLimit: 1000
};

describe('UserSelector SOQL', () => {
  it('countPopulationBySlice counts users and ever-logged-in users per role and division', () => {
    const result = runQuery(ORG, COUNT_POPULATION_BY_SLICE, POPULATION);

    expect(result.records).toEqual([
      { role: 'Sales', region: 'EMEA', users: 2, everLoggedIn: 2 },
      { role: 'Support', region: 'AMER', users: 1, everLoggedIn: 0 },
      { role: null, region: 'AMER', users: 1, everLoggedIn: 1 },
      { role: 'Support', region: null, users: 1, everLoggedIn: 1 }
    ]);
    expect(result.totalSize).toBe(4);
    expect(result.queryRowsCharged).toBe(4);
    expect(result.accessLevel).toBe('USER_MODE');
  });

  it('countLoggedInSinceBySlice counts only users whose last login is after since', () => {
    const result = runQuery(ORG, COUNT_LOGGED_IN_SINCE_BY_SLICE, {
      ...POPULATION,
      since: new Date('2026-11-21T00:00:00Z')
    });

    expect(result.records).toEqual([
      { role: 'Sales', region: 'EMEA', users: 1 },
      { role: null, region: 'AMER', users: 1 },
      { role: 'Support', region: null, users: 1 }
    ]);
    expect(result.queryRowsCharged).toBe(3);
  });

  it('selectPopulationLoggedInSince returns the most recent users, nested role, up to maxUsers', () => {
    const result = runQuery(ORG, SELECT_POPULATION_LOGGED_IN_SINCE, {
      ...POPULATION,
      since: new Date('2026-11-21T00:00:00Z'),
      maxUsers: 2
    });

    expect(result.records).toEqual([
      { Id: USER.ada, Name: 'Ada', UserRole: { Name: 'Sales' }, Division: 'EMEA' },
      { Id: USER.gus, Name: 'Gus', UserRole: { Name: 'Support' }, Division: null }
    ]);
    expect(result.totalSize).toBe(2);
    expect(result.queryRowsCharged).toBe(2);
  });

  it('selectPopulationLoggedInSince gives a user without a role a null UserRole', () => {
    const result = runQuery(ORG, SELECT_POPULATION_LOGGED_IN_SINCE, {
      ...POPULATION,
      since: new Date('2026-11-21T00:00:00Z'),
      maxUsers: 10
    });

    expect(result.records[2]).toEqual({
      Id: USER.dan,
      Name: 'Dan',
      UserRole: null,
      Division: 'AMER'
    });
    expect(result.queryRowsCharged).toBe(3);
  });
});

describe('LoginHistorySelector SOQL', () => {
  it('countAttemptsByUserAndStatus tallies attempts per user and status in (start, end]', () => {
    const result = runQuery(ORG, COUNT_ATTEMPTS_BY_USER_AND_STATUS, WINDOW);

    expect(result.records).toEqual([
      { UserId: USER.ada, Status: 'Success', attempts: 2 },
      { UserId: USER.ada, Status: 'Invalid Password', attempts: 1 },
      { UserId: USER.ben, Status: 'Success', attempts: 1 },
      { UserId: USER.cleo, Status: 'Invalid Password', attempts: 1 }
    ]);
    expect(result.queryRowsCharged).toBe(4);
    expect(result.accessLevel).toBe('SYSTEM_MODE');
  });

  it('selectAttempts returns each attempt in the window with REST-style datetimes', () => {
    const result = runQuery(ORG, SELECT_ATTEMPTS, { ...WINDOW, userIds: [...WINDOW.userIds] });

    expect(result.records).toEqual([
      { UserId: USER.ada, LoginTime: '2026-11-23T10:00:00.000+0000', Status: 'Success' },
      { UserId: USER.ada, LoginTime: '2026-11-22T09:00:00.000+0000', Status: 'Success' },
      { UserId: USER.ada, LoginTime: '2026-11-22T08:00:00.000+0000', Status: 'Invalid Password' },
      { UserId: USER.ben, LoginTime: '2026-11-20T09:00:00.000+0000', Status: 'Success' },
      { UserId: USER.cleo, LoginTime: '2026-11-21T12:00:00.000+0000', Status: 'Invalid Password' }
    ]);
    expect(result.queryRowsCharged).toBe(5);
  });

  it('excludes the window start and includes the window end', () => {
    const result = runQuery(
      ORG,
      'SELECT Id FROM LoginHistory WHERE UserId IN :userIds AND LoginTime > :startExclusive AND LoginTime <= :endInclusive',
      { ...WINDOW, userIds: [USER.ben, USER.ada] }
    );

    const ids = result.records.map((record) => record.Id);
    expect(ids).toContain(loginId(1));
    expect(ids).not.toContain(loginId(10));
  });
});
