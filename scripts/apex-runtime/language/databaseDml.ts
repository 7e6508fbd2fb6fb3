/**
 * Database.insert / update / upsert / delete / undelete (Apex Reference Guide, Database class):
 * `(records[, allOrNone][, accessLevel])`, upsert also `(records, externalIdField[, …])`. A
 * single record gives one result, a list a list of results: Database.SaveResult, UpsertResult
 * (isCreated), DeleteResult, UndeleteResult, each with getId, isSuccess and getErrors
 * (Database.Error: getMessage, getStatusCode, getFields). allOrNone defaults to true.
 */
import type { DmlResult, LeadConvertOutcome, LeadConvertRequest } from '../org/types';
import { ApexEnumValue, ApexId, ApexList, ApexObject, typeName, type ApexValue } from '../values';
import type { DmlOperation } from './ast';
import { accessLevelOf, dataCall, defaultMode, recordsOf, runDml } from './database';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { schemaFieldName } from './schema';
import {
  defineSystemClasses,
  newSystemObject,
  systemClass,
  type SystemClass,
  type SystemMethod
} from './systemObjects';

const RESULT_CLASSES: Record<DmlOperation, string> = {
  insert: 'Database.SaveResult',
  update: 'Database.SaveResult',
  upsert: 'Database.UpsertResult',
  delete: 'Database.DeleteResult',
  undelete: 'Database.UndeleteResult'
};

const outcomes = new WeakMap<ApexObject, DmlResult>();
const errors = new WeakMap<ApexObject, DmlResult['errors'][number]>();

function outcomeOf(self: ApexObject): DmlResult {
  const outcome = outcomes.get(self);
  if (!outcome) throw new Error(`${self.className} without an outcome`);
  return outcome;
}

function errorOf(self: ApexObject): DmlResult['errors'][number] {
  const error = errors.get(self);
  if (!error) throw new Error('Database.Error without an error');
  return error;
}

const resultMethods = {
  getid: (_interp: Interpreter, self: ApexObject): ApexValue => {
    const id = outcomeOf(self).id;
    return id === null ? null : new ApexId(id);
  },
  issuccess: (_interp: Interpreter, self: ApexObject): ApexValue => outcomeOf(self).success,
  geterrors: (_interp: Interpreter, self: ApexObject): ApexValue =>
    new ApexList(
      typeName('Database.Error'),
      outcomeOf(self).errors.map((error) => {
        const value = newSystemObject(systemClass('Database.Error') as SystemClass);
        errors.set(value, error);
        return value;
      })
    )
};

defineSystemClasses(
  { name: 'Database.SaveResult', methods: resultMethods },
  {
    name: 'Database.UpsertResult',
    methods: {
      ...resultMethods,
      iscreated: (_interp, self) => outcomeOf(self).created === true
    }
  },
  { name: 'Database.DeleteResult', methods: resultMethods },
  { name: 'Database.UndeleteResult', methods: resultMethods },
  {
    name: 'Database.Error',
    methods: {
      getmessage: (_interp, self) => errorOf(self).message,
      getstatuscode: (_interp, self) =>
        new ApexEnumValue('System.StatusCode', errorOf(self).statusCode, 0),
      getfields: (_interp, self) => new ApexList(typeName('String'), [...errorOf(self).fields])
    }
  }
);

// ---- Database.LeadConvert / convertLead (Apex Reference Guide: LeadConvert Class,
// LeadConvertResult Class, Database.convertLead) ----

const conversions = new WeakMap<ApexObject, LeadConvertOutcome>();

function conversionOf(self: ApexObject): LeadConvertOutcome {
  const outcome = conversions.get(self);
  if (!outcome) throw new Error('Database.LeadConvertResult without an outcome');
  return outcome;
}

const idOrNull = (id: string | null): ApexValue => (id === null ? null : new ApexId(id));

/** LeadConvert's settings: `setX(value)` stores, `getX()` / `isX()` reads. */
const LEAD_CONVERT_SETTINGS: Record<string, string> = {
  leadid: 'leadId',
  convertedstatus: 'convertedStatus',
  accountid: 'accountId',
  contactid: 'contactId',
  ownerid: 'ownerId',
  opportunityname: 'opportunityName',
  donotcreateopportunity: 'doNotCreateOpportunity',
  sendnotificationemail: 'sendNotificationEmail',
  overwriteleadsource: 'overwriteLeadSource'
};

const leadConvertMethods: Record<string, SystemMethod> = {};
for (const [lower, property] of Object.entries(LEAD_CONVERT_SETTINGS)) {
  const key = property.toLowerCase();
  leadConvertMethods[`set${lower}`] = (_interp, self, args) => {
    self.fields.set(key, args[0] ?? null);
    return null;
  };
  const getter: SystemMethod = (_interp, self) => self.fields.get(key) ?? null;
  leadConvertMethods[`get${lower}`] = getter;
  leadConvertMethods[`is${lower}`] = (_interp, self) => self.fields.get(key) === true;
}

