/**
 * One parse of an Apex class for the house rules (apexRules.ts): the parse tree, its comments and
 * any syntax errors, plus small helpers to read the tree.
 */
import {
  ApexErrorListener,
  ApexLexer,
  ApexParserBaseListener,
  ApexParserFactory,
  ApexParseTreeWalker
} from '@apexdevtools/apex-parser';
import type {
  ApexParserRuleContext,
  ApexToken,
  CompilationUnitContext
} from '@apexdevtools/apex-parser';

export interface RuleFinding {
  file: string;
  line: number;
  rule: string;
  message: string;
}

export interface SyntaxProblem {
  line: number;
  message: string;
}

export interface ParsedApex {
  file: string;
  unit: CompilationUnitContext;
  /** Comment tokens (line, block and doc comments), in source order. */
  comments: ApexToken[];
  syntaxErrors: SyntaxProblem[];
  /** Every node of the tree by its class, built in one walk: the rules look nodes up many times. */
  nodes: Map<unknown, ApexParserRuleContext[]>;
}

class CollectingErrorListener extends ApexErrorListener {
  readonly problems: SyntaxProblem[] = [];

  apexSyntaxError(line: number, _column: number, message: string): void {
    this.problems.push({ line, message });
  }
}

export function parseApex(source: string, file: string): ParsedApex {
  const errors = new CollectingErrorListener();
  const lexer = ApexParserFactory.createLexer(source);
  lexer.addErrorListener(errors);
  const tokens = ApexParserFactory.createTokenStream(lexer);
  const parser = ApexParserFactory.createParser(tokens);
  parser.addErrorListener(errors);
  const unit = parser.compilationUnit();
  const comments = tokens.tokens.filter((token) => token.channel === ApexLexer.COMMENT_CHANNEL);
  const nodes = new Map<unknown, ApexParserRuleContext[]>();
  class Indexer extends ApexParserBaseListener {
    enterEveryRule = (context: ApexParserRuleContext): void => {
      const sameType = nodes.get(context.constructor);
      if (sameType) sameType.push(context);
      else nodes.set(context.constructor, [context]);
    };
  }
  ApexParseTreeWalker.DEFAULT.walk(new Indexer(), unit);
  return { file, unit, comments, syntaxErrors: errors.problems, nodes };
}

/** Every node of one parse-tree class in a file, in source order. */
export function nodesOf<T extends ApexParserRuleContext>(
  apex: ParsedApex,
  type: abstract new (...args: never[]) => T
): T[] {
  return (apex.nodes.get(type) ?? []) as T[];
}

export function lineOf(context: ApexParserRuleContext): number {
  return context.start?.line ?? 0;
}

/** The line a token ends on (block comments span lines). */
export function endLine(token: ApexToken): number {
  return token.line + (token.text.match(/\n/g)?.length ?? 0);
}

/** The nearest ancestor of a given parse-tree type. */
export function ancestor<T extends ApexParserRuleContext>(
  context: ApexParserRuleContext,
  type: abstract new (...args: never[]) => T
): T | undefined {
  for (let parent = context.parentCtx; parent; parent = parent.parentCtx) {
    if (parent instanceof type) return parent;
  }
  return undefined;
}

/** Every node of a given type in a subtree (the subtree's root included), in source order. */
export function descendants<T extends ApexParserRuleContext>(
  root: ApexParserRuleContext,
  type: abstract new (...args: never[]) => T
): T[] {
  const found: T[] = [];
  class Collector extends ApexParserBaseListener {
    enterEveryRule = (context: ApexParserRuleContext): void => {
      if (context instanceof type) found.push(context);
    };
  }
  ApexParseTreeWalker.DEFAULT.walk(new Collector(), root);
  return found;
}
