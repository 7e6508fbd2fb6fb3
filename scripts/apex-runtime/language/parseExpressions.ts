/** Converts ANTLR expression and type contexts into the runtime's AST (ast.ts). */
import {
  ArrayExpressionContext,
  Arth1ExpressionContext,
  Arth2ExpressionContext,
  AssignExpressionContext,
  BitAndExpressionContext,
  BitExpressionContext,
  BitNotExpressionContext,
  BitOrExpressionContext,
  BoundExpressionContext,
  CastExpressionContext,
  CmpExpressionContext,
  CoalExpressionContext,
  CondExpressionContext,
  DotExpressionContext,
  EqualityExpressionContext,
  IdPrimaryContext,
  InstanceOfExpressionContext,
  LiteralPrimaryContext,
  LogAndExpressionContext,
  LogOrExpressionContext,
  MethodCallExpressionContext,
  NegExpressionContext,
  NewExpressionContext,
  PostOpExpressionContext,
  PreOpExpressionContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  SubExpressionContext,
  SuperPrimaryContext,
  ThisPrimaryContext,
  TypeRefPrimaryContext
} from '@apexdevtools/apex-parser';
import type {
  ApexParserRuleContext,
  CreatorContext,
  ExpressionContext,
  ExpressionListContext,
  LiteralContext,
  SoqlLiteralContext,
  TypeListContext,
  TypeRefContext
} from '@apexdevtools/apex-parser';
import { typeName, type TypeName } from '../values';
import type { AssignOp, BinaryOp, Expr } from './ast';
import { ApexRuntimeUnsupported } from './errors';

/** What a conversion needs besides the tree: the file (for errors) and its text (for SOQL). */
export interface ParseSource {
  readonly file: string;
  readonly text: string;
}

export function lineOf(context: ApexParserRuleContext): number {
  return context.start.line;
}

export function unsupported(
  source: ParseSource,
  construct: string,
  context: ApexParserRuleContext
): never {
  throw new ApexRuntimeUnsupported(construct, source.file, lineOf(context));
}

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r' };

/** The value of an Apex string literal token ('…' with backslash escapes). */
export function stringLiteralValue(token: string): string {
  return token
    .slice(1, -1)
    .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_escape, code: string) =>
      code.length === 5 ? String.fromCharCode(parseInt(code.slice(1), 16)) : (ESCAPES[code] ?? code)
    );
}

/** `Integer[]` and `List<Integer>` are one type; a dotted name keeps its dots. */
export function parseType(source: ParseSource, context: TypeRefContext): TypeName {
  const parts = context.typeName_list();
  let args: TypeName[] = [];
  const names = parts.map((part, index) => {
    const typeArguments = part.typeArguments();
    if (typeArguments) {
      if (index !== parts.length - 1)
        unsupported(source, 'type arguments inside a dotted type', context);
      args = parseTypeList(source, typeArguments.typeList());
    }
    if (part.LIST()) return 'List';
    if (part.SET()) return 'Set';
    if (part.MAP()) return 'Map';
    return part.id().getText();
  });
  let type = typeName(names.join('.'), ...args);
  const subscripts = context.arraySubscripts()?.LBRACK_list().length ?? 0;
  for (let index = 0; index < subscripts; index++) type = typeName('List', type);
  return type;
}

export function parseTypeList(source: ParseSource, context: TypeListContext): TypeName[] {
  return context.typeRef_list().map((ref) => parseType(source, ref));
}

export function parseArguments(source: ParseSource, list: ExpressionListContext | null): Expr[] {
  return list ? list.expression_list().map((item) => parseExpression(source, item)) : [];
}

function parseLiteral(source: ParseSource, context: LiteralContext): Expr {
  const line = lineOf(context);
  const text = context.getText();
  if (context.IntegerLiteral()) return { kind: 'literal', type: 'Integer', text, line };
  if (context.LongLiteral())
    return { kind: 'literal', type: 'Long', text: text.slice(0, -1), line };
  if (context.NumberLiteral()) {
    if (/[dD]$/.test(text)) unsupported(source, `Double literal ${text}`, context);
    return { kind: 'literal', type: 'Decimal', text, line };
  }
  if (context.StringLiteral())
    return { kind: 'literal', type: 'String', text: stringLiteralValue(text), line };
  if (context.BooleanLiteral())
    return { kind: 'literal', type: 'Boolean', text: text.toLowerCase(), line };
  if (context.NULL()) return { kind: 'literal', type: 'null', text, line };
  return unsupported(source, `literal ${text}`, context);
}

/** SOQL text with every `:expression` replaced by `:bindN`, and the expressions in order. */
function parseSoql(source: ParseSource, context: SoqlLiteralContext): Expr {
  const query = context.query();
  const binds: Expr[] = [];
  const spans: { start: number; stop: number }[] = [];
  const visit = (node: ApexParserRuleContext): void => {
    if (node instanceof BoundExpressionContext) {
      spans.push({ start: node.start.start, stop: node.stop?.stop ?? node.start.stop });
      binds.push(parseExpression(source, node.expression()));
      return;
    }
    for (const child of node.children ?? []) {
      if ('children' in child && 'start' in child) visit(child as ApexParserRuleContext);
    }
  };
  visit(query);
  let text = '';
  let position = query.start.start;
  spans.forEach((span, index) => {
    text += `${source.text.slice(position, span.start)}:bind${index}`;
    position = span.stop + 1;
  });
  text += source.text.slice(position, (query.stop?.stop ?? query.start.stop) + 1);
  return { kind: 'soql', text, binds, line: lineOf(context) };
}

