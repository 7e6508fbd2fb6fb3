/**
 * The Apex runtime's values: how a value of each Apex type is held in TypeScript. A test double of
 * the platform (see README.md): the tags below carry the runtime type that Apex arithmetic,
 * equality, collections and JSON depend on.
 *
 * - null → `null`; Boolean → `boolean`; String → `string`.
 * - Integer, Long, Double → `ApexNumber` (Integer wraps at 32 bits, Long at 64 bits as a bigint).
 * - Decimal → `ApexDecimal` (unscaled bigint + scale, so 1.10 keeps its two decimals).
 * - Id → `ApexId` (always 18 characters; compares by value).
 * - Date, Datetime, Time → `ApexDate`, `ApexDatetime`, `ApexTime`.
 * - List/Set/Map → `ApexList`, `ApexSet`, `ApexMap`; SObject → `SObjectValue`; an instance of a class
 *   (including exceptions) → `ApexObject`; an enum constant → `ApexEnumValue`; `Type` → `ApexType`.
 * Collections and objects are mutable and shared by reference, as in Apex.
 */

/** A type as written in source, resolved lazily: `List<Map<String, Integer>>` → name + arguments. */
export interface TypeName {
  /** Dotted name as written, e.g. 'AdoptionDashboardDtos.KpiData', 'Schema.SObjectField'. */
  readonly name: string;
  readonly args: readonly TypeName[];
  /** `Integer[]` is `List<Integer>`: arrays are normalised to List by the parser. */
}

export type ApexValue =
  | null
  | boolean
  | string
  | ApexNumber
  | ApexDecimal
  | ApexId
  | ApexDate
  | ApexDatetime
  | ApexTime
  | ApexList
  | ApexSet
  | ApexMap
  | SObjectValue
  | ApexObject
  | ApexEnumValue
  | ApexType
  | ApexBlob;

export type NumberKind = 'Integer' | 'Long' | 'Double';

/** Integer (32-bit, wraps), Long (64-bit, wraps; held as bigint) or Double (IEEE double). */
export class ApexNumber {
  readonly kind: NumberKind;
  /** Integer and Double: a JS number; Long: a bigint. */
  readonly raw: number | bigint;

  private constructor(kind: NumberKind, raw: number | bigint) {
    this.kind = kind;
    this.raw = raw;
  }

  static integer(value: number | bigint): ApexNumber {
    return new ApexNumber('Integer', Number(BigInt.asIntN(32, BigInt(Math.trunc(Number(value))))));
  }

  static long(value: number | bigint): ApexNumber {
    const big = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
    return new ApexNumber('Long', BigInt.asIntN(64, big));
  }

  static double(value: number): ApexNumber {
    return new ApexNumber('Double', value);
  }

  toNumber(): number {
    return Number(this.raw);
  }
}

/** Decimal: an arbitrary-precision value `unscaled × 10^-scale`; the scale is kept (1.10 ≠ 1.1 textually). */
export class ApexDecimal {
  readonly unscaled: bigint;
  readonly scale: number;

  constructor(unscaled: bigint, scale: number) {
    this.unscaled = unscaled;
    this.scale = scale;
  }

  static fromString(text: string): ApexDecimal {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
      throw new TypeError(`Invalid decimal: ${text}`);
    }
    const fraction = match[3] ?? '';
    const digits = `${match[2] || '0'}${fraction}`;
    const unscaled = BigInt(digits) * (match[1] === '-' ? -1n : 1n);
    return new ApexDecimal(unscaled, fraction.length);
  }

  static fromNumber(value: number): ApexDecimal {
    if (!Number.isFinite(value)) throw new TypeError(`Invalid decimal: ${value}`);
    return ApexDecimal.fromString(
      Number.isInteger(value) ? String(value) : plainDecimalText(value)
    );
  }

  toNumber(): number {
    return Number(this.toString());
  }

  toString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled)
      .toString()
      .padStart(this.scale + 1, '0');
    const whole = this.scale === 0 ? digits : digits.slice(0, -this.scale);
    const fraction = this.scale === 0 ? '' : `.${digits.slice(-this.scale)}`;
    return `${negative ? '-' : ''}${whole}${fraction}`;
  }
}

function plainDecimalText(value: number): string {
  // Number#toString may use exponent notation; toFixed(20) then trimmed keeps a plain form.
  const text = value.toString();
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

const ID_SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** An Id: always held as 18 characters, so a 15-character Id equals its 18-character form. */
export class ApexId {
  readonly value: string;

  constructor(text: string) {
    if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(text)) {
      throw new TypeError(`Invalid id: ${text}`);
    }
    this.value = text.length === 18 ? text : `${text}${idSuffix(text)}`;
  }

  /** The key prefix: the first three characters, which name the object. */
  get prefix(): string {
    return this.value.slice(0, 3);
  }

  toString(): string {
    return this.value;
  }
}

/** The platform's case-safe suffix of a 15-character Id. */
export function idSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let position = 0; position < 5; position++) {
      const char = id15.charAt(block * 5 + position);
      if (char >= 'A' && char <= 'Z') bits |= 1 << position;
    }
    suffix += ID_SUFFIX_CHARS.charAt(bits);
  }
  return suffix;
}

