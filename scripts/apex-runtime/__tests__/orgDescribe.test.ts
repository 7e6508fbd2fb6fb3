import { labelOf } from '../org/schema';
import { newOrg } from './orgTestSupport';

describe('org data: describes (Apex Reference: DescribeSObjectResult, DescribeFieldResult)', () => {
  const org = newOrg();

  it('describes a standard object from the Object Reference', () => {
    const account = org.describe('ACCOUNT');
    expect(account).toMatchObject({
      name: 'Account',
      label: 'Account',
      keyPrefix: '001',
      isCustom: false,
      isCustomSetting: false
    });
    expect(account?.fields.Name).toEqual({
      name: 'Name',
      label: 'Name',
      type: 'string',
      isCustom: false,
      nillable: false,
      createable: true,
      updateable: true,
      filterable: true,
      groupable: true,
      sortable: true,
      referenceTo: [],
      relationshipName: null
    });
    expect(account?.fields.OwnerId).toMatchObject({
      label: 'Owner ID',
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Owner'
    });
    expect(org.describe('Nope')).toBeUndefined();
  });

  it('describes custom metadata types and custom settings from the source folder', () => {
    const settings = org.describe('Adoption_Settings__mdt');
    expect(settings).toMatchObject({
      label: 'Adoption Settings',
      isCustom: true,
      isCustomSetting: false
    });
    expect(settings?.fields.Region_Field__c).toMatchObject({ isCustom: true, type: 'string' });
    expect(settings?.fields.DeveloperName.isCustom).toBe(false);
    expect(org.describe('Adoption_Baseline_Deployment__c')?.isCustomSetting).toBe(true);
  });

  it('gives field types in the describe vocabulary', () => {
    expect(org.fieldType('Opportunity', 'closedate')).toBe('date');
    expect(org.fieldType('User', 'LastLoginDate')).toBe('datetime');
    expect(org.fieldType('Opportunity', 'Description')).toBe('textarea');
    expect(org.fieldType('Adoption_Settings__mdt', 'Stale_Days__c')).toBe('double');
    expect(org.fieldType('Adoption_Settings__mdt', 'Privacy_Mode__c')).toBe('boolean');
    expect(org.fieldType('Account', 'Nope')).toBeUndefined();
    expect(org.objectNames()).toEqual(
      expect.arrayContaining([
        'Account',
        'LoginHistory',
        'CustomPermission',
        'Adoption_Settings__mdt'
      ])
    );
  });

  it('labels API names the way standard labels read', () => {
    expect(labelOf('LastLoginDate')).toBe('Last Login Date');
    expect(labelOf('Id')).toBe('Record ID');
    expect(labelOf('Stale_Days__c')).toBe('Stale Days');
    expect(labelOf('URLName')).toBe('URL Name');
  });
});
