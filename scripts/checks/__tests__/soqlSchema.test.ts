import path from 'node:path';
import { loadStandardObjects } from '../schemaSources';
import { checkSoql } from '../soqlSchema';
import type { Schema } from '../soqlSchema';

let schema: Schema;

beforeAll(async () => {
  schema = await loadStandardObjects(
    path.join(__dirname, '..', '..', '..', 'config', 'schema', 'standard-objects.json')
  );
});

describe('checkSoql against the object reference', () => {
  it('accepts the aggregate population query, relationship fields included', () => {
    expect(
      checkSoql(
        "SELECT UserRole.Name role, Division region, COUNT(Id) users, COUNT(LastLoginDate) everLoggedIn FROM User WHERE IsActive = TRUE AND UserType = 'Standard' AND LastLoginDate > :since WITH USER_MODE GROUP BY UserRole.Name, Division",
        schema
      )
    ).toEqual([]);
  });

  it('accepts binds in LIMIT and ORDER BY on sortable fields', () => {
    expect(
      checkSoql(
        'SELECT Id, Name FROM User WHERE LastLoginDate > :since ORDER BY LastLoginDate DESC LIMIT :maxUsers',
        schema
      )
    ).toEqual([]);
  });

  it('fails a misspelled field and names it', () => {
    expect(checkSoql('SELECT Id, LastLoginDat FROM User', schema)).toEqual([
      'LastLoginDat: no field "LastLoginDat" on User'
    ]);
  });

  it('fails a misspelled relationship and a missing field behind a relationship', () => {
    expect(checkSoql('SELECT UserRoles.Name FROM User', schema)).toEqual([
      'UserRoles.Name: no relationship "UserRoles" on User'
    ]);
    expect(checkSoql('SELECT Owner.UserRole.Nam FROM Opportunity', schema)).toEqual([
      'Owner.UserRole.Nam: no field "Nam" on UserRole'
    ]);
  });

  it('fails filtering on LoginHistory.Status, which the reference does not allow', () => {
    expect(checkSoql("SELECT UserId FROM LoginHistory WHERE Status = 'Success'", schema)).toEqual([
      'Status: LoginHistory.Status cannot be filtered (WHERE)'
    ]);
  });

  it('fails grouping by LoginHistory.LoginTime, even inside a date function', () => {
    expect(
      checkSoql('SELECT UserId, COUNT(Id) FROM LoginHistory GROUP BY UserId, LoginTime', schema)
    ).toEqual(['LoginTime: LoginHistory.LoginTime cannot be grouped (GROUP BY)']);
    expect(
      checkSoql(
        'SELECT DAY_ONLY(LoginTime) d, COUNT(Id) FROM LoginHistory GROUP BY DAY_ONLY(LoginTime)',
        schema
      )
    ).toEqual(['LoginTime: LoginHistory.LoginTime cannot be grouped (GROUP BY)']);
  });

  it('accepts grouping LoginHistory by UserId and Status', () => {
    expect(
      checkSoql(
        'SELECT UserId, Status, COUNT(Id) attempts FROM LoginHistory WHERE UserId IN :ids AND LoginTime > :s AND LoginTime <= :e GROUP BY UserId, Status',
        schema
      )
    ).toEqual([]);
  });

  it('fails sorting on an unsortable field', () => {
    const unsortable: Schema = {
      Thing__c: { fields: { Notes__c: { type: 'textarea', properties: ['Nillable'] } } }
    };
    expect(checkSoql('SELECT Notes__c FROM Thing__c ORDER BY Notes__c', unsortable)).toEqual([
      'Notes__c: Thing__c.Notes__c cannot be sorted (ORDER BY)'
    ]);
  });

  it('checks semi-join subqueries and reports unknown objects and unparsable SOQL', () => {
    expect(
      checkSoql('SELECT Id FROM User WHERE Id IN (SELECT UserIdd FROM LoginHistory)', schema)
    ).toEqual(['UserIdd: no field "UserIdd" on LoginHistory']);
    expect(checkSoql('SELECT Id FROM Widget__c', schema)).toEqual([
      'FROM Widget__c: object is not in the schema'
    ]);
    expect(checkSoql('SELECT FROM User', schema)[0]).toMatch(/^SOQL does not parse/);
  });

  it('says which constructs it does not check yet', () => {
    expect(checkSoql('SELECT Id, (SELECT Id FROM Contacts) FROM Account', schema)).toEqual([
      'child subquery Contacts of Account is not checked yet: extend scripts/checks/soqlSchema.ts'
    ]);
  });

  it('reports an object missing behind a relationship', () => {
    const partial: Schema = {
      A__c: {
        fields: {
          B__c: {
            type: 'reference',
            properties: [],
            referenceTo: ['B__c'],
            relationshipName: 'B__r'
          }
        }
      }
    };
    expect(checkSoql('SELECT B__r.Name FROM A__c', partial)).toEqual([
      'B__r.Name: object B__c is not in the schema'
    ]);
  });
});