function parseCreator(source: ParseSource, context: CreatorContext, line: number): Expr {
  const pairs = context.createdName().idCreatedNamePair_list();
  let args: TypeName[] = [];
  const name = pairs
    .map((pair, index) => {
      const list = pair.typeList();
      if (list) {
        if (index !== pairs.length - 1)
          unsupported(source, 'type arguments inside a dotted type', context);
        args = parseTypeList(source, list);
      }
      return pair.anyId().getText();
    })
    .join('.');
  const lower = name.toLowerCase();
  const collectionName =
    lower === 'list' ? 'List' : lower === 'set' ? 'Set' : lower === 'map' ? 'Map' : null;
  const type = typeName(collectionName ?? name, ...args);
  const arrayRest = context.arrayCreatorRest();
  if (arrayRest) {
    const listType = typeName('List', type);
    const size = arrayRest.expression();
    const init = arrayRest.arrayInitializer();
    return {
      kind: 'newCollection',
      type: listType,
      size: size ? parseExpression(source, size) : null,
      items: init
        ? init.expression_list().map((item) => parseExpression(source, item))
        : size
          ? null
          : [],
      pairs: null,
      line
    };
  }
  const mapRest = context.mapCreatorRest();
  if (mapRest) {
    const entries = mapRest
      .mapCreatorRestPair_list()
      .map(
        (pair) =>
          [
            parseExpression(source, pair.expression(0)),
            parseExpression(source, pair.expression(1))
          ] as const
      );
    return { kind: 'newCollection', type, size: null, items: null, pairs: entries, line };
  }
  const setRest = context.setCreatorRest();
  if (setRest) {
    const items = setRest.expression_list().map((item) => parseExpression(source, item));
    return { kind: 'newCollection', type, size: null, items, pairs: null, line };
  }
  if (context.noRest()) {
    return {
      kind: 'newCollection',
      type,
      size: null,
      items: collectionName === 'Map' ? null : [],
      pairs: collectionName === 'Map' ? [] : null,
      line
    };
  }
  const expressions =
    context.classCreatorRest()?.arguments().expressionList()?.expression_list() ?? [];
  const named = expressions.length > 0 && expressions.every(isNamedArgument);
  if (named) {
    const fieldInits = expressions.map((item) => {
      const assign = item as AssignExpressionContext;
      return {
        name: assign.expression(0).getText(),
        value: parseExpression(source, assign.expression(1))
      };
    });
    return { kind: 'new', type, args: [], fieldInits, line };
  }
  return {
    kind: 'new',
    type,
    args: expressions.map((item) => parseExpression(source, item)),
    fieldInits: null,
    line
  };
}

function isNamedArgument(context: ExpressionContext): boolean {
  if (!(context instanceof AssignExpressionContext) || !context.ASSIGN()) return false;
  const target = context.expression(0);
  return target instanceof PrimaryExpressionContext && target.primary() instanceof IdPrimaryContext;
}

function binaryOf(context: ExpressionContext): BinaryOp | null {
  if (context instanceof Arth1ExpressionContext) return context.MUL() ? '*' : '/';
  if (context instanceof Arth2ExpressionContext) return context.ADD() ? '+' : '-';
  if (context instanceof EqualityExpressionContext) {
    if (context.TRIPLEEQUAL()) return '===';
    if (context.TRIPLENOTEQUAL()) return '!==';
    return context.EQUAL() ? '==' : '!=';
  }
  if (context instanceof CmpExpressionContext) {
    const equal = context.ASSIGN() ? '=' : '';
    return context.GT() ? (`>${equal}` as BinaryOp) : (`<${equal}` as BinaryOp);
  }
  if (context instanceof BitAndExpressionContext) return '&';
  if (context instanceof BitOrExpressionContext) return '|';
  if (context instanceof BitNotExpressionContext) return '^';
  if (context instanceof BitExpressionContext) {
    const lt = context.LT_list().length;
    return lt === 2 ? '<<' : context.GT_list().length === 3 ? '>>>' : '>>';
  }
  return null;
}

const ASSIGN_TOKENS: readonly [keyof AssignExpressionContext, AssignOp][] = [
  ['ASSIGN', '='],
  ['ADD_ASSIGN', '+='],
  ['SUB_ASSIGN', '-='],
  ['MUL_ASSIGN', '*='],
  ['DIV_ASSIGN', '/='],
  ['AND_ASSIGN', '&='],
  ['OR_ASSIGN', '|='],
  ['XOR_ASSIGN', '^='],
  ['LSHIFT_ASSIGN', '<<='],
  ['RSHIFT_ASSIGN', '>>='],
  ['URSHIFT_ASSIGN', '>>>=']
];

