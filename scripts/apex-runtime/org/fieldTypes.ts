/**
 * Field types in three vocabularies: the Object Reference's (`dateTime`, `textarea`), a custom
 * field's metadata (`Text`, `Number`, `Lookup`) and the SOQL engine's value domain (FieldType).
 */
import type { FieldType } from '../../demo/model';

/** Object Reference type → engine type; compound types (address, location) are not columns. */
const ENGINE_TYPES: Record<string, FieldType> = {
  id: 'id',
  reference: 'reference',
  string: 'string',
  textarea: 'string',
  phone: 'string',
  url: 'string',
  combobox: 'string',
  anytype: 'string',
  encryptedstring: 'string',
  picklist: 'picklist',
  multipicklist: 'picklist',
  email: 'email',
  boolean: 'boolean',
  int: 'int',
  double: 'double',
  currency: 'currency',
  percent: 'percent',
  date: 'date',
  datetime: 'datetime'
};

/** The engine type of a describe type, or undefined for a compound field. */
export function engineType(describeType: string): FieldType | undefined {
  return ENGINE_TYPES[describeType.toLowerCase()];
}

/** A custom field's metadata `<type>` → its describe type (Schema.DisplayType, lower case). */
const CUSTOM_FIELD_TYPES: Record<string, string> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  EncryptedText: 'encryptedstring',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Email: 'email',
  Url: 'url',
  Phone: 'phone',
  Lookup: 'reference',
  MasterDetail: 'reference'
};

export function customFieldDescribeType(metadataType: string): string {
  return CUSTOM_FIELD_TYPES[metadataType] ?? 'string';
}
