/** readCsvChunks with the LoginHistory handler: how the org source reads Bulk API result pages. */
import type { ProgressSink } from '../../source';
import { CsvDataError } from '../csvErrors';
import { PROGRESS_BATCH, readCsvChunks } from '../csvTable';
import { loginRows } from '../loginRows';

async function* pieces(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

function counter(): ProgressSink & { adds: number[] } {
  const adds: number[] = [];
  return { adds, start: () => undefined, add: (rows) => adds.push(rows), finish: () => undefined };
}

const RANGE = {
  after: new Date('2026-11-16T12:00:00.000Z'),
  notAfter: new Date('2026-11-23T12:00:00.000Z')
};

describe('readCsvChunks with loginRows', () => {
  it('visits the rows of a Bulk API page in the range, whatever the chunking', async () => {
    const page =
      '"UserId","LoginTime","Status","LoginType"\n' +
      '"005A","2026-11-16T12:00:00.000Z","Success","Application"\n' +
      '"005A","2026-11-16T12:00:00.001Z","Success","Application"\n' +
      '"005B","2026-11-23T12:00:00.000Z","Invalid Password","Application"\n' +
      '"005B","2026-11-23T12:00:00.001Z","Success","Application"\n';
    for (const size of [1, 5, 64, 4096]) {
      const seen: string[] = [];
      await readCsvChunks(
        'LoginHistory (Bulk API result page 1)',
        pieces(page, size),
        loginRows(RANGE, (user, time, status) =>
          seen.push(`${user} ${new Date(time).toISOString()} ${status}`)
        ),
        counter()
      );
      expect(seen).toEqual([
        '005A 2026-11-16T12:00:00.001Z Success',
        '005B 2026-11-23T12:00:00.000Z Invalid Password'
      ]);
    }
  });

  it('names the page, line and column of a malformed row', async () => {
    const page = 'UserId,LoginTime,Status\n005A,2026-11-20T10:00:00Z,Success\n005A,soon,Success\n';
    const error = await readCsvChunks(
      'LoginHistory (Bulk API result page 2)',
      pieces(page, 7),
      loginRows(RANGE, () => undefined),
      counter()
    ).then(
      () => undefined,
      (thrown: unknown) => thrown
    );
    expect(error).toBeInstanceOf(CsvDataError);
    expect((error as CsvDataError).message).toBe(
      'LoginHistory (Bulk API result page 2) line 3, column LoginTime: "soon" is not a date and ' +
        'time with a UTC offset (like 2026-11-23T12:00:00.000Z).'
    );
  });

  it('reports progress in batches of PROGRESS_BATCH rows, then the rest', async () => {
    const rows = PROGRESS_BATCH * 2 + 5;
    async function* page(): AsyncGenerator<string> {
      yield 'UserId,LoginTime,Status\n';
      const row = '005A,2026-11-20T10:00:00.000Z,Success\n';
      for (let done = 0; done < rows; done += 1000) yield row.repeat(Math.min(1000, rows - done));
    }
    let visits = 0;
    const progress = counter();
    await readCsvChunks(
      'LoginHistory',
      page(),
      loginRows(RANGE, () => {
        visits += 1;
      }),
      progress
    );
    expect(visits).toBe(rows);
    expect(progress.adds).toEqual([PROGRESS_BATCH, PROGRESS_BATCH, 5]);
  });
});
