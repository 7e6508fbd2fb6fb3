/**
 * Benchmarking (KPI_CATALOG.md, "Benchmarking"): where a KPI started (baseline), where it is
 * (current), where it is going (target); its status against the target, its trend against the
 * previous period, per-role targets, and the focus rule that says when to roll out the next KPI.
 */
import { kpiDefinition } from './kpiCatalog';
import type { KpiDefinition, KpiDirection, KpiKind } from './kpiCatalog';
import type { KpiResult } from './kpiResult';
import { sliceKey } from './loginRates';

export type KpiStatus = 'green' | 'amber' | 'red';

export type TrendDirection = 'up' | 'down' | 'flat';

/** "Amber within 10 points below": the band, as a fraction of the KPI's scale. */
export const AMBER_BAND = 0.1;

/** Boundaries tolerate floating-point noise: 0.8 − 0.1 is 0.7000000000000001. */
const EPSILON = 1e-9;

/**
 * What "100 points" is for a KPI, so that "10 points" means the same for every kind: 1 for a rate
 * (10 points = 0.10); for a count, list or amount, the population it is counted in (its
 * KpiResult.denominator, e.g. the users behind `login.inactive.7d`) when that is known and
 * positive, otherwise the target (amber from 90% of a records-created target); 0 when neither is
 * known, which leaves no amber band.
 */
export function statusScale(
  kind: KpiKind,
  target: number | null,
  population?: number | null
): number {
  if (kind === 'rate') return 1;
  if (population !== undefined && population !== null && population > 0) return population;
  return target === null ? 0 : Math.abs(target);
}

/**
 * Green when the target is met (at or above it when higher is better, at or below it when lower
 * is better); amber when it is missed by at most 10 points, AMBER_BAND × scale; red beyond.
 * Null when there is no status to show: no target, or a KPI without a direction.
 */
export function kpiStatus(
  value: number,
  target: number | null,
  direction: KpiDirection,
  scale = 1
): KpiStatus | null {
  if (target === null || direction === 'none') return null;
  const shortfall = direction === 'higherIsBetter' ? target - value : value - target;
  if (shortfall <= EPSILON) return 'green';
  if (shortfall <= AMBER_BAND * scale + EPSILON) return 'amber';
  return 'red';
}

/** Up or down when the value moved by more than `tolerance` (inclusive: a change of exactly the tolerance is flat). */
export function trend(current: number, previous: number, tolerance = 0): TrendDirection {
  if (!(tolerance >= 0)) {
    throw new RangeError(`A trend tolerance is zero or more; got ${String(tolerance)}.`);
  }
  const change = current - previous;
  if (Math.abs(change) <= tolerance + EPSILON) return 'flat';
  return change > 0 ? 'up' : 'down';
}

/** Whether a move is good for a KPI of this direction; null for flat, and for KPIs that do not judge. */
export function isTrendGood(direction: TrendDirection, kpiDirection: KpiDirection): boolean | null {
  if (direction === 'flat' || kpiDirection === 'none') return null;
  return (direction === 'up') === (kpiDirection === 'higherIsBetter');
}

export interface BenchmarkInput {
  /** Captured when the package was set up; null until then. */
  baseline: number | null;
  current: number;
  /** The previous period; null when there is none yet. */
  previous: number | null;
  target: number | null;
  direction: KpiDirection;
  /** See statusScale; 1 (a rate) by default. */
  scale?: number;
  /** See trend; 0 by default. */
  trendTolerance?: number;
}

export interface Benchmark {
  baseline: number | null;
  current: number;
  target: number | null;
  status: KpiStatus | null;
  /** Against the previous period; null without one. */
  trend: TrendDirection | null;
  trendIsGood: boolean | null;
  /**
   * What is still missing to reach the target, in the KPI's unit and in its good direction:
   * target − current when higher is better, current − target when lower is better. Zero or
   * negative once the target is met (negative: beaten by that much). Null without a target.
   */
  gapToTarget: number | null;
}

export function benchmark(input: BenchmarkInput): Benchmark {
  const { baseline, current, previous, target, direction } = input;
  const moved = previous === null ? null : trend(current, previous, input.trendTolerance ?? 0);
  let gapToTarget: number | null = null;
  if (target !== null && direction !== 'none') {
    gapToTarget = direction === 'higherIsBetter' ? target - current : current - target;
  }
  return {
    baseline,
    current,
    target,
    status: kpiStatus(current, target, direction, input.scale ?? 1),
    trend: moved,
    trendIsGood: moved === null ? null : isTrendGood(moved, direction),
    gapToTarget
  };
}

export interface KpiBenchmarkContext {
  previous?: KpiResult | null;
  baseline?: KpiResult | null;
  /** The target in force (targetFor); the catalog default when left out. */
  target?: number | null;
  trendTolerance?: number;
}

