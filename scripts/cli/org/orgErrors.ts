/**
 * What can go wrong talking to an org, and what the user reads then. OrgApiError is one failed
 * HTTP exchange as the API reported it (status, errorCode, message); the retry loop decides on it
 * (429, 5xx and dropped connections are tried again). Everything else becomes an OrgError whose
 * message says what to do next: log in again, ask for a permission, try later.
 */

/** One failed exchange: an HTTP status with Salesforce's errorCode, or no status at all. */
export class OrgApiError extends Error {
  /** The HTTP status; undefined when no response came (connection refused, reset). */
  readonly status: number | undefined;
  /** Salesforce's errorCode (INVALID_SESSION_ID, INVALID_TYPE…), or ERROR_HTTP_<status>. */
  readonly errorCode: string;
  /** The wait the server asked for (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    details: { status?: number; errorCode: string; retryAfterMs?: number }
  ) {
    super(message);
    this.name = 'OrgApiError';
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** A page whose body did not arrive whole (bad JSON, fewer CSV rows than announced): fetch again. */
export class IncompletePageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncompletePageError';
  }
}

/** A failure the user can act on; the CLI prints the message and exits with code 1. */
export class OrgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrgError';
  }
}

/** Node's codes for a connection that failed or dropped: worth another try. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT'
]);

export function isNetworkCode(code: unknown): boolean {
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/**
 * Worth another try: 429 and 5xx, a dropped connection, a page that came incomplete, and the
 * org's concurrent-request limit (REQUEST_LIMIT_EXCEEDED naming ConcurrentRequests), which frees
 * up within seconds. The daily API allocation (REQUEST_LIMIT_EXCEEDED otherwise) does not.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof IncompletePageError) return true;
  if (!(error instanceof OrgApiError)) return false;
  if (error.status === undefined) return isNetworkCode(error.errorCode);
  if (error.status === 429 || error.status >= 500) return true;
  return error.errorCode === 'REQUEST_LIMIT_EXCEEDED' && /concurrent/i.test(error.message);
}

/** The objects a report needs; the others are skipped with a note when they cannot be read. */
export const REQUIRED_OBJECTS: ReadonlySet<string> = new Set([
  'User',
  'LoginHistory',
  'Opportunity',
  'Lead',
  'Task'
]);

/** The permission that lets a user read an object, in the words of Setup. */
export function permissionFor(object: string): string {
  if (object === 'LoginHistory') {
    return 'the "Manage Users" permission (LoginHistory is readable with Manage Users, or View Setup and Configuration in some orgs)';
  }
  if (object === 'User')
    return 'the "View Setup and Configuration" permission or read access to users';
  if (object === 'OpportunityFieldHistory') {
    return 'read access to Opportunity and field history tracking on Opportunity.StageName';
  }
  return `the "Read" object permission on ${object} (profile or permission set)`;
}

export interface ErrorContext {
  /** The object being read, for messages. */
  object: string;
  /** The `--target-org` alias or username, when the run used one. */
  alias?: string;
}

/** The session message: the one thing to do is log in again. */
export function sessionExpiredMessage(alias?: string): string {
  return `Your Salesforce session has expired or is invalid: run \`sf org login web --alias ${alias ?? '<alias>'}\` (or refresh SF_ACCESS_TOKEN).`;
}

/** An object the user cannot see (INVALID_TYPE) or may not read (403 INSUFFICIENT_ACCESS). */
export function isNoAccess(error: unknown): boolean {
  if (!(error instanceof OrgApiError)) return false;
  if (error.errorCode === 'INVALID_TYPE' || error.errorCode.startsWith('INSUFFICIENT_ACCESS')) {
    return true;
  }
  return error.status === 403 && error.errorCode !== 'REQUEST_LIMIT_EXCEEDED';
}

/** The sentence that says the user cannot read an object, and what would let them. */
export function noAccessMessage(object: string, error: OrgApiError): string {
  return `The Salesforce user cannot read ${object} (${error.errorCode}: ${error.message}): the user needs ${permissionFor(object)}.`;
}

/**
 * The error the user reads for a failed exchange. Session and limit problems are the same
 * whatever the object; no access and unknown fields name the object; anything else is passed
 * on with the object and the API's own words.
 */
export function toOrgError(error: unknown, context: ErrorContext): Error {
  if (error instanceof OrgError) return error;
  if (!(error instanceof OrgApiError))
    return error instanceof Error ? error : new Error(String(error));
  const { object } = context;
  if (error.status === 401 || error.errorCode === 'INVALID_SESSION_ID') {
    return new OrgError(sessionExpiredMessage(context.alias));
  }
  if (error.errorCode === 'REQUEST_LIMIT_EXCEEDED') {
    return new OrgError(
      `The org refused the request (REQUEST_LIMIT_EXCEEDED: ${error.message}) while reading ${object}: its API request limit is used up. Try again later, or export the data and use --data.`
    );
  }
  if (error.errorCode === 'API_DISABLED_FOR_ORG' || error.errorCode === 'API_CURRENTLY_DISABLED') {
    return new OrgError(
      `The org refused API access (${error.errorCode}: ${error.message}): the user needs the "API Enabled" permission, and the org an edition with API access.`
    );
  }
  if (isNoAccess(error)) return new OrgError(noAccessMessage(object, error));
  if (error.errorCode === 'INVALID_FIELD') {
    return new OrgError(
      `The org rejected a field of ${object} (INVALID_FIELD: ${error.message}): the field does not exist or the user cannot see it (field-level security).`
    );
  }
  const status = error.status === undefined ? 'no response' : `HTTP ${error.status}`;
  return new OrgError(
    `Reading ${object} from the org failed (${status}, ${error.errorCode}): ${error.message}`
  );
}

/** A row the source cannot read: names the object, the row and what was wrong. */
export class MalformedRowError extends OrgError {
  constructor(object: string, row: number, problem: string) {
    super(`Malformed ${object} row ${row.toLocaleString('en-US')} from the org: ${problem}.`);
    this.name = 'MalformedRowError';
  }
}
