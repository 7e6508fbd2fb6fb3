/**
 * The org a local Apex transaction talks to: schema, records, security and clock behind the
 * OrgDataApi the interpreter codes against. SOQL runs on the project's SOQL engine over per-query
 * views of the tables (queryScope.ts), so sharing and field-level security apply before WHERE,
 * GROUP BY and COUNT, as on the platform.
 */
import path from 'node:path';
import type { FieldValue, SObjectTable } from '../../demo/model';
import { runQuery } from '../../soql-engine/engine';
import type { Binds } from '../../soql-engine/binds';
import { runDml } from './dml';
import { convertLeads } from './leadConvert';
import { OrgDataError } from './errors';
import { computeAccess, mayAccessField, mayAccessObject } from './permissions';
import type { UserAccess } from './permissions';
import { queryTables, sharingFilters } from './queryScope';
import { loadSchema } from './schema';
import type { OrgSchema } from './schema';
import { ownersVisibleTo } from './sharing';
import type { SharingContext } from './sharing';
import { seedSetupData } from './setupData';
import type { CustomMetadataValues } from './setupData';
import { Store } from './store';
import type { Row } from './table';
import type {
  LeadConvertOutcome,
  LeadConvertRequest,
  AccessMode,
  DataOptions,
  DmlOperation,
  DmlOptions,
  DmlResult,
  ObjectDescribe,
  OrgDataApi,
  QueryOutcome
} from './types';

export interface OrgOptions {
  /** The package's source folder (force-app/main/default): objects, permission sets, metadata. */
  sourceDir: string;
  /** The Object Reference schema; default: config/schema/standard-objects.json of this project. */
  standardObjectsFile?: string;
  /** The org clock (epoch ms); default Date.now. */
  now?: () => number;
  /** The running user's TimeZoneSidKey; default 'America/Los_Angeles' (a new org's default). */
  timeZone?: string;
  /** Read-only tables (a generated demo org) under the overlay, by object name. */
  baseTables?: Readonly<Record<string, SObjectTable>>;
  /**
   * A user of the base tables to run as (runningUserId); default: a new System Administrator, the
   * test runner, who would otherwise be one more user among a demo org's.
   */
  runningUserId?: string;
  /** Field values replacing the source folder's custom metadata records (a preview's settings). */
  customMetadataValues?: CustomMetadataValues;
}

const DEFAULT_STANDARD_OBJECTS = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'config',
  'schema',
  'standard-objects.json'
);

/** `WITH USER_MODE | SYSTEM_MODE | SECURITY_ENFORCED` in the text (after FROM, outside quotes). */
function textMode(soql: string): AccessMode | 'SECURITY_ENFORCED' | null {
  const unquoted = soql.replace(/'(?:\\.|[^'\\])*'/g, "''");
  const match = /\bWITH\s+(USER_MODE|SYSTEM_MODE|SECURITY_ENFORCED)\b/i.exec(unquoted);
  return match ? (match[1].toUpperCase() as AccessMode | 'SECURITY_ENFORCED') : null;
}

interface Cached<T> {
  version: number;
  value: T;
}

export class OrgData implements OrgDataApi {
  readonly schema: OrgSchema;
  readonly runningUserId: string;
  /** Profile Id by Name (the standard profiles). */
  readonly profileIds: ReadonlyMap<string, string>;
  readonly organizationId: string;
  private readonly store: Store;
  private readonly clock: () => number;
  private readonly defaultTimeZone: string;
  private readonly accessCache = new Map<string, Cached<UserAccess>>();
  private readonly ownersCache = new Map<string, Cached<ReadonlySet<string>>>();

