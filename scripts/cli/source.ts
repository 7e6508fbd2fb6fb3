/**
 * Where `adoption` reads its data: a folder of CSV exports or a live org. Both sources hand the
 * report the same shapes — the KPI library's record types — so every KPI is computed by the same
 * library functions whatever the source. LoginHistory, the one object that reaches millions of
 * rows, is streamed row by row and never held; the other objects are read whole.
 */
import type {
  AccountRecord,
  CaseRecord,
  ContactRecord,
  DuplicateRecordItemRow,
  LeadRecord,
  OpportunityRecord,
  OpportunityStageChange,
  PopulationUser,
  TaskRecord
} from '../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';

/** A user as the CLI reads it; `region` is the value of the region field (`--region-field`). */
export interface SourceUser extends PopulationUser {
  profile: string | null;
  managerId: string | null;
}

/** The objects besides User and LoginHistory, with the record type each maps onto. */
export interface CrmRecordTypes {
  Account: AccountRecord;
  Contact: ContactRecord;
  Opportunity: OpportunityRecord;
  Lead: LeadRecord;
  Task: TaskRecord;
  Case: CaseRecord;
  OpportunityFieldHistory: OpportunityStageChange;
  DuplicateRecordItem: DuplicateRecordItemRow;
}

export type CrmObjectName = keyof CrmRecordTypes;

/** An object's records, or why there are none (a missing optional file, an object the user cannot read). */
export type SourceRecords<T> =
  { available: true; records: T[] } | { available: false; note: string };

/** Receives one LoginHistory row; loginTime in epoch milliseconds. */
export type LoginVisitor = (userId: string, loginTime: number, status: string) => void;

/** Counts rows as a source reads them, for the progress bar on stderr. */
export interface ProgressSink {
  /** A new phase, e.g. "LoginHistory"; total rows when known. */
  start(label: string, totalRows?: number): void;
  add(rows: number): void;
  finish(): void;
}

export interface DataSource {
  /** For messages and the report header, e.g. `CSV folder ./export` or `org me@example.com`. */
  readonly description: string;
  /** Every user (active or not): the report applies the population rule itself. */
  users(regionField: string, progress: ProgressSink): Promise<SourceUser[]>;
  /**
   * Streams LoginHistory rows with `after < LoginTime ≤ notAfter` (a source may pass more; the
   * report filters again), each exactly once, in any order.
   */
  forEachLogin(
    range: { after: Date; notAfter: Date },
    visit: LoginVisitor,
    progress: ProgressSink
  ): Promise<void>;
  records<K extends CrmObjectName>(
    object: K,
    progress: ProgressSink
  ): Promise<SourceRecords<CrmRecordTypes[K]>>;
  close(): Promise<void>;
}
