/**
 * Record Ids: the object's key prefix, a fixed instance part and a counter in base 62, made
 * 18 characters with the platform's case-safe suffix. The instance part ('Rt') differs from the
 * demo org's ('5g'), so records the runtime inserts never collide with a demo base layer's Ids.
 */
import { idSuffix } from '../values';
import type { ObjectSchema } from './schema';

/** Key prefixes of the standard objects the runtime stores (Object Reference: "Standard Field Record Id Prefix Decoder" / each object's page). */
const STANDARD_PREFIXES: Record<string, string> = {
  Account: '001',
  Contact: '003',
  User: '005',
  Opportunity: '006',
  Profile: '00e',
  UserRole: '00E',
  Lead: '00Q',
  Task: '00T',
  Event: '00U',
  Organization: '00D',
  OpportunityFieldHistory: '017',
  OpportunityHistory: '008',
  OpportunityLineItem: '00k',
  Group: '00G',
  UserLicense: '100',
  ObjectPermissions: '110',
  FieldPermissions: '01k',
  Case: '500',
  CustomPermission: '0CP',
  DuplicateRecordSet: '0GK',
  DuplicateRecordItem: '0GL',
  SetupEntityAccess: '0J0',
  PermissionSet: '0PS',
  PermissionSetAssignment: '0Pa',
  LoginHistory: '0Ya'
};

/** The key prefix of a standard object, whether or not the schema stores it (Organization). */
export function standardPrefix(objectName: string): string | undefined {
  return STANDARD_PREFIXES[objectName];
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const INSTANCE = 'Rt';
const COUNTER_LENGTH = 10;

function base62(value: number, length: number): string {
  let text = '';
  let rest = value;
  for (let index = 0; index < length; index += 1) {
    text = BASE62[rest % 62] + text;
    rest = Math.floor(rest / 62);
  }
  return text;
}

/**
 * Prefixes for every object: the standard ones above, then custom objects and settings as a00,
 * a01…, custom metadata types as m00, m01…, and any other standard object 0Z0, 0Z1… (in schema
 * order, so a given source folder always gets the same prefixes).
 */
export function assignKeyPrefixes(objects: readonly ObjectSchema[]): Map<string, string> {
  const prefixes = new Map<string, string>();
  const counters = { a: 0, m: 0, z: 0 };
  const next = (family: 'a' | 'm' | 'z'): string => {
    const head = family === 'z' ? '0Z' : `${family}0`;
    const prefix = `${head}${BASE62[counters[family]]}`;
    counters[family] += 1;
    return prefix;
  };
  for (const object of [...objects].sort((a, b) => a.name.localeCompare(b.name))) {
    const standard = STANDARD_PREFIXES[object.name];
    let prefix: string;
    if (standard) prefix = standard;
    else if (object.kind === 'customMetadata') prefix = next('m');
    else if (object.kind === 'standard') prefix = next('z');
    else prefix = next('a');
    prefixes.set(object.name, prefix);
  }
  return prefixes;
}

/** Hands out Ids; the counter is part of a snapshot, so a restored org repeats the same Ids. */
export class IdAllocator {
  counter = 0;

  next(prefix: string): string {
    this.counter += 1;
    const id15 = `${prefix}${INSTANCE}${base62(this.counter, COUNTER_LENGTH)}`;
    return `${id15}${idSuffix(id15)}`;
  }
}
