import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addCustomObjects, customFieldDescribe } from '../schemaSources';
import { checkSoql } from '../soqlSchema';

describe('custom schema from metadata', () => {
  it('describes custom fields: lookups get a __r relationship, formulas cannot be grouped, long text cannot be filtered', () => {
    expect(
      customFieldDescribe(
        '<CustomField><type>Lookup</type><referenceTo>User</referenceTo><relationshipName>Coach</relationshipName></CustomField>'
      )
    ).toEqual({
      type: 'Lookup',
      properties: ['Filter', 'Nillable', 'Sort', 'Group'],
      referenceTo: ['User'],
      relationshipName: 'Coach__r'
    });
    expect(
      customFieldDescribe('<CustomField><type>Number</type><formula>1</formula></CustomField>')
        .properties
    ).toEqual(['Filter', 'Nillable', 'Sort']);
    expect(
      customFieldDescribe('<CustomField><type>LongTextArea</type></CustomField>').properties
    ).toEqual(['Nillable']);
    expect(customFieldDescribe('<CustomField></CustomField>').type).toBe('Text');
  });

  it('adds custom objects with their system fields, and custom fields to standard objects', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schema-'));
    mkdirSync(path.join(dir, 'Adoption_Snapshot__c', 'fields'), { recursive: true });
    writeFileSync(
      path.join(dir, 'Adoption_Snapshot__c', 'fields', 'Value__c.field-meta.xml'),
      '<CustomField><type>Number</type></CustomField>'
    );
    writeFileSync(path.join(dir, 'Adoption_Snapshot__c', 'fields', 'README.md'), 'not a field');
    mkdirSync(path.join(dir, 'User', 'fields'), { recursive: true });
    writeFileSync(
      path.join(dir, 'User', 'fields', 'Region__c.field-meta.xml'),
      '<CustomField><type>Text</type></CustomField>'
    );
    mkdirSync(path.join(dir, 'Empty__c'));
    const schema = await addCustomObjects(
      { User: { fields: { Id: { type: 'id', properties: ['Filter'] } } } },
      dir
    );
    expect(
      checkSoql(
        'SELECT Id, Value__c, Owner.Name FROM Adoption_Snapshot__c WHERE CreatedDate > :since',
        {
          ...schema,
          User: { fields: { ...schema.User.fields, Name: { type: 'string', properties: [] } } }
        }
      )
    ).toEqual([]);
    expect(checkSoql('SELECT Id FROM User WHERE Region__c = :region', schema)).toEqual([]);
    expect(Object.keys(schema.Empty__c.fields)).toContain('OwnerId');
  });

  it('leaves the schema alone when there is no objects folder', async () => {
    const schema = { User: { fields: {} } };
    expect(await addCustomObjects(schema, path.join(os.tmpdir(), 'does-not-exist-adoption'))).toBe(
      schema
    );
  });
});
