/** String class: Apex Reference Guide, "String Class". */
import { ApexDatetime, ApexId, ApexList, ApexNumber, ApexSet, typeName } from '../values';
import { call, callStatic, int, testContext } from './libraryFixtures';

const ctx = testContext({ timeZone: 'Europe/Paris' });
const list = (...items: string[]): ApexList => new ApexList(typeName('String'), items);
const items = (value: unknown): unknown[] => (value as ApexList).items;

describe('String static methods', () => {
  it('valueOf prints a Datetime in the user zone and other values as concatenation does', () => {
    const instant = new ApexDatetime(Date.UTC(2026, 6, 1, 10, 0, 0));
    expect(callStatic(ctx, 'String', 'valueOf', instant)).toBe('2026-07-01 12:00:00');
    expect(callStatic(ctx, 'System.String', 'valueOfGmt', instant)).toBe('2026-07-01 10:00:00');
    expect(callStatic(ctx, 'string', 'VALUEOF', int(3))).toBe('3');
    expect(callStatic(ctx, 'String', 'valueOf', null)).toBe('null');
  });

  it('isBlank / isEmpty and their negations', () => {
    expect(callStatic(ctx, 'String', 'isBlank', '  ')).toBe(true);
    expect(callStatic(ctx, 'String', 'isBlank', null)).toBe(true);
    expect(callStatic(ctx, 'String', 'isNotBlank', 'a')).toBe(true);
    expect(callStatic(ctx, 'String', 'isEmpty', ' ')).toBe(false);
    expect(callStatic(ctx, 'String', 'isNotEmpty', ' ')).toBe(true);
  });

  it('join takes a List or a Set', () => {
    expect(callStatic(ctx, 'String', 'join', list('a', 'b'), ', ')).toBe('a, b');
    const set = new ApexSet(typeName('Integer'));
    set.entries.set('n:1', int(1));
    set.entries.set('n:2', int(2));
    expect(callStatic(ctx, 'String', 'join', set, '|')).toBe('1|2');
  });

  it("format follows MessageFormat: a single quote escapes, '' is a quote", () => {
    expect(callStatic(ctx, 'String', 'format', 'SELECT {0} FROM {1}', list('Id', 'User'))).toBe(
      'SELECT Id FROM User'
    );
    expect(callStatic(ctx, 'String', 'format', "Name = ''{0}''", list('x'))).toBe("Name = 'x'");
    expect(callStatic(ctx, 'String', 'format', "'{0}' is {0}", list('x'))).toBe('{0} is x');
    expect(callStatic(ctx, 'String', 'format', '{1}', list('x'))).toBe('{1}');
    expect(() => callStatic(ctx, 'String', 'format', '{0,number}', list('x'))).toThrow(
      'unsupported'
    );
    const numbers = new ApexList(typeName('Object'), [int(1000)]);
    expect(() => callStatic(ctx, 'String', 'format', '{0}', numbers)).toThrow('unsupported');
  });

  it('escapeSingleQuotes and fromCharArray', () => {
    expect(callStatic(ctx, 'String', 'escapeSingleQuotes', "it's")).toBe("it\\'s");
    expect(
      callStatic(
        ctx,
        'String',
        'fromCharArray',
        new ApexList(typeName('Integer'), [int(72), int(105)])
      )
    ).toBe('Hi');
  });
});

