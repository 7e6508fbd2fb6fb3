/**
 * The org's schema: standard objects from the Object Reference (config/schema/standard-objects.json
 * plus supplementalSchema.ts), custom objects, custom settings, custom metadata types and custom
 * fields from the source folder's `objects/`. Names keep the schema's spelling; lookups are
 * case-insensitive, as Apex and SOQL are.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FieldSpec } from '../../demo/model';
import { customFieldDescribeType, engineType } from './fieldTypes';
import { readMetadataFiles, subfolders, xmlBlocks, xmlValue } from './metadataXml';
import { SUPPLEMENTAL_FIELDS, SUPPLEMENTAL_OBJECTS } from './supplementalSchema';
import type { RawField } from './supplementalSchema';
import type { PicklistEntry } from './types';

export interface FieldSchema {
  readonly name: string;
  readonly label: string;
  /** Lower-case describe type ('datetime', 'textarea', 'reference'). */
  readonly type: string;
  /** The engine's view of the column. */
  readonly spec: FieldSpec;
  readonly isCustom: boolean;
  readonly nillable: boolean;
  readonly createable: boolean;
  readonly updateable: boolean;
  /** Set by the platform when an insert leaves it blank ("Defaulted on create"). */
  readonly defaultedOnCreate: boolean;
  readonly filterable: boolean;
  readonly groupable: boolean;
  readonly sortable: boolean;
  readonly referenceTo: readonly string[];
  readonly relationshipName: string | null;
  readonly length?: number;
  readonly picklistValues?: readonly PicklistEntry[];
}

export type ObjectKind = 'standard' | 'custom' | 'customSetting' | 'customMetadata';

export interface ObjectSchema {
  readonly name: string;
  readonly label: string;
  readonly kind: ObjectKind;
  /** `<sharingModel>` of the object's metadata, when the source folder has one. */
  readonly sharingModel?: string;
  readonly fields: Readonly<Record<string, FieldSchema>>;
}

export class OrgSchema {
  private readonly byLowerName = new Map<string, ObjectSchema>();

  constructor(objects: readonly ObjectSchema[]) {
    for (const object of objects) this.byLowerName.set(object.name.toLowerCase(), object);
  }

  get objects(): ObjectSchema[] {
    return [...this.byLowerName.values()];
  }

  object(name: string): ObjectSchema | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  field(objectName: string, fieldName: string): FieldSchema | undefined {
    const fields = this.object(objectName)?.fields ?? {};
    const lower = fieldName.toLowerCase();
    const key = Object.keys(fields).find((name) => name.toLowerCase() === lower);
    return key === undefined ? undefined : fields[key];
  }
}

/** 'LastLoginDate' → 'Last Login Date', 'OwnerId' → 'Owner ID': the standard labels' pattern. */
export function labelOf(apiName: string): string {
  const words = apiName
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return words.replace(/ Id$/, ' ID').replace(/^Id$/, 'Record ID');
}

function standardField(name: string, raw: RawField): FieldSchema | undefined {
  const type = raw.type.toLowerCase();
  const engine = engineType(type);
  if (!engine) return undefined;
  const has = (property: string): boolean => raw.properties.includes(property);
  const referenceTo = raw.referenceTo ?? [];
  const relationshipName = raw.relationshipName ?? null;
  const spec: FieldSpec =
    engine === 'reference' && referenceTo.length > 0 && relationshipName
      ? {
          type: engine,
          referenceTo: referenceTo[0],
          relationshipName,
          ...(referenceTo.length > 1 ? { referenceTargets: referenceTo } : {})
        }
      : { type: engine };
  return {
    name,
    label: labelOf(name),
    type,
    spec,
    isCustom: false,
    // Booleans are never null on the platform, whatever the page prints.
    nillable: has('Nillable') && type !== 'boolean',
    createable: has('Create'),
    updateable: has('Update'),
    defaultedOnCreate: has('Defaulted on create') || type === 'boolean',
    filterable: has('Filter'),
    groupable: has('Group'),
    sortable: has('Sort'),
    referenceTo,
    relationshipName
  };
}

function fieldsOf(raw: Record<string, RawField>): Record<string, FieldSchema> {
  const fields: Record<string, FieldSchema> = {};
  for (const [name, entry] of Object.entries(raw)) {
    const field = standardField(name, entry);
    if (field) fields[name] = field;
  }
  return fields;
}

interface StandardObjectsFile {
  objects: Record<string, { fields: Record<string, RawField> }>;
}

function standardObjects(file: string): ObjectSchema[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as StandardObjectsFile;
  const raw: Record<string, Record<string, RawField>> = { ...SUPPLEMENTAL_OBJECTS };
  for (const [name, object] of Object.entries(parsed.objects)) {
    raw[name] = { ...SUPPLEMENTAL_FIELDS[name], ...object.fields };
  }
  return Object.entries(raw).map(([name, fields]) => ({
    name,
    label: labelOf(name),
    kind: 'standard',
    fields: fieldsOf(fields)
  }));
}