/** A calendar date (no time zone). */
export class ApexDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;

  constructor(year: number, month: number, day: number) {
    this.year = year;
    this.month = month;
    this.day = day;
  }

  /** Days since 1970-01-01, for arithmetic and comparison. */
  toEpochDay(): number {
    return Math.floor(Date.UTC(this.year, this.month - 1, this.day) / 86_400_000);
  }

  static fromEpochDay(epochDay: number): ApexDate {
    const date = new Date(epochDay * 86_400_000);
    return new ApexDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }

  /** 'YYYY-MM-DD' */
  toIsoString(): string {
    return `${String(this.year).padStart(4, '0')}-${String(this.month).padStart(2, '0')}-${String(this.day).padStart(2, '0')}`;
  }
}

/** An instant (milliseconds since the epoch, UTC); calendar views use the running user's time zone. */
export class ApexDatetime {
  readonly epochMillis: number;

  constructor(epochMillis: number) {
    this.epochMillis = epochMillis;
  }
}

/** A time of day in milliseconds since midnight. */
export class ApexTime {
  readonly millisOfDay: number;

  constructor(millisOfDay: number) {
    this.millisOfDay = millisOfDay;
  }
}

export class ApexBlob {
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
}

/** List<T>: `elementType` is the declared element type (for JSON, casts and `instanceof`). */
export class ApexList {
  readonly elementType: TypeName;
  readonly items: ApexValue[];

  constructor(elementType: TypeName, items: ApexValue[] = []) {
    this.elementType = elementType;
    this.items = items;
  }
}

/**
 * Set<T>: elements keyed by `valueKey` (case-sensitive for strings, 18-character Ids), kept in
 * insertion order as Apex iterates them.
 */
export class ApexSet {
  readonly entries = new Map<string, ApexValue>();

  readonly elementType: TypeName;

  constructor(elementType: TypeName) {
    this.elementType = elementType;
  }
}

/** Map<K, V>: entries keyed by `valueKey` of the key, each keeping the original key and its value. */
export class ApexMap {
  readonly entries = new Map<string, { key: ApexValue; value: ApexValue }>();

  readonly keyType: TypeName;
  readonly valueType: TypeName;
  /**
   * Describe maps (Schema.getGlobalDescribe, fields.getMap) hold lower-case String keys and look
   * keys up case-insensitively; every other map is case-sensitive.
   */
  ignoreKeyCase = false;

  constructor(keyType: TypeName, valueType: TypeName) {
    this.keyType = keyType;
    this.valueType = valueType;
  }
}

/**
 * An SObject (or AggregateResult): fields by lower-case API name, each with its schema spelling.
 * `queried` lists the fields a SOQL query selected (lower case): reading any other field of a
 * queried record throws SObjectException, as on the platform. Null for records built in Apex.
 */
export class SObjectValue {
  readonly fields = new Map<string, { name: string; value: ApexValue }>();
  queried: Set<string> | null = null;

  /** The object's API name as the schema spells it ('Account', 'AggregateResult'). */
  readonly sObjectType: string;

  constructor(sObjectType: string) {
    this.sObjectType = sObjectType;
  }
}

/** An instance of an Apex class (a user class, an exception, a DTO). */
export class ApexObject {
  /** Instance fields and property backing values, by lower-case name. */
  readonly fields = new Map<string, ApexValue>();

  /** The class's full name as declared, e.g. 'LoginActivityDtos.LeaderboardEntry'. */
  readonly className: string;

  constructor(className: string) {
    this.className = className;
  }
}

export class ApexEnumValue {
  /** The enum's full name, e.g. 'AdoptionKpiService.Mode' or 'System.AccessLevel'. */
  readonly enumName: string;
  readonly name: string;
  readonly ordinal: number;

  constructor(enumName: string, name: string, ordinal: number) {
    this.enumName = enumName;
    this.name = name;
    this.ordinal = ordinal;
  }
}

/** A `Type` value: `Account.class`, `List<String>.class`, `Type.forName(…)`. */
export class ApexType {
  readonly type: TypeName;

  constructor(type: TypeName) {
    this.type = type;
  }
}

export function typeName(name: string, ...args: TypeName[]): TypeName {
  return { name, args };
}

/**
 * The key of a value inside a Set or Map: strings are case-sensitive, Ids are 18 characters and
 * distinct from strings only by content (an Id and its text form are the same key), numbers compare
 * by value within their kind family, SObjects and objects by content for SObjects (as Apex hashes
 * them) and by identity for class instances without equals/hashCode.
 */
export function valueKey(value: ApexValue, identity: (object: object) => number): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return `b:${value}`;
  if (typeof value === 'string') return `s:${value}`;
  if (value instanceof ApexId) return `s:${value.value}`;
  if (value instanceof ApexNumber) return `n:${value.raw.toString()}`;
  if (value instanceof ApexDecimal) return `n:${value.toNumber()}`;
  if (value instanceof ApexDate) return `d:${value.toIsoString()}`;
  if (value instanceof ApexDatetime) return `t:${value.epochMillis}`;
  if (value instanceof ApexTime) return `h:${value.millisOfDay}`;
  if (value instanceof ApexEnumValue) return `e:${value.enumName.toLowerCase()}.${value.name}`;
  if (value instanceof SObjectValue) {
    const parts = [...value.fields.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([field, entry]) => `${field}=${valueKey(entry.value, identity)}`);
    return `o:${value.sObjectType.toLowerCase()}{${parts.join(',')}}`;
  }
  if (value instanceof ApexList) {
    return `l:[${value.items.map((item) => valueKey(item, identity)).join(',')}]`;
  }
  return `#${identity(value)}`;
}
