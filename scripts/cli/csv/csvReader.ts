/**
 * A streaming, byte-level CSV reader (RFC 4180) for Salesforce exports: Data Loader, Bulk API 2.0
 * result pages and `sf data export bulk` files. Used by the CSV source and by the org source for
 * Bulk API 2.0 query results. Stable API:
 *
 * - `parseCsvChunks(chunks, onRow)`: the simple form. `chunks` is any AsyncIterable of Buffer,
 *   Uint8Array or string (an HTTP body, a file stream); `onRow(cells, line)` is called once per
 *   row, the header row included (it is row 1 of a Bulk API page), with the decoded cells and the
 *   1-based line the row starts on. Resolves to the number of rows.
 * - `streamCsvRows(chunks, onRow)`: the fast form. `onRow(row)` gets a `CsvRow` view whose cells
 *   are byte ranges, decoded only when asked (`row.text(i)`); the view and its bytes are valid
 *   during the call only. No allocation per row.
 * - `CsvParser`: the push form behind both (`push(chunk)` as bytes arrive, `end()` after the last).
 *
 * Either way a syntax error throws `CsvSyntaxError` (1-based line, 0-based cell index, what was
 * wrong); an error thrown by `onRow` propagates unchanged and stops the parse.
 *
 * One level up, for data with a header row: `readCsvChunks(name, chunks, start, progress)` in
 * csvTable.ts matches the header by API name (any case), checks every row's width and turns any
 * error into a `CsvDataError` naming `name`, the line, the column and the value; `loginRows(range,
 * visit)` in loginRows.ts is the allocation-free LoginHistory handler to pass it as `start`.
 *
 * Accepted: cells quoted or not, `""` inside a quoted cell for one quote, line breaks inside
 * quoted cells, CRLF or LF row ends, a UTF-8 byte order mark, no row end after the last row.
 * Empty lines are skipped (an export never has a row of one empty cell; a trailing blank line is
 * common). A quote inside an unquoted cell is kept as a character, as Data Loader's unquoted
 * values may hold one; anything but a comma or a row end after a closing quote is an error.
 *
 * Why bytes and not strings: LoginHistory runs to tens of millions of rows; scanning bytes and
 * decoding only the cells a reader needs avoids a string per cell and a regular expression per row.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** A row longer than this is taken for an unterminated quote rather than held in memory. */
export const DEFAULT_MAX_ROW_BYTES = 64 * 1024 * 1024;

export class CsvSyntaxError extends Error {
  /** 1-based line of the row (for an unterminated quote: where the row starts). */
  readonly line: number;
  /** 0-based index of the cell at fault. */
  readonly cell: number;
  /** What was wrong, e.g. "a quoted cell is never closed (unterminated quote)". */
  readonly problem: string;
  /** The start of the offending cell as read (up to 40 bytes). */
  readonly excerpt: string;

  constructor(line: number, cell: number, problem: string, excerpt: string) {
    super(`line ${line}, cell ${cell + 1}: ${problem} (${JSON.stringify(excerpt)})`);
    this.name = 'CsvSyntaxError';
    this.line = line;
    this.cell = cell;
    this.problem = problem;
    this.excerpt = excerpt;
  }
}

/** One row, as byte ranges into the parser's buffer; valid during the `onRow` call only. */
export class CsvRow {
  /** The parser's buffer: cell i is `bytes[starts[i] .. ends[i])` (without its quotes). */
  bytes: Buffer = Buffer.alloc(0);
  starts: Int32Array = new Int32Array(16);
  ends: Int32Array = new Int32Array(16);
  /** 1 where a quoted cell holds doubled quotes: its bytes need unescaping before use. */
  escaped: Uint8Array = new Uint8Array(16);
  count = 0;
  /** 1-based line the row starts on. */
  line = 0;

  /** The cell decoded from UTF-8 with `""` unescaped; '' for an empty or absent cell. */
  text(index: number): string {
    if (index >= this.count) return '';
    const text = this.bytes.toString('utf8', this.starts[index], this.ends[index]);
    return this.escaped[index] === 1 ? text.replaceAll('""', '"') : text;
  }

  /** True for an empty cell (quoted or not): Salesforce exports write null that way. */
  isBlank(index: number): boolean {
    return index >= this.count || this.starts[index] === this.ends[index];
  }

