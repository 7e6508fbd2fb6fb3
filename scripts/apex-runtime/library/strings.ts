/**
 * The String class (Apex Reference Guide, "String Class"): static methods and the instance methods
 * of a String value. Method names follow Apache Commons StringUtils where Apex borrowed them
 * (abbreviate, leftPad, substringBefore...), and Java String elsewhere (split, compareTo, trim).
 */
import {
  ApexDatetime,
  ApexId,
  ApexList,
  ApexNumber,
  ApexSet,
  typeName,
  type ApexValue
} from '../values';
import { clockText, wallClock } from './calendar';
import type { LibraryContext, StaticMethod } from './context';
import { compareStrings } from './equality';
import { messageFormat } from './messageFormat';
import { javaRegex, javaReplacement, javaSplit } from './regex';
import { stringOf } from './stringOf';
import {
  arity,
  instanceTable,
  integerArg,
  methodTable,
  required,
  stringArg,
  unsupported
} from './support';

export { stringOf } from './stringOf';

const STRING_TYPE = typeName('String');

function stringList(items: string[]): ApexList {
  return new ApexList(STRING_TYPE, items);
}

function integer(value: number): ApexNumber {
  return ApexNumber.integer(value);
}

/** String.valueOf: as concatenation prints, except a Datetime, which is in the user's zone. */
function valueOf(ctx: LibraryContext, value: ApexValue): string {
  if (value instanceof ApexDatetime) return clockText(wallClock(value.epochMillis, ctx.timeZone));
  return stringOf(value);
}

