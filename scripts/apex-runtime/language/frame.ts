/** One method activation: its class, `this`, and nested scopes of local variables. */
import type { ApexObject, ApexValue, TypeName } from '../values';
import type { ApexClass } from './classes';

export interface Variable {
  readonly type: TypeName;
  value: ApexValue;
}

export class Frame {
  readonly cls: ApexClass;
  readonly self: ApexObject | null;
  /** Whether database operations in this activation enforce sharing. */
  readonly enforceSharing: boolean;
  /** Inside a property accessor, its name: the name then means the backing field. */
  readonly accessorOf: string | null;
  private readonly scopes: Map<string, Variable>[] = [new Map()];

  constructor(
    cls: ApexClass,
    self: ApexObject | null,
    enforceSharing: boolean,
    accessorOf: string | null = null
  ) {
    this.cls = cls;
    this.self = self;
    this.enforceSharing = enforceSharing;
    this.accessorOf = accessorOf;
  }

  lookup(name: string): Variable | undefined {
    const key = name.toLowerCase();
    for (let index = this.scopes.length - 1; index >= 0; index--) {
      const found = this.scopes[index].get(key);
      if (found) return found;
    }
    return undefined;
  }

  declare(name: string, type: TypeName, value: ApexValue): void {
    this.scopes[this.scopes.length - 1].set(name.toLowerCase(), { type, value });
  }

  /** Runs `body` in a nested scope. */
  scoped<T>(body: () => T): T {
    this.scopes.push(new Map());
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }
}
