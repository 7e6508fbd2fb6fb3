import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { TemplateFormatError, apexStringFormat, templateArity } from '../apexStringFormat';
import { apexSoql, apexStringValue } from '../soqlSources';
import { SOQL_TEMPLATE_SAMPLES } from '../soqlTemplateSamples';
import { expandTemplates } from '../templateStatements';

describe("Apex's String.format", () => {
  it('substitutes {n} placeholders, any number of times', () => {
    expect(apexStringFormat('SELECT {1} FROM {0} GROUP BY {1}', ['Account', 'OwnerId'])).toBe(
      'SELECT OwnerId FROM Account GROUP BY OwnerId'
    );
  });

  it("treats single quotes as MessageFormat does: quoted text is literal, '' is one quote", () => {
    expect(apexStringFormat("WHERE Status = 'Open' AND {0}", ['x'])).toBe(
      'WHERE Status = Open AND x'
    );
    expect(apexStringFormat("WHERE Status = ''Open'' AND {0}", ['x'])).toBe(
      "WHERE Status = 'Open' AND x"
    );
    expect(apexStringFormat("'{0}' {0}", ['x'])).toBe('{0} x');
  });

  it('refuses what it does not emulate or a missing argument', () => {
    expect(() => apexStringFormat('{0,number}', ['1'])).toThrow(TemplateFormatError);
    expect(() => apexStringFormat('{1}', ['a'])).toThrow('{1} has no argument (1 given)');
    expect(() => apexStringFormat('a } b', [])).toThrow("Unmatched '}'");
    expect(() => apexStringFormat('a { b', [])).toThrow('Only {n} placeholders');
  });

  it('knows how many arguments a template takes', () => {
    expect(templateArity('SELECT {0} FROM User WHERE {2}')).toBe(3);
    expect(templateArity("'{5}' and '''' {0}")).toBe(1);
    expect(templateArity('SELECT Id FROM User')).toBe(0);
  });
});

describe('templates in Apex sources', () => {
  const source = [
    'public with sharing class Sample {',
    '  // {0}: a field',
    '  private static final String PAGE_TEMPLATE =',
    "    'SELECT Id, {0} FROM Account ' +",
    "    'WHERE Name != \\'x\\' WITH USER_MODE';",
    "  private static final String NOT_A_QUERY = 'SELECT Id FROM User';",
    '  public List<User> users() { return [SELECT Id FROM User]; }',
    '}'
  ].join('\n');

  it('reads `…_TEMPLATE` constants, joined with +, with Apex escapes decoded', () => {
    expect(apexSoql(source, 'Sample.cls')).toEqual([
      {
        file: 'Sample.cls',
        line: 3,
        soql: "SELECT Id, {0} FROM Account WHERE Name != 'x' WITH USER_MODE",
        template: 'PAGE_TEMPLATE'
      },
      { file: 'Sample.cls', line: 7, soql: 'SELECT Id FROM User', method: 'users' }
    ]);
  });

  it('refuses a template that is not made of string literals', () => {
    const built = source.replace("'WHERE Name", "WHERE_CLAUSE + 'WHERE Name");
    expect(() => apexSoql(built, 'Sample.cls')).toThrow(
      'Sample.cls:3 PAGE_TEMPLATE must be string literals joined with +'
    );
    const subtracted = source.replace("' +\n", "' -\n");
    expect(() => apexSoql(subtracted, 'Sample.cls')).toThrow('PAGE_TEMPLATE must be');
  });

  it('decodes Apex string escapes', () => {
    expect(apexStringValue("'a\\tb\\\\c\\u0041\\q'")).toBe('a\tb\\cA\\q');
  });
});

describe('expanding templates for the schema check', () => {
  const template = {
    file: 'force-app/main/default/classes/Sample.cls',
    line: 3,
    soql: 'SELECT Id, {0} FROM Account ORDER BY {0} {1}',
    template: 'PAGE_TEMPLATE'
  };
  const plain = { file: 'x.ts', line: 1, soql: 'SELECT Id FROM User' };

  it('formats each sample and keeps plain statements', () => {
    const result = expandTemplates([plain, template], {
      'Sample.PAGE_TEMPLATE': [
        ['Name', 'ASC'],
        ['Industry', 'DESC']
      ]
    });
    expect(result.problems).toEqual([]);
    expect(result.statements.map((statement) => statement.soql)).toEqual([
      'SELECT Id FROM User',
      'SELECT Id, Name FROM Account ORDER BY Name ASC',
      'SELECT Id, Industry FROM Account ORDER BY Industry DESC'
    ]);
  });

  it('reports missing samples, wrong argument counts and samples of unknown templates', () => {
    expect(expandTemplates([template], {}).problems).toEqual([
      'force-app/main/default/classes/Sample.cls:3 Sample.PAGE_TEMPLATE has no samples in scripts/checks/soqlTemplateSamples.ts'
    ]);
    expect(
      expandTemplates([template], { 'Sample.PAGE_TEMPLATE': [['Name']], 'Gone.X_TEMPLATE': [[]] })
        .problems
    ).toEqual([
      'force-app/main/default/classes/Sample.cls:3 Sample.PAGE_TEMPLATE sample 1 has 1 arguments; the template takes 2',
      'soqlTemplateSamples.ts names Gone.X_TEMPLATE, which no selector has'
    ]);
  });

  // Parses every Apex class: about 7 s on a busy 2-core machine, past jest's 5 s default.
  it('formats every template of the Apex selectors with its samples, keeping WITH USER_MODE', async () => {
    const dir = path.join(__dirname, '..', '..', '..', 'force-app', 'main', 'default', 'classes');
    const files = (await readdir(dir)).filter((file) => file.endsWith('.cls'));
    const statements = (
      await Promise.all(
        files.map(async (file) => apexSoql(await readFile(path.join(dir, file), 'utf8'), file))
      )
    )
      .flat()
      .filter((statement) => statement.template);
    const result = expandTemplates(statements, SOQL_TEMPLATE_SAMPLES);
    expect(result.problems).toEqual([]);
    expect(result.statements.length).toBeGreaterThanOrEqual(statements.length);
    for (const statement of result.statements) expect(statement.soql).toContain('WITH USER_MODE');
  }, 30_000);
});
