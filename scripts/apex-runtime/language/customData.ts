/**
 * The static methods of custom settings and custom metadata types (Apex Reference Guide, "Custom
 * Settings Methods" and "Custom Metadata Type Methods"), read from the data layer without a
 * governor charge, as the platform reads its application cache:
 * - hierarchy settings: getOrgDefaults() (an empty record when the org level has none),
 *   getInstance() / getInstance(userOrProfileId) / getValues(id) (the lowest level defined,
 *   else a new record, Id null, fields merged from higher levels, SetupOwnerId the given id);
 * - list settings: getAll(), getInstance(name), getValues(name);
 * - custom metadata: getAll() (by DeveloperName), getInstance(developerNameOrId); long text area
 *   values are cut to their first 255 characters, as documented for these methods.
 */
import type { ObjectDescribe } from '../org/types';
import { ApexId, ApexMap, SObjectValue, typeName, type ApexValue } from '../values';
import { readRecords, recordFromRow } from './database';
import type { Interpreter } from './interpreter';
import { userRecord } from './userInfo';

const CACHED_TEXT_LENGTH = 255;

function settingFields(described: ObjectDescribe): string[] {
  return Object.values(described.fields).map((field) => field.name);
}

function settingsRows(
  interp: Interpreter,
  described: ObjectDescribe,
  line: number
): SObjectValue[] {
  return readRecords(
    interp,
    `SELECT ${settingFields(described).join(', ')} FROM ${described.name}`,
    {},
    line
  );
}

function ownerOf(record: SObjectValue): string | null {
  const owner = record.fields.get('setupownerid')?.value;
  return owner instanceof ApexId ? owner.value : null;
}

function emptyRecord(described: ObjectDescribe): SObjectValue {
  return new SObjectValue(described.name);
}

/** getInstance(id) of a hierarchy setting: the user's, else the profile's, else the org's values. */
function hierarchyInstance(
  interp: Interpreter,
  described: ObjectDescribe,
  ownerId: string,
  line: number
): SObjectValue {
  const rows = settingsRows(interp, described, line);
  const byOwner = (id: string | null): SObjectValue | undefined =>
    id === null ? undefined : rows.find((row) => ownerOf(row) === id);
  const own = byOwner(ownerId);
  if (own) return own;
  const user = ownerId.startsWith('005') ? userRecord(interp, ownerId, line) : null;
  const profileId = user?.fields.get('profileid')?.value;
  const levels = [
    byOwner(profileId instanceof ApexId ? profileId.value : null),
    byOwner(interp.org?.organizationId ?? null)
  ].filter((level): level is SObjectValue => level !== undefined);
  const merged = emptyRecord(described);
  for (const field of Object.values(described.fields)) {
    if (!field.isCustom) continue;
    const source = levels.find(
      (level) => (level.fields.get(field.name.toLowerCase())?.value ?? null) !== null
    );
    if (source)
      merged.fields.set(field.name.toLowerCase(), {
        name: field.name,
        value: source.fields.get(field.name.toLowerCase())?.value ?? null
      });
  }
  merged.fields.set('setupownerid', { name: 'SetupOwnerId', value: new ApexId(ownerId) });
  return merged;
}

function cutLongText(described: ObjectDescribe, record: SObjectValue): SObjectValue {
  for (const field of Object.values(described.fields)) {
    const entry = record.fields.get(field.name.toLowerCase());
    if (field.type === 'textarea' && typeof entry?.value === 'string')
      entry.value = entry.value.slice(0, CACHED_TEXT_LENGTH);
  }
  return record;
}

function metadataRecords(interp: Interpreter, described: ObjectDescribe): SObjectValue[] {
  return (interp.org?.customMetadata(described.name) ?? []).map((row) =>
    cutLongText(described, recordFromRow(interp, row, described.name))
  );
}

function keyedBy(described: ObjectDescribe, records: SObjectValue[], field: string): ApexMap {
  const map = new ApexMap(typeName('String'), typeName(described.name));
  for (const record of records) {
    const key = record.fields.get(field)?.value;
    if (typeof key === 'string') map.entries.set(`s:${key}`, { key, value: record });
  }
  return map;
}

function metadataStatic(
  interp: Interpreter,
  described: ObjectDescribe,
  method: string,
  args: ApexValue[]
): ApexValue | undefined {
  const records = metadataRecords(interp, described);
  if (method === 'getall' && args.length === 0) return keyedBy(described, records, 'developername');
  if (method === 'getinstance' && args.length === 1) {
    const [key] = args;
    if (key === null) return interp.throwApex('NullPointerException', 'Argument cannot be null.');
    const found = records.find((record) => {
      const id = record.fields.get('id')?.value;
      const name = record.fields.get('developername')?.value;
      return key instanceof ApexId ? id instanceof ApexId && id.value === key.value : name === key;
    });
    return found ?? null;
  }
  return undefined;
}

function settingStatic(
  interp: Interpreter,
  described: ObjectDescribe,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue | undefined {
  const hierarchy = 'SetupOwnerId' in described.fields;
  const [key] = args;
  if (hierarchy) {
    if (method === 'getorgdefaults' && args.length === 0) {
      const orgId = interp.org?.organizationId ?? null;
      return (
        settingsRows(interp, described, line).find((row) => ownerOf(row) === orgId) ??
        emptyRecord(described)
      );
    }
    if (method === 'getinstance' && args.length === 0)
      return hierarchyInstance(interp, described, interp.userId, line);
    if ((method === 'getinstance' || method === 'getvalues') && args.length === 1) {
      if (!(key instanceof ApexId) && typeof key !== 'string')
        return interp.throwApex('NullPointerException', 'Argument cannot be null.');
      const id = key instanceof ApexId ? key.value : new ApexId(key).value;
      if (method === 'getvalues')
        return settingsRows(interp, described, line).find((row) => ownerOf(row) === id) ?? null;
      return hierarchyInstance(interp, described, id, line);
    }
    return undefined;
  }
  const rows = (): SObjectValue[] => settingsRows(interp, described, line);
  if (method === 'getall' && args.length === 0) return keyedBy(described, rows(), 'name');
  if ((method === 'getinstance' || method === 'getvalues') && args.length === 1)
    return rows().find((row) => row.fields.get('name')?.value === key) ?? null;
  return undefined;
}

/** A static method of a custom setting or custom metadata type, or undefined. */
export function customDataStatic(
  interp: Interpreter,
  type: string,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue | undefined {
  const described = interp.org?.describe(type);
  if (!described) return undefined;
  if (described.name.toLowerCase().endsWith('__mdt'))
    return metadataStatic(interp, described, method, args);
  if (described.isCustomSetting) return settingStatic(interp, described, method, args, line);
  return undefined;
}
