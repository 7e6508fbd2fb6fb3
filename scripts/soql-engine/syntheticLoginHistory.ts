/**
 * A synthetic, column-stored LoginHistory of any size, for measuring the engine: typed arrays
 * hold user numbers, login times and status codes, and the accessors map them back to Ids,
 * datetimes and picklist values. Deterministic (a fixed-seed generator), so runs compare.
 */
import type { FieldSpec, FieldValue, SObjectTable } from '../demo/model';

export const LOGIN_STATUSES = [
  'Success',
  'Invalid Password',
  'Failed: Computer activation required'
];

export interface SyntheticLoginHistoryOptions {
  rows: number;
  users: number;
  /** LoginTime values fall in [start, end). */
  start: Date;
  end: Date;
  seed?: number;
}

const FIELDS: Record<string, FieldSpec> = {
  Id: { type: 'id' },
  UserId: { type: 'reference', referenceTo: 'User' },
  LoginTime: { type: 'datetime' },
  Status: { type: 'picklist' }
};

/** The synthetic User Id of user number `index` (0-based): '005' and 12 digits. */
export function syntheticUserId(index: number): string {
  return `005${String(index).padStart(12, '0')}`;
}

function loginIdOf(row: number): string {
  return `0Ya${String(row).padStart(12, '0')}`;
}

/** Mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function syntheticLoginHistory(options: SyntheticLoginHistoryOptions): SObjectTable {
  const { rows, users } = options;
  const next = random(options.seed ?? 42);
  const userIds = Array.from({ length: users }, (_unused, index) => syntheticUserId(index));
  const userOf = new Int32Array(rows);
  const timeOf = new Float64Array(rows);
  const statusOf = new Uint8Array(rows);
  const startMs = options.start.getTime();
  const spanMs = options.end.getTime() - startMs;
  for (let row = 0; row < rows; row += 1) {
    userOf[row] = Math.floor(next() * users);
    timeOf[row] = startMs + Math.floor(next() * spanMs);
    const roll = next();
    statusOf[row] = roll < 0.9 ? 0 : roll < 0.98 ? 1 : 2;
  }
  const accessors: Record<string, (row: number) => FieldValue> = {
    Id: loginIdOf,
    UserId: (row) => userIds[userOf[row]],
    LoginTime: (row) => timeOf[row],
    Status: (row) => LOGIN_STATUSES[statusOf[row]]
  };
  return {
    name: 'LoginHistory',
    size: rows,
    fields: FIELDS,
    accessor: (field) => accessors[field],
    rowOf: (id) => {
      const row = /^0Ya\d{12}$/.test(id) ? Number(id.slice(3)) : NaN;
      return Number.isInteger(row) && row < rows ? row : undefined;
    }
  };
}
