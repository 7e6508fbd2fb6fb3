/**
 * Checks a SOQL statement against the org schema the package relies on: every field exists on its
 * object (following relationship paths like Owner.UserRole.Name), fields in WHERE are filterable,
 * fields in GROUP BY groupable and fields in ORDER BY sortable. Standard objects come from
 * config/schema/standard-objects.json (the Salesforce Object Reference), custom ones from metadata.
 */
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type {
  FieldType,
  FunctionExp,
  Query,
  Subquery,
  WhereClause
} from '@jetstreamapp/soql-parser-js';

/** The parts of a WHERE condition, GROUP BY or ORDER BY item that name fields. */
interface FieldReference {
  field?: string;
  fn?: FunctionExp;
  valueQuery?: Query;
}

export interface FieldDescribe {
  type: string;
  properties: string[];
  referenceTo?: string[];
  relationshipName?: string;
}

export interface ObjectDescribe {
  fields: Record<string, FieldDescribe>;
  /** Where the reference's usage notes restrict filtering further than the per-field properties. */
  filterableFieldsPerUsageNote?: string[];
}

export type Schema = Record<string, ObjectDescribe>;

type Usage = 'select' | 'filter' | 'group' | 'sort';

const REQUIRED_PROPERTY: Record<Usage, string | null> = {
  select: null,
  filter: 'Filter',
  group: 'Group',
  sort: 'Sort'
};

const USAGE_WORD: Record<Usage, string> = {
  select: 'selected',
  filter: 'filtered (WHERE)',
  group: 'grouped (GROUP BY)',
  sort: 'sorted (ORDER BY)'
};

function findKey<T>(record: Record<string, T>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(record).find((key) => key.toLowerCase() === lower);
}

class QueryChecker {
  readonly problems: string[] = [];
  private readonly schema: Schema;

  constructor(schema: Schema) {
    this.schema = schema;
  }

  private objectNamed(name: string): [string, ObjectDescribe] | undefined {
    const key = findKey(this.schema, name);
    return key ? [key, this.schema[key]] : undefined;
  }

  /** Resolves `A.B.Field` from an object; reports and returns false when any step is missing. */
  checkPath(objectName: string, path: string, usage: Usage): void {
    const segments = path.split('.');
    let objects = [objectName];
    for (const [index, segment] of segments.entries()) {
      const isLast = index === segments.length - 1;
      const candidates = objects.flatMap((name) => {
        const entry = this.objectNamed(name);
        return entry ? [entry] : [];
      });
      if (candidates.length === 0) {
        this.problems.push(`${path}: object ${objects.join('/')} is not in the schema`);
        return;
      }
      if (isLast) {
        this.checkField(candidates, segment, path, usage);
        return;
      }
      const next = candidates.flatMap(([, describe]) =>
        Object.values(describe.fields)
          .filter((field) => field.relationshipName?.toLowerCase() === segment.toLowerCase())
          .flatMap((field) => field.referenceTo ?? [])
      );
      if (next.length === 0) {
        this.problems.push(
          `${path}: no relationship "${segment}" on ${candidates.map(([name]) => name).join('/')}`
        );
        return;
      }
      objects = [...new Set(next)];
    }
  }

  private checkField(
    candidates: [string, ObjectDescribe][],
    fieldName: string,
    path: string,
    usage: Usage
  ): void {
    const found = candidates.flatMap(([objectName, describe]) => {
      const key = findKey(describe.fields, fieldName);
      return key ? [{ objectName, describe, key, field: describe.fields[key] }] : [];
    });
    if (found.length === 0) {
      this.problems.push(
        `${path}: no field "${fieldName}" on ${candidates.map(([name]) => name).join('/')}`
      );
      return;
    }
    const property = REQUIRED_PROPERTY[usage];
    if (!property) return;
    const allowed = found.some(({ describe, key, field }) => {
      const restriction = usage === 'filter' ? describe.filterableFieldsPerUsageNote : undefined;
      const inRestriction = restriction
        ? restriction.some((name) => name.toLowerCase() === key.toLowerCase())
        : true;
      return field.properties.includes(property) && inRestriction;
    });
    if (!allowed) {
      this.problems.push(
        `${path}: ${found[0].objectName}.${found[0].key} cannot be ${USAGE_WORD[usage]}`
      );
    }
  }

