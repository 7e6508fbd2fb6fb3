/** Errors of the runtime itself (not Apex exceptions): what it refuses to guess, and bad source. */

/** A construct the runtime does not implement: it refuses rather than guess the platform's behaviour. */
export class ApexRuntimeUnsupported extends Error {
  constructor(construct: string, file: string, line: number) {
    super(`unsupported: ${construct} at ${file}:${line}`);
    this.name = 'ApexRuntimeUnsupported';
  }
}

/** Apex source that does not parse or does not make sense (unknown class, missing meta file). */
export class ApexSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApexSourceError';
  }
}

/**
 * Code the Apex compiler would reject (a method that does not exist on a type, an unknown
 * variable): the runtime reports it when it reaches it, with the compiler's wording.
 */
export class ApexCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApexCompileError';
  }
}
