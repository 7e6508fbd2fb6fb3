/** Parses one .cls file into its type declaration (ast.ts), inner types included. */
import { ApexParserFactory, ApexSyntaxError } from '@apexdevtools/apex-parser';
import type {
  ClassBodyDeclarationContext,
  ClassDeclarationContext,
  EnumDeclarationContext,
  FormalParametersContext,
  InterfaceDeclarationContext,
  ModifierContext,
  PropertyBlockContext
} from '@apexdevtools/apex-parser';
import type {
  Accessor,
  Annotation,
  ConstructorDecl,
  FieldDecl,
  InitItem,
  MethodDecl,
  Modifiers,
  Param,
  PropertyDecl,
  Sharing,
  TypeDecl
} from './ast';
import { ApexSourceError } from './errors';
import {
  lineOf,
  parseExpression,
  parseType,
  parseTypeList,
  unsupported,
  type ParseSource
} from './parseExpressions';
import { parseBlock } from './parseStatements';

const KEYWORDS = [
  'global',
  'public',
  'protected',
  'private',
  'transient',
  'static',
  'abstract',
  'final',
  'webservice',
  'override',
  'virtual',
  'testmethod'
];

function parseModifiers(list: ModifierContext[]): Modifiers & { sharing: Sharing } {
  const keywords = new Set<string>();
  const annotations: Annotation[] = [];
  let sharing: Sharing = null;
  for (const modifier of list) {
    const annotation = modifier.annotation();
    if (annotation) {
      const values: Record<string, string> = {};
      for (const pair of annotation.elementValuePairs()?.elementValuePair_list() ?? []) {
        values[pair.id().getText().toLowerCase()] = pair.elementValue().getText();
      }
      annotations.push({ name: annotation.id().getText().toLowerCase(), values });
      continue;
    }
    const text = modifier.getText().toLowerCase();
    if (modifier.SHARING()) {
      sharing = modifier.WITHOUT() ? 'without' : modifier.INHERITED() ? 'inherited' : 'with';
    } else if (KEYWORDS.includes(text)) {
      keywords.add(text);
    }
  }
  return { keywords, annotations, sharing };
}

function parseParams(source: ParseSource, context: FormalParametersContext): Param[] {
  return (context.formalParameterList()?.formalParameter_list() ?? []).map((param) => ({
    name: param.id().getText(),
    type: parseType(source, param.typeRef())
  }));
}

function parseAccessor(
  source: ParseSource,
  blocks: PropertyBlockContext[],
  kind: 'get' | 'set'
): Accessor {
  for (const block of blocks) {
    const accessor = kind === 'get' ? block.getter() : block.setter();
    if (accessor) {
      const body = accessor.block();
      return body ? parseBlock(source, body) : 'auto';
    }
  }
  return null;
}

interface TypeParts {
  fields: FieldDecl[];
  staticInit: InitItem[];
  instanceInit: InitItem[];
  methods: MethodDecl[];
  constructors: ConstructorDecl[];
  properties: PropertyDecl[];
  inner: TypeDecl[];
}

function parseMember(
  source: ParseSource,
  outer: string,
  parts: TypeParts,
  context: ClassBodyDeclarationContext
): void {
  const block = context.block();
  if (block) {
    (context.STATIC() ? parts.staticInit : parts.instanceInit).push({
      kind: 'block',
      body: parseBlock(source, block)
    });
    return;
  }
  const member = context.memberDeclaration();
  if (!member) return;
  const modifiers = parseModifiers(context.modifier_list());
  const isStatic = modifiers.keywords.has('static');
  const method = member.methodDeclaration();
  if (method) {
    const body = method.block();
    const returnType = method.typeRef();
    parts.methods.push({
      name: method.id().getText(),
      params: parseParams(source, method.formalParameters()),
      returnType: returnType ? parseType(source, returnType) : null,
      body: body ? parseBlock(source, body) : null,
      modifiers,
      isStatic,
      line: lineOf(method)
    });
    return;
  }
  const field = member.fieldDeclaration();
  if (field) {
    const type = parseType(source, field.typeRef());
    for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
      const name = declarator.id().getText();
      const init = declarator.expression();
      const line = lineOf(declarator);
      parts.fields.push({ name, type, isStatic, modifiers, line });
      (isStatic ? parts.staticInit : parts.instanceInit).push({
        kind: 'field',
        name,
        type,
        init: init ? parseExpression(source, init) : null,
        line
      });
    }
    return;
  }
  const property = member.propertyDeclaration();
  if (property) {
    const blocks = property.propertyBlock_list();
    parts.properties.push({
      name: property.id().getText(),
      type: parseType(source, property.typeRef()),
      isStatic,
      getter: parseAccessor(source, blocks, 'get'),
      setter: parseAccessor(source, blocks, 'set'),
      line: lineOf(property)
    });
    return;
  }
  const constructor = member.constructorDeclaration();
  if (constructor) {
    parts.constructors.push({
      params: parseParams(source, constructor.formalParameters()),
      body: parseBlock(source, constructor.block()),
      modifiers,
      line: lineOf(constructor)
    });
    return;
  }
  const innerClass = member.classDeclaration();
  if (innerClass) {
    parts.inner.push(parseClass(source, innerClass, modifiers, outer));
    return;
  }
  const innerInterface = member.interfaceDeclaration();
  if (innerInterface) {
    parts.inner.push(parseInterface(source, innerInterface, modifiers, outer));
    return;
  }
  const innerEnum = member.enumDeclaration();
  if (innerEnum) {
    parts.inner.push(parseEnum(source, innerEnum, modifiers, outer));
    return;
  }
  unsupported(source, 'class member', context);
}

