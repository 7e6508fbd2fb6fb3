import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  apexDtoShapes,
  apexTypeAsTypeScript,
  contractProblems,
  mirrorProblems,
  mirroredInterfaces,
  typeScriptShapes
} from '../apexContract';

const root = path.join(__dirname, '..', '..', '..');
const read = (relative: string): string => readFileSync(path.join(root, relative), 'utf8');

describe('Apex DTOs and the TypeScript contract', () => {
  it('match field for field (LoginActivityDtos ↔ adoptionMetrics/contract.ts)', () => {
    const apex = apexDtoShapes(read('force-app/main/default/classes/LoginActivityDtos.cls'));
    const contract = read('force-app/main/default/lwc/adoptionMetrics/contract.ts');
    expect([...apex.keys()].sort()).toEqual([
      'LeaderboardEntry',
      'LoginLeaderboard',
      'LoginSummary',
      'SliceCount',
      'WindowCount'
    ]);
    expect(apex.get('LoginLeaderboard')?.get('privacyMode')).toBe('Boolean');
    expect(contractProblems(apex, typeScriptShapes(contract))).toEqual([]);
    expect(
      mirrorProblems('LoginActivityDtos', apex, mirroredInterfaces(contract, 'LoginActivityDtos'))
    ).toEqual([]);
  });

  it('match field for field (AdoptionDashboardDtos ↔ adoptionMetrics/dashboardContract.ts)', () => {
    const apex = apexDtoShapes(read('force-app/main/default/classes/AdoptionDashboardDtos.cls'));
    const contract = read('force-app/main/default/lwc/adoptionMetrics/dashboardContract.ts');
    const mirrors = mirroredInterfaces(contract, 'AdoptionDashboardDtos');
    expect([...mirrors.keys()].sort()).toEqual([
      'BaselineDeployment',
      'DashboardContext',
      'DashboardSettings',
      'DirectoryUser',
      'KpiData',
      'KpiTallies',
      'LoginTrend',
      'NeglectedRecord',
      'PeoplePage',
      'PersonRow',
      'RecordPage',
      'UserTally',
      'ViewerAudience',
      'WeekCount'
    ]);
    expect(mirrorProblems('AdoptionDashboardDtos', apex, mirrors)).toEqual([]);
    expect(contractProblems(apex, typeScriptShapes(contract))).toEqual([]);
  });

  it('reads string literal unions and aliases of them as strings', () => {
    const shapes = typeScriptShapes(`
      export type Scope = 'self' | 'team';
      export type Count = 1 | 2;
      export interface Page {
        scope: Scope;
        scopes: Scope[] | null;
        direction: 'asc' | 'desc';
        count: Count;
        rows: Row[] | null;
      }`);
    expect(shapes.get('Page')).toEqual(
      new Map([
        ['scope', 'string'],
        ['scopes', 'string[]'],
        ['direction', 'string'],
        ['count', 'Count'],
        ['rows', 'Row[]']
      ])
    );
  });

  it('reports shapes mirrored on one side only', () => {
    const apex = apexDtoShapes(`public with sharing class Dtos {
      public class Row { @AuraEnabled public Id userId; }
      public class Page { @AuraEnabled public List<Row> rows; }
      public class Helper { public Integer notExposed; }
    }`);
    const mirrors = mirroredInterfaces(
      `/** Apex: Dtos.Row — one row. */
      export interface Row { userId: string; }
      /** Apex: Dtos.Pages */
      export interface Page { rows: Row[]; }
      /** Apex: OtherDtos.Total */
      export interface Total { count: number; }
      export interface Unmirrored { flag: boolean; }`,
      'Dtos'
    );
    expect(mirrors).toEqual(
      new Map([
        ['Row', 'Row'],
        ['Page', 'Pages']
      ])
    );
    expect(mirrorProblems('Dtos', apex, mirrors)).toEqual([
      'Page: mirrors Dtos.Pages but is named differently',
      'Page: mirrors Dtos.Pages, which has no @AuraEnabled field',
      'Dtos.Page: no interface says "Apex: Dtos.Page"'
    ]);
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