  checkSelectField(objectName: string, field: FieldType): void {
    switch (field.type) {
      case 'Field':
        this.checkPath(objectName, field.field, 'select');
        return;
      case 'FieldRelationship':
        this.checkPath(objectName, [...field.relationships, field.field].join('.'), 'select');
        return;
      case 'FieldFunctionExpression':
        for (const parameter of field.parameters ?? []) {
          if (typeof parameter === 'string') this.checkPath(objectName, parameter, 'select');
          else this.checkSelectField(objectName, parameter);
        }
        return;
      case 'FieldSubquery':
        this.checkSubquery(objectName, field.subquery);
        return;
      default:
        this.problems.push(
          `unsupported SELECT construct ${field.type}: extend scripts/checks/soqlSchema.ts`
        );
    }
  }

  private checkSubquery(parentObject: string, subquery: Subquery): void {
    this.problems.push(
      `child subquery ${subquery.relationshipName ?? ''} of ${parentObject} is not checked yet: extend scripts/checks/soqlSchema.ts`
    );
  }

  private checkFunction(objectName: string, fn: FunctionExp, usage: Usage): void {
    for (const parameter of fn.parameters ?? []) {
      if (typeof parameter === 'string') this.checkPath(objectName, parameter, usage);
      else this.checkFunction(objectName, parameter, usage);
    }
  }

  private checkReferences(objectName: string, items: FieldReference[], usage: Usage): void {
    for (const item of items) {
      if (item.field) this.checkPath(objectName, item.field, usage);
      if (item.fn) this.checkFunction(objectName, item.fn, usage);
      if (item.valueQuery) this.checkQuery(item.valueQuery);
    }
  }

  private checkWhere(objectName: string, where: WhereClause | undefined): void {
    const conditions: FieldReference[] = [];
    for (
      let clause: WhereClause | undefined = where;
      clause;
      clause = 'right' in clause ? clause.right : undefined
    ) {
      if ('left' in clause && clause.left) conditions.push(clause.left as FieldReference);
    }
    this.checkReferences(objectName, conditions, 'filter');
  }

  checkQuery(query: Query): void {
    const objectName = query.sObject;
    if (!objectName) {
      this.problems.push('query without FROM object');
      return;
    }
    if (!this.objectNamed(objectName)) {
      this.problems.push(`FROM ${objectName}: object is not in the schema`);
      return;
    }
    for (const field of query.fields ?? []) this.checkSelectField(objectName, field);
    this.checkWhere(objectName, query.where);
    const asList = <T>(value: T | T[] | undefined): T[] =>
      value === undefined ? [] : Array.isArray(value) ? value : [value];
    this.checkReferences(objectName, asList(query.groupBy) as FieldReference[], 'group');
    this.checkReferences(objectName, asList(query.orderBy) as FieldReference[], 'sort');
  }
}

/** Problems found in one SOQL statement (empty when it fits the schema). */
export function checkSoql(soql: string, schema: Schema): string[] {
  let query: Query;
  try {
    // Apex allows binds in LIMIT and OFFSET; the parser wants numbers there, and they name no field.
    const parsable = soql.replace(/\b(LIMIT|OFFSET)\s+:\s*[\w.]+/gi, '$1 1');
    query = parseQuery(parsable, { allowApexBindVariables: true });
  } catch (error) {
    return [`SOQL does not parse: ${error instanceof Error ? error.message : String(error)}`];
  }
  const checker = new QueryChecker(schema);
  checker.checkQuery(query);
  return checker.problems;
}
