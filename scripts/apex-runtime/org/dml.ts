/**
 * DML as the platform runs it on one object: per-record validation (Id, required fields, field
 * names and types, record access), system fields and derived values, then the write — of every
 * record, or with allOrNone of none when one fails. Object permissions in user mode and objects
 * DML cannot touch fail the whole call (an OrgDataError), as they do in Apex.
 */
import type { FieldValue } from '../../demo/model';
import { idSuffix } from '../values';
import { OrgDataError } from './errors';
import { mayAccessField, mayAccessObject } from './permissions';
import type { ObjectOperation, UserAccess } from './permissions';
import { FILLED_BY_PLATFORM, derivedValues } from './recordRules';
import type { FieldSchema, ObjectSchema } from './schema';
import { mayEditRecord } from './sharing';
import type { SharingContext } from './sharing';
import type { Store } from './store';
import type { OrgTable, Row } from './table';
import type { DmlError, DmlOperation, DmlOptions, DmlResult } from './types';

export interface DmlContext {
  readonly store: Store;
  readonly now: number;
  readonly access: UserAccess;
  readonly sharing: SharingContext;
  /** A hierarchy custom setting's record defaults to the organization's (SetupOwnerId). */
  readonly organizationId: string;
}

/** Objects no DML reaches (Apex Developer Guide: "sObjects That Don't Support DML Operations"). */
const READ_ONLY_OBJECTS = new Set([
  'LoginHistory',
  'UserLicense',
  'OpportunityHistory',
  'OpportunityFieldHistory'
]);

const OPERATION_NAMES: Record<DmlOperation, string> = {
  insert: 'Insert',
  update: 'Update',
  upsert: 'Upsert',
  delete: 'Delete',
  undelete: 'Undelete'
};

type Prepared = { error: DmlError } | { apply: () => DmlResult };

function failure(statusCode: string, message: string, fields: string[] = []): { error: DmlError } {
  return { error: { statusCode, message, fields } };
}

const INSUFFICIENT_ACCESS = (): { error: DmlError } =>
  failure('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');

function isFieldValue(value: unknown): value is FieldValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** The record's fields under the schema's names, or the first field the object does not have. */
function resolveFields(
  object: ObjectSchema,
  record: Record<string, unknown>
): { values: Row } | { error: DmlError } {
  const byLower = new Map(
    Object.values(object.fields).map((field) => [field.name.toLowerCase(), field])
  );
  const values: Row = {};
  for (const [name, value] of Object.entries(record)) {
    const field = byLower.get(name.toLowerCase());
    if (!field) {
      return failure(
        'INVALID_FIELD',
        `No such column '${name}' on sobject of type ${object.name}`,
        [name]
      );
    }
    if (!isFieldValue(value)) {
      return failure(
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        `${field.label}: value not of required type: ${String(value)}`,
        [field.name]
      );
    }
    values[field.name] = value;
  }
  return { values };
}

/**
 * Keeps the fields the operation may write. A read-only field a record carries (queried
 * CreatedDate, a formula) is ignored, as the platform ignores it; Apex code cannot assign one.
 */
function writable(object: ObjectSchema, values: Row, operation: 'create' | 'update'): Row {
  const kept: Row = {};
  for (const [name, value] of Object.entries(values)) {
    const field = object.fields[name] as FieldSchema;
    if (operation === 'create' ? field.createable : field.updateable) kept[name] = value;
  }
  return kept;
}