function emptyParts(): TypeParts {
  return {
    fields: [],
    staticInit: [],
    instanceInit: [],
    methods: [],
    constructors: [],
    properties: [],
    inner: []
  };
}

function fullNameOf(outer: string | null, name: string): string {
  return outer ? `${outer}.${name}` : name;
}

function parseClass(
  source: ParseSource,
  context: ClassDeclarationContext,
  modifiers: Modifiers & { sharing: Sharing },
  outer: string | null
): TypeDecl {
  const name = context.id().getText();
  const fullName = fullNameOf(outer, name);
  const parts = emptyParts();
  for (const declaration of context.classBody().classBodyDeclaration_list())
    parseMember(source, fullName, parts, declaration);
  const superclass = context.typeRef();
  const interfaces = context.typeList();
  return {
    kind: 'class',
    name,
    fullName,
    file: source.file,
    line: lineOf(context),
    modifiers,
    sharing: modifiers.sharing,
    superclass: superclass ? parseType(source, superclass) : null,
    interfaces: interfaces ? parseTypeList(source, interfaces) : [],
    enumValues: [],
    ...parts
  };
}

function parseInterface(
  source: ParseSource,
  context: InterfaceDeclarationContext,
  modifiers: Modifiers & { sharing: Sharing },
  outer: string | null
): TypeDecl {
  const name = context.id().getText();
  const parts = emptyParts();
  for (const method of context.interfaceBody().interfaceMethodDeclaration_list()) {
    const returnType = method.typeRef();
    parts.methods.push({
      name: method.id().getText(),
      params: parseParams(source, method.formalParameters()),
      returnType: returnType ? parseType(source, returnType) : null,
      body: null,
      modifiers: parseModifiers(method.modifier_list()),
      isStatic: false,
      line: lineOf(method)
    });
  }
  const extended = context.typeList();
  return {
    kind: 'interface',
    name,
    fullName: fullNameOf(outer, name),
    file: source.file,
    line: lineOf(context),
    modifiers,
    sharing: modifiers.sharing,
    superclass: null,
    interfaces: extended ? parseTypeList(source, extended) : [],
    enumValues: [],
    ...parts
  };
}

function parseEnum(
  source: ParseSource,
  context: EnumDeclarationContext,
  modifiers: Modifiers & { sharing: Sharing },
  outer: string | null
): TypeDecl {
  const name = context.id().getText();
  return {
    kind: 'enum',
    name,
    fullName: fullNameOf(outer, name),
    file: source.file,
    line: lineOf(context),
    modifiers,
    sharing: null,
    superclass: null,
    interfaces: [],
    enumValues:
      context
        .enumConstants()
        ?.id_list()
        .map((id) => id.getText()) ?? [],
    ...emptyParts()
  };
}

/** Parses the text of one .cls file; throws ApexSourceError on a syntax error. */
export function parseApexFile(file: string, text: string): TypeDecl {
  const source: ParseSource = { file, text };
  let unit;
  try {
    unit = ApexParserFactory.createParser(text, true).compilationUnit();
  } catch (error) {
    if (error instanceof ApexSyntaxError) {
      throw new ApexSourceError(`${file}:${error.line}: syntax error: ${error.message}`);
    }
    throw error;
  }
  const declaration = unit.typeDeclaration();
  const modifiers = parseModifiers(declaration.modifier_list());
  const classDeclaration = declaration.classDeclaration();
  if (classDeclaration) return parseClass(source, classDeclaration, modifiers, null);
  const interfaceDeclaration = declaration.interfaceDeclaration();
  if (interfaceDeclaration) return parseInterface(source, interfaceDeclaration, modifiers, null);
  const enumDeclaration = declaration.enumDeclaration();
  if (enumDeclaration) return parseEnum(source, enumDeclaration, modifiers, null);
  throw new ApexSourceError(`${file}: no class, interface or enum declaration`);
}
