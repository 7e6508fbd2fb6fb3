/**
 * Apex bind variables as SOQL literals, for the REST API (which has no binds), and the removal of
 * Apex-only clauses. Binds are replaced outside string literals only.
 */
/**
 * An Apex `Date` bind (a calendar date, no time): SOQL writes it unquoted (`CloseDate < 2026-11-23`),
 * unlike text. The demo engine takes its 'YYYY-MM-DD' string.
 */
export class SoqlDate {
  readonly value: string;

  constructor(value: string) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`Not a calendar date: ${value}`);
    this.value = value;
  }

  toString(): string {
    return this.value;
  }
}

export function soqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof SoqlDate) return value.value;
  if (value instanceof Date) {
    // SOQL datetime literals carry whole seconds.
    return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot bind ${value} in SOQL.`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value) || value instanceof Set) {
    const items = [...value];
    if (items.length === 0)
      throw new RangeError('Cannot bind an empty list in SOQL: skip the query instead.');
    return `(${items.map(soqlLiteral).join(', ')})`;
  }
  throw new TypeError(`Cannot bind a ${typeof value} in SOQL.`);
}

/** Replaces `:name` binds outside quoted strings with literals; an unknown bind is an error. */
export function inlineBinds(soql: string, binds: Record<string, unknown>): string {
  let result = '';
  let inString = false;
  for (let index = 0; index < soql.length; index += 1) {
    const character = soql[index];
    if (inString) {
      result += character;
      if (character === '\\') {
        result += soql[index + 1] ?? '';
        index += 1;
      } else if (character === "'") inString = false;
      continue;
    }
    if (character === "'") {
      inString = true;
      result += character;
      continue;
    }
    const bind = character === ':' ? /^:\s*([A-Za-z_]\w*)/.exec(soql.slice(index)) : null;
    if (bind) {
      if (!Object.hasOwn(binds, bind[1]))
        throw new Error(`No value for the bind variable :${bind[1]}.`);
      result += soqlLiteral(binds[bind[1]]);
      index += bind[0].length - 1;
      continue;
    }
    result += character;
  }
  return result;
}

/** WITH USER_MODE / SYSTEM_MODE are Apex-only; the REST API always runs as the authenticated user. */
export function withoutApexAccessMode(soql: string): string {
  return soql.replace(/\s+WITH\s+(USER_MODE|SYSTEM_MODE)\b/gi, '');
}
