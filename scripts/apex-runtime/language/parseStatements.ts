/** Converts ANTLR statement contexts into the runtime's AST (ast.ts). */
import type {
  AccessLevelContext,
  BlockContext,
  ExpressionContext,
  LocalVariableDeclarationContext,
  StatementContext,
  WhenLiteralContext,
  WhenValueContext
} from '@apexdevtools/apex-parser';
import type { Block, Declarator, DmlOperation, Expr, Stmt, WhenValue } from './ast';
import {
  lineOf,
  parseArguments,
  parseExpression,
  parseType,
  stringLiteralValue,
  unsupported,
  type ParseSource
} from './parseExpressions';

interface DmlContext {
  expression(): ExpressionContext;
  accessLevel(): AccessLevelContext | null;
}

export function parseBlock(source: ParseSource, context: BlockContext): Block {
  return {
    kind: 'block',
    body: context.statement_list().map((item) => parseStatement(source, item)),
    line: lineOf(context)
  };
}

export function parseDeclarators(
  source: ParseSource,
  context: LocalVariableDeclarationContext
): Declarator[] {
  return context
    .variableDeclarators()
    .variableDeclarator_list()
    .map((item) => {
      const init = item.expression();
      return { name: item.id().getText(), init: init ? parseExpression(source, init) : null };
    });
}

function parseWhenLiteral(source: ParseSource, context: WhenLiteralContext): Expr {
  const line = lineOf(context);
  const negative = context.SUB_list().length % 2 === 1 ? '-' : '';
  const integer = context.IntegerLiteral();
  if (integer)
    return { kind: 'literal', type: 'Integer', text: negative + integer.getText(), line };
  const long = context.LongLiteral();
  if (long)
    return { kind: 'literal', type: 'Long', text: negative + long.getText().slice(0, -1), line };
  const text = context.StringLiteral();
  if (text)
    return { kind: 'literal', type: 'String', text: stringLiteralValue(text.getText()), line };
  if (context.NULL()) return { kind: 'literal', type: 'null', text: 'null', line };
  const nested = context.whenLiteral();
  if (nested) return parseWhenLiteral(source, nested);
  const name = context.qualifiedName();
  if (name) {
    // An enum constant: `when NUMERATOR` (the subject's enum) or `when Mode.NUMERATOR`.
    const ids = name.id_list().map((id) => id.getText());
    return { kind: 'name', name: ids.join('.'), line };
  }
  return unsupported(source, `when value ${context.getText()}`, context);
}

function parseWhenValue(source: ParseSource, context: WhenValueContext): WhenValue {
  if (context.ELSE()) return { kind: 'else' };
  const type = context.typeRef();
  if (type) return { kind: 'type', type: parseType(source, type), name: context.id().getText() };
  return {
    kind: 'literals',
    values: context.whenLiteral_list().map((item) => parseWhenLiteral(source, item))
  };
}

function accessModeOf(context: DmlContext): 'USER_MODE' | 'SYSTEM_MODE' | null {
  const level = context.accessLevel();
  if (!level) return null;
  return level.USER() ? 'USER_MODE' : 'SYSTEM_MODE';
}

