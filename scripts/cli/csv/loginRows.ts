/**
 * LoginHistory.csv streamed to a visitor: the one export with millions of rows, so each row costs
 * no allocation. Only UserId, LoginTime and Status are looked at; LoginTime is read from the
 * bytes first and rows outside the range are dropped before anything is decoded; user Ids and
 * statuses come from interners (a few thousand users, a handful of statuses).
 */
import type { LoginVisitor, ProgressSink } from '../source';
import { ByteInterner } from './byteInterner';
import { instantMs } from './cellReaders';
import { LOGIN_COLUMNS } from './columns';
import { CellProblem } from './csvErrors';
import type { CsvRow } from './csvReader';
import { readCsvTable } from './csvTable';
import type { TableStart } from './csvTable';
import { InstantReader } from './instants';

const HINT = 'export LoginHistory with the fields UserId, LoginTime and Status';

function shared(interner: ByteInterner, row: CsvRow, index: number): string {
  if (row.escaped[index] === 1) return row.text(index);
  return interner.intern(row.bytes, row.starts[index], row.ends[index]);
}

/**
 * The row handler for LoginHistory rows, for readCsvTable or readCsvChunks: calls `visit` for the
 * rows with `after < LoginTime ≤ notAfter`. Also what the org source can use for Bulk API pages.
 */
export function loginRows(range: { after: Date; notAfter: Date }, visit: LoginVisitor): TableStart {
  const after = range.after.getTime();
  const notAfter = range.notAfter.getTime();
  return (header) => {
    const userIndex = header.require([LOGIN_COLUMNS.userId], HINT);
    const timeIndex = header.require([LOGIN_COLUMNS.loginTime], HINT);
    const statusIndex = header.require([LOGIN_COLUMNS.status], HINT);
    const instants = new InstantReader();
    const users = new ByteInterner();
    const statuses = new ByteInterner();
    return (row) => {
      if (row.starts[timeIndex] === row.ends[timeIndex]) {
        throw new CellProblem(row, timeIndex, 'is blank, but every login has a LoginTime');
      }
      const time = instantMs(instants, row, timeIndex);
      if (time <= after || time > notAfter) return;
      if (row.starts[userIndex] === row.ends[userIndex]) {
        throw new CellProblem(row, userIndex, 'is blank, but every login has a UserId');
      }
      visit(shared(users, row, userIndex), time, shared(statuses, row, statusIndex));
    };
  };
}

/** Streams LoginHistory.csv (see loginRows). */
export function streamLogins(
  file: string,
  range: { after: Date; notAfter: Date },
  visit: LoginVisitor,
  progress: ProgressSink
): Promise<void> {
  return readCsvTable(file, loginRows(range, visit), progress);
}
