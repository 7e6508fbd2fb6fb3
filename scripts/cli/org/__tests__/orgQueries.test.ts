import {
  countSoql,
  loginQuery,
  recordQuery,
  rejectedField,
  soqlOf,
  userQuery,
  withoutColumn
} from '../orgQueries';

describe('the org source’s SOQL', () => {
  it('selects the columns the CSV source reads, stand-ins included', () => {
    expect(soqlOf(recordQuery('Account'))).toBe(
      'SELECT Id, OwnerId, CreatedById, CreatedDate, LastModifiedDate FROM Account'
    );
    expect(soqlOf(recordQuery('Opportunity'))).toBe(
      'SELECT Id, OwnerId, CreatedById, CreatedDate, LastModifiedDate, LastActivityDate, IsClosed, IsWon, CloseDate, StageName, Amount, Probability FROM Opportunity'
    );
    expect(soqlOf(recordQuery('DuplicateRecordItem'))).toBe(
      'SELECT RecordId, DuplicateRecordSetId FROM DuplicateRecordItem'
    );
  });

  it('filters field history to stage changes in the org', () => {
    expect(soqlOf(recordQuery('OpportunityFieldHistory'))).toBe(
      "SELECT OpportunityId, CreatedDate, OldValue, NewValue, Field FROM OpportunityFieldHistory WHERE Field = 'StageName'"
    );
  });

  it('reads users with role and profile names and the region field', () => {
    expect(soqlOf(userQuery('Country'))).toBe(
      'SELECT Id, Name, IsActive, UserType, LastLoginDate, UserRole.Name, Profile.Name, ManagerId, Country FROM User'
    );
    expect(userQuery('Manager.Division').columns.at(-1)).toBe('Manager.Division');
    expect(userQuery('name').columns).toHaveLength(8);
  });

  it('refuses a region field that is not a field name', () => {
    expect(() => userQuery("Division FROM User WHERE Name = 'x'")).toThrow(
      "--region-field \"Division FROM User WHERE Name = 'x'\" is not a User field's API name (e.g. Division, Country, Region__c)."
    );
  });

  it('counts and reads LoginHistory over the range, widened to whole seconds', () => {
    const query = loginQuery({
      after: new Date('2026-10-24T12:00:00.250Z'),
      notAfter: new Date('2026-11-23T12:00:00.750Z')
    });
    expect(soqlOf(query)).toBe(
      'SELECT UserId, LoginTime, Status FROM LoginHistory WHERE LoginTime > 2026-10-24T12:00:00Z AND LoginTime <= 2026-11-23T12:00:01Z'
    );
    expect(countSoql(query)).toBe(
      'SELECT COUNT() FROM LoginHistory WHERE LoginTime > 2026-10-24T12:00:00Z AND LoginTime <= 2026-11-23T12:00:01Z'
    );
  });
});

describe('withoutColumn', () => {
  it('drops a rejected field that has a stand-in', () => {
    const narrower = withoutColumn(recordQuery('Account'), 'lastmodifieddate');
    expect(narrower && soqlOf(narrower)).toBe(
      'SELECT Id, OwnerId, CreatedById, CreatedDate FROM Account'
    );
  });

  it('keeps a field that has none, and ignores a field not selected', () => {
    expect(withoutColumn(recordQuery('Account'), 'CreatedDate')).toBeUndefined();
    expect(withoutColumn(recordQuery('Task'), 'Subject')).toBeUndefined();
    expect(withoutColumn(userQuery('Division'), 'Division')).toBeUndefined();
  });
});

describe('rejectedField', () => {
  it('reads the field from the API’s INVALID_FIELD message', () => {
    expect(
      rejectedField(
        "\nSELECT Id, LastModifiedDate FROM Account\n           ^\nERROR at Row:1:Column:12\nNo such column 'LastModifiedDate' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name."
      )
    ).toBe('LastModifiedDate');
    expect(rejectedField('something else')).toBeUndefined();
  });
});
