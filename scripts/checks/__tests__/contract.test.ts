import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  apexDtoShapes,
  apexTypeAsTypeScript,
  contractProblems,
  typeScriptShapes
} from '../apexContract';

const root = path.join(__dirname, '..', '..', '..');
const read = (relative: string): string => readFileSync(path.join(root, relative), 'utf8');

describe('Apex DTOs and the TypeScript contract', () => {
  it('match field for field (LoginActivityDtos ↔ adoptionMetrics/contract.ts)', () => {
    const apex = apexDtoShapes(read('force-app/main/default/classes/LoginActivityDtos.cls'));
    const typeScript = typeScriptShapes(
      read('force-app/main/default/lwc/adoptionMetrics/contract.ts')
    );
    expect([...apex.keys()].sort()).toEqual([
      'LeaderboardEntry',
      'LoginLeaderboard',
      'LoginSummary',
      'SliceCount',
      'WindowCount'
    ]);
    expect(contractProblems(apex, typeScript)).toEqual([]);
  });

  it('reports a renamed, retyped, missing or extra field', () => {
    const apex = apexDtoShapes(`public with sharing class Dtos {
      public class Row {
        @AuraEnabled public Id userId;
        @AuraEnabled public Integer logins;
        @AuraEnabled public String region;
        public String notExposed;
      }
      public class Orphan { @AuraEnabled public Boolean flag; }
    }`);
    const typeScript = typeScriptShapes(
      `export interface Row { userId: string; logins: string; name: string | null; }`
    );
    expect(contractProblems(apex, typeScript)).toEqual([
      'Row.logins: Apex Integer means number, TypeScript says string',
      'Row.region: missing in TypeScript',
      'Row.name: missing in Apex',
      'Orphan: no TypeScript interface of that name'
    ]);
  });

  it('maps Apex types to TypeScript types', () => {
    expect(apexTypeAsTypeScript('Datetime')).toBe('string');
    expect(apexTypeAsTypeScript('Decimal')).toBe('number');
    expect(apexTypeAsTypeScript('List<List<Id>>')).toBe('string[][]');
    expect(apexTypeAsTypeScript('WindowCount')).toBe('WindowCount');
  });
});
