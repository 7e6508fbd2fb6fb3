/**
 * The Metadata namespace as far as the package uses it (Apex Reference Guide, Metadata namespace):
 * CustomMetadata and CustomMetadataValue, DeployContainer (addMetadata, getMetadata,
 * removeMetadata), the deployment result classes a DeployCallback receives (DeployResult,
 * DeployDetails, DeployMessage, DeployCallbackContext: all constructible, for tests) and
 * Metadata.Operations.enqueueDeployment.
 */
import {
  ApexDatetime,
  ApexId,
  ApexList,
  ApexNumber,
  ApexObject,
  typeName,
  type ApexValue
} from '../values';
import { dataCall, plain } from './database';
import type { Interpreter } from './interpreter';
import {
  defineSystemClasses,
  newSystemObject,
  systemClass,
  systemClassOf,
  type SystemClass
} from './systemObjects';
import { systemEnumConstant } from './systemEnums';

const nothing = (): ApexValue => null;

function props(...names: string[]): Record<string, () => ApexValue> {
  return Object.fromEntries(names.map((name) => [name, nothing]));
}

const containers = new WeakMap<ApexObject, ApexObject[]>();

function contentsOf(container: ApexObject): ApexObject[] {
  let list = containers.get(container);
  if (!list) {
    list = [];
    containers.set(container, list);
  }
  return list;
}

function metadataArg(interp: Interpreter, value: ApexValue): ApexObject {
  if (!(value instanceof ApexObject) || !systemClassOf(value))
    return interp.throwApex('NullPointerException', 'Argument cannot be null.');
  return value;
}

defineSystemClasses(
  { name: 'Metadata.Metadata', properties: props('fullName') },
  {
    name: 'Metadata.CustomMetadata',
    parents: ['Metadata.Metadata'],
    constructible: true,
    properties: {
      ...props('fullName', 'label', 'description'),
      protected_x: () => false,
      values: () => new ApexList(typeName('Metadata.CustomMetadataValue'))
    }
  },
  {
    name: 'Metadata.CustomMetadataValue',
    constructible: true,
    properties: props('field', 'value')
  },
  {
    name: 'Metadata.DeployContainer',
    constructible: true,
    methods: {
      addmetadata: (interp, self, args) => {
        contentsOf(self).push(metadataArg(interp, args[0]));
        return null;
      },
      getmetadata: (_interp, self) =>
        new ApexList(typeName('Metadata.Metadata'), [...contentsOf(self)]),
      removemetadata: (_interp, self, args) => {
        const list = contentsOf(self);
        const index = list.indexOf(args[0] as ApexObject);
        if (index >= 0) list.splice(index, 1);
        return index >= 0;
      }
    }
  },
  {
    name: 'Metadata.DeployResult',
    constructible: true,
    // Metadata API result fields are Strings, not Ids (Apex Reference Guide, DeployResult).
    propertyTypes: {
      id: 'String',
      errorMessage: 'String',
      createdBy: 'String',
      canceledBy: 'String'
    },
    properties: props(
      'id',
      'status',
      'success',
      'done',
      'details',
      'errorMessage',
      'errorStatusCode',
      'numberComponentErrors',
      'numberComponentsDeployed',
      'numberComponentsTotal',
      'completedDate',
      'createdDate',
      'startDate',
      'lastModifiedDate',
      'createdBy',
      'createdByName',
      'canceledBy',
      'canceledByName',
      'checkOnly',
      'ignoreWarnings',
      'rollbackOnError',
      'runTestsEnabled',
      'stateDetail',
      'numberTestErrors',
      'numberTestsCompleted',
      'numberTestsTotal'
    )
  },
  {
    name: 'Metadata.DeployDetails',
    constructible: true,
    properties: props('componentFailures', 'componentSuccesses')
  },
  {
    name: 'Metadata.DeployMessage',
    constructible: true,
    propertyTypes: { id: 'String', problem: 'String', fullName: 'String' },
    properties: props(
      'changed',
      'columnNumber',
      'componentType',
      'created',
      'createdDate',
      'deleted',
      'fileName',
      'fullName',
      'id',
      'lineNumber',
      'problem',
      'problemType',
      'success'
    )
  },
  {
    name: 'Metadata.DeployCallbackContext',
    constructible: true,
    methods: { getcallbackjobid: () => null }
  },
  // An interface: user classes implement it, nothing constructs it.
  { name: 'Metadata.DeployCallback' }
);