  /** Every cell, decoded. */
  cells(): string[] {
    const cells = new Array<string>(this.count);
    for (let i = 0; i < this.count; i += 1) cells[i] = this.text(i);
    return cells;
  }

  grow(): void {
    const size = this.starts.length * 2;
    const grown = (old: Int32Array): Int32Array => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
    const escaped = new Uint8Array(size);
    escaped.set(this.escaped);
    this.escaped = escaped;
  }
}

export type CsvRowHandler = (row: CsvRow) => void;

export interface CsvParserOptions {
  /** Default DEFAULT_MAX_ROW_BYTES. */
  maxRowBytes?: number;
}

/** Where the last parse stopped inside an incomplete row (for the unterminated-quote error). */
interface OpenRow {
  cell: number;
  cellStart: number;
  inQuotes: boolean;
}

/**
 * Push-style parser: bytes are appended to one internal buffer and every complete row in it is
 * handed to `onRow`; the incomplete tail is kept for the next push. A tail that did not complete
 * is parsed again only once it has doubled, so a huge quoted cell costs linear time.
 */
export class CsvParser {
  private buffer: Buffer = Buffer.allocUnsafe(1 << 16);
  /** Bytes held: `buffer[position .. length)` is not parsed yet. */
  private length = 0;
  private position = 0;
  private line = 1;
  private started = false;
  private ended = false;
  /** The tail must reach this many bytes before it is parsed again. */
  private retryAt = 0;
  private readonly row = new CsvRow();
  private readonly maxRowBytes: number;
  private readonly open: OpenRow = { cell: 0, cellStart: 0, inQuotes: false };
  private readonly onRow: CsvRowHandler;
  /** Rows handed to onRow so far (the header included). */
  rows = 0;

  constructor(onRow: CsvRowHandler, options: CsvParserOptions = {}) {
    this.onRow = onRow;
    this.maxRowBytes = options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  }

