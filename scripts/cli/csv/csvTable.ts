/**
 * One CSV export file read as a table: its header (API names, matched case-insensitively, since
 * Data Loader writes them upper-case), then every row checked against the header's width and
 * handed on as a `CsvRow`. The file is read in fixed-size pieces, so memory does not grow with
 * it; errors come out as `CsvDataError`s naming the file, line, column and value.
 */
import { open } from 'node:fs/promises';
import type { ProgressSink } from '../source';
import { CellProblem, CsvDataError, cellError, missingColumn, shown } from './csvErrors';
import { CsvParser, CsvSyntaxError } from './csvReader';
import type { CsvRow } from './csvReader';

const READ_BYTES = 1 << 20;
/** Rows between two progress reports. */
export const PROGRESS_BATCH = 1 << 16;

export class CsvHeader {
  /** Lower-cased, trimmed name → first index; names seen twice → all their indexes. */
  private readonly indexes = new Map<string, number>();
  private readonly repeated = new Map<string, number[]>();
  readonly file: string;
  /** The header's cells as written. */
  readonly names: readonly string[];

  constructor(file: string, names: readonly string[]) {
    this.file = file;
    this.names = names;
    names.forEach((name, index) => {
      const key = name.trim().toLowerCase();
      const first = this.indexes.get(key);
      if (first === undefined) this.indexes.set(key, index);
      else this.repeated.set(key, [...(this.repeated.get(key) ?? [first]), index]);
    });
  }

  /** The column of an API name (any case), or -1; a name that is there twice is an error. */
  find(name: string): number {
    const key = name.toLowerCase();
    const repeated = this.repeated.get(key);
    if (repeated !== undefined) {
      throw new CsvDataError(
        `${this.file} has the column ${name} more than once (columns ${repeated.map((i) => i + 1).join(', ')}): keep one.`,
        this.file,
        1,
        name
      );
    }
    return this.indexes.get(key) ?? -1;
  }

  /** The first of `names` present; an error naming the first when none is. */
  require(names: readonly string[], hint: string): number {
    for (const name of names) {
      const index = this.find(name);
      if (index >= 0) return index;
    }
    throw missingColumn(this.file, names[0], hint);
  }

  /** The column name for messages (cells past the header's end get a number). */
  columnName(index: number): string {
    return this.names[index] ?? `#${index + 1}`;
  }
}

export type RowHandler = (row: CsvRow) => void;

export type TableStart = (header: CsvHeader) => RowHandler;

/** A file's bytes in READ_BYTES pieces, through one reused buffer (the parser copies them). */
async function* fileChunks(file: string): AsyncGenerator<Buffer> {
  const fd = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    for (;;) {
      const { bytesRead } = await fd.read(buffer, 0, READ_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await fd.close();
  }
}

/**
 * Reads `file`: `start` gets the header and returns the handler for the data rows. Progress is
 * reported in batches of PROGRESS_BATCH rows.
 */
export function readCsvTable(
  file: string,
  start: TableStart,
  progress: ProgressSink
): Promise<void> {
  return readCsvChunks(file, fileChunks(file), start, progress);
}

/**
 * readCsvTable over any chunks (a Bulk API 2.0 result page, say); `file` is what messages call
 * the data: a path, or e.g. `LoginHistory (Bulk API result page 3)`.
 */
export async function readCsvChunks(
  file: string,
  chunks: AsyncIterable<Uint8Array | string>,
  start: TableStart,
  progress: ProgressSink
): Promise<void> {
  let header: CsvHeader | undefined;
  let width = 0;
  let handle: RowHandler = () => undefined;
  let rows = 0;
  const parser = new CsvParser((row) => {
    if (header === undefined) {
      header = new CsvHeader(file, row.cells());
      width = row.count;
      handle = start(header);
      return;
    }
    if (row.count !== width) throw widthError(file, header, row);
    handle(row);
    rows += 1;
    if (rows % PROGRESS_BATCH === 0) progress.add(PROGRESS_BATCH);
  });
  try {
    for await (const chunk of chunks) parser.push(chunk);
    parser.end();
  } catch (error) {
    throw asDataError(error, file, header);
  }
  if (header === undefined) {
    throw new CsvDataError(
      `${file} is empty: it needs a header row of API field names, then one row per record.`,
      file
    );
  }
  if (rows % PROGRESS_BATCH > 0) progress.add(rows % PROGRESS_BATCH);
}

function widthError(file: string, header: CsvHeader, row: CsvRow): CsvDataError {
  const width = header.names.length;
  const at = `${file} line ${row.line}: ${row.count} cells where the header has ${width} columns`;
  if (row.count < width) {
    const column = header.columnName(row.count);
    return new CsvDataError(`${at}; no value for ${column} and after.`, file, row.line, column);
  }
  const extra = row.text(width);
  return new CsvDataError(
    `${at}; an extra cell ${shown(extra)} after ${header.columnName(width - 1)} (a comma in an unquoted value?).`,
    file,
    row.line,
    header.columnName(width),
    extra
  );
}

function asDataError(error: unknown, file: string, header: CsvHeader | undefined): unknown {
  if (error instanceof CellProblem) {
    return cellError(file, error, header?.columnName(error.index) ?? `#${error.index + 1}`);
  }
  if (error instanceof CsvSyntaxError) {
    const column = header?.columnName(error.cell) ?? `#${error.cell + 1} of the header`;
    return new CsvDataError(
      `${file} line ${error.line}, column ${column}: ${error.problem}, at ${shown(error.excerpt)}.`,
      file,
      error.line,
      column,
      error.excerpt
    );
  }
  return error;
}