  constructor(options: OrgOptions) {
    this.schema = loadSchema(
      options.standardObjectsFile ?? DEFAULT_STANDARD_OBJECTS,
      path.join(options.sourceDir, 'objects')
    );
    this.store = new Store(this.schema, options.baseTables);
    this.clock = options.now ?? Date.now;
    this.defaultTimeZone = options.timeZone ?? 'America/Los_Angeles';
    const ids = seedSetupData(this.store, this.schema, {
      sourceDir: options.sourceDir,
      now: this.clock(),
      timeZone: this.defaultTimeZone,
      ...(options.runningUserId ? { runningUserId: options.runningUserId } : {}),
      ...(options.customMetadataValues
        ? { customMetadataValues: options.customMetadataValues }
        : {})
    });
    this.runningUserId = ids.runningUserId;
    this.profileIds = ids.profiles;
    this.organizationId = this.store.newId('Organization');
  }

  now(): number {
    return this.clock();
  }

  convertLead(requests: LeadConvertRequest[], options: DmlOptions): LeadConvertOutcome[] {
    return convertLeads(
      {
        dml: (operation, sObjectType, records, dmlOptions) =>
          this.dml(operation, sObjectType, records, dmlOptions),
        readLead: (leadId, dmlOptions) => {
          const [lead] = this.query(
            'SELECT Id, IsConverted, OwnerId, Company, FirstName, LastName, Email, Phone, Title FROM Lead WHERE Id = :leadId',
            { leadId },
            { ...dmlOptions, accessMode: 'SYSTEM_MODE' }
          ).records;
          return lead as Record<string, FieldValue> | undefined;
        },
        markConverted: (leadId, values) => {
          const located = this.store.locate(leadId);
          if (!located) return;
          located.table.update(located.row, values);
          this.store.version += 1;
        },
        today: (userId) =>
          new Intl.DateTimeFormat('en-CA', {
            timeZone: this.access(userId).timeZone ?? this.defaultTimeZone
          }).format(this.clock())
      },
      requests,
      options
    );
  }

  query(soql: string, binds: Record<string, unknown>, options: DataOptions): QueryOutcome {
    const mode = textMode(soql) ?? options.accessMode;
    const access = this.access(options.userId);
    const tables = queryTables(this.store, this.schema, this.sharing(access), {
      enforceCrudFls: mode !== 'SYSTEM_MODE',
      // Apex Developer Guide, "Enforce User Mode for Database Operations": "User mode always applies sharing rules".
      enforceSharing: mode === 'USER_MODE' || options.enforceSharing
    });
    const { records, totalSize, queryRowsCharged } = runQuery(
      {
        tables,
        asOf: new Date(this.clock()),
        timeZone: access.timeZone ?? this.defaultTimeZone
      },
      soql,
      binds as Binds
    );
    return { records, totalSize, queryRowsCharged };
  }

  dml(
    operation: DmlOperation,
    sObjectType: string,
    records: Record<string, unknown>[],
    options: DmlOptions
  ): DmlResult[] {
    const object = this.schema.object(sObjectType);
    if (!object) throw new OrgDataError('TypeException', `Invalid sObject type: ${sObjectType}`);
    const access = this.access(options.userId);
    return runDml(
      {
        store: this.store,
        now: this.clock(),
        access,
        sharing: this.sharing(access),
        organizationId: this.organizationId
      },
      object,
      operation,
      records,
      options
    );
  }

  /**
   * Adds rows as they are, without DML's checks and defaults: the runtime's own fixtures and the
   * preview feed objects Apex cannot insert (LoginHistory). Not reachable from Apex.
   */
  seedRecords(sObjectType: string, rows: readonly Row[]): string[] {
    const object = this.schema.object(sObjectType);
    if (!object) throw new OrgDataError('TypeException', `Invalid sObject type: ${sObjectType}`);
    return rows.map((row) => this.store.insertRaw(object.name, row));
  }

