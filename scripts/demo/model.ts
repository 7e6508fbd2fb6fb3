/**
 * The demo org's data model: the contract between the demo generator (which fills it), the SOQL
 * engine (which reads it) and the preview (which serves it). It is a test double, not Salesforce.
 *
 * Values as the engine sees them:
 * - id, reference, string, picklist, email: string (null when blank)
 * - boolean: boolean; int, double, currency, percent: number
 * - date: 'YYYY-MM-DD' string; datetime: epoch milliseconds (number)
 */

export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'picklist'
  | 'email'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime';

export type FieldValue = string | number | boolean | null;

export interface FieldSpec {
  type: FieldType;
  /** For reference fields: the object the Id points to. */
  referenceTo?: string;
  /** For reference fields: the name used in relationship paths (UserRoleId → UserRole). */
  relationshipName?: string;
  /**
   * For polymorphic reference fields (DuplicateRecordItem.RecordId, Task.WhatId): every object the
   * Id may belong to; relationship paths through it reach the Name object (`What.Name`), as in
   * SOQL. Absent otherwise.
   */
  referenceTargets?: readonly string[];
}

/** One SObject's records. Tables may store rows or columns; readers only use this interface. */
export interface SObjectTable {
  readonly name: string;
  readonly size: number;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** A fast reader for one field (API name, exact case), or undefined when the field does not exist. */
  accessor(field: string): ((row: number) => FieldValue) | undefined;
  /** The row holding a record Id, or undefined. */
  rowOf(id: string): number | undefined;
}

export interface DemoOrg {
  readonly seed: number;
  /** The instant the data was generated "as of": relative dates (TODAY, LAST_N_DAYS) are taken from it. */
  readonly asOf: Date;
  /** Time zone of the demo org's running user (calendar dates, DAY_ONLY, TODAY). */
  readonly timeZone: string;
  /** The User the preview runs as (the viewer of the leaderboard). */
  readonly runningUserId: string;
  readonly tables: Readonly<Record<string, SObjectTable>>;
}