describe('String instance methods', () => {
  it('basic queries', () => {
    expect(call(ctx, 'Hello', 'length')).toEqual(int(5));
    expect(call(ctx, ' \tx \n', 'trim')).toBe('x');
    expect(call(ctx, 'AbC', 'toLowerCase')).toBe('abc');
    expect(call(ctx, 'AbC', 'toUpperCase')).toBe('ABC');
    expect(call(ctx, 'Hello', 'contains', 'ell')).toBe(true);
    expect(call(ctx, 'Hello', 'containsIgnoreCase', 'ELL')).toBe(true);
    expect(call(ctx, 'Hello', 'startsWith', 'He')).toBe(true);
    expect(call(ctx, 'Hello', 'endsWith', 'lo')).toBe(true);
    expect(call(ctx, 'Hello', 'startsWithIgnoreCase', 'he')).toBe(true);
    expect(call(ctx, 'Hello', 'endsWithIgnoreCase', 'LO')).toBe(true);
    expect(call(ctx, 'a b', 'containsWhitespace')).toBe(true);
    expect(() => call(ctx, 'Hello', 'contains', null)).toThrow('NullPointerException');
  });

  it('equals is case-sensitive, equalsIgnoreCase is not; compareTo is Java order', () => {
    expect(call(ctx, 'abc', 'equals', 'ABC')).toBe(false);
    expect(call(ctx, 'abc', 'equals', 'abc')).toBe(true);
    const id = new ApexId('001000000000001');
    expect(call(ctx, id.value, 'equals', id)).toBe(true);
    expect(call(ctx, 'abc', 'equalsIgnoreCase', 'ABC')).toBe(true);
    expect((call(ctx, 'a', 'compareTo', 'b') as ApexNumber).toNumber()).toBe(-1);
    expect((call(ctx, 'B', 'compareTo', 'a') as ApexNumber).toNumber()).toBeLessThan(0);
    expect((call(ctx, 'ab', 'compareTo', 'a') as ApexNumber).toNumber()).toBe(1);
  });

  it('indexes and substrings, with StringException out of bounds', () => {
    expect(call(ctx, 'banana', 'indexOf', 'an')).toEqual(int(1));
    expect(call(ctx, 'banana', 'indexOf', 'an', int(2))).toEqual(int(3));
    expect(call(ctx, 'banana', 'lastIndexOf', 'an')).toEqual(int(3));
    expect(call(ctx, 'BaNana', 'indexOfIgnoreCase', 'nan')).toEqual(int(2));
    expect(call(ctx, 'banana', 'substring', int(2))).toBe('nana');
    expect(call(ctx, 'banana', 'substring', int(1), int(3))).toBe('an');
    expect(() => call(ctx, 'abc', 'substring', int(1), int(5))).toThrow(
      'StringException: Ending position out of bounds: 5'
    );
    expect(() => call(ctx, 'abc', 'substring', int(4))).toThrow(
      'Starting position out of bounds: 4'
    );
    expect(call(ctx, 'abcdef', 'mid', int(1), int(2))).toBe('bc');
    expect(call(ctx, 'abc', 'left', int(2))).toBe('ab');
    expect(call(ctx, 'abc', 'left', int(9))).toBe('abc');
    expect(call(ctx, 'abc', 'right', int(2))).toBe('bc');
    expect(call(ctx, 'abc', 'right', int(0))).toBe('');
    expect(call(ctx, 'abc', 'charAt', int(1))).toEqual(int(98));
    expect(() => call(ctx, 'abc', 'charAt', int(3))).toThrow('StringException');
    expect(items(call(ctx, 'Hi', 'getChars'))).toEqual([int(72), int(105)]);
  });

  it('split uses Java regex and drops trailing empty strings (limit 0)', () => {
    expect(items(call(ctx, 'a.b.c', 'split', '\\.'))).toEqual(['a', 'b', 'c']);
    expect(items(call(ctx, 'a,b,,', 'split', ','))).toEqual(['a', 'b']);
    expect(items(call(ctx, ',a', 'split', ','))).toEqual(['', 'a']);
    expect(items(call(ctx, 'a,b,c', 'split', ',', int(2)))).toEqual(['a', 'b,c']);
    expect(items(call(ctx, 'a,b,,', 'split', ',', int(-1)))).toEqual(['a', 'b', '', '']);
    expect(items(call(ctx, '', 'split', ','))).toEqual(['']);
    expect(items(call(ctx, 'abc', 'split', ''))).toEqual(['a', 'b', 'c']);
    expect(() => call(ctx, 'abc', 'split', '\\Aa')).toThrow('unsupported');
  });

  it('replace is literal; replaceAll and replaceFirst use Java regex and $n groups', () => {
    expect(call(ctx, 'a.b.c', 'replace', '.', '-')).toBe('a-b-c');
    expect(call(ctx, 'a1b22', 'replaceAll', '[0-9]+', '#')).toBe('a#b#');
    expect(call(ctx, 'John Smith', 'replaceAll', '(\\w+) (\\w+)', '$2, $1')).toBe('Smith, John');
    expect(call(ctx, 'cost', 'replaceAll', 'cost', '\\$5')).toBe('$5');
    expect(call(ctx, 'aaa', 'replaceFirst', 'a', 'b')).toBe('baa');
    expect(call(ctx, 'ABC', 'replaceAll', '(?i)b', 'x')).toBe('AxC');
    expect(call(ctx, 'abc123', 'matches', '[a-z]+\\d+')).toBe(true);
    expect(call(ctx, 'abc123x', 'matches', '[a-z]+\\d+')).toBe(false);
  });

  it('remove, removeStart/End (and IgnoreCase), capitalize, abbreviate', () => {
    expect(call(ctx, 'banana', 'remove', 'an')).toBe('ba');
    expect(call(ctx, 'Failed.', 'removeEnd', '.')).toBe('Failed');
    expect(call(ctx, 'Failed', 'removeEnd', '.')).toBe('Failed');
    expect(call(ctx, 'File.TXT', 'removeEndIgnoreCase', '.txt')).toBe('File');
    expect(call(ctx, 'preFix', 'removeStart', 'pre')).toBe('Fix');
    expect(call(ctx, 'PREfix', 'removeStartIgnoreCase', 'pre')).toBe('fix');
    expect(call(ctx, 'hello', 'capitalize')).toBe('Hello');
    expect(call(ctx, 'Hello', 'uncapitalize')).toBe('hello');
    expect(call(ctx, 'abcdefgh', 'abbreviate', int(6))).toBe('abc...');
    expect(call(ctx, 'abc', 'abbreviate', int(6))).toBe('abc');
    expect(() => call(ctx, 'abcdef', 'abbreviate', int(3))).toThrow('StringException');
  });

  it('padding, repeat, reverse, counting and character classes', () => {
    expect(call(ctx, '7', 'leftPad', int(3), '0')).toBe('007');
    expect(call(ctx, 'ab', 'rightPad', int(5))).toBe('ab   ');
    expect(call(ctx, 'abc', 'rightPad', int(2))).toBe('abc');
    expect(call(ctx, 'ab', 'repeat', int(3))).toBe('ababab');
    expect(call(ctx, 'ab', 'repeat', '-', int(2))).toBe('ab-ab');
    expect(call(ctx, 'abc', 'reverse')).toBe('cba');
    expect(call(ctx, 'banana', 'countMatches', 'a')).toEqual(int(3));
    expect(call(ctx, '123', 'isNumeric')).toBe(true);
    expect(call(ctx, '', 'isNumeric')).toBe(false);
    expect(call(ctx, 'abC', 'isAlpha')).toBe(true);
    expect(call(ctx, 'ab1', 'isAlphanumeric')).toBe(true);
    expect(call(ctx, 'abc', 'isAllLowerCase')).toBe(true);
    expect(call(ctx, 'ABC', 'isAllUpperCase')).toBe(true);
    expect(call(ctx, '  a   b ', 'normalizeSpace')).toBe('a b');
    expect(call(ctx, ' a b ', 'deleteWhitespace')).toBe('ab');
  });

  it('substringBefore/After(Last) and Between', () => {
    expect(call(ctx, 'a.b.c', 'substringBefore', '.')).toBe('a');
    expect(call(ctx, 'a.b.c', 'substringAfter', '.')).toBe('b.c');
    expect(call(ctx, 'abc', 'substringAfter', '.')).toBe('');
    expect(call(ctx, 'abc', 'substringBefore', '.')).toBe('abc');
    expect(call(ctx, 'a.b.c', 'substringBeforeLast', '.')).toBe('a.b');
    expect(call(ctx, 'a.b.c', 'substringAfterLast', '.')).toBe('c');
    expect(call(ctx, 'x[y]z', 'substringBetween', '[', ']')).toBe('y');
    expect(call(ctx, 'x"y"z', 'substringBetween', '"')).toBe('y');
    expect(call(ctx, 'xyz', 'substringBetween', '[', ']')).toBeNull();
  });
});
