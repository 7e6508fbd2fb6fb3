/**
 * The schema describe the twin validates settings against (Apex: Schema.SObjectType…getDescribe):
 * which objects and fields exist, their display type, and whether they can be filtered, grouped
 * and read. Names are looked up case-insensitively and reported as the schema spells them, as the
 * describe does. For the demo org it lists what the demo tables hold, with the filter/group
 * properties of the Object Reference (config/schema/standard-objects.json); for a real org reached
 * through REST, the Object Reference alone.
 */
import type { FieldType, SObjectTable } from '../demo/model';
import type { Schema } from '../checks/soqlSchema';

export interface FieldDescribe {
  /** The API name as the schema spells it. */
  name: string;
  /** Schema.DisplayType's name in lower case: string, picklist, datetime, reference, … */
  type: string;
  filterable: boolean;
  groupable: boolean;
  accessible: boolean;
}

export interface ObjectDescribe {
  name: string;
  accessible: boolean;
  /** A field by API name, any case. */
  field(name: string): FieldDescribe | undefined;
}

export interface SchemaDescribe {
  /** An object by API name, any case. */
  object(name: string): ObjectDescribe | undefined;
}

/** Demo field types as Schema.DisplayType names. */
const DISPLAY_TYPES: Record<FieldType, string> = {
  id: 'id',
  reference: 'reference',
  string: 'string',
  picklist: 'picklist',
  email: 'email',
  boolean: 'boolean',
  int: 'integer',
  double: 'double',
  currency: 'currency',
  percent: 'percent',
  date: 'date',
  datetime: 'datetime'
};

/** Types SOQL cannot group by when the Object Reference does not say. */
const NOT_GROUPABLE = new Set(['datetime', 'double', 'currency', 'percent']);

function byLowerName<T>(entries: [string, T][]): Map<string, [string, T]> {
  return new Map(entries.map(([name, value]) => [name.toLowerCase(), [name, value]]));
}

function objectDescribe(
  name: string,
  fields: Map<string, [string, Omit<FieldDescribe, 'name'>]>
): ObjectDescribe {
  return {
    name,
    accessible: true,
    field: (fieldName) => {
      const entry = fields.get(fieldName.toLowerCase());
      return entry ? { name: entry[0], ...entry[1] } : undefined;
    }
  };
}

/** The demo org's describe: its tables, with the Object Reference's field properties. */
export function demoDescribe(
  tables: Readonly<Record<string, SObjectTable>>,
  reference: Schema
): SchemaDescribe {
  const objects = byLowerName(
    Object.entries(tables).map(([name, table]): [string, ObjectDescribe] => {
      const documented = reference[name]?.fields ?? {};
      const fields = Object.entries(table.fields).map(
        ([fieldName, spec]): [string, Omit<FieldDescribe, 'name'>] => {
          const type = DISPLAY_TYPES[spec.type];
          const properties = documented[fieldName]?.properties;
          return [
            fieldName,
            {
              type,
              filterable: properties ? properties.includes('Filter') : true,
              groupable: properties ? properties.includes('Group') : !NOT_GROUPABLE.has(type),
              accessible: true
            }
          ];
        }
      );
      return [name, objectDescribe(name, byLowerName(fields))];
    })
  );
  return { object: (name) => objects.get(name.toLowerCase())?.[1] };
}

/** A describe from the Object Reference alone (for an org reached through REST). */
export function referenceDescribe(reference: Schema): SchemaDescribe {
  const objects = byLowerName(
    Object.entries(reference).map(([name, object]): [string, ObjectDescribe] => {
      const fields = Object.entries(object.fields).map(
        ([fieldName, field]): [string, Omit<FieldDescribe, 'name'>] => [
          fieldName,
          {
            type: field.type.toLowerCase() === 'int' ? 'integer' : field.type.toLowerCase(),
            filterable: field.properties.includes('Filter'),
            groupable: field.properties.includes('Group'),
            accessible: true
          }
        ]
      );
      return [name, objectDescribe(name, byLowerName(fields))];
    })
  );
  return { object: (name) => objects.get(name.toLowerCase())?.[1] };
}
