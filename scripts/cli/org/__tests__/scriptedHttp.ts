/**
 * An OrgHttp that answers from a script, for unit tests of paging, retries and the Bulk flow
 * without a server: each exchange is recorded, and the handler returns a reply or throws.
 */
import type { HttpExchange, HttpReply, OrgHttp } from '../connection';
import { OrgApiError } from '../orgErrors';
import { DEFAULT_RETRY_POLICY } from '../retry';
import type { RetryPolicy } from '../retry';

export interface ScriptedHttp extends OrgHttp {
  readonly exchanges: HttpExchange[];
  /** `METHOD url` of every exchange, in order. */
  calls(): string[];
}

export function scriptedHttp(handler: (exchange: HttpExchange) => HttpReply): ScriptedHttp {
  const exchanges: HttpExchange[] = [];
  return {
    exchanges,
    calls: () => exchanges.map((exchange) => `${exchange.method} ${exchange.url}`),
    async send(exchange) {
      exchanges.push(exchange);
      return handler(exchange);
    }
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}): HttpReply => ({
  status: 200,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body)
});

export const csv = (body: string, headers: Record<string, string> = {}): HttpReply => ({
  status: 200,
  headers: { 'content-type': 'text/csv', ...headers },
  body
});

export const rateLimited = (retryAfterMs?: number): OrgApiError =>
  new OrgApiError('ConcurrentRequests (Concurrent API Requests) Limit exceeded.', {
    status: 429,
    errorCode: 'REQUEST_LIMIT_EXCEEDED',
    retryAfterMs
  });

/** A retry policy that records its waits instead of sleeping. */
export function instantPolicy(): RetryPolicy & { slept: number[] } {
  const slept: number[] = [];
  return {
    ...DEFAULT_RETRY_POLICY,
    random: () => 0.5,
    sleep: async (ms) => {
      slept.push(ms);
    },
    slept
  };
}
