/**
 * Governor limits of one transaction (Apex Developer Guide, "Execution Governors and Limits",
 * synchronous): SOQL queries, query rows, DML statements and rows, and executed statements as the
 * stand-in for CPU time (this runtime has no comparable clock). Test.startTest() opens a fresh
 * set of limits that Test.stopTest() closes, as on the platform.
 */

export interface LimitCounters {
  queries: number;
  queryRows: number;
  dmlStatements: number;
  dmlRows: number;
  statements: number;
}

export const LIMITS: Readonly<LimitCounters> = {
  queries: 100,
  queryRows: 50_000,
  dmlStatements: 150,
  dmlRows: 10_000,
  // The synchronous CPU limit is 10,000 ms; statements stand in for milliseconds ×100.
  statements: 1_000_000
};

const MESSAGES: Record<keyof LimitCounters, string> = {
  queries: 'Too many SOQL queries',
  queryRows: 'Too many query rows',
  dmlStatements: 'Too many DML statements',
  dmlRows: 'Too many DML rows',
  statements: 'Apex CPU time limit exceeded'
};

function fresh(): LimitCounters {
  return { queries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0, statements: 0 };
}

export class Governor {
  private current: LimitCounters = fresh();
  private outer: LimitCounters | null = null;
  /** Statements over the whole transaction, startTest blocks included (for benchmarks). */
  totalStatements = 0;

  private readonly fail: (message: string) => never;

  /** @param fail raises System.LimitException with the platform's message */
  constructor(fail: (message: string) => never) {
    this.fail = fail;
  }

  get counters(): Readonly<LimitCounters> {
    return this.current;
  }

  get inTestBlock(): boolean {
    return this.outer !== null;
  }

  /** False when a test block is already open (the caller raises the platform's error). */
  startTest(): boolean {
    if (this.outer) return false;
    this.outer = this.current;
    this.current = fresh();
    return true;
  }

  /** Closes the test block; false when none is open. */
  stopTest(): boolean {
    if (!this.outer) return false;
    this.current = this.outer;
    this.outer = null;
    return true;
  }

  charge(counter: keyof LimitCounters, amount = 1): void {
    this.current[counter] += amount;
    if (counter === 'statements') this.totalStatements += amount;
    if (this.current[counter] > LIMITS[counter]) {
      const message =
        counter === 'statements'
          ? MESSAGES[counter]
          : `${MESSAGES[counter]}: ${this.current[counter]}`;
      this.fail(message);
    }
  }
}
