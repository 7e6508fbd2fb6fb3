/** Loads the schema the SOQL check compares against: standard objects from the object reference, custom ones from metadata. */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FieldDescribe, Schema } from './soqlSchema';

interface StandardObjectsFile {
  source: string;
  objects: Schema;
}

export async function loadStandardObjects(file: string): Promise<Schema> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as StandardObjectsFile;
  return parsed.objects;
}

const UNGROUPABLE_TYPES = new Set([
  'LongTextArea',
  'Html',
  'MultiselectPicklist',
  'Location',
  'EncryptedText'
]);

function xmlValue(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

/** A custom field's describe, from its .field-meta.xml (formula and long text fields cannot be grouped). */
export function customFieldDescribe(xml: string): FieldDescribe {
  const type = xmlValue(xml, 'type') ?? 'Text';
  const isFormula = xml.includes('<formula>');
  const properties = UNGROUPABLE_TYPES.has(type)
    ? ['Nillable']
    : ['Filter', 'Nillable', 'Sort', ...(isFormula ? [] : ['Group'])];
  const referenceTo = xmlValue(xml, 'referenceTo');
  const relationshipName = xmlValue(xml, 'relationshipName');
  return {
    type,
    properties,
    ...(referenceTo ? { referenceTo: [referenceTo] } : {}),
    ...(relationshipName ? { relationshipName: `${relationshipName}__r` } : {})
  };
}

const CUSTOM_OBJECT_SYSTEM_FIELDS: Record<string, FieldDescribe> = {
  Id: { type: 'id', properties: ['Filter', 'Group', 'Sort'] },
  Name: { type: 'string', properties: ['Filter', 'Group', 'Sort'] },
  OwnerId: {
    type: 'reference',
    properties: ['Filter', 'Group', 'Sort'],
    referenceTo: ['User'],
    relationshipName: 'Owner'
  },
  CreatedById: {
    type: 'reference',
    properties: ['Filter', 'Group', 'Sort'],
    referenceTo: ['User'],
    relationshipName: 'CreatedBy'
  },
  CreatedDate: { type: 'dateTime', properties: ['Filter', 'Sort'] },
  LastModifiedById: {
    type: 'reference',
    properties: ['Filter', 'Group', 'Sort'],
    referenceTo: ['User'],
    relationshipName: 'LastModifiedBy'
  },
  LastModifiedDate: { type: 'dateTime', properties: ['Filter', 'Sort'] },
  SystemModstamp: { type: 'dateTime', properties: ['Filter', 'Sort'] },
  IsDeleted: { type: 'boolean', properties: ['Filter', 'Group', 'Sort'] }
};

/** Custom objects and custom fields on standard objects, from force-app/…/objects. */
export async function addCustomObjects(schema: Schema, objectsDir: string): Promise<Schema> {
  if (!existsSync(objectsDir)) return schema;
  const merged: Schema = { ...schema };
  for (const objectName of await readdir(objectsDir)) {
    const fieldsDir = path.join(objectsDir, objectName, 'fields');
    const base = merged[objectName] ?? {
      fields:
        objectName.endsWith('__c') || objectName.endsWith('__mdt')
          ? { ...CUSTOM_OBJECT_SYSTEM_FIELDS }
          : {}
    };
    const fields = { ...base.fields };
    if (existsSync(fieldsDir)) {
      for (const file of await readdir(fieldsDir)) {
        if (!file.endsWith('.field-meta.xml')) continue;
        fields[file.replace('.field-meta.xml', '')] = customFieldDescribe(
          await readFile(path.join(fieldsDir, file), 'utf8')
        );
      }
    }
    merged[objectName] = { ...base, fields };
  }
  return merged;
}
