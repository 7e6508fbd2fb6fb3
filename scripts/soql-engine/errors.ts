/**
 * Errors the query engine raises, shaped like the Salesforce API's: an error code (INVALID_FIELD,
 * MALFORMED_QUERY, …) and a message naming the field, object or construct at fault.
 */

export type SoqlErrorCode =
  /** Unknown field or relationship, or a value of the wrong type for a field. */
  | 'INVALID_FIELD'
  /** Unknown object. */
  | 'INVALID_TYPE'
  /** Text the parser or SOQL's own rules reject. */
  | 'MALFORMED_QUERY'
  /** An OFFSET or LIMIT outside what Salesforce accepts. */
  | 'NUMBER_OUTSIDE_VALID_RANGE'
  /** A bind variable that is missing or holds the wrong kind of value. */
  | 'INVALID_BIND'
  /** Valid SOQL that this test double does not implement. */
  | 'UNSUPPORTED';

export class SoqlError extends Error {
  readonly code: SoqlErrorCode;
  /** The message without the code prefix. */
  readonly detail: string;

  constructor(code: SoqlErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'SoqlError';
    this.code = code;
    this.detail = detail;
  }
}

export function malformed(detail: string): SoqlError {
  return new SoqlError('MALFORMED_QUERY', detail);
}

export function invalidField(detail: string): SoqlError {
  return new SoqlError('INVALID_FIELD', detail);
}

export function invalidBind(detail: string): SoqlError {
  return new SoqlError('INVALID_BIND', detail);
}

/** Valid SOQL the demo engine does not run; `construct` names it as the query spelled it. */
export function unsupported(construct: string): SoqlError {
  return new SoqlError('UNSUPPORTED', `${construct} is not supported by the demo query engine`);
}
