/**
 * The running user as Apex sees it: UserInfo, FeatureManagement.checkPermission, TimeZone (Apex
 * Reference Guide, System namespace). The user is read from the data layer's User table (the
 * user of the enclosing System.runAs), without a governor charge, as the platform reads its
 * session.
 */
import {
  ApexDatetime,
  ApexId,
  ApexNumber,
  ApexObject,
  SObjectValue,
  type ApexValue
} from '../values';
import { zoneOffset } from '../library/calendar';
import { readRecords } from './database';
import type { Interpreter } from './interpreter';
import {
  defineSystemClasses,
  newSystemObject,
  systemClass,
  type SystemClass
} from './systemObjects';

const USER_FIELDS = [
  'Id',
  'Name',
  'FirstName',
  'LastName',
  'Username',
  'Email',
  'ProfileId',
  'UserRoleId',
  'UserType',
  'TimeZoneSidKey',
  'LocaleSidKey',
  'LanguageLocaleKey',
  'DefaultCurrencyIsoCode'
];

const users = new WeakMap<Interpreter, Map<string, SObjectValue | null>>();

/** The User record of `userId` (cached for the transaction), or null when there is none. */
export function userRecord(interp: Interpreter, userId: string, line: number): SObjectValue | null {
  let cache = users.get(interp);
  if (!cache) {
    cache = new Map();
    users.set(interp, cache);
  }
  if (!cache.has(userId)) {
    const fields = USER_FIELDS.filter(
      (field) => interp.org?.fieldType('User', field) !== undefined
    );
    const [record] = readRecords(
      interp,
      `SELECT ${fields.join(', ')} FROM User WHERE Id = :userId`,
      { userId },
      line
    );
    cache.set(userId, record ?? null);
  }
  return cache.get(userId) ?? null;
}

function userField(interp: Interpreter, field: string, line: number): ApexValue {
  const record = userRecord(interp, interp.userId, line);
  return record?.fields.get(field.toLowerCase())?.value ?? null;
}

export function timeZoneValue(zone: string): ApexObject {
  const value = newSystemObject(systemClass('System.TimeZone') as SystemClass);
  zones.set(value, zone);
  return value;
}

const zones = new WeakMap<ApexObject, string>();

function zoneOf(value: ApexObject): string {
  return zones.get(value) ?? 'GMT';
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

defineSystemClasses({
  name: 'System.TimeZone',
  methods: {
    getid: (_interp, self) => zoneOf(self),
    tostring: (_interp, self) => zoneOf(self),
    getoffset: (interp, self, args) => {
      const [when] = args;
      if (!(when instanceof ApexDatetime))
        return interp.throwApex('NullPointerException', 'Argument cannot be null.');
      return ApexNumber.integer(zoneOffset(when.epochMillis, zoneOf(self)));
    }
  }
});

/** UserInfo.x(), FeatureManagement.checkPermission(name), TimeZone.getTimeZone(id). */
export function userInfoStatic(
  interp: Interpreter,
  type: string,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue | undefined {
  if (type === 'featuremanagement' && method === 'checkpermission') {
    const [name] = args;
    if (typeof name !== 'string')
      return interp.throwApex('NullPointerException', 'Argument cannot be null.');
    return interp.org?.hasCustomPermission(interp.userId, name) === true;
  }
  if (type === 'timezone' && method === 'gettimezone') {
    const [zone] = args;
    // An unknown Id gives GMT (Apex Reference Guide, TimeZone.getTimeZone).
    return timeZoneValue(typeof zone === 'string' && isKnownZone(zone) ? zone : 'GMT');
  }
  if (type !== 'userinfo' || args.length > 0) return undefined;
  const id = (value: ApexValue): ApexValue =>
    typeof value === 'string' ? new ApexId(value) : value;
  switch (method) {
    case 'getuserid':
      return new ApexId(interp.userId);
    case 'getname':
      return userField(interp, 'Name', line);
    case 'getfirstname':
      return userField(interp, 'FirstName', line);
    case 'getlastname':
      return userField(interp, 'LastName', line);
    case 'getusername':
      return userField(interp, 'Username', line);
    case 'getuseremail':
      return userField(interp, 'Email', line);
    case 'getprofileid':
      return id(userField(interp, 'ProfileId', line));
    case 'getuserroleid':
      return id(userField(interp, 'UserRoleId', line));
    case 'getusertype':
      return userField(interp, 'UserType', line);
    case 'getlocale':
      return userField(interp, 'LocaleSidKey', line);
    case 'getlanguage':
      return userField(interp, 'LanguageLocaleKey', line);
    case 'gettimezone':
      return timeZoneValue(interp.timeZone);
    case 'getorganizationid':
      return interp.org ? new ApexId(interp.org.organizationId) : undefined;
    default:
      return undefined;
  }
}
