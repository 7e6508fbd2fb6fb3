/**
 * Apex bind variables (`:userIds`). Values are looked up by name as Apex does (case-insensitively,
 * with `a.b` reading a property). LIMIT and OFFSET binds are written into the text before parsing,
 * because the parser only accepts a number there.
 */
import { invalidBind } from './errors';

export type Binds = Readonly<Record<string, unknown>>;

function findKey(record: object, name: string): string | undefined {
  if (Object.hasOwn(record, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(record).find((key) => key.toLowerCase() === lower);
}

/** The value bound to `:name`; a missing variable is an error, as it is a compile error in Apex. */
export function lookupBind(binds: Binds, name: string): unknown {
  const whole = findKey(binds, name);
  if (whole !== undefined) return binds[whole];
  let value: unknown = binds;
  for (const segment of name.split('.')) {
    const key = value !== null && typeof value === 'object' ? findKey(value, segment) : undefined;
    if (key === undefined) throw invalidBind(`Variable does not exist: ${name}`);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const STRING_LITERAL = /'(?:[^'\\]|\\.)*'/g;
const LIMIT_BIND = /\b(LIMIT|OFFSET)(\s*):\s*([A-Za-z_][\w.]*)/gi;

/** Replaces `LIMIT :n` and `OFFSET :n` (outside string literals) with the bound integers. */
export function inlineLimitBinds(soql: string, binds: Binds): string {
  const masked = soql.replace(STRING_LITERAL, (literal) => ' '.repeat(literal.length));
  let result = '';
  let copied = 0;
  for (const match of masked.matchAll(LIMIT_BIND)) {
    const [text, keyword, space, name] = match;
    const value = lookupBind(binds, name);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw invalidBind(`${keyword.toUpperCase()} :${name} must be a non-negative integer`);
    }
    result += soql.slice(copied, match.index) + `${keyword}${space} ${value}`;
    copied = match.index + text.length;
  }
  return result + soql.slice(copied);
}
