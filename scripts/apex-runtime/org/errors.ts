/**
 * Failures the interpreter turns into Apex exceptions: `exceptionType` names the Apex class to
 * throw. Per-record DML failures are not errors but DmlResult entries; SOQL failures stay the
 * engine's SoqlError (a QueryException).
 */

export type ApexExceptionType = 'SecurityException' | 'TypeException' | 'DmlException';

export class OrgDataError extends Error {
  readonly exceptionType: ApexExceptionType;

  constructor(exceptionType: ApexExceptionType, message: string) {
    super(message);
    this.name = 'OrgDataError';
    this.exceptionType = exceptionType;
  }
}
