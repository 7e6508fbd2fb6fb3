/**
 * House rules on the SOQL an Apex class runs: inline [SELECT …] literals (read from the parse tree,
 * so comments and strings cannot fool the rules), dynamic-SOQL templates (String constants named
 * `…_TEMPLATE`, read as their string value) and Database.query-style calls.
 */
import {
  AssignExpressionContext,
  CastExpressionContext,
  ClassBodyDeclarationContext,
  ConstructorDeclarationContext,
  DotExpressionContext,
  EnhancedForControlContext,
  FieldDeclarationContext,
  IdPrimaryContext,
  LiteralContext,
  MethodDeclarationContext,
  PrimaryExpressionContext,
  SoqlFunctionContext,
  SoqlLiteralContext,
  SoqlPrimaryContext,
  SubExpressionContext,
  VariableDeclaratorContext
} from '@apexdevtools/apex-parser';
import type {
  ApexParserRuleContext,
  ExpressionContext,
  QueryContext
} from '@apexdevtools/apex-parser';
import { ancestor, descendants, endLine, lineOf, nodesOf } from './apexTree';
import type { ParsedApex, RuleFinding } from './apexTree';
import { apexStringValue, literalText, TEMPLATE_NAME } from './soqlSources';

type AccessMode = 'USER_MODE' | 'SYSTEM_MODE';

interface Template {
  name: string;
  /** The SOQL text with its String.format placeholders. */
  soql: string;
  declaration: FieldDeclarationContext;
}

/**
 * `…_TEMPLATE` constants that are SOQL. A template that is not string literals joined with `+` is
 * skipped here: check:schema already fails on it, since its SOQL cannot be read.
 */
function soqlTemplates(apex: ParsedApex): Template[] {
  return nodesOf(apex, FieldDeclarationContext).flatMap((declaration) =>
    declaration
      .variableDeclarators()
      .variableDeclarator_list()
      .flatMap((declarator) => {
        const name = declarator.id().getText();
        const expression = declarator.expression();
        const soql = expression && TEMPLATE_NAME.test(name) ? literalText(expression) : undefined;
        return soql !== undefined && /^\s*SELECT\s/i.test(soql)
          ? [{ name, soql, declaration }]
          : [];
      })
  );
}

/** SOQL text with its quoted values emptied, so that `Name = 'GROUP BY'` reads as a value. */
function withoutValues(soql: string): string {
  return soql.replace(/'(?:\\.|[^'\\])*'/g, "''");
}

function inlineMode(query: QueryContext): AccessMode | undefined {
  const clause = query.withClause();
  if (clause?.USER_MODE()) return 'USER_MODE';
  return clause?.SYSTEM_MODE() ? 'SYSTEM_MODE' : undefined;
}

function templateMode(soql: string): AccessMode | undefined {
  const match = /\bWITH\s+(USER_MODE|SYSTEM_MODE)\b/i.exec(withoutValues(soql));
  return match ? (match[1].toUpperCase() as AccessMode) : undefined;
}

/**
 * Arguments each dynamic-query method takes when its last one is an AccessLevel. Counting is
 * enough: check:apex-compile rejects a last argument of another type.
 */
const ARGUMENTS_WITH_ACCESS_LEVEL = new Map([
  ['query', 2],
  ['querywithbinds', 3],
  ['countquery', 2],
  ['countquerywithbinds', 3],
  ['getquerylocator', 2],
  ['getquerylocatorwithbinds', 3]
]);

interface DynamicQueryCall {
  method: string;
  argumentsWithAccessLevel: number;
  arguments: ExpressionContext[];
}

function dynamicQueryCall(expression: ExpressionContext): DynamicQueryCall | undefined {
  if (!(expression instanceof DotExpressionContext)) return undefined;
  const call = expression.dotMethodCall();
  const receiver = expression.expression().getText().toLowerCase();
  if (!call || (receiver !== 'database' && receiver !== 'system.database')) return undefined;
  const method = call.anyId().getText();
  const argumentsWithAccessLevel = ARGUMENTS_WITH_ACCESS_LEVEL.get(method.toLowerCase());
  if (argumentsWithAccessLevel === undefined) return undefined;
  return {
    method: `Database.${method}`,
    argumentsWithAccessLevel,
    arguments: call.expressionList()?.expression_list() ?? []
  };
}

function inlineSoql(expression: ExpressionContext | undefined): QueryContext | undefined {
  if (!(expression instanceof PrimaryExpressionContext)) return undefined;
  const primary = expression.primary();
  return primary instanceof SoqlPrimaryContext ? primary.soqlLiteral().query() : undefined;
}

