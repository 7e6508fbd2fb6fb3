/**
 * What the system library needs from the interpreter that runs it: raising Apex exceptions, the
 * running user's time zone and clock, and the user classes (fields, construction, methods).
 */
import type { ApexObject, ApexValue, TypeName } from '../values';

export interface LibraryContext {
  /** Raises an Apex exception of the named type (e.g. 'ListException') with its message. */
  throwApex(exceptionType: string, message: string): never;
  /** IANA zone of the running user: Date/Datetime calendar views use it. */
  readonly timeZone: string;
  /** The current instant in epoch milliseconds (Datetime.now, Date.today): injectable for tests. */
  now(): number;
  /** `count` pseudo-random bytes (Crypto.generateAesKey): seeded by the runner, so runs repeat. */
  randomBytes(count: number): Uint8Array;
  /** Declared instance fields of a user class, in declaration order (for JSON). */
  classFields(className: string): { name: string; type: TypeName }[] | undefined;
  /** A new instance with its field initialisers run (for JSON.deserialize into a class). */
  newObject(className: string): ApexObject;
  /** A stable identity number for identity-keyed values (objects in sets and maps). */
  identity(object: object): number;
  /** User-class instanceof: the class hierarchy is the interpreter's. */
  instanceOfClass(value: ApexValue, type: TypeName): boolean;
  /** Calls an instance method of a user object (Comparable.compareTo, Comparator.compare). */
  callMethod(object: ApexObject, method: string, args: ApexValue[]): ApexValue;
  /** The schema type of an SObject field, if known (typed JSON.deserialize into SObjects). */
  sObjectFieldType?(sObjectType: string, fieldName: string): TypeName | undefined;
  /** Receives System.debug output when set. */
  readonly debugLog?: string[];
}

export type StaticMethod = (ctx: LibraryContext, args: ApexValue[]) => ApexValue;
export type InstanceMethod = (
  ctx: LibraryContext,
  receiver: ApexValue,
  args: ApexValue[]
) => ApexValue;
