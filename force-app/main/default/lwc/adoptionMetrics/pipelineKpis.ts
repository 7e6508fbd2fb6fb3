/**
 * Pipeline over time (KPI_CATALOG.md section 5, a trailing indicator reviewed every other week):
 * the open pipeline, the late share of its most probable part, and its change across the daily
 * snapshots the product stores.
 */
import type { KpiOptions, KpiResult, UserDirectory } from './kpiResult';
import { rate } from './loginRates';
import { readCalendarDate } from './calendarDays';
import { amountOf, sliceByRecordOwner } from './qualityRecords';
import type { OpportunityQualityFields, OwnerSlices } from './qualityRecords';
import { calendarDate } from './windows';

/** `pipeline.late` reads the pipeline at or above this Probability (Salesforce's 0–100 percentage). */
export const HIGH_PROBABILITY_PERCENT = 80;

/**
 * pipeline.open: open opportunities (IsClosed = false). An amount KPI: value = the sum of their
 * Amount (a blank amount adds 0), numerator = their count. Slices by owner: value = the slice's
 * amount, numerator = its count, denominator = the count of the whole open pipeline.
 */
export function openPipeline(
  opportunities: readonly OpportunityQualityFields[],
  directory: UserDirectory
): KpiResult {
  const open = opportunities.filter((opportunity) => !opportunity.isClosed);
  const slices: OwnerSlices = sliceByRecordOwner(
    open.map((opportunity) => ({
      ownerId: opportunity.ownerId,
      numerator: 1,
      denominator: 1,
      amount: amountOf(opportunity)
    })),
    directory,
    (totals) => ({ value: totals.amount, numerator: totals.numerator, denominator: open.length })
  );
  return {
    id: 'pipeline.open',
    value: open.reduce((sum, opportunity) => sum + amountOf(opportunity), 0),
    numerator: open.length,
    slices
  };
}

/**
 * pipeline.late: of the open opportunities with Probability ≥ 80, the share by amount whose
 * CloseDate < date(T) in `options.timeZone`. A rate KPI: numerator = the late amount, denominator =
 * the amount at or above 80% (blank amounts add 0; value 0 when that amount is 0). An opportunity
 * without a CloseDate or a Probability is never late. `records` lists the late opportunities;
 * slices by owner, by amount.
 */
export function latePipeline(
  opportunities: readonly OpportunityQualityFields[],
  directory: UserDirectory,
  options: Pick<KpiOptions, 'asOf' | 'timeZone'>
): KpiResult {
  const today = calendarDate(options.asOf, options.timeZone);
  const probable = opportunities.filter(
    (opportunity) =>
      !opportunity.isClosed &&
      opportunity.probability !== null &&
      opportunity.probability >= HIGH_PROBABILITY_PERCENT
  );
  const isLate = (opportunity: OpportunityQualityFields): boolean => {
    const closeDate = readCalendarDate(opportunity.closeDate, `CloseDate of ${opportunity.id}`);
    return closeDate !== null && closeDate < today;
  };
  const tallies = probable.map((opportunity) => ({
    ownerId: opportunity.ownerId,
    numerator: isLate(opportunity) ? amountOf(opportunity) : 0,
    denominator: amountOf(opportunity),
    amount: 0
  }));
  const numerator = tallies.reduce((sum, tally) => sum + tally.numerator, 0);
  const denominator = tallies.reduce((sum, tally) => sum + tally.denominator, 0);
  return {
    id: 'pipeline.late',
    value: rate(numerator, denominator),
    numerator,
    denominator,
    slices: sliceByRecordOwner(tallies, directory),
    records: probable
      .filter(isLate)
      .map((opportunity) => opportunity.id)
      .sort()
  };
}

/** One daily snapshot row of `pipeline.open`, as the product stores it. */
export interface PipelineSnapshot {
  /** The calendar date the snapshot was taken, YYYY-MM-DD. */
  date: string;
  amount: number;
  count: number;
}

/** Today's snapshot row: `pipeline.open` on date(T) in `options.timeZone`. */
export function pipelineSnapshot(
  opportunities: readonly OpportunityQualityFields[],
  options: Pick<KpiOptions, 'asOf' | 'timeZone'>
): PipelineSnapshot {
  const open = opportunities.filter((opportunity) => !opportunity.isClosed);
  return {
    date: calendarDate(options.asOf, options.timeZone),
    amount: open.reduce((sum, opportunity) => sum + amountOf(opportunity), 0),
    count: open.length
  };
}

export interface PipelineTrend {
  /** The snapshots ordered by date: the series a chart draws. */
  points: PipelineSnapshot[];
  /** The earliest and the latest snapshot (null without snapshots). */
  first: PipelineSnapshot | null;
  last: PipelineSnapshot | null;
  /** last.amount − first.amount (0 without snapshots). */
  delta: number;
  /** last.count − first.count (0 without snapshots). */
  countDelta: number;
  /** delta / |first.amount| as a fraction (0.25 = +25%); null when first.amount is 0 or absent. */
  deltaPct: number | null;
}

/**
 * The change of the open pipeline between the earliest and the latest of the given snapshots,
 * whatever their order. The caller picks the snapshots of the period it shows. Two snapshots for
 * one date are a data error and are named.
 */
export function pipelineTrend(snapshots: readonly PipelineSnapshot[]): PipelineTrend {
  const points = snapshots
    .map((snapshot) => {
      const date = readCalendarDate(snapshot.date, 'A pipeline snapshot date');
      if (date === null) throw new RangeError('A pipeline snapshot has no date.');
      return { ...snapshot, date };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  points.forEach((point, index) => {
    if (index > 0 && points[index - 1].date === point.date) {
      throw new RangeError(`Two pipeline snapshots are dated ${point.date}: keep one per day.`);
    }
  });
  const first = points[0] ?? null;
  const last = points[points.length - 1] ?? null;
  if (first === null || last === null) {
    return { points, first: null, last: null, delta: 0, countDelta: 0, deltaPct: null };
  }
  const delta = last.amount - first.amount;
  return {
    points,
    first,
    last,
    delta,
    countDelta: last.count - first.count,
    deltaPct: first.amount === 0 ? null : delta / Math.abs(first.amount)
  };
}
