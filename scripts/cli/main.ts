/**
 * `adoption report|export`: parses the command line, opens the one data source, builds the report
 * or the per-user table and writes it in the chosen format. Resolves to the exit code — 0 done,
 * 1 failed (the message says what to do next), 2 bad usage — rather than throwing, so
 * bin/adoption.mjs only wires it to the process.
 */
import { writeFile } from 'node:fs/promises';
import { openSource } from './openSource';
import { HELP, UsageError, parseOptions } from './options';
import type { CliOptions, SourceChoice } from './options';
import { silentProgress, terminalProgress } from './progress';
import { buildReport } from './report/buildReport';
import { buildExportTable } from './report/exportTable';
import { renderExport, renderReport } from './report/render';
import type { DataSource, ProgressSink } from './source';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: the progress bar is drawn only then. */
  isTTY: boolean;
  /** The terminal's width, for the progress bar. */
  columns?: number;
  /** The default as-of instant; injectable for tests. */
  now?: () => Date;
  /** Opens the source the options name; tests pass an in-memory one. */
  openSource?: (choice: SourceChoice) => Promise<DataSource>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function produce(
  options: CliOptions,
  source: DataSource,
  progress: ProgressSink
): Promise<{ text: string; notes: string[] }> {
  if (options.command === 'export') {
    const table = await buildExportTable(source, options, progress);
    return { text: renderExport(table, options.format), notes: table.notes };
  }
  const document = await buildReport(source, options, progress);
  return { text: renderReport(document, options.format), notes: document.notes };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const now = io.now ?? (() => new Date());
  let options: CliOptions | 'help';
  try {
    options = parseOptions(argv, io.env, now());
  } catch (error) {
    // parseOptions reports every mistake in the input as a UsageError; anything else is a bug.
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(
      `Error: ${error.message}\nSee \`adoption --help\` for the options and examples.\n`
    );
    return 2;
  }
  if (options === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  const progress =
    io.isTTY && options.format !== 'json'
      ? terminalProgress({ write: (text) => io.stderr.write(text), columns: io.columns })
      : silentProgress;
  let source: DataSource | undefined;
  try {
    source = await (io.openSource ?? openSource)(options.source);
    const { text, notes } = await produce(options, source, progress);
    if (options.output === undefined) {
      io.stdout.write(text);
    } else {
      await writeFile(options.output, text);
      if (io.isTTY && options.format !== 'json') io.stderr.write(`Wrote ${options.output}\n`);
    }
    // CSV has no place for notes: say on stderr what was skipped, so it is not missed.
    if (options.format === 'csv') for (const note of notes) io.stderr.write(`Note: ${note}\n`);
    return 0;
  } catch (error) {
    // A progress line left open by the failing phase ends before the message starts.
    progress.finish();
    io.stderr.write(`Error: ${messageOf(error)}\n`);
    return 1;
  } finally {
    await source?.close().catch(() => undefined);
  }
}
