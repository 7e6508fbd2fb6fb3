/**
 * Reads what a report or an export needs from a DataSource, once: the users, LoginHistory streamed
 * through the library's login fold (never held), and the other objects whole. An object the source
 * cannot supply (a missing optional CSV file, an object the user cannot read) comes back as a note.
 */
import { createLoginFold } from '../../../force-app/main/default/lwc/adoptionMetrics/loginFold';
import type { LoginFold } from '../../../force-app/main/default/lwc/adoptionMetrics/loginFold';
import { isInPopulation } from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type {
  CrmObjectName,
  CrmRecordTypes,
  DataSource,
  ProgressSink,
  SourceUser
} from '../source';

export type RecordsByObject = { [K in CrmObjectName]?: CrmRecordTypes[K][] };

export interface InputRequest {
  asOf: Date;
  timeZone: string;
  regionField: string;
  periodDays: number;
  /** LoginHistory is read with `loginsAfter < LoginTime ≤ asOf`; null: not read at all. */
  loginsAfter: Date | null;
  objects: readonly CrmObjectName[];
}

export interface Inputs {
  /** Every user the source has, active or not: records are attributed to their slices. */
  users: SourceUser[];
  /** Active standard users (all active users when the data has no UserType). */
  population: SourceUser[];
  /** Null when LoginHistory was not read. */
  logins: LoginFold | null;
  records: RecordsByObject;
  /** Why an object has no records, by object. */
  unavailable: Map<CrmObjectName, string>;
}

export async function readInputs(
  source: DataSource,
  request: InputRequest,
  progress: ProgressSink
): Promise<Inputs> {
  const users = await source.users(request.regionField, progress);
  let logins: LoginFold | null = null;
  if (request.loginsAfter !== null) {
    const fold = createLoginFold({
      asOf: request.asOf,
      timeZone: request.timeZone,
      periodDays: request.periodDays
    });
    await source.forEachLogin(
      { after: request.loginsAfter, notAfter: request.asOf },
      (userId, loginTime, status) => fold.add(userId, loginTime, status),
      progress
    );
    logins = fold;
  }
  const records: RecordsByObject = {};
  const unavailable = new Map<CrmObjectName, string>();
  for (const object of request.objects) {
    const result = await source.records(object, progress);
    if (result.available) (records as Record<string, unknown[]>)[object] = result.records;
    else unavailable.set(object, result.note);
  }
  return { users, population: users.filter(isInPopulation), logins, records, unavailable };
}
