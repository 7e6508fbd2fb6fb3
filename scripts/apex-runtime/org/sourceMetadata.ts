/**
 * The source folder's security and configuration metadata, read into plain records: permission
 * sets (custom permissions, object and field permissions, access to custom metadata types and
 * custom settings), custom permissions, and custom metadata records.
 */
import path from 'node:path';
import type { FieldValue } from '../../demo/model';
import { decodeEntities, readMetadataFiles, xmlBlocks, xmlValue } from './metadataXml';

export interface ObjectGrantSource {
  object: string;
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface PermissionSetSource {
  name: string;
  label: string;
  description: string | null;
  customPermissions: string[];
  objects: ObjectGrantSource[];
  /** 'Object.Field' with whether it is editable. */
  fields: { field: string; editable: boolean }[];
}

export interface CustomPermissionSource {
  name: string;
  label: string;
}

export interface CustomMetadataSource {
  typeName: string;
  developerName: string;
  label: string;
  values: Record<string, FieldValue>;
}

const enabled = (block: string, tag = 'enabled'): boolean => xmlValue(block, tag) === 'true';

function objectGrants(xml: string): ObjectGrantSource[] {
  const grants = xmlBlocks(xml, 'objectPermissions').map((block) => ({
    object: xmlValue(block, 'object') ?? '',
    read: enabled(block, 'allowRead'),
    create: enabled(block, 'allowCreate'),
    edit: enabled(block, 'allowEdit'),
    delete: enabled(block, 'allowDelete'),
    viewAll: enabled(block, 'viewAllRecords'),
    modifyAll: enabled(block, 'modifyAllRecords')
  }));
  // Access to a custom metadata type or custom setting is recorded as read access to it.
  const typeAccess = [
    ...xmlBlocks(xml, 'customMetadataTypeAccesses'),
    ...xmlBlocks(xml, 'customSettingAccesses')
  ]
    .filter((block) => enabled(block))
    .map((block) => ({
      object: xmlValue(block, 'name') ?? '',
      read: true,
      create: false,
      edit: false,
      delete: false,
      viewAll: false,
      modifyAll: false
    }));
  return [...grants, ...typeAccess];
}

export function readPermissionSets(sourceDir: string): PermissionSetSource[] {
  return readMetadataFiles(path.join(sourceDir, 'permissionsets'), '.permissionset-meta.xml').map(
    ([name, xml]) => ({
      name,
      label: xmlValue(xml, 'label') ?? name,
      description: xmlValue(xml, 'description') ?? null,
      customPermissions: xmlBlocks(xml, 'customPermissions')
        .filter((block) => enabled(block))
        .map((block) => xmlValue(block, 'name') ?? ''),
      objects: objectGrants(xml),
      fields: xmlBlocks(xml, 'fieldPermissions')
        .filter((block) => enabled(block, 'readable'))
        .map((block) => ({
          field: xmlValue(block, 'field') ?? '',
          editable: enabled(block, 'editable')
        }))
    })
  );
}

export function readCustomPermissions(sourceDir: string): CustomPermissionSource[] {
  return readMetadataFiles(
    path.join(sourceDir, 'customPermissions'),
    '.customPermission-meta.xml'
  ).map(([name, xml]) => ({ name, label: xmlValue(xml, 'label') ?? name }));
}

/** A `<value xsi:type="xsd:…">` as the engine stores it; dateTime becomes epoch milliseconds. */
function metadataValue(block: string): FieldValue {
  if (/<value\s+xsi:nil="true"\s*\/>/.test(block)) return null;
  const match = /<value(?:\s+xsi:type="xsd:(\w+)")?>([^<]*)<\/value>/.exec(block);
  if (!match) return null;
  const [, type, text] = match;
  switch (type) {
    case 'double':
    case 'int':
    case 'long':
      return Number(text);
    case 'boolean':
      return text === 'true';
    case 'dateTime':
      return Date.parse(text);
    default:
      return decodeEntities(text);
  }
}

/** Records of `customMetadata/<Type>.<Record>.md-meta.xml`; the type is `<Type>__mdt`. */
export function readCustomMetadata(sourceDir: string): CustomMetadataSource[] {
  return readMetadataFiles(path.join(sourceDir, 'customMetadata'), '.md-meta.xml').map(
    ([file, xml]) => {
      const dot = file.indexOf('.');
      const values: Record<string, FieldValue> = {};
      for (const block of xmlBlocks(xml, 'values')) {
        const field = xmlValue(block, 'field');
        if (field) values[field] = metadataValue(block);
      }
      return {
        typeName: `${file.slice(0, dot)}__mdt`,
        developerName: file.slice(dot + 1),
        label: xmlValue(xml, 'label') ?? file.slice(dot + 1),
        values
      };
    }
  );
}
