/**
 * What goes wrong with a CSV export, worded for the person who made it: the file, the line, the
 * column (by its header) and the value, and what the CLI expected instead.
 */
import type { CsvRow } from './csvReader';

/** Values longer than this are cut in messages (a runaway quoted cell can be megabytes). */
const MAX_SHOWN = 60;

export function shown(value: string): string {
  return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
}

/** A CSV folder, file, header or cell the source cannot use; the message says what to fix. */
export class CsvDataError extends Error {
  /** The file, or the folder when there is no file to name. */
  readonly file: string;
  readonly line: number | undefined;
  /** The column's header (as the file writes it), when one column is at fault. */
  readonly column: string | undefined;
  readonly value: string | undefined;

  constructor(message: string, file: string, line?: number, column?: string, value?: string) {
    super(message);
    this.name = 'CsvDataError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.value = value;
  }
}

/**
 * Thrown by a cell reader for one cell; the table reader adds the file and the column name.
 * It captures the line and the value while the row's bytes are still valid.
 */
export class CellProblem extends Error {
  readonly line: number;
  readonly index: number;
  readonly problem: string;
  readonly value: string;

  constructor(row: CsvRow, index: number, problem: string) {
    super(problem);
    this.name = 'CellProblem';
    this.line = row.line;
    this.index = index;
    this.problem = problem;
    this.value = row.text(index);
  }
}

export function cellError(file: string, problem: CellProblem, column: string): CsvDataError {
  return new CsvDataError(
    `${file} line ${problem.line}, column ${column}: ${shown(problem.value)} ${problem.problem}.`,
    file,
    problem.line,
    column,
    problem.value
  );
}

export function missingColumn(file: string, column: string, hint: string): CsvDataError {
  return new CsvDataError(`${file} has no column ${column}: ${hint}.`, file, undefined, column);
}
