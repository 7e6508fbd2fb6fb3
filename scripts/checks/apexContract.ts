/**
 * Keeps the Apex DTOs and their TypeScript interfaces in step (ARCHITECTURE.md, "One contract"):
 * every @AuraEnabled field of an Apex DTO class must be a property of the TypeScript interface of
 * the same name, with the corresponding type, and neither side may have extra fields.
 */
import {
  ApexParserBaseListener,
  ApexParserFactory,
  ApexParseTreeWalker
} from '@apexdevtools/apex-parser';
import type {
  ClassDeclarationContext,
  FieldDeclarationContext,
  ApexParserRuleContext
} from '@apexdevtools/apex-parser';
import ts from 'typescript';

/** Class or interface name → field name → type text. */
export type Shapes = Map<string, Map<string, string>>;

const APEX_TO_TS: Record<string, string> = {
  string: 'string',
  id: 'string',
  datetime: 'string',
  date: 'string',
  integer: 'number',
  long: 'number',
  decimal: 'number',
  double: 'number',
  boolean: 'boolean'
};

export function apexTypeAsTypeScript(apexType: string): string {
  const list = /^List<(.+)>$/i.exec(apexType);
  if (list) return `${apexTypeAsTypeScript(list[1])}[]`;
  return APEX_TO_TS[apexType.toLowerCase()] ?? apexType;
}

function enclosingClassName(context: ApexParserRuleContext): string | undefined {
  for (let parent = context.parentCtx; parent; parent = parent.parentCtx) {
    if (parent.constructor.name === 'ClassDeclarationContext')
      return (parent as ClassDeclarationContext).id().getText();
  }
  return undefined;
}

/** @AuraEnabled fields per Apex class (inner classes included). */
export function apexDtoShapes(source: string): Shapes {
  const shapes: Shapes = new Map();
  class FieldCollector extends ApexParserBaseListener {
    enterFieldDeclaration = (context: FieldDeclarationContext): void => {
      const declaration = context.parentCtx?.parentCtx as unknown as {
        modifier_list?: () => { getText(): string }[];
      };
      const modifiers =
        declaration.modifier_list?.().map((modifier) => modifier.getText().toLowerCase()) ?? [];
      if (!modifiers.includes('@auraenabled')) return;
      const className = enclosingClassName(context);
      if (!className) return;
      const fields = shapes.get(className) ?? new Map<string, string>();
      for (const declarator of context.variableDeclarators().variableDeclarator_list()) {
        fields.set(declarator.id().getText(), context.typeRef().getText());
      }
      shapes.set(className, fields);
    };
  }
  ApexParseTreeWalker.DEFAULT.walk(
    new FieldCollector(),
    ApexParserFactory.createParser(source).compilationUnit()
  );
  return shapes;
}

/** Exported interfaces and their property types (`| null` and `| undefined` dropped). */
export function typeScriptShapes(source: string): Shapes {
  const file = ts.createSourceFile(
    'contract.ts',
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS
  );
  const shapes: Shapes = new Map();
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const fields = new Map<string, string>();
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const type = member.type
        .getText(file)
        .split('|')
        .map((part) => part.trim())
        .filter((part) => part !== 'null' && part !== 'undefined')
        .join(' | ');
      fields.set(member.name.getText(file), type);
    }
    shapes.set(statement.name.text, fields);
  }
  return shapes;
}

export function contractProblems(apex: Shapes, typeScript: Shapes): string[] {
  const problems: string[] = [];
  for (const [className, apexFields] of apex) {
    const tsFields = typeScript.get(className);
    if (!tsFields) {
      problems.push(`${className}: no TypeScript interface of that name`);
      continue;
    }
    for (const [field, apexType] of apexFields) {
      const tsType = tsFields.get(field);
      const expected = apexTypeAsTypeScript(apexType);
      if (tsType === undefined) problems.push(`${className}.${field}: missing in TypeScript`);
      else if (tsType !== expected)
        problems.push(
          `${className}.${field}: Apex ${apexType} means ${expected}, TypeScript says ${tsType}`
        );
    }
    for (const field of tsFields.keys()) {
      if (!apexFields.has(field)) problems.push(`${className}.${field}: missing in Apex`);
    }
  }
  return problems;
}