/** The Succeeded constant, for a deployment the runtime completes. */
export function deployStatus(name: string): ApexValue {
  return systemEnumConstant(`Metadata.DeployStatus.${name}`) ?? null;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A deployment job Id (prefix 0Af, DeployRequest) from the transaction's random generator. */
function jobId(interp: Interpreter): ApexId {
  const body = [...interp.randomBytes(12)].map((byte) => BASE62[byte % 62]).join('');
  return new ApexId(`0Af${body}`);
}

function property(object: ApexObject, name: string): ApexValue {
  return object.fields.get(name.toLowerCase()) ?? null;
}

function newObject(name: string): ApexObject {
  return newSystemObject(systemClass(name) as SystemClass);
}

/** Writes one Metadata.CustomMetadata ('Type.Record' full name) to the data layer. */
function applyCustomMetadata(interp: Interpreter, record: ApexObject, line: number): void {
  const fullName = property(record, 'fullName');
  if (record.className !== 'Metadata.CustomMetadata' || typeof fullName !== 'string')
    return interp.unsupported(`deployment of ${record.className}`, line);
  const cut = fullName.indexOf('.');
  const typeName = `${fullName.slice(0, cut)}__mdt`;
  const values: Record<string, unknown> = {};
  const list = property(record, 'values');
  for (const item of list instanceof ApexList ? list.items : []) {
    if (!(item instanceof ApexObject)) continue;
    const value = property(item, 'value');
    values[String(property(item, 'field'))] =
      value instanceof ApexDatetime ? value.epochMillis : plain(interp, value, line);
  }
  const label = property(record, 'label');
  dataCall(interp, line, () =>
    interp.org?.deployCustomMetadata(
      typeName,
      fullName.slice(cut + 1),
      typeof label === 'string' ? label : null,
      values
    )
  );
}

/**
 * Metadata.Operations.enqueueDeployment(container, callback): the custom metadata records are
 * written to the data layer at once, and the callback's handleResult, which receives a Succeeded
 * DeployResult, is queued: like the platform's deployment it runs after the transaction
 * (Interpreter.queuedJobs), so whatever the transaction writes after enqueueing cannot overwrite
 * the outcome. Returns the job Id.
 */
export function metadataStatic(
  interp: Interpreter,
  type: string,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue | undefined {
  if (type !== 'metadata.operations' || method !== 'enqueuedeployment') return undefined;
  const [container, callback] = args;
  if (!(container instanceof ApexObject) || container.className !== 'Metadata.DeployContainer')
    return interp.throwApex('NullPointerException', 'Argument cannot be null.');
  if (!interp.org) return interp.unsupported('Metadata deployment without a data layer', line);
  const components = contentsOf(container);
  components.forEach((component) => applyCustomMetadata(interp, component, line));
  const id = jobId(interp);
  if (callback instanceof ApexObject) {
    const result = newObject('Metadata.DeployResult');
    const details = newObject('Metadata.DeployDetails');
    details.fields.set('componentfailures', new ApexList(typeName('Metadata.DeployMessage')));
    details.fields.set('componentsuccesses', new ApexList(typeName('Metadata.DeployMessage')));
    const set = (name: string, value: ApexValue): void => {
      result.fields.set(name.toLowerCase(), value);
    };
    set('id', id.value);
    set('status', deployStatus('Succeeded'));
    set('success', true);
    set('done', true);
    set('details', details);
    set('numberComponentErrors', ApexNumber.integer(0));
    set('numberComponentsDeployed', ApexNumber.integer(components.length));
    set('numberComponentsTotal', ApexNumber.integer(components.length));
    set('completedDate', new ApexDatetime(interp.now()));
    interp.queuedJobs.push((transaction) =>
      transaction.callMethod(callback, 'handleResult', [
        result,
        newObject('Metadata.DeployCallbackContext')
      ])
    );
  }
  return id;
}
