/**
 * The org connection: a jsforce Connection from the Salesforce CLI's stored authentication
 * (`--target-org`, as scripts/gateway/targetOrg.ts does: no secrets in files) or from an instance
 * URL and an access token, and one HTTP exchange over it at a time (`OrgHttp.send`).
 *
 * Every exchange goes through `connection.request()` — so jsforce adds the session header and,
 * for a CLI login, refreshes an expired access token — with jsforce's own retries switched off:
 * retry.ts retries each page itself, honouring Retry-After. jsforce hands back only the body, so
 * the exchange passes a transport that records the raw response for its status and headers
 * (Sforce-Locator, Retry-After).
 */
import { Org } from '@salesforce/core';
import { Connection } from 'jsforce';
import { OrgApiError, OrgError } from './orgErrors';
import { parseRetryAfter } from './retry';

/** Winter '26: Bulk API 2.0 query (≥ 47.0) and ordered Bulk CSV columns (≥ 50.0). */
export const DEFAULT_API_VERSION = '65.0';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface HttpExchange {
  method: HttpMethod;
  /** A path from the instance root (`/services/data/…`) or a full URL. */
  url: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface HttpReply {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** One try of one exchange; a failure is an OrgApiError (retry.ts decides what to do). */
export interface OrgHttp {
  send(exchange: HttpExchange): Promise<HttpReply>;
}

interface RawResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: string;
}

/** The part of a jsforce (or @salesforce/core) Connection used here. */
export interface JsforceConnection {
  instanceUrl: string;
  _transport: {
    httpRequest(request: unknown, options?: unknown): PromiseLike<RawResponse>;
  };
  request(request: unknown, options?: Record<string, unknown>): PromiseLike<unknown>;
}

/** The API's error body: `[{ errorCode, message }]` (REST, Bulk), OAuth's `{ error, … }`, or text. */
function apiError(response: RawResponse): OrgApiError {
  const body = response.body ?? '';
  let errorCode = `ERROR_HTTP_${response.statusCode}`;
  let message = body.trim().slice(0, 300) || `HTTP ${response.statusCode}`;
  try {
    const parsed: unknown = JSON.parse(body);
    const first = (Array.isArray(parsed) ? parsed[0] : parsed) as Record<string, unknown> | null;
    if (first && typeof first === 'object') {
      const code = first.errorCode ?? first.error;
      const text = first.message ?? first.error_description;
      if (typeof code === 'string') errorCode = code;
      if (typeof text === 'string') message = text;
    }
  } catch {
    // Not JSON (an HTML error page from a proxy): the text itself is the message.
  }
  return new OrgApiError(message, {
    status: response.statusCode,
    errorCode,
    retryAfterMs: parseRetryAfter(response.headers['retry-after'])
  });
}

/** A request that got no response: the code of the socket error undici wraps. */
function networkError(error: unknown): OrgApiError {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const detail = typeof cause?.message === 'string' ? `${message}: ${cause.message}` : message;
  return new OrgApiError(detail, { errorCode: typeof code === 'string' ? code : 'NETWORK_ERROR' });
}

export function jsforceHttp(connection: JsforceConnection): OrgHttp {
  return {
    async send(exchange: HttpExchange): Promise<HttpReply> {
      let response: RawResponse | undefined;
      const base = connection._transport;
      const transport = {
        httpRequest(request: unknown, options?: unknown) {
          const pending = base.httpRequest(request, options);
          pending.then(
            (raw) => {
              response = raw;
            },
            () => undefined
          );
          return pending;
        }
      };
      try {
        await connection.request(
          {
            method: exchange.method,
            url: exchange.url,
            body: exchange.body,
            headers: exchange.headers ?? {}
          },
          { responseType: 'text/plain', retry: { maxRetries: 0 }, transport }
        );
      } catch (error) {
        if (response && response.statusCode >= 400) throw apiError(response);
        throw networkError(error);
      }
      if (!response) throw networkError(new Error('no response'));
      if (response.statusCode >= 400) throw apiError(response);
      return { status: response.statusCode, headers: response.headers, body: response.body ?? '' };
    }
  };
}

export interface ConnectOptions {
  targetOrg?: string;
  instanceUrl?: string;
  accessToken?: string;
  apiVersion?: string;
}

export interface OrgConnection {
  http: OrgHttp;
  apiVersion: string;
  /** E.g. `org me@example.com` or `org https://acme.my.salesforce.com`. */
  description: string;
  /** The --target-org value, for the log-in hint. */
  alias?: string;
}

export async function connectToOrg(options: ConnectOptions): Promise<OrgConnection> {
  if (options.apiVersion !== undefined && !/^\d{2,3}\.0$/.test(options.apiVersion)) {
    throw new OrgError(
      `Not a Salesforce API version: "${options.apiVersion}" (expected e.g. 65.0).`
    );
  }
  if (options.targetOrg !== undefined) {
    const alias = options.targetOrg;
    let connection;
    try {
      // Without an explicit version, the one the CLI stored for the org (its newest, usually).
      connection = (await Org.create({ aliasOrUsername: alias })).getConnection(options.apiVersion);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A machine where `sf` never logged in has no alias file at all.
      const reason = /ENOENT/.test(message)
        ? 'no Salesforce CLI login is stored on this machine'
        : message.replace(/\.+$/, '');
      throw new OrgError(
        `Cannot use the org "${alias}": ${reason}. Log in with \`sf org login web --alias ${alias}\`.`
      );
    }
    return {
      http: jsforceHttp(connection as unknown as JsforceConnection),
      apiVersion: connection.getApiVersion(),
      description: `org ${connection.getUsername() ?? alias}`,
      alias
    };
  }
  const { instanceUrl, accessToken } = options;
  if (instanceUrl === undefined || accessToken === undefined || accessToken === '') {
    throw new OrgError(
      'Name an org: --target-org <alias>, or --instance-url <url> with the access token in SF_ACCESS_TOKEN.'
    );
  }
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    throw new OrgError(
      `Not a URL: --instance-url "${instanceUrl}" (e.g. https://acme.my.salesforce.com).`
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OrgError(`--instance-url must be an https:// URL, not "${instanceUrl}".`);
  }
  const origin = url.origin;
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const connection = new Connection({ instanceUrl: origin, accessToken, version: apiVersion });
  return {
    http: jsforceHttp(connection as unknown as JsforceConnection),
    apiVersion,
    description: `org ${origin}`
  };
}
