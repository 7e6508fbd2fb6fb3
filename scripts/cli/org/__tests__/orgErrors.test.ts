import {
  IncompletePageError,
  MalformedRowError,
  OrgApiError,
  OrgError,
  isNoAccess,
  isRetryable,
  sessionExpiredMessage,
  toOrgError
} from '../orgErrors';

const api = (status: number | undefined, errorCode: string, message = 'detail') =>
  new OrgApiError(message, { status, errorCode });

describe('isRetryable', () => {
  it.each([
    { label: '429', error: api(429, 'ERROR_HTTP_429'), expected: true },
    { label: '500', error: api(500, 'UNKNOWN_EXCEPTION'), expected: true },
    { label: '503', error: api(503, 'SERVER_UNAVAILABLE'), expected: true },
    { label: 'a reset connection', error: api(undefined, 'ECONNRESET'), expected: true },
    {
      label: 'the concurrent-request limit',
      error: api(
        403,
        'REQUEST_LIMIT_EXCEEDED',
        'ConcurrentRequests (Concurrent API Requests) Limit exceeded.'
      ),
      expected: true
    },
    { label: 'an incomplete page', error: new IncompletePageError('half'), expected: true },
    {
      label: 'the daily API limit',
      error: api(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'),
      expected: false
    },
    { label: 'an expired session', error: api(401, 'INVALID_SESSION_ID'), expected: false },
    { label: 'an unknown object', error: api(400, 'INVALID_TYPE'), expected: false },
    {
      label: 'an unknown network failure',
      error: api(undefined, 'NETWORK_ERROR'),
      expected: false
    },
    { label: 'a bug', error: new Error('bug'), expected: false }
  ])('$label → retryable: $expected', ({ error, expected }) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('isNoAccess', () => {
  it('knows an unreadable object', () => {
    expect(isNoAccess(api(400, 'INVALID_TYPE'))).toBe(true);
    expect(isNoAccess(api(403, 'INSUFFICIENT_ACCESS'))).toBe(true);
    expect(isNoAccess(api(400, 'INSUFFICIENT_ACCESS_OR_READONLY'))).toBe(true);
    expect(isNoAccess(api(403, 'FORBIDDEN'))).toBe(true);
    expect(isNoAccess(api(403, 'REQUEST_LIMIT_EXCEEDED'))).toBe(false);
    expect(isNoAccess(api(400, 'INVALID_FIELD'))).toBe(false);
  });
});

describe('toOrgError', () => {
  it('asks to log in again on an expired session, with the alias when known', () => {
    expect(
      toOrgError(api(401, 'INVALID_SESSION_ID'), { object: 'User', alias: 'prod' }).message
    ).toBe(
      'Your Salesforce session has expired or is invalid: run `sf org login web --alias prod` (or refresh SF_ACCESS_TOKEN).'
    );
    expect(toOrgError(api(401, 'ERROR_HTTP_401'), { object: 'User' }).message).toBe(
      sessionExpiredMessage()
    );
    expect(sessionExpiredMessage()).toContain('`sf org login web --alias <alias>`');
  });

  it('names the object and the permission on 403', () => {
    const error = toOrgError(
      api(403, 'INSUFFICIENT_ACCESS', 'insufficient access rights on object id'),
      { object: 'LoginHistory' }
    );
    expect(error).toBeInstanceOf(OrgError);
    expect(error.message).toBe(
      'The Salesforce user cannot read LoginHistory (INSUFFICIENT_ACCESS: insufficient access rights on object id): the user needs the "Manage Users" permission (LoginHistory is readable with Manage Users, or View Setup and Configuration in some orgs).'
    );
  });

  it('names the object permission for INVALID_TYPE', () => {
    expect(
      toOrgError(api(400, 'INVALID_TYPE', "sObject type 'Task' is not supported."), {
        object: 'Task'
      }).message
    ).toBe(
      'The Salesforce user cannot read Task (INVALID_TYPE: sObject type \'Task\' is not supported.): the user needs the "Read" object permission on Task (profile or permission set).'
    );
  });

  it('says when the API limit is used up', () => {
    expect(
      toOrgError(api(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), {
        object: 'Task'
      }).message
    ).toBe(
      'The org refused the request (REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.) while reading Task: its API request limit is used up. Try again later, or export the data and use --data.'
    );
  });

  it('asks for API access when the API is disabled', () => {
    expect(
      toOrgError(api(403, 'API_DISABLED_FOR_ORG', 'API is not enabled for this Organization'), {
        object: 'User'
      }).message
    ).toContain('the user needs the "API Enabled" permission');
  });

  it('explains an unknown field', () => {
    expect(
      toOrgError(api(400, 'INVALID_FIELD', "No such column 'Amount' on entity 'Opportunity'"), {
        object: 'Opportunity'
      }).message
    ).toBe(
      "The org rejected a field of Opportunity (INVALID_FIELD: No such column 'Amount' on entity 'Opportunity'): the field does not exist or the user cannot see it (field-level security)."
    );
  });

  it('passes anything else on with the object and the API’s words', () => {
    expect(
      toOrgError(api(undefined, 'ECONNREFUSED', 'fetch failed'), { object: 'Lead' }).message
    ).toBe('Reading Lead from the org failed (no response, ECONNREFUSED): fetch failed');
    expect(toOrgError(api(500, 'UNKNOWN_EXCEPTION', 'boom'), { object: 'Lead' }).message).toBe(
      'Reading Lead from the org failed (HTTP 500, UNKNOWN_EXCEPTION): boom'
    );
    const ready = new MalformedRowError('LoginHistory', 12_345, 'LoginTime is blank');
    expect(toOrgError(ready, { object: 'LoginHistory' })).toBe(ready);
    expect(ready.message).toBe(
      'Malformed LoginHistory row 12,345 from the org: LoginTime is blank.'
    );
    expect(toOrgError('text', { object: 'Lead' }).message).toBe('text');
  });
});
