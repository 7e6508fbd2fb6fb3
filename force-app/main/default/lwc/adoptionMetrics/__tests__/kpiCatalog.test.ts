import { KPI_CATALOG, kpiDefinition, periodDaysFor } from '../kpiCatalog';
import type { KpiCadence, KpiDefinition } from '../kpiCatalog';

/** Every id of KPI_CATALOG.md, copied by hand from its tables (sections 1–5), with its cadence. */
const EXPECTED_CADENCES: Record<string, KpiCadence> = {
  'login.rate.7d': 'weekly',
  'login.rate.30d': 'monthly',
  'login.inactive.7d': 'weekly',
  'login.inactive.30d': 'monthly',
  'login.never': 'weekly',
  'login.leaderboard': 'weekly',
  'login.days.active': 'weekly',
  'login.trend': 'weekly',
  'records.accounts.created': 'monthly',
  'records.contacts.created': 'monthly',
  'records.contacts.updated': 'monthly',
  'records.opportunities.created': 'weekly',
  'records.activities.created': 'weekly',
  'records.activities.closed': 'monthly',
  'records.cases.created': 'monthly',
  'records.cases.closed': 'monthly',
  'opps.neglected.pastClose': 'weekly',
  'opps.neglected.stale': 'weekly',
  'opps.wonLost': 'weekly',
  'opps.stageMovement': 'everyOtherWeek',
  'leads.abandoned': 'weekly',
  'leads.conversionRate': 'weekly',
  'tasks.pastDue': 'weekly',
  'tasks.open': 'weekly',
  'cases.aged': 'everyOtherWeek',
  'quality.opps.missingAmount': 'monthly',
  'quality.opps.missingCloseDate': 'monthly',
  'quality.accounts.noContact': 'monthly',
  'quality.fields.fillRate': 'monthly',
  'quality.duplicates': 'monthly',
  'pipeline.open': 'everyOtherWeek',
  'pipeline.late': 'everyOtherWeek'
};

const EXPECTED_IDS = Object.keys(EXPECTED_CADENCES);

const EXPECTED_TARGETS: Record<string, number> = {
  'login.rate.7d': 0.8,
  'login.rate.30d': 0.9,
  'login.inactive.7d': 0,
  'login.inactive.30d': 0,
  'login.never': 0,
  'opps.neglected.pastClose': 0,
  'opps.neglected.stale': 0,
  'tasks.pastDue': 0
};

const ids = KPI_CATALOG.map((definition) => definition.id);

