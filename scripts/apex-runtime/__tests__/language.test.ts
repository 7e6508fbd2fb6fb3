import { ApexCompileError, ApexRuntimeUnsupported } from '../language/errors';
import { ApexThrow } from '../language/exceptions';
import { interpreterFor, runBody } from './languageHelpers';

function thrown(body: string): string {
  try {
    runBody(body);
  } catch (error) {
    if (error instanceof ApexThrow)
      return `${error.exception.className}: ${String(error.exception.fields.get('message'))}`;
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return 'no error';
}

describe('the Apex language core', () => {
  it('computes values in a static method', () => {
    expect(runBody('public static Integer run() { Integer a = 6; return a * 7; }')).toBe('42');
  });

  it('resolves identifiers without regard to case', () => {
    expect(
      runBody(
        'static Integer COUNT = 1; public static Integer run() { Integer total = count; TOTAL += Count; return Total; }'
      )
    ).toBe('2');
  });

  it('resolves a variable before a type of the same name', () => {
    const message = thrown(
      "public static Integer run() { String math = 'x'; return math.abs(-1); }"
    );
    expect(message).toMatch(
      /ApexCompileError: Method does not exist or incorrect signature: abs\(Integer\) from the type String/
    );
    expect(runBody('public static Integer run() { return Math.abs(-1); }')).toBe('1');
  });

  it('wraps Integer and Long arithmetic on overflow', () => {
    expect(
      runBody('public static Integer run() { Integer big = 2147483647; return big + 1; }')
    ).toBe('-2147483648');
    expect(
      runBody('public static Long run() { Long big = 9223372036854775807L; return big + 1; }')
    ).toBe('-9223372036854775808');
  });

  it('compares strings with == ignoring case and with equals exactly', () => {
    expect(
      runBody("public static String run() { return ('Abc' == 'aBC') + ' ' + 'Abc'.equals('aBC'); }")
    ).toBe('true false');
  });

  it('runs try, catch and finally in order, and finally after a return', () => {
    const body = `
      static List<String> log = new List<String>();
      static Integer attempt() { try { log.add('try'); return 1; } finally { log.add('finally'); } }
      public static String run() {
        try { log.add('start'); Integer x = null; x++; } catch (NullPointerException e) { log.add(e.getMessage()); } finally { log.add('cleanup'); }
        attempt();
        return String.join(log, '|');
      }`;
    expect(runBody(body)).toBe('start|Attempt to de-reference a null object|cleanup|try|finally');
  });

  it('throws and catches custom exceptions with the four standard constructors', () => {
    const body = `
      public class AppException extends Exception {}
      public static String run() {
        Exception cause = new AppException('inner');
        try { throw new AppException('outer', cause); }
        catch (Exception e) { return e.getTypeName() + ' ' + e.getMessage() + ' ' + e.getCause().getMessage() + ' ' + e.getLineNumber(); }
      }`;
    expect(runBody(body)).toBe('Main.AppException outer inner 6');
  });

  it('reports List index errors and throwing null with the platform messages', () => {
    expect(
      thrown(
        'public static Object run() { List<Integer> xs = new List<Integer>{ 1 }; return xs[3]; }'
      )
    ).toBe('System.ListException: List index out of bounds: 3');
    expect(thrown('public static void run() { Exception e = null; throw e; }')).toBe(
      'System.NullPointerException: Attempt to de-reference a null object'
    );
  });

  it('switches on Integer, String, enum, null and else', () => {
    const body = `
      enum Size { SMALL, LARGE }
      static String pick(Object value) {
        switch on value {
          when null { return 'null'; }
          when Integer i { return 'int ' + i; }
          when else { return 'other'; }
        }
      }
      static String name(Size size) { switch on size { when SMALL { return 's'; } when LARGE { return 'l'; } } return '?'; }
      static String word(String text) { switch on text { when 'a', 'b' { return 'ab'; } when else { return 'else'; } } }
      public static String run() { return pick(null) + ',' + pick(3) + ',' + pick('x') + ',' + name(Size.LARGE) + ',' + word('b') + ',' + word('A'); }`;
    expect(runBody(body)).toBe('null,int 3,other,l,ab,else');
  });

  it('dispatches overrides, calls super and chains constructors', () => {
    const shapes = {
      Shape: `public virtual class Shape {
        protected String label;
        public Shape() { this('shape'); }
        public Shape(String label) { this.label = label; }
        public virtual String describe() { return label; }
      }`,
      Square: `public class Square extends Shape {
        public Square() { super('square'); }
        public override String describe() { return 'a ' + super.describe(); }
      }`
    };
    const body =
      'public static String run() { Shape plain = new Shape(); Shape square = new Square(); return plain.describe() + ' +
      "', '" +
      ' + square.describe() + (square instanceof Shape); }';
    expect(runBody(body, shapes)).toBe('shape, a squaretrue');
  });

  it('supports enums: values, name, ordinal, valueOf', () => {
    const body = `
      public enum Level { LOW, HIGH }
      public static String run() { return Level.values() + ' ' + Level.HIGH.name() + ' ' + Level.HIGH.ordinal() + ' ' + Level.valueOf('LOW'); }`;
    expect(runBody(body)).toBe('(LOW, HIGH) HIGH 1 LOW');
  });

  it('supports properties with and without bodies', () => {
    const body = `
      public Integer plain { get; set; }
      public Integer doubled { get { return doubled * 2; } set { doubled = value + 1; } }
      public static String run() { Main m = new Main(); m.plain = 2; m.doubled = 4; return m.plain + ' ' + m.doubled; }`;
    expect(runBody(body)).toBe('2 10');
  });

  it('builds and reads Lists, Sets and Maps', () => {
    const body = `
      public static String run() {
        List<String> names = new List<String>{ 'b', 'a' };
        String[] copy = new List<String>(names);
        Set<Integer> unique = new Set<Integer>{ 1, 1, 2 };
        Map<String, Integer> byName = new Map<String, Integer>{ 'a' => 1 };
        Integer total = 0;
        for (Integer each : unique) { total += each; }
        for (String key : byName.keySet()) { total += byName.get(key); }
        Integer i = 0;
        while (i < 3) { i++; if (i == 2) { continue; } }
        do { i--; } while (i > 0);
        return copy.size() + ' ' + unique.size() + ' ' + total + ' ' + i;
      }`;
    expect(runBody(body)).toBe('2 2 4 0');
  });

  it('does not let catch (Exception e) catch a LimitException', () => {
    const body = `
      static Integer depth(Integer n) { return depth(n + 1); }
      public static String run() { try { depth(0); } catch (Exception e) { return 'caught'; } return 'not reached'; }`;
    expect(thrown(body)).toMatch(/^System.LimitException: Maximum stack depth reached: \d+$/);
  });

  it('checks casts at run time', () => {
    expect(
      thrown("public static Object run() { Object value = 'text'; return (Integer) value; }")
    ).toMatch(/TypeException: Invalid conversion from runtime type String to Integer/);
  });

  it('resets static state between transactions but keeps it within one', () => {
    const sources = {
      Counter:
        'public class Counter { static Integer calls = 0; public static Integer next() { calls++; return calls; } }'
    };
    const interp = interpreterFor(sources);
    interp.callStatic('Counter', 'next');
    expect(String(interp.callStatic('Counter', 'next'))).not.toBe('1');
    interp.resetStatics();
    expect(interp.callStatic('Counter', 'next')).toEqual(interp.integer(1));
  });

  it('refuses constructs it does not support with file and line', () => {
    expect(() =>
      runBody(
        "public static Object run() {\n return [FIND 'x' IN ALL FIELDS RETURNING Account];\n}"
      )
    ).toThrow(ApexRuntimeUnsupported);
    expect(() => runBody('public static Object run() { return nothing; }')).toThrow(
      /unsupported: name nothing at Main.cls:\d+/
    );
    expect(() => runBody('public static Object run() { return missing(); }')).toThrow(
      ApexCompileError
    );
  });

  it('counts executed statements for Limits.getCpuTime and the statement limit', () => {
    const interp = interpreterFor({
      Main: 'public class Main { public static void run() { for (Integer i = 0; i < 10; i++) { Integer x = i; } } }'
    });
    interp.callStatic('Main', 'run');
    expect(interp.governor.counters.statements).toBeGreaterThan(10);
  });
});

// Apex Developer Guide, "Safe Navigation Operator": "If the left-hand-side of the chain expression
// evaluates to null, the right-hand-side isn't evaluated": a[x]?.aMethod().aField is null when a[x]
// is; a[x].aMethod()?.aField still throws when a[x] is null.
describe('safe navigation', () => {
  it('skips the rest of the chain when the left-hand side is null', () => {
    const body = `
      public class Box { public Box inner; public String label; public Box next() { return inner; } }
      public static String run() {
        Box empty = null;
        Box shell = new Box();
        List<Box> boxes = new List<Box>{ null, shell };
        Map<String, Box> byName = new Map<String, Box>();
        String a = empty?.inner.label;
        String b = empty?.next().next().label;
        Integer c = empty?.label.length();
        String d = boxes[0]?.next().label;
        String e = byName.get('x')?.inner.inner.label;
        String f = (empty?.inner.label) + '!';
        String g;
        try { g = shell.next()?.label; g = shell.next().inner?.label; } catch (NullPointerException npe) { g = 'npe'; }
        return a + ' ' + b + ' ' + c + ' ' + d + ' ' + e + ' ' + f + ' ' + g;
      }`;
    expect(runBody(body)).toBe('null null null null null null! npe');
  });
});
