/**
 * Finds the SOQL a codebase runs: inline [SELECT …] literals in Apex (through the Apex parser, so
 * comments and strings cannot fool it) and SELECT string literals in TypeScript.
 */
import {
  ApexParserBaseListener,
  ApexParserFactory,
  ApexParseTreeWalker
} from '@apexdevtools/apex-parser';
import type {
  ApexParserRuleContext,
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
}

function enclosingMethod(context: ApexParserRuleContext): string | undefined {
  for (let parent = context.parentCtx; parent; parent = parent.parentCtx) {
    if (parent.constructor.name === 'MethodDeclarationContext') {
      return (parent as MethodDeclarationContext).id().getText();
    }
  }
  return undefined;
}

/** Apex bind expressions like `:userIds` stay; the brackets around inline SOQL go. */
export function apexSoql(source: string, file: string): SoqlStatement[] {
  const statements: SoqlStatement[] = [];
  class SoqlCollector extends ApexParserBaseListener {
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
