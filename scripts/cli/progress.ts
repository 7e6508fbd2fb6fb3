/**
 * The progress bar on stderr: rows read and rows per second, drawn only once a phase has taken
 * longer than a second (a quick run prints nothing) and only on a terminal — a redirected stderr
 * or a JSON run gets the silent sink, so nothing but the result is ever written.
 */
import type { ProgressSink } from './source';

export interface ProgressOptions {
  write(text: string): void;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
  /** Columns of the terminal, for the bar's width. */
  columns?: number;
}

/** A phase is shown once it has run this long. */
export const SHOW_AFTER_MS = 1000;
/** Redraws at most this often, so drawing never costs more than reading. */
const REDRAW_MS = 100;
const BAR_WIDTH = 20;

export const silentProgress: ProgressSink = {
  start: () => undefined,
  add: () => undefined,
  finish: () => undefined
};

const grouped = new Intl.NumberFormat('en-US');

/** 1234567 → "1.23M"; rates read best with three significant digits. */
export function compactCount(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toPrecision(3)}M`;
  if (value >= 1e4) return `${(value / 1e3).toPrecision(3)}k`;
  return String(Math.round(value));
}

/** One line of the bar: label, [#####-----] and percent when the total is known, rows, rows/s. */
export function progressLine(
  label: string,
  rows: number,
  totalRows: number | undefined,
  elapsedMs: number
): string {
  const perSecond = elapsedMs > 0 ? (rows * 1000) / elapsedMs : 0;
  const parts = [label];
  if (totalRows !== undefined && totalRows > 0) {
    const share = Math.min(1, rows / totalRows);
    const filled = Math.round(share * BAR_WIDTH);
    parts.push(
      `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}%`
    );
    parts.push(`${grouped.format(rows)} / ${grouped.format(totalRows)} rows`);
  } else {
    parts.push(`${grouped.format(rows)} rows`);
  }
  parts.push(`${compactCount(perSecond)} rows/s`);
  return parts.join('  ');
}

/** A progress sink that draws on a terminal (carriage return, no scrolling). */
export function terminalProgress(options: ProgressOptions): ProgressSink {
  const now = options.now ?? (() => performance.now());
  const width = Math.max(40, (options.columns ?? 80) - 1);
  let label = '';
  let total: number | undefined;
  let rows = 0;
  let started = 0;
  let drawnAt = -Infinity;
  let shown = false;

  const draw = (at: number): void => {
    const line = progressLine(label, rows, total, at - started).slice(0, width);
    options.write(`\r${line.padEnd(width)}`);
    drawnAt = at;
    shown = true;
  };

  return {
    start(phase, totalRows) {
      label = phase;
      total = totalRows;
      rows = 0;
      started = now();
      drawnAt = -Infinity;
      shown = false;
    },
    add(count) {
      rows += count;
      const at = now();
      if (at - started >= SHOW_AFTER_MS && at - drawnAt >= REDRAW_MS) draw(at);
    },
    finish() {
      const at = now();
      // A phase that was shown ends on its final count; a quick one leaves no trace.
      if (shown) {
        draw(at);
        options.write('\n');
      }
      shown = false;
    }
  };
}
