/**
 * Keeps the Apex DTOs and their TypeScript interfaces in step (ARCHITECTURE.md, "One contract"):
 * every @AuraEnabled field of an Apex DTO class must be a property of the TypeScript interface of
 * the same name, with the corresponding type, and neither side may have extra fields. An interface
 * names the Apex class it mirrors in its doc comment (`Apex: AdoptionDashboardDtos.KpiData`), so
 * neither side can gain or lose a whole shape unnoticed either.
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

function parseContract(source: string): ts.SourceFile {
  return ts.createSourceFile('contract.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function isStringLiteralType(node: ts.TypeNode): boolean {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal);
}

function isNullish(node: ts.TypeNode): boolean {
  return (
    node.kind === ts.SyntaxKind.UndefinedKeyword ||
    (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword)
  );
}

/** Type aliases that are unions of string literals (`type Scope = 'self' | 'all'`): an Apex String. */
function stringAliases(file: ts.SourceFile): Set<string> {
  const aliases = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    const parts = ts.isUnionTypeNode(statement.type) ? statement.type.types : [statement.type];
    if (parts.every(isStringLiteralType)) aliases.add(statement.name.text);
  }
  return aliases;
}

/** A property type as Apex would spell it in TypeScript: nullish parts dropped, string literals as string. */
function typeText(node: ts.TypeNode, file: ts.SourceFile, aliases: Set<string>): string {
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types
      .filter((part) => !isNullish(part))
      .map((part) => typeText(part, file, aliases));
    return [...new Set(parts)].join(' | ');
  }
  if (ts.isArrayTypeNode(node)) return `${typeText(node.elementType, file, aliases)}[]`;
  if (isStringLiteralType(node)) return 'string';
  if (ts.isTypeReferenceNode(node) && aliases.has(node.typeName.getText(file))) return 'string';
  return node.getText(file);
}

/** Exported interfaces and their property types (`| null` and `| undefined` dropped). */
export function typeScriptShapes(source: string): Shapes {
  const file = parseContract(source);
  const aliases = stringAliases(file);
  const shapes: Shapes = new Map();
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const fields = new Map<string, string>();
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      fields.set(member.name.getText(file), typeText(member.type, file, aliases));
    }
    shapes.set(statement.name.text, fields);
  }
  return shapes;
}

const MIRROR_COMMENT = /\bApex:\s*(\w+)\.(\w+)/;

/**
 * Interfaces whose doc comment says which Apex DTO they mirror (`Apex: LoginActivityDtos.WindowCount`),
 * for one Apex class: interface name → Apex inner class name.
 */
export function mirroredInterfaces(source: string, apexClass: string): Map<string, string> {
  const file = parseContract(source);
  const mirrors = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const comments = ts.getLeadingCommentRanges(source, statement.getFullStart()) ?? [];
    for (const comment of comments) {
      const match = MIRROR_COMMENT.exec(source.slice(comment.pos, comment.end));
      if (match && match[1] === apexClass) mirrors.set(statement.name.text, match[2]);
    }
  }
  return mirrors;
}

/**
 * Whole shapes present on one side only: an Apex DTO class no interface mirrors, an interface that
 * names an Apex class that does not exist, or an interface named differently from its Apex class.
 */
export function mirrorProblems(
  apexClass: string,
  apex: Shapes,
  mirrors: Map<string, string>
): string[] {
  const problems: string[] = [];
  for (const [interfaceName, apexName] of mirrors) {
    if (interfaceName !== apexName)
      problems.push(`${interfaceName}: mirrors ${apexClass}.${apexName} but is named differently`);
    if (!apex.has(apexName))
      problems.push(
        `${interfaceName}: mirrors ${apexClass}.${apexName}, which has no @AuraEnabled field`
      );
  }
  const mirrored = new Set(mirrors.values());
  for (const className of apex.keys()) {
    if (!mirrored.has(className))
      problems.push(
        `${apexClass}.${className}: no interface says "Apex: ${apexClass}.${className}"`
      );
  }
  return problems;
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