const AUDIT: Record<string, RawField> = {
  Id: { type: 'id', properties: ['Defaulted on create', 'Filter', 'Group', 'Sort'] },
  IsDeleted: { type: 'boolean', properties: ['Defaulted on create', 'Filter'] },
  CreatedById: {
    type: 'reference',
    properties: ['Defaulted on create', 'Filter', 'Group', 'Sort'],
    referenceTo: ['User'],
    relationshipName: 'CreatedBy'
  },
  CreatedDate: { type: 'dateTime', properties: ['Defaulted on create', 'Filter', 'Sort'] },
  LastModifiedById: {
    type: 'reference',
    properties: ['Defaulted on create', 'Filter', 'Group', 'Sort'],
    referenceTo: ['User'],
    relationshipName: 'LastModifiedBy'
  },
  LastModifiedDate: { type: 'dateTime', properties: ['Defaulted on create', 'Filter', 'Sort'] },
  SystemModstamp: { type: 'dateTime', properties: ['Defaulted on create', 'Filter', 'Sort'] }
};

const TEXT: string[] = ['Create', 'Filter', 'Group', 'Sort', 'Update'];

/** The system fields of each kind of custom object (Object Reference: "Custom Objects"). */
function systemFields(kind: ObjectKind): Record<string, RawField> {
  const owner: RawField = {
    type: 'reference',
    properties: ['Create', 'Defaulted on create', 'Filter', 'Group', 'Sort', 'Update'],
    referenceTo: ['User'],
    relationshipName: 'Owner'
  };
  switch (kind) {
    case 'customMetadata':
      return {
        Id: AUDIT.Id,
        DeveloperName: { type: 'string', properties: TEXT },
        MasterLabel: { type: 'string', properties: TEXT },
        Label: { type: 'string', properties: TEXT },
        QualifiedApiName: { type: 'string', properties: ['Filter', 'Group', 'Sort'] },
        NamespacePrefix: { type: 'string', properties: ['Filter', 'Group', 'Nillable', 'Sort'] }
      };
    case 'customSetting':
      return {
        ...AUDIT,
        Name: { type: 'string', properties: [...TEXT, 'Nillable'] },
        // Hierarchy settings: the organization, a profile or a user.
        SetupOwnerId: {
          ...owner,
          properties: [...TEXT, 'Defaulted on create'],
          relationshipName: 'SetupOwner'
        }
      };
    default:
      return { ...AUDIT, Name: { type: 'string', properties: TEXT }, OwnerId: owner };
  }
}

function picklistValues(xml: string): PicklistEntry[] | undefined {
  const values = xmlBlocks(xml, 'value')
    .map((block) => xmlValue(block, 'fullName'))
    .filter((value): value is string => value !== undefined);
  if (values.length === 0) return undefined;
  return values.map((value) => ({ value, label: value, active: true }));
}

function customField(name: string, xml: string): FieldSchema {
  const type = customFieldDescribeType(xmlValue(xml, 'type') ?? 'Text');
  const isFormula = xml.includes('<formula>');
  const required = xmlValue(xml, 'required') === 'true' || type === 'boolean';
  const referenceTo = xmlValue(xml, 'referenceTo');
  const relationship = xmlValue(xml, 'relationshipName');
  const base = standardField(name, {
    type,
    properties: [
      'Filter',
      'Sort',
      ...(isFormula || type === 'textarea' || type === 'multipicklist' ? [] : ['Group']),
      ...(isFormula ? [] : ['Create', 'Update']),
      ...(required ? [] : ['Nillable'])
    ],
    ...(referenceTo ? { referenceTo: [referenceTo] } : {}),
    ...(relationship ? { relationshipName: `${relationship}__r` } : {})
  }) as FieldSchema;
  const length = xmlValue(xml, 'length');
  const values = picklistValues(xml);
  return {
    ...base,
    label: xmlValue(xml, 'label') ?? base.label,
    isCustom: true,
    // A long text area cannot be filtered (Object Reference: "Field Types").
    filterable: type !== 'textarea' || xmlValue(xml, 'type') === 'TextArea',
    ...(length ? { length: Number(length) } : {}),
    ...(values ? { picklistValues: values } : {})
  };
}

function kindOf(name: string, xml: string | undefined): ObjectKind {
  if (name.endsWith('__mdt')) return 'customMetadata';
  if (xml?.includes('<customSettingsType>')) return 'customSetting';
  return name.endsWith('__c') ? 'custom' : 'standard';
}

/** Merges `objects/<Object>/` folders: new custom objects, custom fields, sharing models. */
function withSourceObjects(standard: ObjectSchema[], objectsDir: string): ObjectSchema[] {
  const byName = new Map(standard.map((object) => [object.name, object]));
  for (const name of subfolders(objectsDir)) {
    const folder = path.join(objectsDir, name);
    const objectXml = readMetadataFiles(folder, '.object-meta.xml').find(
      ([file]) => file === name
    )?.[1];
    const kind = kindOf(name, objectXml);
    const existing = byName.get(name);
    const fields: Record<string, FieldSchema> = {
      ...(existing?.fields ?? fieldsOf(systemFields(kind)))
    };
    for (const [fieldName, xml] of readMetadataFiles(
      path.join(folder, 'fields'),
      '.field-meta.xml'
    )) {
      fields[fieldName] = customField(fieldName, xml);
    }
    const sharingModel = objectXml ? xmlValue(objectXml, 'sharingModel') : undefined;
    byName.set(name, {
      name,
      label: (objectXml && xmlValue(objectXml, 'label')) ?? existing?.label ?? labelOf(name),
      kind,
      ...(sharingModel ? { sharingModel } : {}),
      fields
    });
  }
  return [...byName.values()];
}

export function loadSchema(standardObjectsFile: string, objectsDir: string): OrgSchema {
  return new OrgSchema(withSourceObjects(standardObjects(standardObjectsFile), objectsDir));
}