  push(chunk: Uint8Array | string): void {
    if (this.ended) throw new Error('CsvParser.push after end()');
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.length === 0) return;
    this.append(bytes);
    const tail = this.length - this.position;
    if (tail < this.retryAt && tail <= this.maxRowBytes) return;
    this.parse(false);
  }

  /** Parses the last row (it needs no row end) and checks that no quoted cell is left open. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.parse(true);
  }

  private append(bytes: Uint8Array): void {
    const tail = this.length - this.position;
    if (this.position > 0) {
      this.buffer.copy(this.buffer, 0, this.position, this.length);
      this.position = 0;
      this.length = tail;
    }
    const needed = tail + bytes.length;
    // One byte more than the data, for the scan loops' sentinel (see parseRows).
    if (needed + 1 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed + 1, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, tail);
      this.buffer = grown;
    }
    this.buffer.set(bytes, tail);
    this.length = needed;
  }

  private parse(final: boolean): void {
    if (!this.started) {
      if (this.length < 3 && !final) return;
      const b = this.buffer;
      if (this.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.position = 3;
      this.started = true;
    }
    this.retryAt = 0;
    const complete = this.parseRows(final);
    if (complete) return;
    const tail = this.length - this.position;
    if (final || tail > this.maxRowBytes) this.failOpenRow(final);
    this.retryAt = tail * 2;
  }

  /**
   * Hands every complete row to onRow; false when the data ends inside a row. A quote written
   * just past the data stops both scan loops at the end, so they need no bounds test per byte.
   */
  private parseRows(final: boolean): boolean {
    const buffer = this.buffer;
    const length = this.length;
    buffer[length] = QUOTE;
    const row = this.row;
    row.bytes = buffer;
    let { starts, ends, escaped: escapes } = row;
    let p = this.position;
    while (p < length) {
      let count = 0;
      let breaks = 0;
      let firstQuoted = false;
      let rowEnded = false;
      while (!rowEnded) {
        if (count === starts.length) {
          row.grow();
          ({ starts, ends, escaped: escapes } = row);
        }
        let b = buffer[p];
        if (b === QUOTE) {
          if (count === 0) firstQuoted = true;
          const start = p + 1;
          let escaped = 0;
          p = start;
          for (;;) {
            while ((b = buffer[p]) !== QUOTE) {
              if (b === LF) breaks += 1;
              p += 1;
            }
            if (p >= length) return this.stop(count, start - 1, true);
            if (buffer[p + 1] !== QUOTE || p + 1 >= length) break;
            escaped = 1;
            p += 2;
          }
          // p is on the closing quote; what follows decides (a quote there would be a doubled one).
          if (p + 1 >= length && !final) return this.stop(count, start - 1, true);
          starts[count] = start;
          ends[count] = p;
          escapes[count] = escaped;
          count += 1;
          p += 1;
          b = p < length ? buffer[p] : LF;
          if (b === COMMA) {
            p += 1;
          } else if (b === LF) {
            p = Math.min(p + 1, length);
            rowEnded = true;
          } else if (b === CR && (p + 1 >= length || buffer[p + 1] === LF)) {
            if (p + 1 >= length && !final) return this.stop(count - 1, start - 1, true);
            p = Math.min(p + 2, length);
            rowEnded = true;
          } else {
            this.syntaxError(
              this.line + breaks,
              count - 1,
              'a character after the closing quote; a quote inside a quoted cell must be doubled',
              start - 1,
              p + 1
            );
          }
        } else {
          const start = p;
          // A quote inside an unquoted cell is data; the one at `length` is the sentinel.
          for (;;) {
            while ((b = buffer[p]) !== COMMA && b !== LF && b !== QUOTE) p += 1;
            if (b !== QUOTE || p >= length) break;
            p += 1;
          }
          if (p >= length && !final) return this.stop(count, start, false);
          const atRowEnd = p >= length || b === LF;
          let end = p;
          if (atRowEnd && end > start && buffer[end - 1] === CR) end -= 1;
          starts[count] = start;
          ends[count] = end;
          escapes[count] = 0;
          count += 1;
          p = Math.min(p + 1, length);
          rowEnded = atRowEnd;
        }
        // A comma as the data's very last byte: one more, empty cell ends the row.
        if (!rowEnded && p >= length) {
          if (!final) return this.stop(count, p, false);
          if (count === starts.length) {
            row.grow();
            ({ starts, ends, escaped: escapes } = row);
          }
          starts[count] = p;
          ends[count] = p;
          escapes[count] = 0;
          count += 1;
          rowEnded = true;
        }
      }
      const line = this.line;
      this.line += 1 + breaks;
      this.position = p;
      // An empty line is one unquoted empty cell: skipped.
      if (count === 1 && !firstQuoted && starts[0] === ends[0]) continue;
      row.count = count;
      row.line = line;
      this.rows += 1;
      this.onRow(row);
    }
    return true;
  }

  private stop(cell: number, cellStart: number, inQuotes: boolean): false {
    this.open.cell = cell;
    this.open.cellStart = cellStart;
    this.open.inQuotes = inQuotes;
    return false;
  }

  private failOpenRow(final: boolean): never {
    const { cell, cellStart, inQuotes } = this.open;
    const problem = final
      ? 'a quoted cell is never closed (unterminated quote)'
      : `a row longer than ${this.maxRowBytes} bytes${inQuotes ? ': is a quote never closed?' : ''}`;
    this.syntaxError(this.line, cell, problem, cellStart, this.length);
  }

  private syntaxError(
    line: number,
    cell: number,
    problem: string,
    from: number,
    to: number
  ): never {
    const excerpt = this.buffer.toString('utf8', from, Math.min(to, from + 40));
    throw new CsvSyntaxError(line, cell, problem, excerpt);
  }
}

/** Feeds an async source of chunks through a parser; resolves to the number of rows. */
export async function streamCsvRows(
  chunks: AsyncIterable<Uint8Array | string>,
  onRow: CsvRowHandler,
  options?: CsvParserOptions
): Promise<number> {
  const parser = new CsvParser(onRow, options);
  for await (const chunk of chunks) parser.push(chunk);
  parser.end();
  return parser.rows;
}

/** The simple form: every row's cells decoded, with the line the row starts on. */
export function parseCsvChunks(
  chunks: AsyncIterable<Uint8Array | string>,
  onRow: (cells: string[], line: number) => void,
  options?: CsvParserOptions
): Promise<number> {
  return streamCsvRows(chunks, (row) => onRow(row.cells(), row.line), options);
}