  describe(sObjectType: string): ObjectDescribe | undefined {
    const object = this.schema.object(sObjectType);
    if (!object) return undefined;
    const fields: ObjectDescribe['fields'] = {};
    for (const field of Object.values(object.fields)) {
      fields[field.name] = {
        name: field.name,
        label: field.label,
        type: field.type,
        isCustom: field.isCustom,
        nillable: field.nillable,
        createable: field.createable,
        updateable: field.updateable,
        filterable: field.filterable,
        groupable: field.groupable,
        sortable: field.sortable,
        referenceTo: [...field.referenceTo],
        relationshipName: field.relationshipName,
        ...(field.length !== undefined ? { length: field.length } : {}),
        ...(field.picklistValues
          ? { picklistValues: field.picklistValues.map((entry) => ({ ...entry })) }
          : {})
      };
    }
    return {
      name: object.name,
      label: object.label,
      keyPrefix: this.store.prefixes.get(object.name) as string,
      isCustom: object.kind !== 'standard',
      isCustomSetting: object.kind === 'customSetting',
      fields
    };
  }

  objectNames(): string[] {
    return this.schema.objects.map((object) => object.name);
  }

  fieldType(sObjectType: string, field: string): string | undefined {
    return this.schema.field(sObjectType, field)?.type;
  }

  isAccessible(userId: string, sObjectType: string, field?: string): boolean {
    const object = this.schema.object(sObjectType);
    if (!object) return false;
    const access = this.access(userId);
    if (field === undefined) return mayAccessObject(access, object, 'read');
    const name = this.schema.field(object.name, field)?.name;
    return name !== undefined && mayAccessField(access, object, name, 'read');
  }

  hasCustomPermission(userId: string, permissionName: string): boolean {
    return this.access(userId).customPermissions.has(permissionName.toLowerCase());
  }

  customMetadata(typeName: string): Record<string, unknown>[] {
    const object = this.schema.object(typeName);
    if (!object || object.kind !== 'customMetadata') return [];
    return this.store.select(object.name);
  }

  deployCustomMetadata(
    typeName: string,
    developerName: string,
    label: string | null,
    values: Record<string, unknown>
  ): void {
    const object = this.schema.object(typeName);
    if (!object || object.kind !== 'customMetadata')
      throw new OrgDataError('TypeException', `Invalid custom metadata type: ${typeName}`);
    const [existing] = this.store.select(object.name, { DeveloperName: developerName });
    const located = existing ? this.store.locate(String(existing.Id)) : undefined;
    const labels = label === null ? {} : { MasterLabel: label, Label: label };
    if (located) {
      located.table.update(located.row, { ...labels, ...values } as Row);
      this.store.version += 1;
      return;
    }
    this.store.insertRaw(object.name, {
      DeveloperName: developerName,
      QualifiedApiName: developerName,
      NamespacePrefix: null,
      MasterLabel: label ?? developerName,
      Label: label ?? developerName,
      ...values
    } as Row);
  }

  snapshot(): unknown {
    return this.store.snapshot();
  }

  restore(snapshot: unknown): void {
    this.store.restore(snapshot as ReturnType<Store['snapshot']>);
  }

  setCreatedDate(recordId: string, epochMillis: number): void {
    const located = this.store.locate(recordId);
    if (!located || !('CreatedDate' in located.table.fields)) {
      throw new OrgDataError(
        'TypeException',
        `Test.setCreatedDate: no record with Id ${recordId} was inserted in this test`
      );
    }
    located.table.update(located.row, { CreatedDate: epochMillis });
    this.store.version += 1;
  }

  private access(userId: string): UserAccess {
    return this.cached(this.accessCache, userId, () => computeAccess(this.store, userId));
  }

  private sharing(access: UserAccess): SharingContext {
    const owners = (): ReadonlySet<string> =>
      this.cached(this.ownersCache, access.userId, () => ownersVisibleTo(this.store, access));
    return sharingFilters(this.store, this.schema, access, owners);
  }

  private cached<T>(cache: Map<string, Cached<T>>, key: string, compute: () => T): T {
    const hit = cache.get(key);
    if (hit && hit.version === this.store.version) return hit.value;
    const value = compute();
    cache.set(key, { version: this.store.version, value });
    return value;
  }
}

export function createOrg(options: OrgOptions): OrgData {
  return new OrgData(options);
}
