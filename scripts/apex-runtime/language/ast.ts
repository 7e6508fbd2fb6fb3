/**
 * The interpreter's own syntax tree: a small typed form of the ANTLR parse tree (built once by
 * parse*.ts). Every statement and expression carries its source line, for coverage and errors.
 */
import type { BinaryOperator } from '../library/operators';
import type { TypeName } from '../values';

export type Sharing = 'with' | 'without' | 'inherited' | null;

export interface Annotation {
  /** Lower case, without '@': 'istest', 'testsetup', 'auraenabled', 'testvisible'. */
  readonly name: string;
  /** Element values by lower-case name, as source text ('true', 'cacheable=true' → cacheable: 'true'). */
  readonly values: Readonly<Record<string, string>>;
}

export interface Modifiers {
  /** Lower-case keywords: 'public', 'static', 'final', 'virtual', 'abstract', 'override', 'testmethod'. */
  readonly keywords: ReadonlySet<string>;
  readonly annotations: readonly Annotation[];
}

export interface Param {
  readonly name: string;
  readonly type: TypeName;
}

export interface MethodDecl {
  readonly name: string;
  readonly params: readonly Param[];
  /** Null for void. */
  readonly returnType: TypeName | null;
  /** Null for an abstract or interface method. */
  readonly body: Block | null;
  readonly modifiers: Modifiers;
  readonly isStatic: boolean;
  readonly line: number;
}

export interface ConstructorDecl {
  readonly params: readonly Param[];
  readonly body: Block;
  readonly modifiers: Modifiers;
  readonly line: number;
}

/** A property accessor: 'auto' for `get;` / `set;`, a block for a body, null when absent. */
export type Accessor = 'auto' | Block | null;

export interface PropertyDecl {
  readonly name: string;
  readonly type: TypeName;
  readonly isStatic: boolean;
  readonly getter: Accessor;
  readonly setter: Accessor;
  readonly line: number;
}

/** A field or an initializer block, kept in declaration order (Apex runs them in that order). */
export type InitItem =
  | {
      readonly kind: 'field';
      readonly name: string;
      readonly type: TypeName;
      readonly init: Expr | null;
      readonly line: number;
    }
  | { readonly kind: 'block'; readonly body: Block };

export interface FieldDecl {
  readonly name: string;
  readonly type: TypeName;
  readonly isStatic: boolean;
  readonly modifiers: Modifiers;
  readonly line: number;
}

export interface TypeDecl {
  readonly kind: 'class' | 'interface' | 'enum';
  /** As declared: 'TeamLoginAccessException'. */
  readonly name: string;
  /** Outer.Inner for an inner type. */
  readonly fullName: string;
  readonly file: string;
  readonly line: number;
  readonly modifiers: Modifiers;
  readonly sharing: Sharing;
  readonly superclass: TypeName | null;
  readonly interfaces: readonly TypeName[];
  readonly fields: readonly FieldDecl[];
  readonly staticInit: readonly InitItem[];
  readonly instanceInit: readonly InitItem[];
  readonly methods: readonly MethodDecl[];
  readonly constructors: readonly ConstructorDecl[];
  readonly properties: readonly PropertyDecl[];
  readonly inner: readonly TypeDecl[];
  readonly enumValues: readonly string[];
}

// ---- statements ----

export interface Block {
  readonly kind: 'block';
  readonly body: readonly Stmt[];
  readonly line: number;
}

export interface Declarator {
  readonly name: string;
  readonly init: Expr | null;
}

export type WhenValue =
  | { readonly kind: 'else' }
  | { readonly kind: 'literals'; readonly values: readonly Expr[] }
  | { readonly kind: 'type'; readonly type: TypeName; readonly name: string };

export type DmlOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';

export interface CatchClause {
  readonly type: TypeName;
  readonly name: string;
  readonly body: Block;
  readonly line: number;
}