function finding(apex: ParsedApex, line: number, rule: string, message: string): RuleFinding {
  return { file: apex.file, line, rule, message };
}

/**
 * access-mode: every inline SOQL says WITH USER_MODE or WITH SYSTEM_MODE (WITH SECURITY_ENFORCED
 * does not count); every Database.query-style call passes an AccessLevel; and every SOQL template
 * says its mode in its own text, so that the template can be read on its own, whatever call
 * formats it (the call must pass an AccessLevel as well).
 */
export function accessMode(apex: ParsedApex): RuleFinding[] {
  const inline = nodesOf(apex, SoqlLiteralContext)
    .filter((literal) => !inlineMode(literal.query()))
    .map((literal) =>
      finding(
        apex,
        lineOf(literal),
        'access-mode',
        'inline SOQL without WITH USER_MODE or WITH SYSTEM_MODE (WITH SECURITY_ENFORCED does not count)'
      )
    );
  const calls = nodesOf(apex, DotExpressionContext).flatMap((expression) => {
    const call = dynamicQueryCall(expression);
    // Database.getQueryLocator([SELECT …]) takes its access mode from the inline SOQL.
    if (!call || inlineSoql(call.arguments[0])) return [];
    return call.arguments.length < call.argumentsWithAccessLevel
      ? [
          finding(
            apex,
            lineOf(expression),
            'access-mode',
            `${call.method} without an AccessLevel: pass AccessLevel.USER_MODE or AccessLevel.SYSTEM_MODE as its last argument`
          )
        ]
      : [];
  });
  const templates = soqlTemplates(apex)
    .filter((template) => !templateMode(template.soql))
    .map((template) =>
      finding(
        apex,
        lineOf(template.declaration),
        'access-mode',
        `${template.name} has no WITH USER_MODE or WITH SYSTEM_MODE in its SOQL`
      )
    );
  return [...inline, ...calls, ...templates];
}

const SYSTEM_MODE_REASON = /system[\s-]+mode/i;
const REASON_WINDOW_LINES = 5;

/** The method, constructor, field or property a query is declared in, by name. */
function declarationName(declaration: ClassBodyDeclarationContext): string {
  const member = declaration.memberDeclaration();
  const named = member?.methodDeclaration() ?? member?.propertyDeclaration();
  return (
    named?.id().getText() ??
    member?.constructorDeclaration()?.qualifiedName().getText() ??
    member?.fieldDeclaration()?.variableDeclarators().variableDeclarator(0).id().getText() ??
    'static block'
  );
}

/**
 * A comment saying "System mode" among the declaration's annotations and modifiers or ending
 * within the five lines above its first one.
 */
function explainsSystemMode(apex: ParsedApex, declaration: ClassBodyDeclarationContext): boolean {
  const firstLine = lineOf(declaration);
  const memberStart = (declaration.memberDeclaration() ?? declaration).start.tokenIndex;
  return apex.comments.some(
    (comment) =>
      comment.tokenIndex < memberStart &&
      endLine(comment) >= firstLine - REASON_WINDOW_LINES &&
      SYSTEM_MODE_REASON.test(comment.text)
  );
}

const LOGIN_HISTORY = 'loginhistory';

/**
 * login-history-system-mode: LoginHistory is the package's one named system-mode exception (other
 * users' login rows need Manage Users). Each query on it says WITH SYSTEM_MODE, and the method (or
 * constant) holding it has a comment saying why.
 */
export function loginHistorySystemMode(apex: ParsedApex): RuleFinding[] {
  const queries: { context: ApexParserRuleContext; mode: AccessMode | undefined }[] = [
    ...nodesOf(apex, SoqlLiteralContext)
      .filter((literal) => {
        const from = literal.query().fromNameList().fieldName(0);
        return from.getText().toLowerCase() === LOGIN_HISTORY;
      })
      .map((literal) => ({ context: literal, mode: inlineMode(literal.query()) })),
    ...soqlTemplates(apex)
      .filter((template) => /\bFROM\s+LoginHistory\b/i.test(withoutValues(template.soql)))
      .map((template) => ({ context: template.declaration, mode: templateMode(template.soql) }))
  ];
  const findings = queries
    .filter((query) => query.mode !== 'SYSTEM_MODE')
    .map((query) =>
      finding(
        apex,
        lineOf(query.context),
        'login-history-system-mode',
        `a LoginHistory query must say WITH SYSTEM_MODE (found ${query.mode ? `WITH ${query.mode}` : 'no access mode'})`
      )
    );
  const declarations = new Set(
    queries.flatMap((query) => ancestor(query.context, ClassBodyDeclarationContext) ?? [])
  );
  for (const declaration of declarations) {
    if (explainsSystemMode(apex, declaration)) continue;
    findings.push(
      finding(
        apex,
        lineOf(declaration),
        'login-history-system-mode',
        `${declarationName(declaration)} queries LoginHistory: a comment within the ${REASON_WINDOW_LINES} lines above it must say why it runs in System mode`
      )
    );
  }
  return findings;
}