function flsFailure(context: DmlContext, object: ObjectSchema, values: Row): Prepared | undefined {
  const denied = Object.keys(values).filter(
    (name) => !mayAccessField(context.access, object, name, 'edit')
  );
  if (denied.length === 0) return undefined;
  return failure(
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${denied.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    denied
  );
}

function missingRequired(object: ObjectSchema, row: Row): Prepared | undefined {
  const missing = Object.values(object.fields)
    .filter(
      (field) =>
        field.createable &&
        !field.nillable &&
        !field.defaultedOnCreate &&
        !FILLED_BY_PLATFORM.has(`${object.name}.${field.name}`) &&
        (row[field.name] === null || row[field.name] === '')
    )
    .map((field) => field.name);
  if (missing.length === 0) return undefined;
  return failure(
    'REQUIRED_FIELD_MISSING',
    `Required fields are missing: [${missing.join(', ')}]`,
    missing
  );
}

/** 15-character Ids become 18-character ones, as the platform stores them. */
function normaliseIds(object: ObjectSchema, values: Row): Row {
  const normalised: Row = { ...values };
  for (const [name, value] of Object.entries(values)) {
    const type = object.fields[name]?.type;
    if (
      (type === 'id' || type === 'reference') &&
      typeof value === 'string' &&
      value.length === 15
    ) {
      normalised[name] = `${value}${idSuffix(value)}`;
    }
  }
  return normalised;
}

class DmlRun {
  private readonly context: DmlContext;
  private readonly object: ObjectSchema;
  private readonly table: OrgTable;
  private readonly options: DmlOptions;

  constructor(context: DmlContext, object: ObjectSchema, table: OrgTable, options: DmlOptions) {
    this.context = context;
    this.object = object;
    this.table = table;
    this.options = options;
  }

  private get enforcesSharing(): boolean {
    return this.options.accessMode === 'USER_MODE' || this.options.enforceSharing;
  }

  private get userMode(): boolean {
    return this.options.accessMode === 'USER_MODE';
  }

  private mayEdit(values: Row): boolean {
    if (!this.enforcesSharing) return true;
    const grant = this.context.access.objects.get(this.object.name.toLowerCase());
    return mayEditRecord(this.context.sharing, this.object, values, grant?.modifyAll === true);
  }

  /** The live row of an Id on this object, or the error the platform gives. */
  private find(
    id: FieldValue,
    operation: 'update' | 'delete' | 'undelete'
  ): number | { error: DmlError } {
    if (typeof id !== 'string' || id === '') {
      return failure('MISSING_ARGUMENT', `Id not specified in an ${operation} call`, ['Id']);
    }
    const row = this.table.rowOf(id);
    if (row === undefined)
      return failure('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['Id']);
    if (operation === 'undelete') {
      return this.table.isDeleted(row)
        ? row
        : failure('UNDELETE_FAILED', 'Entity is not in the recycle bin');
    }
    return this.table.isDeleted(row) ? failure('ENTITY_IS_DELETED', 'entity is deleted') : row;
  }

  insert(given: Row): Prepared {
    if (given.Id !== undefined && given.Id !== null) {
      return failure('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', [
        'Id'
      ]);
    }
    const values = writable(this.object, given, 'create');
    if (this.userMode) {
      const denied = flsFailure(this.context, this.object, values);
      if (denied) return denied;
    }
    const { now, access } = this.context;
    const row: Row = {};
    for (const name of Object.keys(this.object.fields)) row[name] = null;
    Object.assign(row, values);
    const system: Row = {
      CreatedDate: now,
      LastModifiedDate: now,
      SystemModstamp: now,
      CreatedById: access.userId,
      LastModifiedById: access.userId,
      IsDeleted: false
    };
    for (const [name, value] of Object.entries(system)) if (name in row) row[name] = value;
    if ('OwnerId' in row && row.OwnerId === null) row.OwnerId = access.userId;
    if (this.object.kind === 'customSetting' && row.SetupOwnerId === null) {
      row.SetupOwnerId = this.context.organizationId;
    }
    if (this.object.name === 'User') row.UserType = this.profileUserType(row.ProfileId);
    Object.assign(row, derivedValues(this.object.name, row, undefined, now));
    for (const field of Object.values(this.object.fields)) {
      if (field.type === 'boolean' && row[field.name] === null) row[field.name] = false;
    }
    const missing = missingRequired(this.object, row);
    if (missing) return missing;
    return {
      apply: () => {
        const id = this.context.store.newId(this.object.name);
        this.table.insert({ ...row, Id: id });
        return { id, success: true, errors: [] };
      }
    };
  }

  private profileUserType(profileId: FieldValue): FieldValue {
    const profile = this.context.store.select('Profile', { Id: profileId })[0];
    return profile?.UserType ?? 'Standard';
  }

  update(given: Row): Prepared {
    const found = this.find(given.Id ?? null, 'update');
    if (typeof found !== 'number') return found;
    const previous = this.table.read(found);
    if (!this.mayEdit(previous)) return INSUFFICIENT_ACCESS();
    const values = writable(this.object, given, 'update');
    if (this.userMode) {
      const denied = flsFailure(this.context, this.object, values);
      if (denied) return denied;
    }
    const { now, access } = this.context;
    const row: Row = { ...previous, ...values, LastModifiedDate: now, SystemModstamp: now };
    if ('LastModifiedById' in previous) row.LastModifiedById = access.userId;
    Object.assign(row, derivedValues(this.object.name, row, previous, now));
    const missing = missingRequired(this.object, row);
    if (missing) return missing;
    const changes: Row = {};
    for (const [name, value] of Object.entries(row)) {
      if (name in this.object.fields && previous[name] !== value) changes[name] = value;
    }
    return {
      apply: () => {
        this.table.update(found, changes);
        return { id: previous.Id as string, success: true, errors: [] };
      }
    };
  }

  upsert(given: Row): Prepared {
    const key = this.options.externalIdField;
    if (!key || key.toLowerCase() === 'id') {
      return given.Id
        ? this.asUpsert(this.update(given), false)
        : this.asUpsert(this.insert(given), true);
    }
    const field = Object.values(this.object.fields).find(
      (candidate) => candidate.name.toLowerCase() === key.toLowerCase()
    );
    if (!field)
      return failure(
        'INVALID_FIELD',
        `Invalid field for upsert, must be an External Id custom or standard indexed field: ${key}`
      );
    const value = given[field.name];
    if (value === null || value === undefined) {
      return failure('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
    }
    const matches = this.context.store.select(this.object.name, { [field.name]: value });
    if (matches.length > 1) {
      return failure('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${String(value)}`, [
        field.name
      ]);
    }
    if (matches.length === 0) return this.asUpsert(this.insert(given), true);
    return this.asUpsert(this.update({ ...given, Id: matches[0].Id }), false);
  }

  private asUpsert(prepared: Prepared, created: boolean): Prepared {
    if ('error' in prepared) return prepared;
    return { apply: () => ({ ...prepared.apply(), created }) };
  }

  remove(given: Row, deleted: boolean): Prepared {
    const found = this.find(given.Id ?? null, deleted ? 'delete' : 'undelete');
    if (typeof found !== 'number') return found;
    const previous = this.table.read(found);
    if (!this.mayEdit(previous)) return INSUFFICIENT_ACCESS();
    return {
      apply: () => {
        this.table.setDeleted(found, deleted);
        if ('IsDeleted' in this.object.fields) this.table.update(found, { IsDeleted: deleted });
        return { id: previous.Id as string, success: true, errors: [] };
      }
    };
  }
}

const CRUD_OF: Record<DmlOperation, ObjectOperation[]> = {
  insert: ['create'],
  update: ['edit'],
  upsert: ['create', 'edit'],
  delete: ['delete'],
  undelete: ['delete']
};

/** Runs one DML statement or Database method call. */
export function runDml(
  context: DmlContext,
  object: ObjectSchema,
  operation: DmlOperation,
  records: readonly Record<string, unknown>[],
  options: DmlOptions
): DmlResult[] {
  if (READ_ONLY_OBJECTS.has(object.name) || object.kind === 'customMetadata') {
    // Apex rejects these at compile time with this message; dynamic DML fails at run time.
    throw new OrgDataError(
      'TypeException',
      `DML operation ${OPERATION_NAMES[operation]} not allowed on ${object.name}`
    );
  }
  if (
    options.accessMode === 'USER_MODE' &&
    !CRUD_OF[operation].every((crud) => mayAccessObject(context.access, object, crud))
  ) {
    // Apex Developer Guide, "Enforce User Mode for Database Operations": user mode checks object permissions.
    throw new OrgDataError(
      'SecurityException',
      `DML operation ${operation.toUpperCase()} not allowed on ${object.name}`
    );
  }
  const table = context.store.table(object.name) as OrgTable;
  const run = new DmlRun(context, object, table, options);
  const prepared = records.map((record): Prepared => {
    const resolved = resolveFields(object, record);
    if ('error' in resolved) return resolved;
    const values = normaliseIds(object, resolved.values);
    switch (operation) {
      case 'insert':
        return run.insert(values);
      case 'update':
        return run.update(values);
      case 'upsert':
        return run.upsert(values);
      default:
        return run.remove(values, operation === 'delete');
    }
  });
  const failed = prepared.some((entry) => 'error' in entry);
  if (failed && options.allOrNone) {
    // Nothing is written; every record reports failure, the ones at fault with their error.
    return prepared.map((entry) => ({
      id: null,
      success: false,
      errors: 'error' in entry ? [entry.error] : []
    }));
  }
  const results = prepared.map((entry) =>
    'error' in entry ? { id: null, success: false, errors: [entry.error] } : entry.apply()
  );
  if (results.some((result) => result.success)) context.store.version += 1;
  return results;
}
