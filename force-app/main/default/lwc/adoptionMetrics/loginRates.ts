/**
 * login.rate.Nd, login.inactive.Nd and login.never from the per-slice counts the gateway returns.
 * A rate is numerator / denominator within the population (0 for an empty population).
 */
import type { SliceCount } from './contract';

/** How a blank role or region is reported (KPI_CATALOG.md). */
export const BLANK_SLICE_KEY = '(none)';

export type SliceDimension = 'role' | 'region';

export interface Rate {
  value: number;
  numerator: number;
  denominator: number;
}

export interface SliceRate extends Rate {
  key: string;
}

export function rate(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

export function sliceKey(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? BLANK_SLICE_KEY : value;
}

function loggedInWithin(slice: SliceCount, days: number): number {
  const window = slice.windows.find((candidate) => candidate.days === days);
  if (!window) {
    const available = slice.windows.map((candidate) => candidate.days).join(', ');
    throw new RangeError(`No login counts for a ${days}-day window; available: ${available}.`);
  }
  return window.loggedIn;
}

function sumRate(slices: readonly SliceCount[], days: number): Rate {
  let numerator = 0;
  let denominator = 0;
  for (const slice of slices) {
    numerator += loggedInWithin(slice, days);
    denominator += slice.population;
  }
  return { value: rate(numerator, denominator), numerator, denominator };
}

/** login.rate.Nd over the whole population. */
export function loginRate(slices: readonly SliceCount[], days: number): Rate {
  return sumRate(slices, days);
}

/** Orders slice keys alphabetically with the blank key last, so charts and tables read the same way. */
export function compareSliceKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === BLANK_SLICE_KEY) return 1;
  if (b === BLANK_SLICE_KEY) return -1;
  return a.localeCompare(b, 'en');
}

/** login.rate.Nd per role or per region. */
export function loginRateBySlice(
  slices: readonly SliceCount[],
  days: number,
  dimension: SliceDimension
): SliceRate[] {
  const groups = new Map<string, SliceCount[]>();
  for (const slice of slices) {
    const key = sliceKey(slice[dimension]);
    const group = groups.get(key) ?? [];
    group.push(slice);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, group]) => ({ key, ...sumRate(group, days) }))
    .sort((a, b) => compareSliceKeys(a.key, b.key));
}

/** login.inactive.Nd count: population users with no successful login in the window. */
export function inactiveCount(slices: readonly SliceCount[], days: number): number {
  const { numerator, denominator } = sumRate(slices, days);
  return denominator - numerator;
}

/** login.never count: population users who have never logged in. */
export function neverLoggedInCount(slices: readonly SliceCount[]): number {
  return slices.reduce((total, slice) => total + slice.neverLoggedIn, 0);
}