function isBlank(value: ApexValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function isEmpty(value: ApexValue): boolean {
  return value === null || value === '';
}

function join(ctx: LibraryContext, iterable: ApexValue, separator: string): string {
  const present = required(ctx, iterable);
  if (present instanceof ApexList) return present.items.map(stringOf).join(separator);
  if (present instanceof ApexSet)
    return [...present.entries.values()].map(stringOf).join(separator);
  return unsupported('String.join on a non-collection');
}

export const STRING_STATICS = methodTable<StaticMethod>({
  valueOf: (ctx: LibraryContext, args: ApexValue[]) => {
    arity(args, 'String.valueOf', 1);
    return valueOf(ctx, args[0]);
  },
  valueOfGmt: (ctx, args) => {
    arity(args, 'String.valueOfGmt', 1);
    const value = required(ctx, args[0]);
    if (!(value instanceof ApexDatetime)) return unsupported('String.valueOfGmt on a non-Datetime');
    return stringOf(value);
  },
  isBlank: (_ctx, args) => isBlank(args[0]),
  isNotBlank: (_ctx, args) => !isBlank(args[0]),
  isEmpty: (_ctx, args) => isEmpty(args[0]),
  isNotEmpty: (_ctx, args) => !isEmpty(args[0]),
  join: (ctx, args) => {
    arity(args, 'String.join', 2);
    return join(ctx, args[0], stringArg(ctx, args[1], 'String.join'));
  },
  format: (ctx, args) => {
    arity(args, 'String.format', 2);
    const list = required(ctx, args[1]);
    if (!(list instanceof ApexList)) return unsupported('String.format without a List');
    return messageFormat(stringArg(ctx, args[0], 'String.format'), list.items);
  },
  escapeSingleQuotes: (ctx, args) =>
    stringArg(ctx, args[0], 'String.escapeSingleQuotes').replace(/'/g, "\\'"),
  fromCharArray: (ctx, args) => {
    const list = required(ctx, args[0]);
    if (!(list instanceof ApexList)) return unsupported('String.fromCharArray without a List');
    return String.fromCodePoint(
      ...list.items.map((item) => integerArg(ctx, item, 'fromCharArray'))
    );
  }
});

type StringMethod = (ctx: LibraryContext, text: string, args: ApexValue[]) => ApexValue;

/** Java's trim: strips every character up to U+0020 from both ends. */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

function bounded(ctx: LibraryContext, text: string, begin: number, end: number): string {
  if (begin < 0 || begin > text.length) {
    ctx.throwApex('StringException', `Starting position out of bounds: ${begin}`);
  }
  if (end < begin || end > text.length) {
    ctx.throwApex('StringException', `Ending position out of bounds: ${end}`);
  }
  return text.slice(begin, end);
}

function pad(ctx: LibraryContext, text: string, args: ApexValue[], left: boolean): string {
  const length = integerArg(ctx, args[0], 'pad');
  const padding = args.length > 1 ? stringArg(ctx, args[1], 'pad') : ' ';
  const missing = length - text.length;
  if (missing <= 0 || padding === '') return text;
  const fill = padding.repeat(Math.ceil(missing / padding.length)).slice(0, missing);
  return left ? fill + text : text + fill;
}

function lower(text: string): string {
  return text.toLowerCase();
}

const INSTANCE: Record<string, StringMethod> = {
  length: (_ctx, text) => integer(text.length),
  trim: (_ctx, text) => javaTrim(text),
  toLowerCase: (_ctx, text) => lower(text),
  toUpperCase: (_ctx, text) => text.toUpperCase(),
  contains: (ctx, text, args) => text.includes(stringArg(ctx, args[0], 'contains')),
  containsIgnoreCase: (ctx, text, args) =>
    lower(text).includes(lower(stringArg(ctx, args[0], 'containsIgnoreCase'))),
  containsWhitespace: (_ctx, text) => /\s/.test(text),
  startsWith: (ctx, text, args) => text.startsWith(stringArg(ctx, args[0], 'startsWith')),
  startsWithIgnoreCase: (ctx, text, args) =>
    lower(text).startsWith(lower(stringArg(ctx, args[0], 'startsWithIgnoreCase'))),
  endsWith: (ctx, text, args) => text.endsWith(stringArg(ctx, args[0], 'endsWith')),
  endsWithIgnoreCase: (ctx, text, args) =>
    lower(text).endsWith(lower(stringArg(ctx, args[0], 'endsWithIgnoreCase'))),
  equals: (_ctx, text, args) => text === (args[0] instanceof ApexId ? args[0].value : args[0]),
  equalsIgnoreCase: (_ctx, text, args) =>
    typeof args[0] === 'string' && lower(text) === lower(args[0]),
  compareTo: (ctx, text, args) =>
    integer(compareStrings(text, stringArg(ctx, args[0], 'compareTo'))),
  indexOf: (ctx, text, args) =>
    integer(
      text.indexOf(
        stringArg(ctx, args[0], 'indexOf'),
        args.length > 1 ? integerArg(ctx, args[1], 'indexOf') : 0
      )
    ),
  indexOfIgnoreCase: (ctx, text, args) =>
    integer(lower(text).indexOf(lower(stringArg(ctx, args[0], 'indexOfIgnoreCase')))),
  lastIndexOf: (ctx, text, args) =>
    integer(text.lastIndexOf(stringArg(ctx, args[0], 'lastIndexOf'))),
  substring: (ctx, text, args) => {
    arity(args, 'String.substring', 1, 2);
    const begin = integerArg(ctx, args[0], 'substring');
    const end = args.length > 1 ? integerArg(ctx, args[1], 'substring') : text.length;
    return bounded(ctx, text, begin, end);
  },
  mid: (ctx, text, args) => {
    const start = Math.max(integerArg(ctx, args[0], 'mid'), 0);
    return text.slice(start, start + Math.max(integerArg(ctx, args[1], 'mid'), 0));
  },
  left: (ctx, text, args) => text.slice(0, Math.max(integerArg(ctx, args[0], 'left'), 0)),
  right: (ctx, text, args) => {
    const length = Math.max(integerArg(ctx, args[0], 'right'), 0);
    return length === 0 ? '' : text.slice(-length);
  },
  charAt: (ctx, text, args) => {
    const index = integerArg(ctx, args[0], 'charAt');
    if (index < 0 || index >= text.length) {
      ctx.throwApex('StringException', `Index out of bounds: ${index}`);
    }
    return integer(text.charCodeAt(index));
  },
  getChars: (_ctx, text) =>
    new ApexList(
      typeName('Integer'),
      [...text].map((char) => integer(char.codePointAt(0) ?? 0))
    ),
  split: (ctx, text, args) => {
    arity(args, 'String.split', 1, 2);
    const limit = args.length > 1 ? integerArg(ctx, args[1], 'split') : 0;
    return stringList(javaSplit(text, stringArg(ctx, args[0], 'split'), limit));
  },
  replace: (ctx, text, args) =>
    text.split(stringArg(ctx, args[0], 'replace')).join(stringArg(ctx, args[1], 'replace')),
  replaceAll: (ctx, text, args) => {
    const replacement = javaReplacement(stringArg(ctx, args[1], 'replaceAll'));
    const regex = javaRegex(stringArg(ctx, args[0], 'replaceAll'), 'g');
    return text.replace(regex, (...match: unknown[]) => replacement(groupsOf(match)));
  },
  replaceFirst: (ctx, text, args) => {
    const replacement = javaReplacement(stringArg(ctx, args[1], 'replaceFirst'));
    const regex = javaRegex(stringArg(ctx, args[0], 'replaceFirst'));
    return text.replace(regex, (...match: unknown[]) => replacement(groupsOf(match)));
  },
  remove: (ctx, text, args) => text.split(stringArg(ctx, args[0], 'remove')).join(''),
  removeStart: (ctx, text, args) => {
    const prefix = stringArg(ctx, args[0], 'removeStart');
    return prefix !== '' && text.startsWith(prefix) ? text.slice(prefix.length) : text;
  },
  removeStartIgnoreCase: (ctx, text, args) => {
    const prefix = stringArg(ctx, args[0], 'removeStartIgnoreCase');
    return prefix !== '' && lower(text).startsWith(lower(prefix))
      ? text.slice(prefix.length)
      : text;
  },
  removeEnd: (ctx, text, args) => {
    const suffix = stringArg(ctx, args[0], 'removeEnd');
    return suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  },
  removeEndIgnoreCase: (ctx, text, args) => {
    const suffix = stringArg(ctx, args[0], 'removeEndIgnoreCase');
    return suffix !== '' && lower(text).endsWith(lower(suffix))
      ? text.slice(0, -suffix.length)
      : text;
  },
  capitalize: (_ctx, text) => text.charAt(0).toUpperCase() + text.slice(1),
  uncapitalize: (_ctx, text) => text.charAt(0).toLowerCase() + text.slice(1),
  abbreviate: (ctx, text, args) => {
    arity(args, 'String.abbreviate', 1);
    const maxWidth = integerArg(ctx, args[0], 'abbreviate');
    if (maxWidth < 4) ctx.throwApex('StringException', 'Minimum abbreviation width is 4');
    return text.length <= maxWidth ? text : `${text.slice(0, maxWidth - 3)}...`;
  },
  leftPad: (ctx, text, args) => pad(ctx, text, args, true),
  rightPad: (ctx, text, args) => pad(ctx, text, args, false),
  repeat: (ctx, text, args) => {
    arity(args, 'String.repeat', 1, 2);
    const times = Math.max(integerArg(ctx, args[args.length - 1], 'repeat'), 0);
    const separator = args.length > 1 ? stringArg(ctx, args[0], 'repeat') : '';
    return Array.from({ length: times }, () => text).join(separator);
  },
  reverse: (_ctx, text) => [...text].reverse().join(''),
  countMatches: (ctx, text, args) => {
    const part = stringArg(ctx, args[0], 'countMatches');
    return integer(part === '' ? 0 : text.split(part).length - 1);
  },
  isNumeric: (_ctx, text) => /^\p{Nd}+$/u.test(text),
  isAlpha: (_ctx, text) => /^\p{L}+$/u.test(text),
  isAlphanumeric: (_ctx, text) => /^[\p{L}\p{Nd}]+$/u.test(text),
  isAllLowerCase: (_ctx, text) => /^\p{Ll}+$/u.test(text),
  isAllUpperCase: (_ctx, text) => /^\p{Lu}+$/u.test(text),
  normalizeSpace: (_ctx, text) => text.trim().replace(/\s+/g, ' '),
  deleteWhitespace: (_ctx, text) => text.replace(/\s+/g, ''),
  substringBefore: (ctx, text, args) => {
    const separator = stringArg(ctx, args[0], 'substringBefore');
    const index = text.indexOf(separator);
    return index < 0 ? text : text.slice(0, index);
  },
  substringAfter: (ctx, text, args) => {
    const separator = stringArg(ctx, args[0], 'substringAfter');
    const index = text.indexOf(separator);
    return index < 0 ? '' : text.slice(index + separator.length);
  },
  substringBeforeLast: (ctx, text, args) => {
    const separator = stringArg(ctx, args[0], 'substringBeforeLast');
    const index = text.lastIndexOf(separator);
    return index < 0 || separator === '' ? text : text.slice(0, index);
  },
  substringAfterLast: (ctx, text, args) => {
    const separator = stringArg(ctx, args[0], 'substringAfterLast');
    const index = text.lastIndexOf(separator);
    return index < 0 || separator === '' ? '' : text.slice(index + separator.length);
  },
  substringBetween: (ctx, text, args) => {
    const open = stringArg(ctx, args[0], 'substringBetween');
    const close = args.length > 1 ? stringArg(ctx, args[1], 'substringBetween') : open;
    const start = text.indexOf(open);
    const end = start < 0 ? -1 : text.indexOf(close, start + open.length);
    return end < 0 ? null : text.slice(start + open.length, end);
  },
  matches: (ctx, text, args) => {
    const regex = javaRegex(`^(?:${stringArg(ctx, args[0], 'matches')})$`);
    return regex.test(text);
  }
};

function groupsOf(match: unknown[]): string[] {
  // String#replace passes the match and groups first, then offset, input (and named groups).
  const groups = match.slice(
    0,
    match.findIndex((item) => typeof item === 'number')
  );
  return groups.map((group) => (typeof group === 'string' ? group : ''));
}

export const STRING_INSTANCE = instanceTable<string>(INSTANCE);
