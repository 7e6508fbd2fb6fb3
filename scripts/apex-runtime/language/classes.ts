/**
 * The loaded Apex types and how a name written in one of them resolves to a type: the class
 * itself, its inner types, those of its outer and super classes, then top-level types (names are
 * case-insensitive everywhere).
 */
import type { TypeName } from '../values';
import type { MethodDecl, PropertyDecl, TypeDecl } from './ast';

export class ApexClass {
  readonly decl: TypeDecl;
  readonly outer: ApexClass | null;
  readonly apiVersion: number;
  readonly inner = new Map<string, ApexClass>();
  readonly methods = new Map<string, MethodDecl[]>();
  readonly properties = new Map<string, PropertyDecl>();
  /** Lower-case names of static fields and static properties. */
  readonly staticNames = new Set<string>();
  /** Lower-case names of instance fields and properties. */
  readonly instanceNames = new Set<string>();
  /** Set by the registry once every type is loaded; null for a root class or a system exception parent. */
  superclass: ApexClass | null = null;
  /** The system type a class extends when it is not a user class ('Exception'), else null. */
  systemSuperclass: string | null = null;
  interfaces: ApexClass[] = [];

  constructor(decl: TypeDecl, outer: ApexClass | null, apiVersion: number) {
    this.decl = decl;
    this.outer = outer;
    this.apiVersion = apiVersion;
    for (const method of decl.methods) {
      const key = method.name.toLowerCase();
      this.methods.set(key, [...(this.methods.get(key) ?? []), method]);
    }
    for (const property of decl.properties) {
      this.properties.set(property.name.toLowerCase(), property);
      (property.isStatic ? this.staticNames : this.instanceNames).add(property.name.toLowerCase());
    }
    for (const field of decl.fields) {
      (field.isStatic ? this.staticNames : this.instanceNames).add(field.name.toLowerCase());
    }
    for (const innerDecl of decl.inner) {
      this.inner.set(innerDecl.name.toLowerCase(), new ApexClass(innerDecl, this, apiVersion));
    }
  }

  get name(): string {
    return this.decl.fullName;
  }

  get file(): string {
    return this.decl.file;
  }

  get isEnum(): boolean {
    return this.decl.kind === 'enum';
  }

  /** This class and its super classes, nearest first. */
  *lineage(): Generator<ApexClass> {
    yield this;
    if (this.superclass) yield* this.superclass.lineage();
  }

  /** Whether this class is, extends or implements `other`. */
  isSubtypeOf(other: ApexClass): boolean {
    for (const cls of this.lineage()) {
      if (cls === other) return true;
      if (cls.interfaces.some((face) => face === other || face.isSubtypeOf(other))) return true;
    }
    return false;
  }

  /** Whether the class descends from Exception (a custom exception). */
  get isException(): boolean {
    for (const cls of this.lineage())
      if (cls.systemSuperclass?.toLowerCase() === 'exception') return true;
    return false;
  }

  hasAnnotation(name: string): boolean {
    return this.decl.modifiers.annotations.some((annotation) => annotation.name === name);
  }
}

export class ClassRegistry {
  private readonly topLevel = new Map<string, ApexClass>();

  constructor(classes: readonly ApexClass[]) {
    for (const cls of classes) this.topLevel.set(cls.decl.name.toLowerCase(), cls);
    for (const cls of this.all()) this.link(cls);
  }

  *all(): Generator<ApexClass> {
    const visit = function* (cls: ApexClass): Generator<ApexClass> {
      yield cls;
      for (const inner of cls.inner.values()) yield* visit(inner);
    };
    for (const cls of this.topLevel.values()) yield* visit(cls);
  }

  topLevelClasses(): ApexClass[] {
    return [...this.topLevel.values()];
  }

  private link(cls: ApexClass): void {
    const superclass = cls.decl.superclass;
    if (superclass) {
      const resolved = this.resolve(superclass.name, cls.outer ?? cls);
      if (resolved) cls.superclass = resolved;
      else cls.systemSuperclass = superclass.name;
    }
    cls.interfaces = cls.decl.interfaces
      .map((face) => this.resolve(face.name, cls))
      .filter((face): face is ApexClass => face !== undefined);
  }

  /** A (possibly dotted) type name as written inside `from`; undefined when it is no user type. */
  resolve(name: string, from: ApexClass | null): ApexClass | undefined {
    const [first, ...rest] = name.toLowerCase().split('.');
    let found = this.resolveFirst(first, from);
    for (const part of rest) found = found?.inner.get(part);
    return found;
  }

  resolveType(type: TypeName, from: ApexClass | null): ApexClass | undefined {
    return this.resolve(type.name, from);
  }

  private resolveFirst(name: string, from: ApexClass | null): ApexClass | undefined {
    for (let scope = from; scope; scope = scope.outer) {
      if (scope.decl.name.toLowerCase() === name) return scope;
      for (const cls of scope.lineage()) {
        const inner = cls.inner.get(name);
        if (inner) return inner;
      }
    }
    return this.topLevel.get(name);
  }
}
