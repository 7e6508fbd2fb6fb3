/**
 * House rules on names. Apex names are case-insensitive and a variable is resolved before a type,
 * so a parameter `json` makes `JSON.serialize(…)` a compile error in its method, and a local
 * `cadences` hides the constant `CADENCES` for the rest of its block.
 */
import {
  CatchClauseContext,
  ClassDeclarationContext,
  EnhancedForControlContext,
  EnumDeclarationContext,
  FieldDeclarationContext,
  FormalParameterContext,
  InterfaceDeclarationContext,
  LocalVariableDeclarationContext,
  PropertyDeclarationContext,
  WhenValueContext
} from '@apexdevtools/apex-parser';
import type { ApexParserRuleContext, IdContext } from '@apexdevtools/apex-parser';
import { ancestor, lineOf, nodesOf } from './apexTree';
import type { ParsedApex, RuleFinding } from './apexTree';

/**
 * Types and namespaces of the Apex System library a variable must not be named after: those this
 * package uses and the common ones a change is likely to start using.
 */
export const SYSTEM_TYPES = [
  'AccessLevel',
  'AggregateResult',
  'ApexPages',
  'Approval',
  'Assert',
  'AuraHandledException',
  'Auth',
  'Blob',
  'Boolean',
  'Cache',
  'Callable',
  'Comparable',
  'Comparator',
  'ConnectApi',
  'Crypto',
  'Database',
  'Date',
  'Datetime',
  'Decimal',
  'DmlException',
  'Dom',
  'Double',
  'EncodingUtil',
  'EventBus',
  'Exception',
  'FeatureManagement',
  'Flow',
  'Http',
  'HttpRequest',
  'HttpResponse',
  'Id',
  'Integer',
  'Iterable',
  'Iterator',
  'JSON',
  'JSONException',
  'Label',
  'Limits',
  'List',
  'Long',
  'Map',
  'Matcher',
  'Math',
  'Messaging',
  'Metadata',
  'Network',
  'Object',
  'PageReference',
  'Pattern',
  'Process',
  'QueryException',
  'Queueable',
  'QuickAction',
  'Reports',
  'Schedulable',
  'Schema',
  'Search',
  'Security',
  'Set',
  'Site',
  'SObject',
  'String',
  'System',
  'Test',
  'Time',
  'Trigger',
  'Type',
  'Url',
  'UserInfo'
] as const;

/** Lower-case name → the type's name as declared, for case-insensitive look-ups. */
export type TypeNames = Map<string, string>;

export function typeNames(names: Iterable<string>): TypeNames {
  return new Map([...names].map((name) => [name.toLowerCase(), name]));
}

/** Classes, interfaces and enums declared in a file: the top-level type and its inner types. */
function declaredTypes(apex: ParsedApex): string[] {
  return [
    ...nodesOf(apex, ClassDeclarationContext),
    ...nodesOf(apex, InterfaceDeclarationContext),
    ...nodesOf(apex, EnumDeclarationContext)
  ].map((declaration) => declaration.id().getText());
}

/** The top-level type of a file, which other classes of the package see by its bare name. */
export function topLevelType(apex: ParsedApex): string | undefined {
  const declaration = apex.unit.typeDeclaration();
  return (
    declaration.classDeclaration() ??
    declaration.interfaceDeclaration() ??
    declaration.enumDeclaration()
  )
    ?.id()
    .getText();
}

interface Variable {
  kind: string;
  id: IdContext;
}

/** Names declared in a method: they can hide a constant of the class. */
const METHOD_SCOPED = new Set([
  'parameter',
  'local variable',
  'loop variable',
  'catch variable',
  'when variable'
]);

function declaredVariables(apex: ParsedApex): Variable[] {
  const declarators = (
    contexts: (FieldDeclarationContext | LocalVariableDeclarationContext)[],
    kind: string
  ): Variable[] =>
    contexts.flatMap((context) =>
      context
        .variableDeclarators()
        .variableDeclarator_list()
        .map((declarator) => ({ kind, id: declarator.id() }))
    );
  const named = (contexts: { id(): IdContext | null }[], kind: string): Variable[] =>
    contexts.flatMap((context) => {
      const id = context.id();
      return id ? [{ kind, id }] : [];
    });
  return [
    ...declarators(nodesOf(apex, FieldDeclarationContext), 'field'),
    ...named(nodesOf(apex, PropertyDeclarationContext), 'property'),
    ...named(nodesOf(apex, FormalParameterContext), 'parameter'),
    ...declarators(nodesOf(apex, LocalVariableDeclarationContext), 'local variable'),
    ...named(nodesOf(apex, EnhancedForControlContext), 'loop variable'),
    ...named(nodesOf(apex, CatchClauseContext), 'catch variable'),
    // `when Account acct` declares a variable; `when else` and `when 1, 2` do not.
    ...named(nodesOf(apex, WhenValueContext), 'when variable')
  ];
}

/**
 * type-shadowing: no variable, parameter, field or property named (ignoring case) like a type in
 * scope: the System types, the SObjects, the package's top-level types and the types declared in
 * this file (inner types are seen by their bare name only inside their outer class).
 */
export function typeShadowing(apex: ParsedApex, scope: TypeNames): RuleFinding[] {
  const inScope = new Map([...scope, ...typeNames(declaredTypes(apex))]);
  return declaredVariables(apex).flatMap(({ kind, id }) => {
    const type = inScope.get(id.getText().toLowerCase());
    return type
      ? [
          {
            file: apex.file,
            line: lineOf(id),
            rule: 'type-shadowing',
            message: `${kind} '${id.getText()}' hides the type ${type}: Apex resolves the variable first, ignoring case`
          }
        ]
      : [];
  });
}

/** Static final fields declared directly in a class body. */
function constantsOf(declaration: ClassDeclarationContext): string[] {
  return declaration
    .classBody()
    .classBodyDeclaration_list()
    .filter((member) => {
      const modifiers = member.modifier_list();
      return (
        member.memberDeclaration()?.fieldDeclaration() &&
        modifiers.some((modifier) => modifier.STATIC()) &&
        modifiers.some((modifier) => modifier.FINAL())
      );
    })
    .flatMap((member) =>
      member
        .memberDeclaration()
        .fieldDeclaration()
        .variableDeclarators()
        .variableDeclarator_list()
        .map((declarator) => declarator.id().getText())
    );
}

/** Constants visible by bare name at a point: those of its class and of the classes around it. */
function constantsInScope(context: ApexParserRuleContext): string[] {
  const constants: string[] = [];
  for (
    let declaration = ancestor(context, ClassDeclarationContext);
    declaration;
    declaration = ancestor(declaration, ClassDeclarationContext)
  ) {
    constants.push(...constantsOf(declaration));
  }
  return constants;
}

/**
 * field-shadowing: a method's variable named (ignoring case) like a static final constant of its
 * class hides the constant. apex-ls only warns about a local hiding a field; a hidden constant is
 * the case that has broken this package (a local `cadences` next to `CADENCES`).
 */
export function fieldShadowing(apex: ParsedApex): RuleFinding[] {
  return declaredVariables(apex)
    .filter(({ kind }) => METHOD_SCOPED.has(kind))
    .flatMap(({ kind, id }) => {
      const name = id.getText();
      const constant = constantsInScope(id).find(
        (candidate) => candidate.toLowerCase() === name.toLowerCase()
      );
      return constant
        ? [
            {
              file: apex.file,
              line: lineOf(id),
              rule: 'field-shadowing',
              message: `${kind} '${name}' hides the constant ${constant} of its class`
            }
          ]
        : [];
    });
}
