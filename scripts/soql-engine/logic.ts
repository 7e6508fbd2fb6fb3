/**
 * WHERE and HAVING logic. The parser returns a right-leaning chain of conditions with
 * parenthesis counts on each condition and NOT as a chain link; this module rebuilds the real
 * tree. SOQL has no precedence between AND, OR and NOT: mixing them in one parenthesis level is a
 * MALFORMED_QUERY in Salesforce ("unexpected token: OR"), so it is an error here too, and the
 * parentheses alone decide the grouping.
 */
import type {
  Condition,
  HavingClause,
  ValueQueryCondition,
  WhereClause
} from '@jetstreamapp/soql-parser-js';
import { malformed } from './errors';

export type Leaf = Condition | ValueQueryCondition;

export type LogicNode =
  | { readonly kind: 'leaf'; readonly condition: Leaf }
  | { readonly kind: 'and' | 'or'; readonly children: readonly LogicNode[] }
  | { readonly kind: 'not'; readonly child: LogicNode };

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | Leaf;

interface ChainLink {
  left?: unknown;
  operator?: string;
  right?: ChainLink;
}

function isLeaf(value: unknown): value is Leaf {
  return typeof value === 'object' && value !== null && 'operator' in value;
}

function parenCount(value: unknown, key: 'openParen' | 'closeParen'): number {
  const count = (value as Record<string, unknown> | null)?.[key];
  return typeof count === 'number' ? count : 0;
}

function tokenize(clause: WhereClause | HavingClause): Token[] {
  const tokens: Token[] = [];
  let link: ChainLink | undefined = clause as ChainLink;
  while (link) {
    const { left, operator } = link;
    for (let index = 0; index < parenCount(left, 'openParen'); index += 1) tokens.push('(');
    if (isLeaf(left)) {
      tokens.push(left);
      for (let index = 0; index < parenCount(left, 'closeParen'); index += 1) tokens.push(')');
    }
    if (operator === 'AND' || operator === 'OR' || operator === 'NOT') tokens.push(operator);
    link = link.right;
  }
  return tokens;
}

function describeToken(token: Token | undefined): string {
  if (token === undefined) return 'end of the clause';
  return typeof token === 'string' ? `'${token}'` : 'a condition';
}

class LogicParser {
  private readonly tokens: Token[];
  private position = 0;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parse(): LogicNode {
    const node = this.group();
    if (this.position < this.tokens.length) this.fail();
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private fail(): never {
    throw malformed(
      `unexpected token: ${describeToken(this.peek())} (SOQL needs parentheses wherever AND, OR and NOT are mixed)`
    );
  }

  /** One parenthesis level: `NOT operand`, or operands joined by one kind of operator. */
  private group(): LogicNode {
    if (this.peek() === 'NOT') {
      this.position += 1;
      return { kind: 'not', child: this.operand() };
    }
    const first = this.operand();
    const operator = this.peek();
    if (operator !== 'AND' && operator !== 'OR') return first;
    const children = [first];
    while (this.peek() === operator) {
      this.position += 1;
      children.push(this.operand());
    }
    return { kind: operator === 'AND' ? 'and' : 'or', children };
  }

  private operand(): LogicNode {
    const token = this.peek();
    if (token === '(') {
      this.position += 1;
      const node = this.group();
      if (this.peek() !== ')') this.fail();
      this.position += 1;
      return node;
    }
    if (token === undefined || typeof token === 'string') this.fail();
    this.position += 1;
    return { kind: 'leaf', condition: token };
  }
}

export function logicTree(clause: WhereClause | HavingClause): LogicNode {
  return new LogicParser(tokenize(clause)).parse();
}

export type Predicate = (index: number) => boolean;

function all(predicates: Predicate[]): Predicate {
  if (predicates.length === 1) return predicates[0];
  if (predicates.length === 2) {
    const [a, b] = predicates;
    return (index) => a(index) && b(index);
  }
  if (predicates.length === 3) {
    const [a, b, c] = predicates;
    return (index) => a(index) && b(index) && c(index);
  }
  return (index) => predicates.every((predicate) => predicate(index));
}

function any(predicates: Predicate[]): Predicate {
  if (predicates.length === 2) {
    const [a, b] = predicates;
    return (index) => a(index) || b(index);
  }
  return (index) => predicates.some((predicate) => predicate(index));
}

/**
 * Compiles a logic tree into one closure. `leaf` receives each condition and whether it sits at
 * the top level (reached through AND only), where Salesforce allows semi-joins.
 */
export function compileLogic(
  node: LogicNode,
  leaf: (condition: Leaf, topLevel: boolean) => Predicate,
  topLevel = true
): Predicate {
  switch (node.kind) {
    case 'leaf':
      return leaf(node.condition, topLevel);
    case 'and':
      return all(node.children.map((child) => compileLogic(child, leaf, topLevel)));
    case 'or':
      return any(node.children.map((child) => compileLogic(child, leaf, false)));
    case 'not': {
      const inner = compileLogic(node.child, leaf, false);
      return (index) => !inner(index);
    }
  }
}
