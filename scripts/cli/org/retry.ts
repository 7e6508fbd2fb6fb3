/**
 * Tries one unit of work — one HTTP request and the parsing of its page — again when it failed for
 * a reason that passes (429, 5xx, a dropped connection, a page that arrived incomplete): at most
 * `maxTries` times, waiting what the server asked for (Retry-After) or an exponential backoff with
 * jitter, so that many clients throttled together do not come back in step. The unit is retried
 * whole, and its rows are handed on only after it succeeded: a retry never counts a row twice.
 */
import { OrgApiError, isRetryable } from './orgErrors';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxTries: number;
  /** The first backoff; each later one doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After honoured as given; a longer one is cut to this. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1): the jitter's source, injectable for tests. */
  random: () => number;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTries: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  sleep,
  random: Math.random
};

/**
 * The wait before try `attempt + 1` (attempt ≥ 1 is the try that failed): Retry-After when the
 * server sent one, else "equal jitter" — half the exponential step fixed, half random — so waits
 * grow and spread but never collapse to zero.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined)
    return Math.min(Math.max(0, retryAfterMs), policy.maxRetryAfterMs);
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + policy.random() * (step / 2));
}

/** Reads Retry-After: seconds, or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  error: Error;
}

/**
 * Runs `work` until it succeeds, fails for good, or used its tries. The last error is rethrown;
 * when tries ran out, its message says so (same class and fields, for the error mapping).
 */
export async function withRetry<T>(
  work: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  onRetry?: (event: RetryEvent) => void
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= policy.maxTries) throw gaveUp(error as Error, attempt);
      const retryAfterMs = error instanceof OrgApiError ? error.retryAfterMs : undefined;
      const delayMs = backoffDelay(attempt, policy, retryAfterMs);
      onRetry?.({ attempt, delayMs, error: error as Error });
      await policy.sleep(delayMs);
    }
  }
}

function gaveUp(error: Error, tries: number): Error {
  const message = `${error.message} (gave up after ${tries} tries)`;
  if (error instanceof OrgApiError) {
    return new OrgApiError(message, {
      status: error.status,
      errorCode: error.errorCode,
      retryAfterMs: error.retryAfterMs
    });
  }
  const copy = new Error(message);
  copy.name = error.name;
  return copy;
}