export function parseStatement(source: ParseSource, context: StatementContext): Stmt {
  const line = lineOf(context);
  const block = context.block();
  if (block) return parseBlock(source, block);
  const local = context.localVariableDeclarationStatement();
  if (local) {
    const declaration = local.localVariableDeclaration();
    return {
      kind: 'local',
      type: parseType(source, declaration.typeRef()),
      declarators: parseDeclarators(source, declaration),
      line
    };
  }
  const expression = context.expressionStatement();
  if (expression)
    return { kind: 'expr', expr: parseExpression(source, expression.expression()), line };
  const ifStatement = context.ifStatement();
  if (ifStatement) {
    const [then, otherwise] = ifStatement
      .statement_list()
      .map((item) => parseStatement(source, item));
    return {
      kind: 'if',
      cond: parseExpression(source, ifStatement.parExpression().expression()),
      then,
      otherwise: otherwise ?? null,
      line
    };
  }
  const forStatement = context.forStatement();
  if (forStatement) {
    const control = forStatement.forControl();
    const bodyContext = forStatement.statement();
    const body: Stmt = bodyContext
      ? parseStatement(source, bodyContext)
      : { kind: 'block', body: [], line };
    const enhanced = control.enhancedForControl();
    if (enhanced) {
      return {
        kind: 'forEach',
        type: parseType(source, enhanced.typeRef()),
        name: enhanced.id().getText(),
        iterable: parseExpression(source, enhanced.expression()),
        body,
        line
      };
    }
    const init = control.forInit();
    const declaration = init?.localVariableDeclaration();
    const condition = control.expression();
    return {
      kind: 'for',
      init: declaration
        ? {
            kind: 'local',
            type: parseType(source, declaration.typeRef()),
            declarators: parseDeclarators(source, declaration),
            line
          }
        : null,
      initExprs: parseArguments(source, init?.expressionList() ?? null),
      cond: condition ? parseExpression(source, condition) : null,
      update: parseArguments(source, control.forUpdate()?.expressionList() ?? null),
      body,
      line
    };
  }
  const whileStatement = context.whileStatement();
  if (whileStatement) {
    const bodyContext = whileStatement.statement();
    return {
      kind: 'while',
      cond: parseExpression(source, whileStatement.parExpression().expression()),
      body: bodyContext ? parseStatement(source, bodyContext) : { kind: 'block', body: [], line },
      line
    };
  }
  const doWhile = context.doWhileStatement();
  if (doWhile) {
    return {
      kind: 'doWhile',
      cond: parseExpression(source, doWhile.parExpression().expression()),
      body: parseBlock(source, doWhile.block()),
      line
    };
  }
  if (context.breakStatement()) return { kind: 'break', line };
  if (context.continueStatement()) return { kind: 'continue', line };
  const returnStatement = context.returnStatement();
  if (returnStatement) {
    const value = returnStatement.expression();
    return { kind: 'return', value: value ? parseExpression(source, value) : null, line };
  }
  const throwStatement = context.throwStatement();
  if (throwStatement)
    return { kind: 'throw', value: parseExpression(source, throwStatement.expression()), line };
  const tryStatement = context.tryStatement();
  if (tryStatement) {
    const finallyBlock = tryStatement.finallyBlock();
    return {
      kind: 'try',
      body: parseBlock(source, tryStatement.block()),
      catches: tryStatement.catchClause_list().map((clause) => ({
        type: {
          name: clause
            .qualifiedName()
            .id_list()
            .map((id) => id.getText())
            .join('.'),
          args: []
        },
        name: clause.id().getText(),
        body: parseBlock(source, clause.block()),
        line: lineOf(clause)
      })),
      finally: finallyBlock ? parseBlock(source, finallyBlock.block()) : null,
      line
    };
  }
  const switchStatement = context.switchStatement();
  if (switchStatement) {
    return {
      kind: 'switch',
      subject: parseExpression(source, switchStatement.expression()),
      whens: switchStatement.whenControl_list().map((when) => ({
        value: parseWhenValue(source, when.whenValue()),
        body: parseBlock(source, when.block())
      })),
      line
    };
  }
  const dml: [DmlOperation, DmlContext | null][] = [
    ['insert', context.insertStatement()],
    ['update', context.updateStatement()],
    ['delete', context.deleteStatement()],
    ['undelete', context.undeleteStatement()]
  ];
  for (const [operation, statement] of dml) {
    if (statement) {
      return {
        kind: 'dml',
        operation,
        target: parseExpression(source, statement.expression()),
        accessMode: accessModeOf(statement),
        externalIdField: null,
        line
      };
    }
  }
  const upsert = context.upsertStatement();
  if (upsert) {
    const field = upsert.qualifiedName();
    return {
      kind: 'dml',
      operation: 'upsert',
      target: parseExpression(source, upsert.expression()),
      accessMode: accessModeOf(upsert),
      externalIdField: field
        ? field
            .id_list()
            .map((id) => id.getText())
            .join('.')
        : null,
      line
    };
  }
  const runAs = context.runAsStatement();
  if (runAs) {
    const args = parseArguments(source, runAs.expressionList());
    if (args.length !== 1)
      unsupported(source, 'System.runAs with other than one argument', context);
    return { kind: 'runAs', user: args[0], body: parseBlock(source, runAs.block()), line };
  }
  return unsupported(source, `statement ${context.getText().slice(0, 40)}`, context);
}
