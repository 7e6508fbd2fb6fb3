import {
  cadenceFor,
  cadenceWords,
  kpiTargetsFor,
  parseDashboardSettings,
  targetInForce
} from '../dashboardSettings';
import type { ParsedSettings } from '../dashboardSettings';
import type { DashboardSettings } from '../dashboardContract';

function settings(overrides: Partial<DashboardSettings> = {}): DashboardSettings {
  return {
    regionField: 'Division',
    populationProfiles: [],
    populationUserTypes: ['Standard'],
    staleDays: 30,
    abandonedDays: 14,
    disqualifiedLeadStatuses: ['Closed - Not Converted'],
    targetsJson: '',
    cadencesJson: '',
    focusKpis: [],
    gateFields: ['Opportunity.NextStep', 'Account.Industry'],
    privacyMode: false,
    baselineJson: '',
    baselineCapturedOn: null,
    problems: [],
    ...overrides
  };
}

const parse = (overrides: Partial<DashboardSettings>): ParsedSettings =>
  parseDashboardSettings(settings(overrides));

const targets = (json: unknown) => parse({ targetsJson: JSON.stringify(json) });

describe('parseDashboardSettings', () => {
  it('reads valid settings without problems', () => {
    expect(
      parse({
        targetsJson: '{"login.rate.7d":{"target":0.8,"roles":{"Sales Rep":0.9}}}',
        cadencesJson: '{"opps.stageMovement":"everyOtherWeek","tasks.open":"quarterly"}',
        baselineJson: '{"login.rate.7d":0.55,"tasks.pastDue":12}',
        focusKpis: ['login.rate.7d', 'tasks.pastDue', 'opps.neglected.pastClose']
      })
    ).toEqual({
      targets: { 'login.rate.7d': { default: 0.8, byRole: { 'Sales Rep': 0.9 } } },
      cadences: { 'opps.stageMovement': 'everyOtherWeek', 'tasks.open': 'quarterly' },
      baseline: { 'login.rate.7d': 0.55, 'tasks.pastDue': 12 },
      focusKpis: ['login.rate.7d', 'tasks.pastDue', 'opps.neglected.pastClose'],
      problems: []
    });
  });

  it('reads blank JSON settings as empty', () => {
    expect(parse({ targetsJson: '', cadencesJson: '  ', baselineJson: '\n' })).toEqual({
      targets: {},
      cadences: {},
      baseline: {},
      focusKpis: [],
      problems: []
    });
  });

  it('reads null settings from Apex as empty, without throwing', () => {
    const fromApex = {
      ...settings(),
      targetsJson: null,
      cadencesJson: null,
      baselineJson: null,
      focusKpis: null,
      problems: null
    } as unknown as DashboardSettings;
    expect(parseDashboardSettings(fromApex)).toEqual({
      targets: {},
      cadences: {},
      baseline: {},
      focusKpis: [],
      problems: []
    });
  });

  it('keeps Apex’s problems first, then adds its own', () => {
    const stale = 'Stale days is -5; it must be a whole number of days from 1 to 3650. Using 30.';
    expect(parse({ problems: [stale], focusKpis: ['logins'] }).problems).toEqual([
      stale,
      'The Focus KPIs setting names "logins", which is not a KPI id; it is ignored.'
    ]);
  });

  describe('JSON that does not parse or has the wrong shape', () => {
    it('reports bad JSON, naming the setting, and uses the defaults', () => {
      const parsed = parse({ targetsJson: '{"login.rate.7d": {"target": 0.8}' });
      expect(parsed.targets).toEqual({});
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatch(/^Targets is not valid JSON \(.+\); write it like /);
      expect(parsed.problems[0]).toContain(
        'write it like {"login.rate.7d":{"target":0.8,"roles":{"Sales Rep":0.9}}}. Using the defaults.'
      );
    });

    it.each([
      ['cadencesJson', 'Cadences', '{"opps.stageMovement":"everyOtherWeek"}'],
      ['baselineJson', 'Baseline', '{"login.rate.7d":0.55}']
    ])('reports bad JSON in %s', (field, setting, example) => {
      const { problems } = parse({ [field]: 'weekly' });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${setting} is not valid JSON \\(`));
      expect(problems[0]).toContain(`write it like ${example}. Using the defaults.`);
    });

    it.each([['[0.8]'], ['0.8'], ['null'], ['"login.rate.7d"']])(
      'reports %s, which is not an object keyed by KPI id',
      (json) => {
        const parsed = parse({ targetsJson: json, cadencesJson: json, baselineJson: json });
        expect(parsed).toMatchObject({ targets: {}, cadences: {}, baseline: {} });
        expect(parsed.problems).toEqual([
          'Targets must be a JSON object keyed by KPI id, like {"login.rate.7d":{"target":0.8,"roles":{"Sales Rep":0.9}}}. Using the defaults.',
          'Cadences must be a JSON object keyed by KPI id, like {"opps.stageMovement":"everyOtherWeek"}. Using the defaults.',
          'Baseline must be a JSON object keyed by KPI id, like {"login.rate.7d":0.55}. Using the defaults.'
        ]);
      }
    );
  });

  describe('unknown KPI ids', () => {
    it('reports each one, in every setting, and keeps the rest', () => {
      const parsed = parse({
        targetsJson: '{"login.rate.8d":{"target":0.8},"tasks.pastDue":{"target":2}}',
        cadencesJson: '{"opps.stages":"weekly"}',
        baselineJson: '{"logins":0.5}',
        focusKpis: ['tasks.pastDue', 'pastDue']
      });
      expect(parsed.targets).toEqual({ 'tasks.pastDue': { default: 2 } });
      expect(parsed.focusKpis).toEqual(['tasks.pastDue']);
      expect(parsed.problems).toEqual([
        'The Targets setting names "login.rate.8d", which is not a KPI id; it is ignored.',
        'The Cadences setting names "opps.stages", which is not a KPI id; it is ignored.',
        'The Baseline setting names "logins", which is not a KPI id; it is ignored.',
        'The Focus KPIs setting names "pastDue", which is not a KPI id; it is ignored.'
      ]);
    });

    it('knows a gate field’s id by its catalog KPI', () => {
      const parsed = parse({
        targetsJson: '{"quality.fields.fillRate:Opportunity.NextStep":{"target":0.9}}',
        baselineJson: '{"quality.fields.fillRate:Opportunity.NextStep":0.4}',
        focusKpis: ['quality.fields.fillRate:Opportunity.NextStep', 'quality.widgets:Account.Name']
      });
      expect(parsed.targets).toEqual({
        'quality.fields.fillRate:Opportunity.NextStep': { default: 0.9 }
      });
      expect(parsed.baseline).toEqual({ 'quality.fields.fillRate:Opportunity.NextStep': 0.4 });
      expect(parsed.focusKpis).toEqual(['quality.fields.fillRate:Opportunity.NextStep']);
      expect(parsed.problems).toEqual([
        'The Focus KPIs setting names "quality.widgets:Account.Name", which is not a KPI id; it is ignored.'
      ]);
    });
  });

  describe('targets', () => {
    it('refuses a rate target of 1.5 (150%) and uses the catalog’s 80%', () => {
      const parsed = targets({ 'login.rate.7d': { target: 1.5, roles: { 'Sales Rep': 0.9 } } });
      expect(parsed.targets).toEqual({
        'login.rate.7d': { default: 0.8, byRole: { 'Sales Rep': 0.9 } }
      });
      expect(parsed.problems).toEqual([
        'The default target of login.rate.7d is 1.5; it must be a share from 0 to 1 (0.8 for 80%). Using 80%.'
      ]);
    });

    it('refuses a role’s rate target out of range and falls back to the default target', () => {
      const parsed = targets({
        'login.rate.7d': { target: 0.7, roles: { 'Sales Rep': 1.5, Executive: 0.5 } }
      });
      expect(parsed.targets).toEqual({
        'login.rate.7d': { default: 0.7, byRole: { Executive: 0.5 } }
      });
      expect(parsed.problems).toEqual([
        'The "Sales Rep" target of login.rate.7d is 1.5; it must be a share from 0 to 1 (0.8 for 80%). Using 70%.'
      ]);
    });

    it('refuses a negative count target', () => {
      const parsed = targets({
        'tasks.pastDue': { target: -1 },
        'records.accounts.created': { target: -3 }
      });
      expect(parsed.targets).toEqual({
        'tasks.pastDue': { default: 0 },
        'records.accounts.created': { default: null }
      });
      expect(parsed.problems).toEqual([
        'The default target of tasks.pastDue is -1; it must be a number of 0 or more. Using 0.',
        'The default target of records.accounts.created is -3; it must be a number of 0 or more. Using no target.'
      ]);
    });

    it('takes any count of 0 or more, and null for no target', () => {
      expect(
        targets({ 'records.accounts.created': { target: 25 }, 'login.rate.7d': { target: null } })
      ).toEqual(
        expect.objectContaining({
          targets: {
            'records.accounts.created': { default: 25 },
            'login.rate.7d': { default: null }
          },
          problems: []
        })
      );
    });

    it('keeps the catalog’s default when only roles are set', () => {
      expect(targets({ 'login.rate.30d': { roles: { Executive: 0.5 } } }).targets).toEqual({
        'login.rate.30d': { default: 0.9, byRole: { Executive: 0.5 } }
      });
    });

    it('refuses a target that is not a number', () => {
      const parsed = targets({
        'login.rate.7d': { target: '0.8', roles: { Rep: null, Executive: '50%' } }
      });
      expect(parsed.targets).toEqual({ 'login.rate.7d': { default: 0.8, byRole: {} } });
      expect(parsed.problems).toEqual([
        'The default target of login.rate.7d is "0.8"; it must be a number, or null for no target. Using 80%.',
        'The "Rep" target of login.rate.7d is null; it must be a number. Using 80%.',
        'The "Executive" target of login.rate.7d is "50%"; it must be a number. Using 80%.'
      ]);
    });

    it('refuses entries and role lists of the wrong shape', () => {
      const parsed = targets({
        'login.rate.7d': 0.8,
        'login.rate.30d': { target: 0.95, roles: [0.9] }
      });
      expect(parsed.targets).toEqual({ 'login.rate.30d': { default: 0.95 } });
      expect(parsed.problems).toEqual([
        'The targets of login.rate.7d are 0.8; write them like {"login.rate.7d":{"target":0.8,"roles":{"Sales Rep":0.9}}}. Using 80%.',
        'The role targets of login.rate.30d are [0.9]; write them like {"Sales Rep":0.9}. Using 95% for every role.'
      ]);
    });

    it('refuses a target on a KPI that judges nothing', () => {
      const parsed = targets({ 'tasks.open': { target: 10 }, 'login.leaderboard': { target: 1 } });
      expect(parsed.targets).toEqual({});
      expect(parsed.problems).toEqual([
        'tasks.open has no target: it describes rather than judges, so there is nothing to meet. Its target is ignored.',
        'login.leaderboard has no target: it describes rather than judges, so there is nothing to meet. Its target is ignored.'
      ]);
    });

    it('falls back on the target of every gate field when a gate field’s own is wrong', () => {
      const parsed = targets({
        'quality.fields.fillRate:Account.Industry': { target: 2, roles: { Rep: 0.5 } },
        'quality.fields.fillRate:Opportunity.NextStep': 'high',
        'quality.fields.fillRate': { target: 0.75 }
      });
      expect(parsed.targets).toEqual({
        'quality.fields.fillRate': { default: 0.75 },
        'quality.fields.fillRate:Account.Industry': { default: 0.75, byRole: { Rep: 0.5 } }
      });
      expect(parsed.problems).toEqual([
        'The default target of quality.fields.fillRate:Account.Industry is 2; it must be a share from 0 to 1 (0.8 for 80%). Using 75%.',
        'The targets of quality.fields.fillRate:Opportunity.NextStep are "high"; write them like {"login.rate.7d":{"target":0.8,"roles":{"Sales Rep":0.9}}}. Using 75%.'
      ]);
    });

    it('names a gate field’s own target when it is out of range', () => {
      const parsed = targets({ 'quality.fields.fillRate:Account.Industry': { target: 1.2 } });
      expect(parsed.targets).toEqual({
        'quality.fields.fillRate:Account.Industry': { default: null }
      });
      expect(parsed.problems).toEqual([
        'The default target of quality.fields.fillRate:Account.Industry is 1.2; it must be a share from 0 to 1 (0.8 for 80%). Using no target.'
      ]);
    });
  });

  describe('cadences', () => {
    it('refuses an unknown cadence and uses the catalog’s', () => {
      const parsed = parse({
        cadencesJson:
          '{"opps.stageMovement":"fortnightly","login.rate.7d":7,"tasks.open":"monthly"}'
      });
      expect(parsed.cadences).toEqual({ 'tasks.open': 'monthly' });
      expect(parsed.problems).toEqual([
        'The cadence of opps.stageMovement is "fortnightly"; it must be one of weekly, everyOtherWeek, monthly, quarterly. Using every other week.',
        'The cadence of login.rate.7d is 7; it must be one of weekly, everyOtherWeek, monthly, quarterly. Using weekly.'
      ]);
    });

    it('does not take inherited names for cadences', () => {
      expect(parse({ cadencesJson: '{"tasks.open":"toString"}' }).problems).toHaveLength(1);
    });
  });

  describe('baseline', () => {
    it('refuses a rate outside 0–1 and anything that is not a number', () => {
      const parsed = parse({
        baselineJson:
          '{"login.rate.7d":55,"login.rate.30d":-0.1,"tasks.pastDue":"12","pipeline.open":2500000,"opps.wonLost":1}'
      });
      expect(parsed.baseline).toEqual({ 'pipeline.open': 2_500_000, 'opps.wonLost': 1 });
      expect(parsed.problems).toEqual([
        'The baseline of login.rate.7d is 55; it must be a share from 0 to 1 (0.55 for 55%). It is left out until captured again.',
        'The baseline of login.rate.30d is -0.1; it must be a share from 0 to 1 (0.55 for 55%). It is left out until captured again.',
        'The baseline of tasks.pastDue is "12"; it must be a number. It is left out until captured again.'
      ]);
    });
  });

  it('keeps each focus KPI once, in the admin’s order', () => {
    expect(
      parse({ focusKpis: ['tasks.pastDue', 'login.rate.7d', 'tasks.pastDue'] }).focusKpis
    ).toEqual(['tasks.pastDue', 'login.rate.7d']);
  });
});

describe('settings lookups', () => {
  const parsed = parse({
    targetsJson: JSON.stringify({
      'login.rate.7d': { target: 0.7, roles: { 'Sales Rep': 0.9, '(none)': 0.6 } },
      'quality.fields.fillRate': { target: 0.8 },
      'quality.fields.fillRate:Account.Industry': { target: 0.95 }
    }),
    cadencesJson: JSON.stringify({
      'quality.fields.fillRate': 'quarterly',
      'quality.fields.fillRate:Account.Industry': 'weekly'
    })
  });

  it('finds a gate field’s own targets, else its KPI’s, else none', () => {
    expect(kpiTargetsFor('quality.fields.fillRate:Account.Industry', parsed)).toEqual({
      default: 0.95
    });
    expect(kpiTargetsFor('quality.fields.fillRate:Opportunity.NextStep', parsed)).toEqual({
      default: 0.8
    });
    expect(kpiTargetsFor('tasks.pastDue', parsed)).toBeUndefined();
  });

  it('finds the cadence in force', () => {
    expect(cadenceFor('quality.fields.fillRate:Account.Industry', parsed)).toBe('weekly');
    expect(cadenceFor('quality.fields.fillRate:Opportunity.NextStep', parsed)).toBe('quarterly');
    expect(cadenceFor('opps.stageMovement', parsed)).toBe('everyOtherWeek');
    expect(cadenceFor('login.rate.30d', parsed)).toBe('monthly');
  });

  it('words a cadence', () => {
    expect(cadenceWords('everyOtherWeek')).toBe('every other week');
    expect(cadenceWords('quarterly')).toBe('quarterly');
  });

  describe('targetInForce', () => {
    it('is the default target without a role, whatever (none)’s override', () => {
      expect(targetInForce('login.rate.7d', parsed)).toBe(0.7);
    });

    it('is the role’s override, else the default', () => {
      expect(targetInForce('login.rate.7d', parsed, 'Sales Rep')).toBe(0.9);
      expect(targetInForce('login.rate.7d', parsed, 'Executive')).toBe(0.7);
    });

    it('looks a blank role up as (none)', () => {
      expect(targetInForce('login.rate.7d', parsed, null)).toBe(0.6);
      expect(targetInForce('login.rate.7d', parsed, '(none)')).toBe(0.6);
    });

    it('is the catalog’s target without admin targets, and a gate field’s own one', () => {
      expect(targetInForce('login.rate.30d', parsed, 'Sales Rep')).toBe(0.9);
      expect(targetInForce('tasks.pastDue', parsed)).toBe(0);
      expect(targetInForce('records.accounts.created', parsed)).toBeNull();
      expect(targetInForce('quality.fields.fillRate:Account.Industry', parsed)).toBe(0.95);
      expect(targetInForce('quality.fields.fillRate:Opportunity.NextStep', parsed, 'Rep')).toBe(
        0.8
      );
    });
  });
});
