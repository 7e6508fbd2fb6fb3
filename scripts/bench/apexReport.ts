/**
 * Verdicts and tables of the Apex runtime benchmark: what one @AuraEnabled call cost in its
 * transaction, judged against the platform's synchronous limits, as one aligned table per org size.
 */
import type { AuraResponse, AuraUsage } from '../apex-runtime/aura/auraRequest';

/** Apex Developer Guide, "Execution Governors and Limits" (synchronous transaction). */
export const PLATFORM_LIMITS = {
  soqlQueries: 100,
  queryRows: 50_000,
  dmlStatements: 150,
  dmlRows: 10_000
} as const;

type LimitName = keyof typeof PLATFORM_LIMITS;

const LIMIT_LABELS: Record<LimitName, string> = {
  soqlQueries: 'SOQL queries',
  queryRows: 'query rows',
  dmlStatements: 'DML statements',
  dmlRows: 'DML rows'
};

/**
 * ok: a value; refused: an AuraHandledException, the controllers' documented refusal with a
 * message the user can act on (a rep asking for a slice's people, a period not offered); limit: a
 * System.LimitException; error: anything else (an unhandled exception, a request or feature the
 * runtime cannot serve).
 */
export type CallOutcome =
  | { kind: 'ok' }
  | { kind: 'refused'; message: string }
  | { kind: 'limit'; message: string }
  | { kind: 'error'; message: string };

export interface CallMeasure {
  /** The call's position in the list: a method called twice (before and after a capture) twice. */
  step: number;
  viewer: string;
  /** 'method(parameters)' */
  call: string;
  outcome: CallOutcome;
  usage: AuraUsage;
}

export function outcomeOf(response: AuraResponse): CallOutcome {
  if (response.ok) return { kind: 'ok' };
  const { kind, body } = response.error;
  if (kind === 'handled') return { kind: 'refused', message: body.message };
  if (body.exceptionType && /(^|\.)LimitException$/.test(body.exceptionType)) {
    return { kind: 'limit', message: body.message };
  }
  const type = body.exceptionType ? `${body.exceptionType}: ` : '';
  return { kind: 'error', message: `${kind} ${type}${body.message}` };
}

/** The platform limits the usage exceeds, e.g. ['query rows 50,001 > 50,000']. */
export function brokenLimits(usage: AuraUsage): string[] {
  return (Object.keys(PLATFORM_LIMITS) as LimitName[])
    .filter((name) => usage[name] > PLATFORM_LIMITS[name])
    .map((name) => `${LIMIT_LABELS[name]} ${count(usage[name])} > ${count(PLATFORM_LIMITS[name])}`);
}

/** Why a call fails the benchmark (empty when it passes: a value or a documented refusal). */
export function failures(measure: CallMeasure): string[] {
  const found = brokenLimits(measure.usage);
  const { outcome } = measure;
  if (outcome.kind === 'limit' && found.length === 0) found.push(outcome.message);
  if (outcome.kind === 'error') found.push(outcome.message);
  return found;
}

const count = (value: number): string => value.toLocaleString('en-US');

const COLUMNS = [
  '#',
  'call',
  'viewer',
  'SOQL',
  'query rows',
  'DML',
  'DML rows',
  'statements',
  'bytes',
  'ms',
  'outcome'
];
/** Text columns are left-aligned, figures right-aligned. */
const LEFT_ALIGNED = new Set([1, 2, COLUMNS.length - 1]);

function outcomeCell(measure: CallMeasure): string {
  if (failures(measure).length > 0) return 'FAIL';
  return measure.outcome.kind === 'refused' ? 'refused' : 'ok';
}

function cells(measure: CallMeasure): string[] {
  const { usage } = measure;
  return [
    String(measure.step),
    measure.call,
    measure.viewer,
    count(usage.soqlQueries),
    count(usage.queryRows),
    count(usage.dmlStatements),
    count(usage.dmlRows),
    count(usage.statements),
    count(usage.responseBytes),
    count(Math.round(usage.durationMs)),
    outcomeCell(measure)
  ];
}

/** Calls in their list's order, each call's viewers together in the order measured. */
function byCall(measures: readonly CallMeasure[]): CallMeasure[] {
  return measures
    .map((measure, index) => ({ measure, index }))
    .sort((a, b) => a.measure.step - b.measure.step || a.index - b.index)
    .map(({ measure }) => measure);
}

/**
 * One org size: a title, the aligned table (a row per call and viewer), then one line per failure
 * and one per distinct refusal message.
 */
export function formatTable(title: string, measures: readonly CallMeasure[]): string {
  const ordered = byCall(measures);
  const table = [COLUMNS, ...ordered.map(cells)];
  const widths = COLUMNS.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const lines = [title];
  for (const row of table) {
    lines.push(
      row
        .map((cell, column) =>
          LEFT_ALIGNED.has(column) ? cell.padEnd(widths[column]) : cell.padStart(widths[column])
        )
        .join('  ')
        .trimEnd()
    );
  }
  for (const measure of ordered) {
    for (const failure of failures(measure)) {
      lines.push(`FAIL #${measure.step} ${measure.viewer}: ${measure.call}: ${failure}`);
    }
  }
  const refusals = new Set(
    ordered.flatMap((measure) =>
      measure.outcome.kind === 'refused' ? [measure.outcome.message] : []
    )
  );
  for (const message of refusals) lines.push(`refused: ${message}`);
  return lines.join('\n');
}

/** The largest figure of each limit over all calls, e.g. 'max 19 SOQL, 49,000 query rows, …'. */
export function peaks(measures: readonly CallMeasure[]): string {
  const peak = (name: LimitName): string =>
    count(Math.max(0, ...measures.map((measure) => measure.usage[name])));
  return (Object.keys(PLATFORM_LIMITS) as LimitName[])
    .map((name) => `${peak(name)} ${LIMIT_LABELS[name]} (limit ${count(PLATFORM_LIMITS[name])})`)
    .join(', ');
}
