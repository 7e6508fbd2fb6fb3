/**
 * Schema describes and tokens, backed by the data layer's describe() and the running user's
 * access (Apex Reference Guide, Schema namespace; Apex Developer Guide, "Understanding Apex
 * Describe Information"):
 * - `Account.SObjectType`, `Schema.getGlobalDescribe().get('account')` → Schema.SObjectType token;
 * - `Schema.SObjectType.Account`, `token.getDescribe()`, `Schema.describeSObjects(names)` →
 *   Schema.DescribeSObjectResult; its `fields` member → `fields.getMap()`, `fields.Name`;
 * - `Account.Name` → Schema.SObjectField token; `token.getDescribe()` → DescribeFieldResult.
 * Tokens are interned per transaction, so `==` compares them as the platform does. Describe maps
 * have lower-case keys and case-insensitive lookups ("The sObject names are case insensitive").
 * isAccessible answers for the running user (System.runAs included).
 */
import type { FieldDescribe, ObjectDescribe } from '../org/types';
import { ApexList, ApexMap, ApexNumber, ApexObject, typeName, type ApexValue } from '../values';
import type { Interpreter } from './interpreter';
import {
  defineSystemClasses,
  newSystemObject,
  systemClass,
  type SystemClass
} from './systemObjects';
import { systemEnumConstant } from './systemEnums';

interface Target {
  readonly sObject: string;
  readonly field?: string;
}

const targets = new WeakMap<ApexObject, Target>();
const interned = new WeakMap<Interpreter, Map<string, ApexObject>>();

const SOBJECT_TYPE = 'Schema.SObjectType';
const SOBJECT_FIELD = 'Schema.SObjectField';
const DESCRIBE_SOBJECT = 'Schema.DescribeSObjectResult';
const DESCRIBE_FIELD = 'Schema.DescribeFieldResult';
const TYPE_FIELDS = 'Schema.SObjectTypeFields';

function make(className: string, target: Target): ApexObject {
  const object = newSystemObject(systemClass(className) as SystemClass);
  targets.set(object, target);
  return object;
}

function targetOf(object: ApexObject): Target {
  const target = targets.get(object);
  if (!target) throw new Error(`${object.className} without a describe target`);
  return target;
}

function objectDescribe(interp: Interpreter, name: string): ObjectDescribe | undefined {
  return interp.org?.describe(name);
}

function fieldDescribe(interp: Interpreter, target: Target): FieldDescribe {
  const fields = objectDescribe(interp, target.sObject)?.fields ?? {};
  const found = Object.values(fields).find(
    (field) => field.name.toLowerCase() === target.field?.toLowerCase()
  );
  if (!found) throw new Error(`No field ${target.sObject}.${target.field}`);
  return found;
}

function token(interp: Interpreter, className: string, target: Target): ApexObject {
  let tokens = interned.get(interp);
  if (!tokens) {
    tokens = new Map();
    interned.set(interp, tokens);
  }
  const key = `${className}:${target.sObject}.${target.field ?? ''}`.toLowerCase();
  let value = tokens.get(key);
  if (!value) {
    value = make(className, target);
    tokens.set(key, value);
  }
  return value;
}

export function sObjectTypeToken(interp: Interpreter, sObject: string): ApexObject {
  return token(interp, SOBJECT_TYPE, { sObject });
}

function fieldToken(interp: Interpreter, sObject: string, field: string): ApexObject {
  return token(interp, SOBJECT_FIELD, { sObject, field });
}

function describeOf(_interp: Interpreter, sObject: string): ApexObject {
  return make(DESCRIBE_SOBJECT, { sObject });
}

function fieldDescribeOf(sObject: string, field: string): ApexObject {
  return make(DESCRIBE_FIELD, { sObject, field });
}

/** A case-insensitive map with lower-case keys, as describe maps are. */
function describeMap(valueType: string, entries: [string, ApexValue][]): ApexMap {
  const map = new ApexMap(typeName('String'), typeName(valueType));
  map.ignoreKeyCase = true;
  for (const [key, value] of entries)
    map.entries.set(`s:${key.toLowerCase()}`, { key: key.toLowerCase(), value });
  return map;
}

/** The field an SObjectField token names (upsert's external Id field), or null. */
export function schemaFieldName(value: ApexObject): string | null {
  const target = targets.get(value);
  return value.className === SOBJECT_FIELD && target?.field ? target.field : null;
}

/** The value of a dotted name that denotes a token or describe, or undefined. */
export function schemaValue(interp: Interpreter, dotted: string): ApexValue | undefined {
  if (!interp.org) return undefined;
  const parts = dotted.split('.');
  if (parts[0].toLowerCase() === 'schema') {
    if (parts.length === 3 && parts[1].toLowerCase() === 'sobjecttype') {
      const described = objectDescribe(interp, parts[2]);
      return described ? describeOf(interp, described.name) : undefined;
    }
    parts.shift();
  }
  if (parts.length !== 2) return undefined;
  const described = objectDescribe(interp, parts[0]);
  if (!described) return undefined;
  if (parts[1].toLowerCase() === 'sobjecttype') return sObjectTypeToken(interp, described.name);
  const field = Object.values(described.fields).find(
    (each) => each.name.toLowerCase() === parts[1].toLowerCase()
  );
  return field ? fieldToken(interp, described.name, field.name) : undefined;
}

function globalDescribe(interp: Interpreter): ApexMap {
  const names = interp.org?.objectNames() ?? [];
  return describeMap(
    SOBJECT_TYPE,
    names.map((name) => [name, sObjectTypeToken(interp, name)])
  );
}

