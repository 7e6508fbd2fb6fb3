/**
 * Reads a CRM object's export into the KPI library's record type, following its RecordSpec.
 */
import type { ProgressSink } from '../source';
import type { CellReader } from './cellReaders';
import type { RecordSpec } from './columns';
import { readCsvTable } from './csvTable';
import type { CsvHeader } from './csvTable';

const HINT = 'export the field with its API name as the column header';

interface BoundField {
  key: string;
  index: number;
  read: CellReader<unknown>;
}

function bind<T>(spec: RecordSpec<T>, header: CsvHeader): BoundField[] {
  const fields = Object.entries(spec.fields) as [string, RecordSpec<T>['fields'][keyof T]][];
  return fields.map(([key, field]) => ({
    key,
    index: header.require(field.headers, HINT),
    read: field.reader() as CellReader<unknown>
  }));
}

export async function readRecords<T>(
  file: string,
  spec: RecordSpec<T>,
  progress: ProgressSink
): Promise<T[]> {
  const records: T[] = [];
  await readCsvTable(
    file,
    (header) => {
      const fields = bind(spec, header);
      const keepIndex = spec.keep === undefined ? -1 : header.require([spec.keep.header], HINT);
      const keepValue = spec.keep?.value.toLowerCase();
      return (row) => {
        if (keepIndex >= 0 && row.text(keepIndex).trim().toLowerCase() !== keepValue) return;
        const record: Record<string, unknown> = {};
        for (const field of fields) record[field.key] = field.read(row, field.index);
        records.push(record as T);
      };
    },
    progress
  );
  return records;
}