export type Stmt =
  | Block
  | {
      readonly kind: 'local';
      readonly type: TypeName;
      readonly declarators: readonly Declarator[];
      readonly line: number;
    }
  | { readonly kind: 'expr'; readonly expr: Expr; readonly line: number }
  | {
      readonly kind: 'if';
      readonly cond: Expr;
      readonly then: Stmt;
      readonly otherwise: Stmt | null;
      readonly line: number;
    }
  | {
      readonly kind: 'for';
      readonly init: Stmt | null;
      readonly initExprs: readonly Expr[];
      readonly cond: Expr | null;
      readonly update: readonly Expr[];
      readonly body: Stmt;
      readonly line: number;
    }
  | {
      readonly kind: 'forEach';
      readonly type: TypeName;
      readonly name: string;
      readonly iterable: Expr;
      readonly body: Stmt;
      readonly line: number;
    }
  | { readonly kind: 'while'; readonly cond: Expr; readonly body: Stmt; readonly line: number }
  | { readonly kind: 'doWhile'; readonly cond: Expr; readonly body: Stmt; readonly line: number }
  | { readonly kind: 'break'; readonly line: number }
  | { readonly kind: 'continue'; readonly line: number }
  | { readonly kind: 'return'; readonly value: Expr | null; readonly line: number }
  | { readonly kind: 'throw'; readonly value: Expr; readonly line: number }
  | {
      readonly kind: 'try';
      readonly body: Block;
      readonly catches: readonly CatchClause[];
      readonly finally: Block | null;
      readonly line: number;
    }
  | {
      readonly kind: 'switch';
      readonly subject: Expr;
      readonly whens: readonly { readonly value: WhenValue; readonly body: Block }[];
      readonly line: number;
    }
  | {
      readonly kind: 'dml';
      readonly operation: DmlOperation;
      readonly target: Expr;
      /** `insert as user x` → 'USER_MODE'; null when the statement names no mode. */
      readonly accessMode: 'USER_MODE' | 'SYSTEM_MODE' | null;
      readonly externalIdField: string | null;
      readonly line: number;
    }
  | { readonly kind: 'runAs'; readonly user: Expr; readonly body: Block; readonly line: number };

// ---- expressions ----

export type LiteralType = 'Integer' | 'Long' | 'Decimal' | 'String' | 'Boolean' | 'null';

/** The library's binary operators less '%', which Apex does not have (Math.mod does it). */
export type BinaryOp = Exclude<BinaryOperator, '%'>;

export type AssignOp =
  '=' | '+=' | '-=' | '*=' | '/=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '>>>=';

export type Expr =
  | {
      readonly kind: 'literal';
      readonly type: LiteralType;
      readonly text: string;
      readonly line: number;
    }
  | { readonly kind: 'name'; readonly name: string; readonly line: number }
  | { readonly kind: 'this'; readonly line: number }
  | { readonly kind: 'super'; readonly line: number }
  | {
      readonly kind: 'field';
      readonly target: Expr;
      readonly name: string;
      readonly safe: boolean;
      readonly line: number;
    }
  | {
      readonly kind: 'call';
      /** Null for an unqualified call `m(…)`. */
      readonly target: Expr | null;
      readonly name: string;
      readonly args: readonly Expr[];
      readonly safe: boolean;
      readonly line: number;
    }
  | {
      readonly kind: 'chainCall';
      readonly which: 'this' | 'super';
      readonly args: readonly Expr[];
      readonly line: number;
    }
  | { readonly kind: 'index'; readonly target: Expr; readonly index: Expr; readonly line: number }
  | {
      readonly kind: 'new';
      readonly type: TypeName;
      readonly args: readonly Expr[];
      /** `new Account(Name = 'x')`: field name → value; null for positional arguments. */
      readonly fieldInits: readonly { readonly name: string; readonly value: Expr }[] | null;
      readonly line: number;
    }
  | {
      readonly kind: 'newCollection';
      /** Always List, Set or Map (arrays are normalised to List). */
      readonly type: TypeName;
      readonly size: Expr | null;
      readonly items: readonly Expr[] | null;
      readonly pairs: readonly (readonly [Expr, Expr])[] | null;
      readonly line: number;
    }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly line: number;
    }
  | {
      readonly kind: 'logical';
      readonly op: '&&' | '||';
      readonly left: Expr;
      readonly right: Expr;
      readonly line: number;
    }
  | {
      readonly kind: 'unary';
      readonly op: '-' | '+' | '!' | '~';
      readonly operand: Expr;
      readonly line: number;
    }
  | {
      readonly kind: 'incDec';
      readonly op: '++' | '--';
      readonly prefix: boolean;
      readonly target: Expr;
      readonly line: number;
    }
  | {
      readonly kind: 'assign';
      readonly op: AssignOp;
      readonly target: Expr;
      readonly value: Expr;
      readonly line: number;
    }
  | {
      readonly kind: 'ternary';
      readonly cond: Expr;
      readonly then: Expr;
      readonly otherwise: Expr;
      readonly line: number;
    }
  | {
      readonly kind: 'instanceOf';
      readonly operand: Expr;
      readonly type: TypeName;
      readonly line: number;
    }
  | {
      readonly kind: 'cast';
      readonly type: TypeName;
      readonly operand: Expr;
      readonly line: number;
    }
  | { readonly kind: 'classLiteral'; readonly type: TypeName; readonly line: number }
  | {
      readonly kind: 'soql';
      /** The query text with each bind replaced by `:bind0`, `:bind1` … */
      readonly text: string;
      readonly binds: readonly Expr[];
      readonly line: number;
    };
