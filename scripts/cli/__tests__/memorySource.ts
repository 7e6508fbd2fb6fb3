/**
 * An in-memory DataSource for unit tests: users, LoginHistory rows and records given as plain
 * values; an object given as a string is unavailable with that note. It records what was read,
 * so tests can check that a report reads only what its KPIs need.
 */
import type {
  CrmObjectName,
  CrmRecordTypes,
  DataSource,
  ProgressSink,
  SourceRecords,
  SourceUser
} from '../source';

export type MemoryLogin = [userId: string, loginTime: string, status: string];

export interface MemoryData {
  users: SourceUser[];
  logins?: MemoryLogin[];
  records?: { [K in CrmObjectName]?: CrmRecordTypes[K][] | string };
}

export interface MemorySource extends DataSource {
  /** Objects read, in order, with the login range when LoginHistory was read. */
  readonly reads: string[];
  readonly loginRanges: { after: Date; notAfter: Date }[];
  closed: boolean;
}

export function user(id: string, name: string, fields: Partial<SourceUser> = {}): SourceUser {
  return {
    id,
    name,
    isActive: true,
    userType: 'Standard',
    role: null,
    region: null,
    lastLoginDate: null,
    profile: 'Sales User',
    managerId: null,
    ...fields
  };
}

export function memorySource(data: MemoryData): MemorySource {
  const source: MemorySource = {
    description: 'memory',
    reads: [],
    loginRanges: [],
    closed: false,
    async users(_regionField: string, progress: ProgressSink) {
      source.reads.push('User');
      progress.start('User', data.users.length);
      progress.add(data.users.length);
      progress.finish();
      return data.users;
    },
    async forEachLogin(range, visit, progress) {
      source.reads.push('LoginHistory');
      source.loginRanges.push(range);
      const rows = data.logins ?? [];
      progress.start('LoginHistory', rows.length);
      for (const [userId, loginTime, status] of rows) {
        visit(userId, Date.parse(loginTime), status);
        progress.add(1);
      }
      progress.finish();
    },
    async records<K extends CrmObjectName>(
      object: K,
      progress: ProgressSink
    ): Promise<SourceRecords<CrmRecordTypes[K]>> {
      source.reads.push(object);
      const given = data.records?.[object] as CrmRecordTypes[K][] | string | undefined;
      if (typeof given === 'string') return { available: false, note: given };
      progress.start(object, given?.length ?? 0);
      progress.add(given?.length ?? 0);
      progress.finish();
      return { available: true, records: given ?? [] };
    },
    async close() {
      source.closed = true;
    }
  };
  return source;
}