function assignOf(context: AssignExpressionContext): AssignOp {
  for (const [token, op] of ASSIGN_TOKENS) {
    if ((context[token] as () => unknown).call(context)) return op;
  }
  return '=';
}

export function parseExpression(source: ParseSource, context: ExpressionContext): Expr {
  const line = lineOf(context);
  const binary = binaryOf(context);
  if (binary) {
    const [left, right] = (context as Arth1ExpressionContext)
      .expression_list()
      .map((item) => parseExpression(source, item));
    return { kind: 'binary', op: binary, left, right, line };
  }
  if (context instanceof PrimaryExpressionContext) {
    const primary = context.primary();
    if (primary instanceof LiteralPrimaryContext) return parseLiteral(source, primary.literal());
    if (primary instanceof IdPrimaryContext)
      return { kind: 'name', name: primary.id().getText(), line };
    if (primary instanceof ThisPrimaryContext) return { kind: 'this', line };
    if (primary instanceof SuperPrimaryContext) return { kind: 'super', line };
    if (primary instanceof TypeRefPrimaryContext)
      return { kind: 'classLiteral', type: parseType(source, primary.typeRef()), line };
    if (primary instanceof SoqlPrimaryContext) return parseSoql(source, primary.soqlLiteral());
    return unsupported(source, `expression ${primary.getText()}`, context);
  }
  if (context instanceof DotExpressionContext) {
    const target = parseExpression(source, context.expression());
    const safe = context.QUESTIONDOT() !== null;
    const call = context.dotMethodCall();
    if (call) {
      return {
        kind: 'call',
        target,
        name: call.anyId().getText(),
        args: parseArguments(source, call.expressionList()),
        safe,
        line
      };
    }
    return { kind: 'field', target, name: context.anyId().getText(), safe, line };
  }
  if (context instanceof MethodCallExpressionContext) {
    const call = context.methodCall();
    const args = parseArguments(source, call.expressionList());
    if (call.THIS()) return { kind: 'chainCall', which: 'this', args, line };
    if (call.SUPER()) return { kind: 'chainCall', which: 'super', args, line };
    return { kind: 'call', target: null, name: call.id().getText(), args, safe: false, line };
  }
  if (context instanceof NewExpressionContext) return parseCreator(source, context.creator(), line);
  if (context instanceof ArrayExpressionContext) {
    return {
      kind: 'index',
      target: parseExpression(source, context.expression(0)),
      index: parseExpression(source, context.expression(1)),
      line
    };
  }
  if (context instanceof AssignExpressionContext) {
    return {
      kind: 'assign',
      op: assignOf(context),
      target: parseExpression(source, context.expression(0)),
      value: parseExpression(source, context.expression(1)),
      line
    };
  }
  if (context instanceof CondExpressionContext) {
    const [cond, then, otherwise] = context
      .expression_list()
      .map((item) => parseExpression(source, item));
    return { kind: 'ternary', cond, then, otherwise, line };
  }
  if (context instanceof CoalExpressionContext) {
    // `a ?? b` (Apex null coalescing, Spring '24): a when it is not null, else b.
    const [left, right] = context.expression_list().map((item) => parseExpression(source, item));
    return {
      kind: 'ternary',
      cond: {
        kind: 'binary',
        op: '!=',
        left,
        right: { kind: 'literal', type: 'null', text: 'null', line },
        line
      },
      then: left,
      otherwise: right,
      line
    };
  }
  if (context instanceof LogAndExpressionContext || context instanceof LogOrExpressionContext) {
    const [left, right] = context.expression_list().map((item) => parseExpression(source, item));
    return {
      kind: 'logical',
      op: context instanceof LogAndExpressionContext ? '&&' : '||',
      left,
      right,
      line
    };
  }
  if (context instanceof PostOpExpressionContext) {
    return {
      kind: 'incDec',
      op: context.INC() ? '++' : '--',
      prefix: false,
      target: parseExpression(source, context.expression()),
      line
    };
  }
  if (context instanceof PreOpExpressionContext) {
    const operand = parseExpression(source, context.expression());
    if (context.INC() || context.DEC())
      return {
        kind: 'incDec',
        op: context.INC() ? '++' : '--',
        prefix: true,
        target: operand,
        line
      };
    return { kind: 'unary', op: context.SUB() ? '-' : '+', operand, line };
  }
  if (context instanceof NegExpressionContext) {
    return {
      kind: 'unary',
      op: context.BANG() ? '!' : '~',
      operand: parseExpression(source, context.expression()),
      line
    };
  }
  if (context instanceof SubExpressionContext) return parseExpression(source, context.expression());
  if (context instanceof CastExpressionContext) {
    return {
      kind: 'cast',
      type: parseType(source, context.typeRef()),
      operand: parseExpression(source, context.expression()),
      line
    };
  }
  if (context instanceof InstanceOfExpressionContext) {
    return {
      kind: 'instanceOf',
      operand: parseExpression(source, context.expression()),
      type: parseType(source, context.typeRef()),
      line
    };
  }
  return unsupported(source, `expression ${context.getText()}`, context);
}
