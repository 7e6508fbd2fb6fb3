import {
  CsvParser,
  CsvSyntaxError,
  DEFAULT_MAX_ROW_BYTES,
  parseCsvChunks,
  streamCsvRows
} from '../csvReader';

type Parsed = [line: number, cells: string[]][];

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function parse(text: string | Buffer, chunkSize = 1 << 20): Promise<Parsed> {
  const rows: Parsed = [];
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  await parseCsvChunks(chunksOf(bytes, chunkSize), (cells, line) => rows.push([line, cells]));
  return rows;
}

/** Parses `text` whole and in pieces of every size up to 7 bytes: all must agree. */
async function parseEverySplit(text: string): Promise<Parsed> {
  const whole = await parse(text);
  for (let size = 1; size <= 7; size += 1) expect(await parse(text, size)).toEqual(whole);
  return whole;
}

async function syntaxError(text: string, chunkSize?: number): Promise<CsvSyntaxError> {
  const error = await parse(text, chunkSize).then(
    () => undefined,
    (thrown: unknown) => thrown
  );
  expect(error).toBeInstanceOf(CsvSyntaxError);
  return error as CsvSyntaxError;
}

describe('CsvParser', () => {
  it('reads quoted and unquoted cells with LF row ends', async () => {
    expect(await parseEverySplit('Id,Name\n"001","Acme"\n002,Globex\n')).toEqual([
      [1, ['Id', 'Name']],
      [2, ['001', 'Acme']],
      [3, ['002', 'Globex']]
    ]);
  });

  it('reads CRLF row ends and drops the CR from unquoted and quoted last cells', async () => {
    expect(await parseEverySplit('a,b\r\n1,2\r\n"3","4"\r\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']]
    ]);
  });

  it('unescapes doubled quotes and keeps commas inside quoted cells', async () => {
    expect(await parseEverySplit('a,b\n"say ""hi""","x, y"\n""""\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['say "hi"', 'x, y']],
      [3, ['"']]
    ]);
  });

  it('keeps line breaks inside quoted cells and numbers rows by the line they start on', async () => {
    expect(await parseEverySplit('a,b\n"one\ntwo","three\r\nfour"\nnext,row\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['one\ntwo', 'three\r\nfour']],
      [5, ['next', 'row']]
    ]);
  });

  it('skips a UTF-8 byte order mark, also when it arrives byte by byte', async () => {
    expect(await parseEverySplit('\ufeffId\r\n1\r\n')).toEqual([
      [1, ['Id']],
      [2, ['1']]
    ]);
    expect(await parse('\ufeff')).toEqual([]);
    expect(await parse('\ufeffx', 1)).toEqual([[1, ['x']]]);
  });

  it('reads a last row without a row end, and a last cell left empty by a trailing comma', async () => {
    expect(await parseEverySplit('a,b\n1,2')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']]
    ]);
    expect(await parseEverySplit('a,b\n1,')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '']]
    ]);
    expect(await parseEverySplit('a,b\n"1","2"\r')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']]
    ]);
    expect(await parseEverySplit('a,b\n"1","2"')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']]
    ]);
  });

  it('reads empty cells, quoted or not, anywhere in a row', async () => {
    expect(await parseEverySplit(',,\n"",x,""\n')).toEqual([
      [1, ['', '', '']],
      [2, ['', 'x', '']]
    ]);
  });

  it('skips empty lines but keeps a row of one quoted empty cell', async () => {
    expect(await parseEverySplit('a\n\n1\r\n\r\n""\n\n')).toEqual([
      [1, ['a']],
      [3, ['1']],
      [5, ['']]
    ]);
  });

  it('keeps a quote inside an unquoted cell as a character', async () => {
    expect(await parseEverySplit('size,n\n5" screen,2\nab"c"d,3\n')).toEqual([
      [1, ['size', 'n']],
      [2, ['5" screen', '2']],
      [3, ['ab"c"d', '3']]
    ]);
  });

  it('decodes multi-byte UTF-8 split across chunks', async () => {
    expect(await parseEverySplit('name,city\n"Zoë Ångström",München\n')).toEqual([
      [1, ['name', 'city']],
      [2, ['Zoë Ångström', 'München']]
    ]);
  });

  it('reads rows of many cells and cells larger than the first buffer', async () => {
    const wide = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const big = 'x'.repeat(200_000);
    const rows = await parse(`${wide.join(',')}\n"${big}",${big}\n`, 4096);
    expect(rows[0]).toEqual([1, wide]);
    expect(rows[1]).toEqual([2, [big, big]]);
  });

  it('grows its cell arrays for a trailing comma at the very end of a wide row', async () => {
    const cells = Array.from({ length: 16 }, (_, i) => String(i));
    expect(await parse(`${cells.join(',')},`)).toEqual([[1, [...cells, '']]]);
  });

  it('accepts string chunks and counts the rows it handed on', async () => {
    async function* strings(): AsyncGenerator<string> {
      yield 'a,b\n1,';
      yield '';
      yield '2\n3,4\n';
    }
    const rows: string[][] = [];
    expect(await parseCsvChunks(strings(), (cells) => rows.push(cells))).toBe(3);
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4']
    ]);
  });

  it('gives the fast form byte ranges and blank tests without decoding', async () => {
    const seen: { blank: boolean[]; escaped: number[]; text: string; absent: string }[] = [];
    await streamCsvRows(chunksOf(Buffer.from('"a""b",,x\n'), 3), (row) => {
      seen.push({
        blank: [0, 1, 2, 3].map((i) => row.isBlank(i)),
        escaped: [row.escaped[0], row.escaped[1], row.escaped[2]],
        text: row.bytes.toString('utf8', row.starts[2], row.ends[2]),
        absent: row.text(5)
      });
    });
    expect(seen).toEqual([
      { blank: [false, true, false, true], escaped: [1, 0, 0], text: 'x', absent: '' }
    ]);
  });

  it('reports an unterminated quote with the line its row starts on and the cell', async () => {
    const error = await syntaxError('a,b\n1,2\n3,"four\nfive\n');
    expect(error.line).toBe(3);
    expect(error.cell).toBe(1);
    expect(error.problem).toBe('a quoted cell is never closed (unterminated quote)');
    expect(error.excerpt).toBe('"four\nfive\n');
    expect(error.message).toBe(
      'line 3, cell 2: a quoted cell is never closed (unterminated quote) ("\\"four\\nfive\\n")'
    );
  });

  it('reports a character after a closing quote, on the line where it is', async () => {
    const error = await syntaxError('a,b\n"x\ny"z,2\n', 2);
    expect([error.line, error.cell, error.excerpt]).toEqual([3, 0, '"x\ny"z']);
    expect(error.problem).toBe(
      'a character after the closing quote; a quote inside a quoted cell must be doubled'
    );
  });

  it('stops a row that outgrows maxRowBytes instead of holding it', async () => {
    const rows: string[][] = [];
    const parser = new CsvParser((row) => rows.push(row.cells()), { maxRowBytes: 100 });
    parser.push('a\n"');
    let error: unknown;
    try {
      for (let i = 0; i < 20; i += 1) parser.push('0123456789');
    } catch (thrown) {
      error = thrown;
    }
    expect(rows).toEqual([['a']]);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).problem).toBe(
      'a row longer than 100 bytes: is a quote never closed?'
    );
    expect((error as CsvSyntaxError).line).toBe(2);
    expect(DEFAULT_MAX_ROW_BYTES).toBe(64 * 1024 * 1024);
  });

  it('says so for a long unquoted row too', () => {
    const parser = new CsvParser(() => undefined, { maxRowBytes: 10 });
    expect(() => {
      parser.push('x'.repeat(8));
      parser.push('y'.repeat(8));
    }).toThrow('line 1, cell 1: a row longer than 10 bytes ("xxxxxxxxyyyyyyyy")');
  });

  it('lets an error of the row handler through unchanged and refuses pushes after end', () => {
    const parser = new CsvParser((row) => {
      if (row.text(0) === 'stop') throw new RangeError('handler says stop');
    });
    expect(() => parser.push('go\nstop\n')).toThrow(RangeError);
    const ended = new CsvParser(() => undefined);
    ended.end();
    ended.end();
    expect(() => ended.push('x')).toThrow('CsvParser.push after end()');
  });
});
