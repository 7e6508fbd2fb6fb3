/**
 * Instances of system classes the interpreter models (Schema describes and tokens, Metadata
 * deployment classes, Database results): ApexObjects whose className is the system class's full
 * name. Each class says whether Apex may construct it, which public properties it has (readable
 * and writable as in the Apex Reference Guide), its methods and its supertypes.
 */
import { ApexObject, type ApexValue } from '../values';
import { ApexCompileError } from './errors';
import type { Interpreter } from './interpreter';

export type SystemMethod = (
  interp: Interpreter,
  self: ApexObject,
  args: ApexValue[],
  line: number
) => ApexValue;

export interface SystemClass {
  /** Full name, e.g. 'Metadata.DeployResult', 'Schema.DescribeFieldResult'. */
  readonly name: string;
  /** Supertypes and interfaces by full name ('Metadata.Metadata'). */
  readonly parents?: readonly string[];
  readonly constructible?: boolean;
  /** Public properties with their initial value (null unless given). */
  readonly properties?: Readonly<Record<string, () => ApexValue>>;
  /** Declared types of properties that are not Object (assignments convert, e.g. an Id to String). */
  readonly propertyTypes?: Readonly<Record<string, string>>;
  /** Methods by lower-case name. */
  readonly methods?: Readonly<Record<string, SystemMethod>>;
  /** A member read that is no stored property (`describe.fields`, `fields.Name`). */
  readonly read?: (interp: Interpreter, self: ApexObject, name: string) => ApexValue | undefined;
}

const CLASSES = new Map<string, SystemClass>();

/** Adds system classes to the table (each module registers its own). */
export function defineSystemClasses(...classes: SystemClass[]): void {
  for (const cls of classes) CLASSES.set(cls.name.toLowerCase(), cls);
}

/** A system class by name as written ('Schema.SObjectField', 'SObjectField', 'Metadata.X'). */
export function systemClass(written: string): SystemClass | undefined {
  const lower = written.toLowerCase().replace(/^system\./, '');
  return CLASSES.get(lower) ?? CLASSES.get(`schema.${lower}`) ?? CLASSES.get(`system.${lower}`);
}

/** The declared type of a system object's property, if it is not Object. */
export function systemPropertyType(object: ApexObject, name: string): string | undefined {
  const types = systemClassOf(object)?.propertyTypes ?? {};
  return Object.entries(types).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

export function systemClassOf(object: ApexObject): SystemClass | undefined {
  return CLASSES.get(object.className.toLowerCase());
}

/** A new instance with its properties at their initial values. */
export function newSystemObject(cls: SystemClass): ApexObject {
  const object = new ApexObject(cls.name);
  for (const [name, initial] of Object.entries(cls.properties ?? {}))
    object.fields.set(name.toLowerCase(), initial());
  return object;
}

/** `new Metadata.DeployResult()`: only the no-argument constructor of a constructible class. */
export function constructSystemObject(cls: SystemClass, args: readonly ApexValue[]): ApexObject {
  if (!cls.constructible || args.length > 0)
    throw new ApexCompileError(
      `Constructor not defined: [${cls.name}].<Constructor>(${args.length} arguments)`
    );
  return newSystemObject(cls);
}

/** Whether a system object is an instance of the type written as `target`. */
export function isSystemInstance(object: ApexObject, target: string): boolean {
  const wanted = systemClass(target)?.name.toLowerCase() ?? target.toLowerCase();
  const visit = (name: string): boolean => {
    if (name.toLowerCase() === wanted) return true;
    return (CLASSES.get(name.toLowerCase())?.parents ?? []).some(visit);
  };
  return visit(object.className);
}

export function callSystemObject(
  interp: Interpreter,
  object: ApexObject,
  method: string,
  args: ApexValue[],
  line: number
): ApexValue | undefined {
  const found = systemClassOf(object)?.methods?.[method.toLowerCase()];
  return found ? found(interp, object, args, line) : undefined;
}

export function readSystemObject(
  interp: Interpreter,
  object: ApexObject,
  name: string
): ApexValue | undefined {
  const cls = systemClassOf(object);
  if (!cls) return undefined;
  const key = name.toLowerCase();
  if (object.fields.has(key)) return object.fields.get(key) ?? null;
  return cls.read?.(interp, object, name);
}