const AGGREGATE_FUNCTION = /\b(COUNT|COUNT_DISTINCT|SUM|AVG|MIN|MAX)\s*\(|\bGROUP\s+BY\b/i;

function isAggregateQuery(query: QueryContext): boolean {
  return (
    Boolean(query.groupByClause()) ||
    descendants(query.selectList(), SoqlFunctionContext).some(
      (fn) => fn.COUNT() || fn.COUNT_DISTINCT() || fn.SUM() || fn.AVG() || fn.MIN() || fn.MAX()
    )
  );
}

/** What a name is set to in a method (declarations and assignments) or as a field of the class. */
function definitions(
  apex: ParsedApex,
  name: string,
  scope: ApexParserRuleContext | undefined
): ExpressionContext[] {
  const matches = (text: string): boolean => text.toLowerCase() === name.toLowerCase();
  const declared = [
    ...(scope ? descendants(scope, VariableDeclaratorContext) : []),
    ...nodesOf(apex, FieldDeclarationContext).flatMap((field) =>
      field.variableDeclarators().variableDeclarator_list()
    )
  ]
    .filter((declarator) => matches(declarator.id().getText()))
    .flatMap((declarator) => declarator.expression() ?? []);
  const assigned = (scope ? descendants(scope, AssignExpressionContext) : [])
    .filter((assignment) => matches(assignment.expression(0).getText()))
    .map((assignment) => assignment.expression(1));
  return [...declared, ...assigned];
}

/**
 * The string literals a dynamic query's SOQL is built from: those in the argument itself and,
 * through the names it uses, in the local variables and constants they are set to.
 */
function soqlFragments(
  apex: ParsedApex,
  expression: ExpressionContext,
  seen = new Set<string>()
): string[] {
  const scope =
    ancestor(expression, MethodDeclarationContext) ??
    ancestor(expression, ConstructorDeclarationContext);
  const literals = descendants(expression, LiteralContext).flatMap((literal) => {
    const token = literal.StringLiteral();
    return token ? [apexStringValue(token.getText())] : [];
  });
  const fragments = [...literals];
  for (const primary of descendants(expression, IdPrimaryContext)) {
    const name = primary.id().getText().toLowerCase();
    // A name is followed once: `soql = soql + …` must not loop.
    if (seen.has(name)) continue;
    seen.add(name);
    for (const definition of definitions(apex, name, scope))
      fragments.push(...soqlFragments(apex, definition, seen));
  }
  return fragments;
}

/** Casts and parentheses around the iterable of a for loop. */
function unwrap(expression: ExpressionContext): ExpressionContext {
  let inner = expression;
  while (inner instanceof CastExpressionContext || inner instanceof SubExpressionContext) {
    inner = inner.expression();
  }
  return inner;
}

/**
 * aggregate-for-loop: a SOQL for loop reads its rows with queryMore, which aggregate queries do not
 * support: past 2,000 rows the loop throws at run time. Assign the query to a list instead.
 */
export function aggregateForLoop(apex: ParsedApex): RuleFinding[] {
  return nodesOf(apex, EnhancedForControlContext).flatMap((control) => {
    const iterable = unwrap(control.expression());
    const query = inlineSoql(iterable);
    const call = query ? undefined : dynamicQueryCall(iterable);
    const aggregate = query
      ? isAggregateQuery(query)
      : call?.arguments[0] !== undefined &&
        soqlFragments(apex, call.arguments[0]).some((fragment) =>
          AGGREGATE_FUNCTION.test(withoutValues(fragment))
        );
    return aggregate
      ? [
          finding(
            apex,
            lineOf(control),
            'aggregate-for-loop',
            `SOQL for loop over an aggregate query${call ? ` (${call.method})` : ''}: it throws past 2,000 rows; assign the query to a List first`
          )
        ]
      : [];
  });
}
