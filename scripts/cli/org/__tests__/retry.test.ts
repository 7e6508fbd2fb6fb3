import { IncompletePageError, OrgApiError } from '../orgErrors';
import { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter, sleep, withRetry } from '../retry';
import type { RetryPolicy } from '../retry';

/** A policy whose sleeps are recorded, not waited, and whose jitter is fixed. */
function recordingPolicy(random = 0.5): RetryPolicy & { slept: number[] } {
  const slept: number[] = [];
  return {
    ...DEFAULT_RETRY_POLICY,
    random: () => random,
    sleep: async (ms) => {
      slept.push(ms);
    },
    slept
  };
}

const tooMany = (retryAfterMs?: number) =>
  new OrgApiError('Too many requests', { status: 429, errorCode: 'ERROR_HTTP_429', retryAfterMs });

describe('backoffDelay', () => {
  it('doubles the step per try, half fixed and half jitter', () => {
    const low = { ...DEFAULT_RETRY_POLICY, random: () => 0 };
    const high = { ...DEFAULT_RETRY_POLICY, random: () => 0.999999 };
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, low))).toEqual([
      250, 500, 1000, 2000
    ]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, high))).toEqual([
      500, 1000, 2000, 4000
    ]);
  });

  it('caps the step at maxDelayMs', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.999999 };
    expect(backoffDelay(12, policy)).toBe(30_000);
  });

  it('takes Retry-After as given, within maxRetryAfterMs', () => {
    expect(backoffDelay(1, DEFAULT_RETRY_POLICY, 3000)).toBe(3000);
    expect(backoffDelay(1, DEFAULT_RETRY_POLICY, 0)).toBe(0);
    expect(backoffDelay(1, DEFAULT_RETRY_POLICY, 10 * 60_000)).toBe(120_000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0')).toBe(0);
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('retries a 429 and a 503 and returns the first success', async () => {
    const policy = recordingPolicy();
    const failures = [
      tooMany(),
      new OrgApiError('Service Unavailable', { status: 503, errorCode: 'SERVER_UNAVAILABLE' })
    ];
    let calls = 0;
    const result = await withRetry(async () => {
      calls += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return 'page';
    }, policy);
    expect(result).toBe('page');
    expect(calls).toBe(3);
    expect(policy.slept).toEqual([375, 750]);
  });

  it('waits what Retry-After asks instead of the backoff', async () => {
    const policy = recordingPolicy();
    let calls = 0;
    await withRetry(async () => {
      calls += 1;
      if (calls === 1) throw tooMany(7000);
      return calls;
    }, policy);
    expect(policy.slept).toEqual([7000]);
  });

  it('retries a dropped connection and an incomplete page', async () => {
    const policy = recordingPolicy();
    const failures: Error[] = [
      new OrgApiError('fetch failed: socket hang up', { errorCode: 'ECONNRESET' }),
      new IncompletePageError('half a page')
    ];
    const result = await withRetry(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return 42;
    }, policy);
    expect(result).toBe(42);
    expect(policy.slept).toHaveLength(2);
  });

  it('gives up after five tries, saying so, with the last error’s code', async () => {
    const policy = recordingPolicy();
    let calls = 0;
    const failing = withRetry(async () => {
      calls += 1;
      throw tooMany();
    }, policy);
    await expect(failing).rejects.toThrow('Too many requests (gave up after 5 tries)');
    await expect(failing).rejects.toMatchObject({ status: 429, errorCode: 'ERROR_HTTP_429' });
    expect(calls).toBe(5);
    expect(policy.slept).toEqual([375, 750, 1500, 3000]);
  });

  it('does not retry a failure that will not pass', async () => {
    const policy = recordingPolicy();
    let calls = 0;
    const expired = new OrgApiError('Session expired or invalid', {
      status: 401,
      errorCode: 'INVALID_SESSION_ID'
    });
    await expect(
      withRetry(async () => {
        calls += 1;
        throw expired;
      }, policy)
    ).rejects.toBe(expired);
    expect(calls).toBe(1);
    expect(policy.slept).toEqual([]);
  });

  it('reports each retry', async () => {
    const policy = recordingPolicy(0);
    const events: string[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw tooMany();
        return calls;
      },
      policy,
      (event) => events.push(`${event.attempt}:${event.delayMs}:${event.error.message}`)
    );
    expect(events).toEqual(['1:250:Too many requests', '2:500:Too many requests']);
  });
});

describe('giving up on pages that never arrive whole', () => {
  it('keeps the error’s kind and says how often it tried', async () => {
    const policy = recordingPolicy();
    const failing = withRetry(async () => {
      throw new IncompletePageError('The query page /q is not whole JSON');
    }, policy);
    await expect(failing).rejects.toThrow(
      'The query page /q is not whole JSON (gave up after 5 tries)'
    );
    await expect(failing).rejects.toMatchObject({ name: 'IncompletePageError' });
  });

  it('sleeps for real by default', async () => {
    const started = Date.now();
    await sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