function describeSObjects(interp: Interpreter, args: ApexValue[]): ApexList {
  const [names] = args;
  if (!(names instanceof ApexList))
    return interp.throwApex('NullPointerException', 'Argument cannot be null.');
  const results = names.items.map((name) => {
    const described = typeof name === 'string' ? objectDescribe(interp, name) : undefined;
    if (!described)
      return interp.throwApex(
        'InvalidParameterValueException',
        `In describeSObjects(), the passed in SObject name is invalid: ${String(name)}`
      );
    return describeOf(interp, described.name);
  });
  return new ApexList(typeName(DESCRIBE_SOBJECT), results);
}

/** Schema.getGlobalDescribe() and Schema.describeSObjects(names[, options]). */
export function schemaStatic(
  interp: Interpreter,
  method: string,
  args: ApexValue[]
): ApexValue | undefined {
  if (method === 'getglobaldescribe' && args.length === 0) return globalDescribe(interp);
  if (method === 'describesobjects' && (args.length === 1 || args.length === 2))
    return describeSObjects(interp, args);
  return undefined;
}

const DISPLAY_TYPES: Record<string, string> = { int: 'INTEGER' };

function displayType(interp: Interpreter, field: FieldDescribe, line: number): ApexValue {
  const constant = systemEnumConstant(
    `Schema.DisplayType.${DISPLAY_TYPES[field.type] ?? field.type.toUpperCase()}`
  );
  return constant ?? interp.unsupported(`Schema.DisplayType of field type ${field.type}`, line);
}

const objectMethods = (interp: Interpreter, self: ApexObject): ObjectDescribe => {
  const described = objectDescribe(interp, targetOf(self).sObject);
  if (!described) throw new Error(`No object ${targetOf(self).sObject}`);
  return described;
};

const fieldFlag =
  (flag: keyof FieldDescribe) =>
  (interp: Interpreter, self: ApexObject): ApexValue =>
    fieldDescribe(interp, targetOf(self))[flag] === true;

defineSystemClasses(
  {
    name: SOBJECT_TYPE,
    methods: {
      getdescribe: (interp, self) => describeOf(interp, targetOf(self).sObject),
      tostring: (_interp, self) => targetOf(self).sObject
    }
  },
  {
    name: SOBJECT_FIELD,
    methods: {
      getdescribe: (_interp, self) =>
        fieldDescribeOf(targetOf(self).sObject, targetOf(self).field ?? ''),
      tostring: (_interp, self) => targetOf(self).field ?? ''
    }
  },
  {
    name: DESCRIBE_SOBJECT,
    read: (_interp, self, name) =>
      name.toLowerCase() === 'fields' ? make(TYPE_FIELDS, targetOf(self)) : undefined,
    methods: {
      getname: (interp, self) => objectMethods(interp, self).name,
      getlabel: (interp, self) => objectMethods(interp, self).label,
      getkeyprefix: (interp, self) => objectMethods(interp, self).keyPrefix,
      iscustom: (interp, self) => objectMethods(interp, self).isCustom,
      iscustomsetting: (interp, self) => objectMethods(interp, self).isCustomSetting,
      isaccessible: (interp, self) =>
        interp.org?.isAccessible(interp.userId, targetOf(self).sObject) === true,
      // Readable objects are queryable here; the data layer models no non-queryable object.
      isqueryable: (interp, self) =>
        interp.org?.isAccessible(interp.userId, targetOf(self).sObject) === true,
      getsobjecttype: (interp, self) => sObjectTypeToken(interp, targetOf(self).sObject)
    }
  },
  {
    name: TYPE_FIELDS,
    read: (interp, self, name) => {
      const sObject = targetOf(self).sObject;
      const field = Object.values(objectMethods(interp, self).fields).find(
        (each) => each.name.toLowerCase() === name.toLowerCase()
      );
      return field ? fieldDescribeOf(sObject, field.name) : undefined;
    },
    methods: {
      getmap: (interp, self) => {
        const sObject = targetOf(self).sObject;
        return describeMap(
          SOBJECT_FIELD,
          Object.values(objectMethods(interp, self).fields).map((field) => [
            field.name,
            fieldToken(interp, sObject, field.name)
          ])
        );
      }
    }
  },
  {
    name: DESCRIBE_FIELD,
    methods: {
      getname: (interp, self) => fieldDescribe(interp, targetOf(self)).name,
      getlocalname: (interp, self) => fieldDescribe(interp, targetOf(self)).name,
      getlabel: (interp, self) => fieldDescribe(interp, targetOf(self)).label,
      gettype: (interp, self, _args, line) =>
        displayType(interp, fieldDescribe(interp, targetOf(self)), line),
      getlength: (interp, self, _args, line) => {
        const { length } = fieldDescribe(interp, targetOf(self));
        // The schema gives lengths of custom text fields only: refuse rather than guess.
        if (length === undefined) return interp.unsupported('getLength() of this field', line);
        return ApexNumber.integer(length);
      },
      getrelationshipname: (interp, self) => fieldDescribe(interp, targetOf(self)).relationshipName,
      getreferenceto: (interp, self) =>
        new ApexList(
          typeName(SOBJECT_TYPE),
          fieldDescribe(interp, targetOf(self)).referenceTo.map((name) =>
            sObjectTypeToken(interp, name)
          )
        ),
      getsobjectfield: (interp, self) =>
        fieldToken(interp, targetOf(self).sObject, fieldDescribe(interp, targetOf(self)).name),
      isaccessible: (interp, self) =>
        interp.org?.isAccessible(interp.userId, targetOf(self).sObject, targetOf(self).field) ===
        true,
      iscustom: fieldFlag('isCustom'),
      isnillable: fieldFlag('nillable'),
      isfilterable: fieldFlag('filterable'),
      isgroupable: fieldFlag('groupable'),
      issortable: fieldFlag('sortable')
    }
  }
);
