/** System enums the interpreter knows by name (Apex Reference Guide), with their constants in order. */
import { ApexEnumValue } from '../values';

const ENUMS: Record<string, readonly string[]> = {
  'System.RoundingMode': [
    'CEILING',
    'DOWN',
    'FLOOR',
    'HALF_DOWN',
    'HALF_EVEN',
    'HALF_UP',
    'UP',
    'UNNECESSARY'
  ],
  'System.AccessLevel': ['USER_MODE', 'SYSTEM_MODE'],
  'Metadata.DeployStatus': [
    'Pending',
    'InProgress',
    'Succeeded',
    'SucceededPartial',
    'Failed',
    'Canceling',
    'Canceled'
  ],
  'System.AccessType': ['CREATABLE', 'READABLE', 'UPDATABLE', 'UPSERTABLE'],
  'Schema.SObjectDescribeOptions': ['DEFAULT', 'DEFERRED', 'FULL'],
  'Schema.DisplayType': [
    'ADDRESS',
    'ANYTYPE',
    'BASE64',
    'BOOLEAN',
    'COMBOBOX',
    'CURRENCY',
    'DATACATEGORYGROUPREFERENCE',
    'DATE',
    'DATETIME',
    'DOUBLE',
    'EMAIL',
    'ENCRYPTEDSTRING',
    'ID',
    'INTEGER',
    'LOCATION',
    'LONG',
    'MULTIPICKLIST',
    'PERCENT',
    'PHONE',
    'PICKLIST',
    'REFERENCE',
    'STRING',
    'TEXTAREA',
    'TIME',
    'URL'
  ]
};

/** The enum's full name for a name as written ('RoundingMode', 'System.RoundingMode'). */
export function systemEnumName(written: string): string | undefined {
  const lower = written.toLowerCase();
  return Object.keys(ENUMS).find(
    (name) => name.toLowerCase() === lower || name.toLowerCase().split('.')[1] === lower
  );
}

/** `RoundingMode.DOWN` → the constant; undefined when the dotted name is no system enum constant. */
export function systemEnumConstant(dotted: string): ApexEnumValue | undefined {
  const cut = dotted.lastIndexOf('.');
  if (cut < 0) return undefined;
  const name = systemEnumName(dotted.slice(0, cut));
  if (!name) return undefined;
  const written = dotted.slice(cut + 1).toLowerCase();
  const ordinal = ENUMS[name].findIndex((constant) => constant.toLowerCase() === written);
  return ordinal < 0 ? undefined : new ApexEnumValue(name, ENUMS[name][ordinal], ordinal);
}
