import { apexSoql, typeScriptSoql } from '../soqlSources';

describe('finding SOQL', () => {
  it('takes inline SOQL from Apex with its line, ignoring comments and strings', () => {
    const source = [
      'public with sharing class Sample {',
      '  // [SELECT Id FROM NotReal]',
      "  String text = 'SELECT Id FROM AlsoNotReal';",
      '  List<User> users() {',
      '    return [',
      '      SELECT Id FROM User WHERE Id = :UserInfo.getUserId()',
      '    ];',
      '  }',
      '}'
    ].join('\n');
    expect(apexSoql(source, 'Sample.cls')).toEqual([
      {
        file: 'Sample.cls',
        line: 5,
        soql: 'SELECT Id FROM User WHERE Id = :UserInfo.getUserId()',
        method: 'users'
      }
    ]);
  });

  it('takes SELECT statements from TypeScript string and template literals only', () => {
    const source = [
      "const a = 'SELECT Id FROM User';",
      'const b = `SELECT Name FROM Lead WHERE IsConverted = false`;',
      "const c = 'Selected users from the list';",
      'const d = `SELECT ${field} FROM User`;'
    ].join('\n');
    expect(typeScriptSoql(source, 'x.ts')).toEqual([
      { file: 'x.ts', line: 1, soql: 'SELECT Id FROM User' },
      { file: 'x.ts', line: 2, soql: 'SELECT Name FROM Lead WHERE IsConverted = false' }
    ]);
  });
});