describe('KPI_CATALOG', () => {
  it('holds the 32 ids of the catalog, each once, in catalog order', () => {
    expect(EXPECTED_IDS).toHaveLength(32);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(EXPECTED_IDS);
  });

  it('places each KPI in its section', () => {
    const sectionOf = (id: string): number => {
      if (id.startsWith('login.')) return 1;
      if (id.startsWith('records.')) return 2;
      if (/^(opps|leads|tasks|cases)\./.test(id)) return 3;
      if (id.startsWith('quality.')) return 4;
      return 5;
    };
    for (const definition of KPI_CATALOG) {
      expect([definition.id, definition.section]).toEqual([
        definition.id,
        sectionOf(definition.id)
      ]);
    }
    expect(KPI_CATALOG.filter((definition) => definition.section === 5).map((d) => d.id)).toEqual([
      'pipeline.open',
      'pipeline.late'
    ]);
  });

  it('reviews each KPI at the cadence of the catalog', () => {
    expect(
      Object.fromEntries(KPI_CATALOG.map((definition) => [definition.id, definition.cadence]))
    ).toEqual(EXPECTED_CADENCES);
  });

  it('carries the catalog’s default targets, and none where it says —', () => {
    for (const definition of KPI_CATALOG) {
      expect([definition.id, definition.defaultTarget]).toEqual([
        definition.id,
        EXPECTED_TARGETS[definition.id] ?? null
      ]);
    }
  });

  it('gives each KPI a kind and a direction that fit its target', () => {
    expect(kpiDefinition('login.rate.7d')).toMatchObject({
      kind: 'rate',
      direction: 'higherIsBetter'
    });
    expect(kpiDefinition('login.inactive.30d')).toMatchObject({
      kind: 'list',
      direction: 'lowerIsBetter'
    });
    expect(kpiDefinition('login.leaderboard')).toMatchObject({
      kind: 'ranking',
      direction: 'none'
    });
    expect(kpiDefinition('login.trend')).toMatchObject({ kind: 'trend', direction: 'none' });
    expect(kpiDefinition('quality.fields.fillRate')).toMatchObject({
      kind: 'rate',
      direction: 'higherIsBetter'
    });
    expect(kpiDefinition('quality.duplicates')).toMatchObject({
      kind: 'rate',
      direction: 'lowerIsBetter'
    });
    expect(kpiDefinition('pipeline.open')).toMatchObject({
      kind: 'amount',
      direction: 'higherIsBetter'
    });
    expect(kpiDefinition('pipeline.late')).toMatchObject({
      kind: 'rate',
      direction: 'lowerIsBetter'
    });
    const idsWhere = (keep: (definition: KpiDefinition) => boolean): string[] =>
      KPI_CATALOG.filter(keep).map((definition) => definition.id);
    expect(idsWhere((definition) => definition.direction === 'none')).toEqual([
      'login.leaderboard',
      'login.trend',
      'tasks.open'
    ]);
    expect(
      idsWhere((definition) => definition.kind === 'ranking' || definition.kind === 'trend')
    ).toEqual(['login.leaderboard', 'login.trend']);
    expect(
      idsWhere(
        (definition) => definition.defaultTarget === 0 && definition.direction !== 'lowerIsBetter'
      )
    ).toEqual([]);
    expect(
      idsWhere(
        (definition) =>
          definition.kind === 'rate' &&
          definition.defaultTarget !== null &&
          (definition.defaultTarget < 0 || definition.defaultTarget > 1)
      )
    ).toEqual([]);
  });

  it('marks exactly the case KPIs as requiring cases', () => {
    expect(KPI_CATALOG.filter((definition) => definition.requiresCases).map((d) => d.id)).toEqual([
      'records.cases.created',
      'records.cases.closed',
      'cases.aged'
    ]);
    expect(kpiDefinition('cases.aged').objects).toEqual(['Case']);
  });

  it('names the objects each KPI reads; fill rate reads the object the admin picks', () => {
    expect(kpiDefinition('login.rate.7d').objects).toEqual(['LoginHistory', 'User']);
    expect(kpiDefinition('login.never').objects).toEqual(['User']);
    expect(kpiDefinition('quality.accounts.noContact').objects).toEqual(['Account', 'Contact']);
    expect(kpiDefinition('quality.duplicates').objects).toEqual(['DuplicateRecordItem']);
    expect(kpiDefinition('opps.stageMovement').objects).toEqual([
      'Opportunity',
      'OpportunityHistory',
      'OpportunityFieldHistory'
    ]);
    expect(kpiDefinition('quality.fields.fillRate').objects).toEqual([]);
    expect(
      KPI_CATALOG.filter((definition) => definition.objects.length === 0).map((d) => d.id)
    ).toEqual(['quality.fields.fillRate']);
  });

  it('labels each KPI in English, distinctly', () => {
    const labels = KPI_CATALOG.map((definition) => definition.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^[A-Z][A-Za-z0-9 ()%,-]+$/);
    expect(kpiDefinition('login.rate.7d').label).toBe('Login rate (7 days)');
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(KPI_CATALOG)).toBe(true);
    expect(Object.isFrozen(KPI_CATALOG[0])).toBe(true);
    expect(Object.isFrozen(KPI_CATALOG[0].objects)).toBe(true);
  });
});

describe('kpiDefinition', () => {
  it('finds a KPI by id', () => {
    expect(kpiDefinition('tasks.pastDue')).toEqual({
      id: 'tasks.pastDue',
      label: 'Past-due tasks',
      section: 3,
      kind: 'list',
      direction: 'lowerIsBetter',
      cadence: 'weekly',
      defaultTarget: 0,
      objects: ['Task'],
      requiresCases: false
    });
  });

  it('names an unknown id and lists the known ones', () => {
    expect(() => kpiDefinition('login.rate.7days')).toThrow(RangeError);
    expect(() => kpiDefinition('login.rate.7days')).toThrow(
      /^Unknown KPI id "login\.rate\.7days": it is not in the KPI catalog\. Known ids: login\.rate\.7d, login\.rate\.30d, .*pipeline\.late\.$/
    );
    expect(() => kpiDefinition('')).toThrow('Unknown KPI id ""');
  });
});

describe('periodDaysFor', () => {
  it.each([
    ['weekly', 7],
    ['everyOtherWeek', 14],
    ['monthly', 30],
    ['quarterly', 90]
  ] as const)('%s is %i days', (cadence, days) => {
    expect(periodDaysFor(cadence)).toBe(days);
  });

  it('names an unknown cadence', () => {
    expect(() => periodDaysFor('daily' as KpiCadence)).toThrow(
      'Unknown review cadence "daily": use weekly, everyOtherWeek, monthly, quarterly.'
    );
    expect(() => periodDaysFor('toString' as KpiCadence)).toThrow(RangeError);
  });
});
