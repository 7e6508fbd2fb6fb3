/**
 * The data layer's contract with the Apex interpreter: what a running transaction can ask of the
 * org (SOQL, DML, describes, permissions, custom metadata) and the shapes it gets back. A test
 * double of the platform, not Salesforce: see README.md for what it follows and what it refuses.
 */

/** How a database operation treats the running user's permissions (Apex `AccessLevel`). */
export type AccessMode = 'USER_MODE' | 'SYSTEM_MODE';

export interface DataOptions {
  /** The running user (UserInfo.getUserId(), or the user of the enclosing System.runAs). */
  userId: string;
  /** The operation's mode; a query's own `WITH USER_MODE | SYSTEM_MODE` clause wins over it. */
  accessMode: AccessMode;
  /** Whether the class runs `with sharing`; user mode always enforces sharing. */
  enforceSharing: boolean;
}

export type DmlOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';

export interface DmlOptions extends DataOptions {
  allOrNone: boolean;
  /** upsert only: the external Id field to match on (default: Id). */
  externalIdField?: string;
}

export interface DmlError {
  statusCode: string;
  message: string;
  fields: string[];
}

/** One record's outcome (Database.SaveResult / DeleteResult / UpsertResult / UndeleteResult). */
export interface DmlResult {
  id: string | null;
  success: boolean;
  errors: DmlError[];
  /** upsert only: whether the record was inserted. */
  created?: boolean;
}

/** One Database.LeadConvert (Apex Reference Guide, "LeadConvert Class"). */
export interface LeadConvertRequest {
  leadId: string | null;
  convertedStatus: string | null;
  accountId: string | null;
  contactId: string | null;
  ownerId: string | null;
  opportunityName: string | null;
  doNotCreateOpportunity: boolean;
}

/** One Database.LeadConvertResult. */
export interface LeadConvertOutcome {
  leadId: string | null;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  success: boolean;
  errors: DmlError[];
}

export interface QueryOutcome {
  records: Record<string, unknown>[];
  totalSize: number;
  queryRowsCharged: number;
}

export interface PicklistEntry {
  value: string;
  label: string;
  active: boolean;
}

export interface FieldDescribe {
  name: string;
  label: string;
  /** Lower-case DisplayType name: 'string', 'textarea', 'picklist', 'reference', 'datetime'… */
  type: string;
  isCustom: boolean;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  filterable: boolean;
  groupable: boolean;
  sortable: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  length?: number;
  picklistValues?: PicklistEntry[];
}

export interface ObjectDescribe {
  name: string;
  label: string;
  keyPrefix: string;
  isCustom: boolean;
  /** True for custom settings (`customSettingsType` in the object's metadata). */
  isCustomSetting: boolean;
  fields: Record<string, FieldDescribe>;
}

export interface OrgDataApi {
  /** The org's Id (UserInfo.getOrganizationId, the org-level SetupOwnerId of custom settings). */
  readonly organizationId: string;
  query(soql: string, binds: Record<string, unknown>, options: DataOptions): QueryOutcome;
  dml(
    operation: DmlOperation,
    sObjectType: string,
    records: Record<string, unknown>[],
    options: DmlOptions
  ): DmlResult[];
  /** Database.convertLead: each request converted on its own (see org/leadConvert.ts). */
  convertLead(requests: LeadConvertRequest[], options: DmlOptions): LeadConvertOutcome[];
  describe(sObjectType: string): ObjectDescribe | undefined;
  /** Every object's API name (Schema.getGlobalDescribe). */
  objectNames(): string[];
  fieldType(sObjectType: string, field: string): string | undefined;
  isAccessible(userId: string, sObjectType: string, field?: string): boolean;
  hasCustomPermission(userId: string, permissionName: string): boolean;
  customMetadata(typeName: string): Record<string, unknown>[];
  /**
   * Writes one custom metadata record, as a completed Metadata API deployment does
   * (Metadata.Operations.enqueueDeployment): the record named `developerName` gets `values`, or
   * is created with them.
   */
  deployCustomMetadata(
    typeName: string,
    developerName: string,
    label: string | null,
    values: Record<string, unknown>
  ): void;
  snapshot(): unknown;
  restore(snapshot: unknown): void;
  setCreatedDate(recordId: string, epochMillis: number): void;
  now(): number;
}
