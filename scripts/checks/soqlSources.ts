/**
 * Finds the SOQL a codebase runs: inline [SELECT …] literals in Apex (through the Apex parser, so
 * comments and strings cannot fool it), the dynamic-SOQL templates of Apex selectors (String
 * constants named `…_TEMPLATE`, string literals joined with `+`, formatted with String.format) and
 * SELECT string literals in TypeScript.
 */
import {
  ApexParserBaseListener,
  ApexParserFactory,
  ApexParseTreeWalker,
  Arth2ExpressionContext,
  LiteralPrimaryContext,
  PrimaryExpressionContext
} from '@apexdevtools/apex-parser';
import type {
  ApexParserRuleContext,
  ExpressionContext,
  FieldDeclarationContext,
  MethodDeclarationContext,
  SoqlLiteralContext
} from '@apexdevtools/apex-parser';
import ts from 'typescript';

export interface SoqlStatement {
  file: string;
  line: number;
  soql: string;
  /** The Apex method the statement is in, when it is in one. */
  method?: string;
  /**
   * For a template: the constant's name (`DIRECTORY_TEMPLATE`); `soql` is then the template text
   * with its `{0}`, `{1}` … placeholders, as Apex's String.format receives it.
   */
  template?: string;
}

/** Dynamic-SOQL templates are String constants named like this. */
export const TEMPLATE_NAME = /_TEMPLATE$/;

const APEX_ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\'
};

/** The value of an Apex string literal token ('…' with backslash escapes). */
export function apexStringValue(token: string): string {
  return token
    .slice(1, -1)
    .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (escape, code: string) =>
      code.length === 5
        ? String.fromCharCode(parseInt(code.slice(1), 16))
        : (APEX_ESCAPES[code] ?? escape)
    );
}

/** The text of a constant made of string literals joined with `+`, or undefined for anything else. */
export function literalText(expression: ExpressionContext): string | undefined {
  if (expression instanceof Arth2ExpressionContext) {
    if (!expression.ADD()) return undefined;
    const [left, right] = expression.expression_list().map(literalText);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (expression instanceof PrimaryExpressionContext) {
    const primary = expression.primary();
    const token =
      primary instanceof LiteralPrimaryContext ? primary.literal().StringLiteral() : null;
    return token ? apexStringValue(token.getText()) : undefined;
  }
  return undefined;
}

function enclosingMethod(context: ApexParserRuleContext): string | undefined {
  for (let parent = context.parentCtx; parent; parent = parent.parentCtx) {
    if (parent.constructor.name === 'MethodDeclarationContext') {
      return (parent as MethodDeclarationContext).id().getText();
    }
  }
  return undefined;
}

/**
 * Apex bind expressions like `:userIds` stay; the brackets around inline SOQL go. A `…_TEMPLATE`
 * constant that is not string literals joined with `+` is an error: its SOQL could not be checked.
 */
export function apexSoql(source: string, file: string): SoqlStatement[] {
  const statements: SoqlStatement[] = [];
  class SoqlCollector extends ApexParserBaseListener {
    enterFieldDeclaration = (context: FieldDeclarationContext): void => {
      for (const declarator of context.variableDeclarators().variableDeclarator_list()) {
        const name = declarator.id().getText();
        const expression = declarator.expression();
        if (!TEMPLATE_NAME.test(name) || !expression) continue;
        const text = literalText(expression);
        const line = context.start?.line ?? 0;
        if (text === undefined) {
          throw new Error(
            `${file}:${line} ${name} must be string literals joined with +, so that its SOQL can be checked.`
          );
        }
        statements.push({ file, line, soql: text.trim(), template: name });
      }
    };

    enterSoqlLiteral = (context: SoqlLiteralContext): void => {
      const start = context.start?.start ?? 0;
      const stop = context.stop?.stop ?? start;
      const text = source.slice(start, stop + 1).trim();
      statements.push({
        file,
        line: context.start?.line ?? 0,
        soql: text.replace(/^\[/, '').replace(/\]$/, '').trim(),
        method: enclosingMethod(context)
      });
    };
  }
  const parser = ApexParserFactory.createParser(source);
  ApexParseTreeWalker.DEFAULT.walk(new SoqlCollector(), parser.compilationUnit());
  return statements;
}

const SELECT_STATEMENT = /^\s*SELECT\s[\s\S]+\sFROM\s/i;

/** String and template literals (without substitutions) in TypeScript that are SOQL statements. */
export function typeScriptSoql(source: string, file: string): SoqlStatement[] {
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS
  );
  const statements: SoqlStatement[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      SELECT_STATEMENT.test(node.text)
    ) {
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
      statements.push({ file, line: line + 1, soql: node.text.trim() });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return statements;
}
