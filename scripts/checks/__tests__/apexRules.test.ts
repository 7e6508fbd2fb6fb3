import { checkApexRules, formatRuleFinding } from '../apexRules';
import type { RuleFinding } from '../apexRules';

const SOBJECTS = ['Account', 'User', 'LoginHistory', 'Task'];
/** Another class of the package, whose name a variable of A must not take. */
const SELECTOR = {
  file: 'LoginHistorySelector.cls',
  source: 'public virtual without sharing class LoginHistorySelector {}'
};

/** Findings of one rule in class A, as `line message`. */
function findings(rule: string, ...lines: string[]): string[] {
  return checkApexRules([{ file: 'A.cls', source: lines.join('\n') }, SELECTOR], SOBJECTS)
    .filter((finding) => finding.rule === rule && finding.file === 'A.cls')
    .map((finding) => `${finding.line} ${finding.message}`);
}

describe('Apex house rules', () => {
  describe('type-shadowing', () => {
    it('flags every kind of variable named like a type in scope, ignoring case', () => {
      expect(
        findings(
          'type-shadowing',
          'public with sharing class A {',
          '  public enum Mode { FAST }',
          '  private LoginHistorySelector loginHistorySelector;',
          '  public String label { get; set; }',
          '  String render(String json) {',
          '    Mode MODE = Mode.FAST;',
          '    for (User user : users) {}',
          '    try {} catch (Exception exception) {}',
          '    switch on record { when Account account {} when else {} }',
          '    return json;',
          '  }',
          '}'
        )
      ).toEqual([
        "3 field 'loginHistorySelector' hides the type LoginHistorySelector: Apex resolves the variable first, ignoring case",
        "4 property 'label' hides the type Label: Apex resolves the variable first, ignoring case",
        "5 parameter 'json' hides the type JSON: Apex resolves the variable first, ignoring case",
        "6 local variable 'MODE' hides the type Mode: Apex resolves the variable first, ignoring case",
        "7 loop variable 'user' hides the type User: Apex resolves the variable first, ignoring case",
        "8 catch variable 'exception' hides the type Exception: Apex resolves the variable first, ignoring case",
        "9 when variable 'account' hides the type Account: Apex resolves the variable first, ignoring case"
      ]);
    });

    it('stays quiet on names that only contain a type, and on comments and strings', () => {
      expect(
        findings(
          'type-shadowing',
          'public with sharing class A {',
          '  // String json = null;',
          "  String text = 'Map<String, Object> json';",
          '  String render(String jsonText, Id userId) {',
          '    /* Mode mode */ String modeName;',
          '    return jsonText;',
          '  }',
          '}'
        )
      ).toEqual([]);
    });

    it("sees another class's inner types only through their outer class", () => {
      const sources = [
        { file: 'A.cls', source: 'public class A { public enum Mode { FAST } }' },
        { file: 'B.cls', source: 'public class B { void run(A.Mode mode, A a) {} }' }
      ];
      expect(checkApexRules(sources, SOBJECTS).map(formatRuleFinding)).toEqual([
        "B.cls:1 type-shadowing: parameter 'a' hides the type A: Apex resolves the variable first, ignoring case"
      ]);
    });
  });

  describe('field-shadowing', () => {
    it('flags a variable named like a static final constant of its class or an outer class', () => {
      expect(
        findings(
          'field-shadowing',
          'public with sharing class A {',
          '  void validate() {',
          '    Map<String, Object> cadences = new Map<String, Object>();',
          '  }',
          '  private static final Set<String> CADENCES = new Set<String>();',
          '  class Inner {',
          '    void run(String cadences) {}',
          '  }',
          '}'
        )
      ).toEqual([
        "3 local variable 'cadences' hides the constant CADENCES of its class",
        "7 parameter 'cadences' hides the constant CADENCES of its class"
      ]);
    });

    it('leaves a variable named like a field that is not a constant to apex-ls (a warning)', () => {
      expect(
        findings(
          'field-shadowing',
          'public with sharing class A {',
          '  private static String open = null;',
          '  private final String won = null;',
          '  void run() { String open; String won; }',
          '}'
        )
      ).toEqual([]);
    });
  });

  describe('access-mode', () => {
    it('flags inline SOQL without a mode, WITH SECURITY_ENFORCED included', () => {
      expect(
        findings(
          'access-mode',
          'public with sharing class A {',
          '  void run() {',
          '    List<User> a = [SELECT Id FROM User];',
          '    List<User> b = [SELECT Id FROM User WITH SECURITY_ENFORCED];',
          '  }',
          '}'
        )
      ).toEqual([
        '3 inline SOQL without WITH USER_MODE or WITH SYSTEM_MODE (WITH SECURITY_ENFORCED does not count)',
        '4 inline SOQL without WITH USER_MODE or WITH SYSTEM_MODE (WITH SECURITY_ENFORCED does not count)'
      ]);
    });

    it('accepts either mode in any case, and ignores SOQL in comments and strings', () => {
      expect(
        findings(
          'access-mode',
          'public with sharing class A {',
          '  // [SELECT Id FROM User]',
          "  String text = 'SELECT Id FROM User';",
          '  void run() {',
          '    List<User> a = [select Id from User with user_mode];',
          '    List<User> b = [SELECT Id FROM User WITH SYSTEM_MODE];',
          '    Database.QueryLocator c = Database.getQueryLocator([SELECT Id FROM User WITH USER_MODE]);',
          '  }',
          '}'
        )
      ).toEqual([]);
    });

    it('counts the arguments of every dynamic-query method', () => {
      expect(
        findings(
          'access-mode',
          'public with sharing class A {',
          '  void run(String soql, Map<String, Object> binds) {',
          '    Database.query(soql);',
          '    Database.queryWithBinds(soql, binds);',
          '    Database.countQuery(soql);',
          '    System.Database.countQueryWithBinds(soql, binds);',
          '    Database.getQueryLocator(soql);',
          '    Database.getQueryLocatorWithBinds(soql, binds);',
          '    Database.query(soql, AccessLevel.USER_MODE);',
          '    DATABASE.QueryWithBinds(soql, binds, AccessLevel.SYSTEM_MODE);',
          '    Database.countQuery(soql, AccessLevel.USER_MODE);',
          '    Database.insert(records);',
          '    Search.query(soql);',
          '  }',
          '}'
        )
      ).toEqual([
        '3 Database.query without an AccessLevel: pass AccessLevel.USER_MODE or AccessLevel.SYSTEM_MODE as its last argument',
        '4 Database.queryWithBinds without an AccessLevel: pass AccessLevel.USER_MODE or AccessLevel.SYSTEM_MODE as its last argument',
        '5 Database.countQuery without an AccessLevel: pass AccessLevel.USER_MODE or AccessLevel.SYSTEM_MODE as its last argument',
        '6 Database.countQueryWithBinds without an AccessLevel: pass AccessLevel.USER_MODE or AccessLevel.SYSTEM_MODE as its last argument',
        '7 Database.getQueryLocator without an AccessLevel: pass AccessLevel.USER_MODE or AccessLevel.SYSTEM_MODE as its last argument',
        '8 Database.getQueryLocatorWithBinds without an AccessLevel: pass AccessLevel.USER_MODE or AccessLevel.SYSTEM_MODE as its last argument'
      ]);
    });

    it('requires the mode in the text of every SOQL template, not in a quoted value', () => {
      expect(
        findings(
          'access-mode',
          'public with sharing class A {',
          '  private static final String GOOD_TEMPLATE =',
          "    'SELECT Id, {0} FROM User ' + 'WHERE {1} with user_mode';",
          '  private static final String MISSING_TEMPLATE =',
          "    'SELECT Id FROM User WHERE {0}';",
          "  private static final String QUOTED_TEMPLATE = 'SELECT Id FROM User WHERE Name = \\'WITH USER_MODE\\'';",
          "  private static final String LABEL_TEMPLATE = 'Hello {0}';",
          '}'
        )
      ).toEqual([
        '4 MISSING_TEMPLATE has no WITH USER_MODE or WITH SYSTEM_MODE in its SOQL',
        '6 QUOTED_TEMPLATE has no WITH USER_MODE or WITH SYSTEM_MODE in its SOQL'
      ]);
    });
  });

  describe('login-history-system-mode', () => {
    it('accepts a system-mode LoginHistory query whose method says why', () => {
      expect(
        findings(
          'login-history-system-mode',
          'public without sharing class A {',
          "  // System mode by design: other users' LoginHistory needs Manage Users.",
          "  @SuppressWarnings('PMD.ApexCRUDViolation')",
          '  /* sfge-disable-stack ApexFlsViolation */',
          '  public List<AggregateResult> count() {',
          '    return [SELECT UserId, COUNT(Id) n FROM LoginHistory WITH SYSTEM_MODE GROUP BY UserId];',
          '  }',
          '  /*',
          '   * Read in system mode: the caller checks a custom permission.',
          '   */',
          '  private static final String ATTEMPTS_TEMPLATE =',
          "    'SELECT UserId FROM LoginHistory WHERE {0} WITH SYSTEM_MODE';",
          '}'
        )
      ).toEqual([]);
    });

    it('flags a LoginHistory query in user mode or without a mode', () => {
      expect(
        findings(
          'login-history-system-mode',
          'public without sharing class A {',
          '  // System mode: see the class comment.',
          '  public void run() {',
          '    List<LoginHistory> a = [SELECT Id FROM LoginHistory WITH USER_MODE];',
          '    List<LoginHistory> b = [SELECT Id FROM loginhistory];',
          '    List<User> c = [SELECT Id FROM User WITH USER_MODE];',
          '  }',
          '  // System mode: see the class comment.',
          "  private static final String LOGINS_TEMPLATE = 'SELECT Id FROM LoginHistory WHERE {0}';",
          '}'
        )
      ).toEqual([
        '4 a LoginHistory query must say WITH SYSTEM_MODE (found WITH USER_MODE)',
        '5 a LoginHistory query must say WITH SYSTEM_MODE (found no access mode)',
        '9 a LoginHistory query must say WITH SYSTEM_MODE (found no access mode)'
      ]);
    });

    it('flags a method without the reason, or with it too far above or only in a string', () => {
      expect(
        findings(
          'login-history-system-mode',
          'public without sharing class A {',
          '  // System mode by design.',
          '',
          '',
          '',
          '',
          '',
          '  public Integer tooFar() {',
          "    String note = 'System mode';",
          '    return [SELECT COUNT() FROM LoginHistory WITH SYSTEM_MODE];',
          '  }',
          '  // Counts logins.',
          '  public Integer unexplained() {',
          '    return [SELECT COUNT() FROM LoginHistory WITH SYSTEM_MODE];',
          '  }',
          '  public A() {',
          '    Integer n = [SELECT COUNT() FROM LoginHistory WITH SYSTEM_MODE];',
          '  }',
          "  private static final String LOGINS_TEMPLATE = 'SELECT Id FROM LoginHistory WITH SYSTEM_MODE';",
          '}'
        )
      ).toEqual([
        '8 tooFar queries LoginHistory: a comment within the 5 lines above it must say why it runs in System mode',
        '13 unexplained queries LoginHistory: a comment within the 5 lines above it must say why it runs in System mode',
        '16 A queries LoginHistory: a comment within the 5 lines above it must say why it runs in System mode',
        '19 LOGINS_TEMPLATE queries LoginHistory: a comment within the 5 lines above it must say why it runs in System mode'
      ]);
    });
  });

  describe('aggregate-for-loop', () => {
    it('flags a SOQL for loop over an inline aggregate query, in either loop form', () => {
      expect(
        findings(
          'aggregate-for-loop',
          'public with sharing class A {',
          '  void run() {',
          '    for (AggregateResult row : [SELECT OwnerId FROM Task WITH USER_MODE GROUP BY OwnerId]) {}',
          '    for (List<AggregateResult> rows : [SELECT COUNT() FROM User WITH USER_MODE]) {}',
          '    for (AggregateResult row : ([SELECT max(CreatedDate) latest FROM User WITH USER_MODE])) {}',
          '  }',
          '}'
        )
      ).toEqual([
        '3 SOQL for loop over an aggregate query: it throws past 2,000 rows; assign the query to a List first',
        '4 SOQL for loop over an aggregate query: it throws past 2,000 rows; assign the query to a List first',
        '5 SOQL for loop over an aggregate query: it throws past 2,000 rows; assign the query to a List first'
      ]);
    });

    it('follows a dynamic query to the template and literals its SOQL is built from', () => {
      expect(
        findings(
          'aggregate-for-loop',
          'public with sharing class A {',
          '  private static final String COUNT_TEMPLATE =',
          "    'SELECT OwnerId, COUNT({0}) n FROM Account WHERE OwnerId IN :ids WITH USER_MODE GROUP BY OwnerId';",
          '  void run(Map<String, Object> binds) {',
          '    String soql = String.format(COUNT_TEMPLATE, new List<Object>{ field });',
          '    for (',
          '      AggregateResult row : (List<AggregateResult>) Database.queryWithBinds(',
          '        soql,',
          '        binds,',
          '        AccessLevel.USER_MODE',
          '      )',
          '    ) {}',
          '    String counting;',
          "    counting = 'SELECT SUM(Amount) total FROM Opportunity';",
          '    for (AggregateResult row : Database.query(counting, AccessLevel.USER_MODE)) {}',
          '  }',
          '}'
        )
      ).toEqual([
        '7 SOQL for loop over an aggregate query (Database.queryWithBinds): it throws past 2,000 rows; assign the query to a List first',
        '15 SOQL for loop over an aggregate query (Database.query): it throws past 2,000 rows; assign the query to a List first'
      ]);
    });

    it('stays quiet on plain queries, aggregates assigned to a list, and aggregate words in values or comments', () => {
      expect(
        findings(
          'aggregate-for-loop',
          'public with sharing class A {',
          '  void run() {',
          '    List<AggregateResult> rows = [SELECT COUNT(Id) n FROM User WITH USER_MODE];',
          '    for (AggregateResult row : rows) {}',
          "    for (User u : [SELECT Id /* COUNT(Id) */ FROM User WHERE Name = 'SUM(' WITH USER_MODE]) {}",
          '    // for (AggregateResult row : [SELECT COUNT(Id) n FROM User]) {}',
          "    String soql = 'SELECT Id FROM User WHERE Name = \\'GROUP BY\\'';",
          "    soql = soql + ' LIMIT 10';",
          '    for (User u : Database.query(soql, AccessLevel.USER_MODE)) {}',
          '    for (AggregateResult row : selector.countByOwner()) {}',
          '    for (Integer i = 0; i < 3; i++) {}',
          '  }',
          '}'
        )
      ).toEqual([]);
    });
  });

  it('reports a syntax error instead of checking a partial tree', () => {
    const result: RuleFinding[] = checkApexRules(
      [{ file: 'Broken.cls', source: 'public class Broken { void run( { String json; } }' }],
      SOBJECTS
    );
    expect(result.map((finding) => finding.rule)).toContain('syntax');
    expect(result.every((finding) => finding.rule === 'syntax')).toBe(true);
  });

  it('sorts findings by file and line and formats them as file:line rule: message', () => {
    const sources = [
      { file: 'B.cls', source: 'public class B {\n  void run(String json) {}\n}' },
      { file: 'A.cls', source: 'public class A {\n\n  void run(String json) {}\n}' }
    ];
    expect(checkApexRules(sources, []).map(formatRuleFinding)).toEqual([
      "A.cls:3 type-shadowing: parameter 'json' hides the type JSON: Apex resolves the variable first, ignoring case",
      "B.cls:2 type-shadowing: parameter 'json' hides the type JSON: Apex resolves the variable first, ignoring case"
    ]);
  });
});
