import { SoqlDate, inlineBinds, soqlLiteral, withoutApexAccessMode } from '../soqlLiterals';

describe('SOQL literals for the REST API', () => {
  it('formats each bind type as SOQL expects', () => {
    expect(soqlLiteral(new Date('2026-11-16T12:00:00.250Z'))).toBe('2026-11-16T12:00:00Z');
    expect(soqlLiteral(42)).toBe('42');
    expect(soqlLiteral(true)).toBe('TRUE');
    expect(soqlLiteral(null)).toBe('null');
    expect(soqlLiteral("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'");
    expect(soqlLiteral(['005A', '005B'])).toBe("('005A', '005B')");
    expect(soqlLiteral(new Set(['005A']))).toBe("('005A')");
    expect(soqlLiteral(new SoqlDate('2026-11-23'))).toBe('2026-11-23');
    expect(String(new SoqlDate('2026-11-23'))).toBe('2026-11-23');
    expect(() => new SoqlDate('23/11/2026')).toThrow('Not a calendar date: 23/11/2026');
  });

  it('refuses values SOQL cannot hold', () => {
    expect(() => soqlLiteral([])).toThrow('Cannot bind an empty list');
    expect(() => soqlLiteral(Number.NaN)).toThrow('Cannot bind NaN');
    expect(() => soqlLiteral({})).toThrow('Cannot bind a object');
  });

  it('replaces binds outside strings only and names a missing one', () => {
    expect(
      inlineBinds("SELECT Id FROM User WHERE Name = ':notABind' AND Id IN :ids LIMIT :max", {
        ids: ['005A'],
        max: 5
      })
    ).toBe("SELECT Id FROM User WHERE Name = ':notABind' AND Id IN ('005A') LIMIT 5");
    expect(inlineBinds("SELECT Id FROM User WHERE Name = 'it\\'s :x'", {})).toBe(
      "SELECT Id FROM User WHERE Name = 'it\\'s :x'"
    );
    expect(() => inlineBinds('SELECT Id FROM User WHERE Id = :missing', {})).toThrow(
      'No value for the bind variable :missing.'
    );
  });

  it('drops the Apex-only access mode clause', () => {
    expect(withoutApexAccessMode('SELECT Id FROM User WITH USER_MODE GROUP BY Id')).toBe(
      'SELECT Id FROM User GROUP BY Id'
    );
    expect(withoutApexAccessMode('SELECT Id FROM User WITH SYSTEM_MODE')).toBe(
      'SELECT Id FROM User'
    );
  });
});