/** benchmark() for a catalog KPI's result: direction and scale come from the catalog and the result. */
export function benchmarkKpi(current: KpiResult, context: KpiBenchmarkContext = {}): Benchmark {
  const definition = kpiDefinition(current.id);
  const target = context.target === undefined ? definition.defaultTarget : context.target;
  return benchmark({
    baseline: context.baseline?.value ?? null,
    current: current.value,
    previous: context.previous?.value ?? null,
    target,
    direction: definition.direction,
    scale: statusScale(definition.kind, target, current.denominator),
    trendTolerance: context.trendTolerance
  });
}

/** A KPI's targets as the admin sets them: one default, and overrides per role (UserRole.Name). */
export interface KpiTargets {
  default: number | null;
  /** Keyed by role name; `(none)` sets the target of users without a role. */
  byRole?: Readonly<Record<string, number>>;
}

function checkTarget(definition: KpiDefinition, target: number | null, where: string): void {
  if (target === null) return;
  const isRate = definition.kind === 'rate';
  if (!Number.isFinite(target) || target < 0 || (isRate && target > 1)) {
    const expected = isRate ? 'a share from 0 to 1 (0.8 for 80%)' : 'a number of 0 or more';
    throw new RangeError(
      `The ${where} target of ${definition.id} is ${String(target)}; it must be ${expected}.`
    );
  }
}

/**
 * The target in force for a role: the role's override when there is one, otherwise the default;
 * without targets, the catalog's default. A blank role is looked up as `(none)`. Every target
 * given is checked: a rate's is a 0–1 share, any other is 0 or more.
 */
export function targetFor(
  kpiId: string,
  role: string | null | undefined,
  targets?: KpiTargets
): number | null {
  const definition = kpiDefinition(kpiId);
  if (!targets) return definition.defaultTarget;
  checkTarget(definition, targets.default, 'default');
  const byRole = targets.byRole ?? {};
  for (const [name, target] of Object.entries(byRole)) checkTarget(definition, target, `"${name}"`);
  const key = sliceKey(role);
  return Object.prototype.hasOwnProperty.call(byRole, key) ? byRole[key] : targets.default;
}

/** A KPI holds when it reaches this attainment of its target… */
export const FOCUS_LEVEL = 0.8;
/** …in each of this many latest periods (the current one and the one before). */
export const FOCUS_HOLD_PERIODS = 2;

/**
 * How far a value has come towards its target, from 0 to 1 (1 = met). Higher is better:
 * value / target (1 for a target of 0 or less). Lower is better: the KPI is read on its complement
 * within the scale, (scale − value) / (scale − target), so 10 users inactive out of 50 against a
 * target of 0 is 0.8; without room between target and scale, 1 when met and 0 when not.
 * Null without a target or a direction.
 */
export function attainment(
  value: number,
  target: number | null,
  direction: KpiDirection,
  scale = 1
): number | null {
  if (target === null || direction === 'none') return null;
  const clamp = (ratio: number): number => Math.min(1, Math.max(0, ratio));
  if (direction === 'higherIsBetter') return target <= 0 ? 1 : clamp(value / target);
  if (value <= target) return 1;
  const room = scale - target;
  return room > 0 ? clamp((scale - value) / room) : 0;
}

/**
 * Whether a KPI holds at the focus level: each of its FOCUS_HOLD_PERIODS latest results (history
 * oldest first) reaches FOCUS_LEVEL of the target. False with fewer results than that, or without
 * a target.
 */
export function holdsAtFocusLevel(
  kpiId: string,
  history: readonly KpiResult[],
  target: number | null
): boolean {
  const definition = kpiDefinition(kpiId);
  if (history.length < FOCUS_HOLD_PERIODS) return false;
  return history.slice(-FOCUS_HOLD_PERIODS).every((result) => {
    const scale = statusScale(definition.kind, target, result.denominator);
    const reached = attainment(result.value, target, definition.direction, scale);
    return reached !== null && reached >= FOCUS_LEVEL - EPSILON;
  });
}

/**
 * The focus rule. `focusIds` are the KPIs the admin put in focus, in roll-out order; `results`
 * holds each one's results for the latest periods, oldest first; `targets` the targets in force
 * (the catalog default for an id left out). The KPI to lead with is the first in that order that
 * does not yet hold at 80% of its target (holdsAtFocusLevel); the ones before it hold, so the
 * next is added only once the current one holds. KPIs without a target cannot hold or block and
 * are passed over. Null when every focus KPI holds: time to put another in focus. An unknown id is
 * named, wherever it stands.
 */
export function nextFocusKpi(
  focusIds: readonly string[],
  results: Readonly<Record<string, readonly KpiResult[]>>,
  targets: Readonly<Record<string, number | null>> = {}
): string | null {
  const definitions = focusIds.map(kpiDefinition);
  for (const definition of definitions) {
    const id = definition.id;
    const target = Object.prototype.hasOwnProperty.call(targets, id)
      ? targets[id]
      : definition.defaultTarget;
    if (target === null || definition.direction === 'none') continue;
    const history = Object.prototype.hasOwnProperty.call(results, id) ? results[id] : [];
    if (!holdsAtFocusLevel(id, history, target)) return id;
  }
  return null;
}
