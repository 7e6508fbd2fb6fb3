/**
 * A JSON reader that keeps number text (so 1.10 stays a Decimal with scale 2 and 2^40 a Long) and
 * key order. Malformed input raises a JSONException whose message names the character and its
 * line and column, in the form the platform's Jackson parser uses.
 */
export type JsonNode =
  | { kind: 'object'; entries: [string, JsonNode][] }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

export class JsonSyntaxError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t'
};

export function parseJson(text: string): JsonNode {
  let position = 0;

  const fail = (): never => {
    const before = text.slice(0, position).split('\n');
    const where = `[line:${before.length}, column:${before[before.length - 1].length + 1}]`;
    if (position >= text.length) throw new JsonSyntaxError(`Unexpected end-of-input at ${where}`);
    const char = text[position];
    throw new JsonSyntaxError(
      `Unexpected character ('${char}' (code ${char.charCodeAt(0)})) at ${where}`
    );
  };
  const skipSpace = (): void => {
    while (position < text.length && /\s/.test(text[position])) position++;
  };
  const expect = (char: string): void => {
    skipSpace();
    if (text[position] !== char) fail();
    position++;
  };

  const readString = (): string => {
    expect('"');
    let result = '';
    while (position < text.length && text[position] !== '"') {
      const char = text[position++];
      if (char === '\\') {
        const escape = text[position++];
        if (escape === 'u') {
          const hex = text.slice(position, position + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail();
          result += String.fromCharCode(parseInt(hex, 16));
          position += 4;
        } else if (escape !== undefined && escape in ESCAPES) {
          result += ESCAPES[escape];
        } else {
          position--;
          fail();
        }
      } else {
        result += char;
      }
    }
    if (position >= text.length) fail();
    position++;
    return result;
  };

  const readValue = (): JsonNode => {
    skipSpace();
    const char = text[position];
    if (char === '{') {
      position++;
      const entries: [string, JsonNode][] = [];
      skipSpace();
      if (text[position] === '}') {
        position++;
        return { kind: 'object', entries };
      }
      for (;;) {
        const key = readString();
        expect(':');
        entries.push([key, readValue()]);
        skipSpace();
        if (text[position] === '}') break;
        expect(',');
      }
      position++;
      return { kind: 'object', entries };
    }
    if (char === '[') {
      position++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[position] === ']') {
        position++;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(readValue());
        skipSpace();
        if (text[position] === ']') break;
        expect(',');
      }
      position++;
      return { kind: 'array', items };
    }
    if (char === '"') return { kind: 'string', value: readString() };
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }]
    ] as const) {
      if (text.startsWith(word, position)) {
        position += word.length;
        return node;
      }
    }
    NUMBER.lastIndex = position;
    const match = NUMBER.exec(text);
    if (!match) return fail();
    position += match[0].length;
    return { kind: 'number', text: match[0] };
  };

  const value = readValue();
  skipSpace();
  if (position < text.length) fail();
  return value;
}