defineSystemClasses(
  { name: 'Database.LeadConvert', constructible: true, methods: leadConvertMethods },
  {
    name: 'Database.LeadConvertResult',
    methods: {
      getleadid: (_interp, self) => idOrNull(conversionOf(self).leadId),
      getaccountid: (_interp, self) => idOrNull(conversionOf(self).accountId),
      getcontactid: (_interp, self) => idOrNull(conversionOf(self).contactId),
      getopportunityid: (_interp, self) => idOrNull(conversionOf(self).opportunityId),
      issuccess: (_interp, self) => conversionOf(self).success,
      geterrors: (_interp, self) =>
        resultMethods.geterrors(_interp, wrapOutcome(conversionOf(self)))
    }
  }
);

/** A LeadConvertResult's errors read through Database.Error like any DML result's. */
function wrapOutcome(outcome: LeadConvertOutcome): ApexObject {
  const holder = new ApexObject('Database.SaveResult');
  outcomes.set(holder, { id: outcome.leadId, success: outcome.success, errors: outcome.errors });
  return holder;
}

function idText(value: ApexValue | undefined): string | null {
  return value === null || value === undefined
    ? null
    : String(value instanceof ApexId ? value.value : value);
}

function requestOf(interp: Interpreter, value: ApexValue, line: number): LeadConvertRequest {
  if (!(value instanceof ApexObject) || value.className !== 'Database.LeadConvert')
    return interp.unsupported(
      'Database.convertLead of something other than Database.LeadConvert',
      line
    );
  const read = (property: string): ApexValue | undefined =>
    value.fields.get(property.toLowerCase());
  const text = (property: string): string | null => {
    const raw = read(property);
    return raw === null || raw === undefined ? null : String(raw);
  };
  return {
    leadId: idText(read('leadId')),
    convertedStatus: text('convertedStatus'),
    accountId: idText(read('accountId')),
    contactId: idText(read('contactId')),
    ownerId: idText(read('ownerId')),
    opportunityName: text('opportunityName'),
    doNotCreateOpportunity: read('doNotCreateOpportunity') === true
  };
}

function convertLead(
  interp: Interpreter,
  frame: Frame,
  args: ApexValue[],
  line: number
): ApexValue {
  const [target, ...rest] = args;
  let allOrNone = true;
  if (typeof rest[0] === 'boolean') allOrNone = rest.shift() as boolean;
  const level = rest.length > 0 && isAccessLevel(rest[0]) ? (rest.shift() ?? null) : null;
  if (rest.length > 0 || target === null || target === undefined)
    return interp.unsupported('Database.convertLead with these arguments', line);
  const data = interp.org ?? interp.unsupported('Database.convertLead without a data layer', line);
  const items = target instanceof ApexList ? target.items : [target];
  const requests = items.map((item) => requestOf(interp, item, line));
  interp.governor.charge('dmlStatements');
  interp.governor.charge('dmlRows', requests.length);
  const mode = level === null ? defaultMode(frame) : accessLevelOf(interp, level, frame);
  const results = dataCall(interp, line, () =>
    data.convertLead(requests, {
      userId: interp.userId,
      accessMode: mode,
      enforceSharing: frame.enforceSharing,
      allOrNone
    })
  );
  const failed = results.findIndex((result) => !result.success);
  if (failed >= 0 && allOrNone) {
    const error = results[failed].errors[0];
    const fields = `[${error.fields.join(', ')}]`;
    interp.throwApex(
      'DmlException',
      `ConvertLead failed. First exception on row ${failed}; first error: ${error.statusCode}, ${error.message}: ${fields}`
    );
  }
  const wrap = (result: LeadConvertOutcome): ApexObject => {
    const value = newSystemObject(systemClass('Database.LeadConvertResult') as SystemClass);
    conversions.set(value, result);
    return value;
  };
  if (target instanceof ApexList)
    return new ApexList(typeName('Database.LeadConvertResult'), results.map(wrap));
  return wrap(results[0]);
}

function isAccessLevel(value: ApexValue): boolean {
  return value instanceof ApexEnumValue && value.enumName === 'System.AccessLevel';
}

export function databaseDml(
  interp: Interpreter,
  frame: Frame,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue | undefined {
  if (method === 'convertlead') return convertLead(interp, frame, args, line);
  if (!(method in RESULT_CLASSES)) return undefined;
  const operation = method as DmlOperation;
  const [target, ...rest] = args;
  let externalIdField: string | null = null;
  if (operation === 'upsert' && rest[0] instanceof ApexObject) {
    externalIdField = schemaFieldName(rest[0]);
    rest.shift();
  }
  let allOrNone = true;
  if (typeof rest[0] === 'boolean') allOrNone = rest.shift() as boolean;
  const level = rest.length > 0 && isAccessLevel(rest[0]) ? (rest.shift() ?? null) : null;
  if (rest.length > 0) return interp.unsupported(`Database.${method} with these arguments`, line);
  const records = recordsOf(interp, target);
  const mode = level === null ? defaultMode(frame) : accessLevelOf(interp, level, frame);
  const results = runDml(interp, frame, operation, records, mode, externalIdField, line, allOrNone);
  const wrap = (result: DmlResult): ApexObject => {
    const value = newSystemObject(systemClass(RESULT_CLASSES[operation]) as SystemClass);
    outcomes.set(value, result);
    return value;
  };
  if (target instanceof ApexList)
    return new ApexList(typeName(RESULT_CLASSES[operation]), results.map(wrap));
  return results.length > 0 ? wrap(results[0]) : null;
}
