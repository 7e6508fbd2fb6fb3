/**
 * The settings twin says what AdoptionSettings.cls says, sentence for sentence, and uses the same
 * defaults; the describe it checks against comes from the demo tables and the Object Reference.
 */
import { generateDemoOrg } from '../../demo/generate';
import { demoDescribe, referenceDescribe } from '../describe';
import { memorySettingsStore } from '../gatewayContext';
import {
  baselineShapeProblem,
  loadSettings,
  populationBinds,
  populationFilter,
  validateSettings
} from '../settings';

const describe_ = demoDescribe(generateDemoOrg({ users: 50, seed: 2 }).tables, {
  User: {
    fields: {
      Country: { type: 'string', properties: ['Filter', 'Sort'] },
      Division: { type: 'string', properties: ['Filter', 'Group', 'Sort'] }
    }
  }
});

describe('settings validation', () => {
  it('uses the defaults for a blank record, without problems', () => {
    const settings = validateSettings({}, describe_);
    expect(settings).toEqual({
      regionField: 'Division',
      populationProfiles: [],
      populationUserTypes: ['Standard'],
      staleDays: 30,
      abandonedDays: 14,
      disqualifiedLeadStatuses: ['Closed - Not Converted'],
      targetsJson: '{}',
      cadencesJson: '{}',
      focusKpis: ['login.rate.7d', 'tasks.pastDue', 'opps.neglected.pastClose'],
      gateFields: ['Opportunity.NextStep', 'Account.Industry'],
      privacyMode: false,
      baselineJson: '{}',
      baselineCapturedOn: null,
      problems: []
    });
    expect(populationFilter(settings)).toBe('IsActive = TRUE AND UserType IN :populationUserTypes');
  });

  it('reads lists trimmed and without repeats, and spells fields as the describe does', () => {
    const settings = validateSettings(
      {
        Region_Field__c: ' department ',
        Population_Profiles__c: 'Sales User, Sales User ,,Sales Manager',
        Population_User_Types__c: ' ',
        Stale_Days__c: 60,
        Quality_Gate_Fields__c: 'opportunity.nextstep,Opportunity.NextStep,Lead.Company',
        Privacy_Mode__c: true,
        Baseline__c: ' {"login.rate.7d":0.5} ',
        Baseline_Captured_On__c: '2026-10-01'
      },
      describe_
    );
    expect(settings).toMatchObject({
      regionField: 'Department',
      populationProfiles: ['Sales User', 'Sales Manager'],
      populationUserTypes: ['Standard'],
      staleDays: 60,
      gateFields: ['Opportunity.NextStep', 'Lead.Company'],
      privacyMode: true,
      baselineJson: '{"login.rate.7d":0.5}',
      baselineCapturedOn: '2026-10-01',
      problems: []
    });
    expect(populationFilter(settings)).toBe(
      'IsActive = TRUE AND UserType IN :populationUserTypes AND Profile.Name IN :populationProfiles'
    );
    expect(populationBinds(settings)).toEqual({
      populationUserTypes: ['Standard'],
      populationProfiles: ['Sales User', 'Sales Manager']
    });
  });

  it('says what is wrong with each invalid setting and uses its default', () => {
    const settings = validateSettings(
      {
        Region_Field__c: 'LastLoginDate',
        Stale_Days__c: -5,
        Abandoned_Days__c: 12.5,
        Targets__c: '{"login.rate.7d":{"target":"high"}}',
        Cadences__c: '{"opps.stageMovement":"daily"}',
        Baseline__c: 'not json',
        Quality_Gate_Fields__c:
          'Opportunity,Nope.Field,Opportunity.Nope,UserRole.Name,Account.Industry'
      },
      describe_
    );
    expect(settings.problems).toEqual([
      'Region field LastLoginDate is a datetime field; it must be a text or picklist field. Using Division.',
      'Stale days is -5; it must be a whole number of days from 1 to 3650. Using 30.',
      'Abandoned days is 12.5; it must be a whole number of days from 1 to 3650. Using 14.',
      'Targets is not in the expected form: the target of login.rate.7d is not a number. It must look like {"login.rate.7d":{"target":0.8,"roles":{"Sales Rep":0.9}}}. Using the catalog targets.',
      'Cadences is not in the expected form: the cadence of opps.stageMovement is "daily", not weekly, everyOtherWeek, monthly or quarterly. It must look like {"opps.stageMovement":"everyOtherWeek"}. Using the catalog cadences.',
      'Quality gate field Opportunity is not written as Object.Field, e.g. Opportunity.NextStep; it is left out.',
      'Quality gate field Nope.Field names object Nope, which does not exist; it is left out.',
      'Quality gate field Opportunity.Nope names field Nope, which Opportunity does not have; it is left out.',
      'Quality gate field UserRole.Name is on an object without owners, and fill rates are counted per owner; it is left out.',
      'Baseline is not in the expected form: it is not valid JSON. It must look like {"login.rate.7d":0.55}. Using no baseline.'
    ]);
    expect(settings).toMatchObject({
      regionField: 'Division',
      staleDays: 30,
      abandonedDays: 14,
      targetsJson: '{}',
      cadencesJson: '{}',
      baselineJson: '{}',
      gateFields: ['Account.Industry']
    });
  });

  it('refuses region fields that are not regions or cannot be grouped', () => {
    const problems = (field: string) =>
      validateSettings({ Region_Field__c: field }, describe_).problems;
    expect(problems('Nope')).toEqual(['Region field Nope is not a field of User. Using Division.']);
    expect(problems('Name')).toEqual([
      'Region field Name is the user name, not a region. Using Division.'
    ]);
    expect(problems('Country')).toEqual([
      'Region field Country cannot be grouped in SOQL. Using Division.'
    ]);
    expect(problems('ManagerId')).toEqual([
      'Region field ManagerId is a reference field; it must be a text or picklist field. Using Division.'
    ]);
    expect(problems('Department')).toEqual([]);
  });

  it('checks the shape of targets and cadences entry by entry', () => {
    const targets = (json: string) =>
      validateSettings({ Targets__c: json }, describe_).problems[0] ?? null;
    expect(targets('{"a":{"target":0.5,"roles":{"Rep":0.9}}}')).toBeNull();
    expect(targets('[1]')).toContain('it is not a JSON object');
    expect(targets('{"a":3}')).toContain('the entry of a is not an object with a target');
    expect(targets('{"a":{"roles":[1]}}')).toContain(
      'the roles of a are not an object of role names and numbers'
    );
    expect(targets('{"a":{"roles":{"Rep":"x"}}}')).toContain(
      'the target of a for Rep is not a number'
    );
    expect(targets('{oops')).toContain('it is not valid JSON');
    expect(validateSettings({ Cadences__c: '{"a":5}' }, describe_).problems[0]).toContain(
      'the cadence of a is 5, not weekly'
    );
    expect(validateSettings({ Cadences__c: 'null' }, describe_).cadencesJson).toBe('null');
  });

  it('describes the baseline problems the settings controller reports', () => {
    expect(baselineShapeProblem(null)).toBeNull();
    expect(baselineShapeProblem('{"a":1,"b":0.5}')).toBeNull();
    expect(baselineShapeProblem('{"a":true}')).toBe('the value of a is not a number');
  });

  it('reports a missing record and a non-number day setting', () => {
    expect(loadSettings(memorySettingsStore(null), describe_).problems).toEqual([
      'The Adoption Settings record named Default is missing; the default settings are used.'
    ]);
    expect(validateSettings({ Stale_Days__c: 'thirty' }, describe_).problems).toEqual([
      'Stale days is thirty; it must be a whole number of days from 1 to 3650. Using 30.'
    ]);
  });
});

describe('schema describe', () => {
  it('finds objects and fields in any case, spelled as the schema spells them', () => {
    const user = describe_.object('user');
    expect(user?.name).toBe('User');
    expect(user?.field('lastlogindate')).toEqual({
      name: 'LastLoginDate',
      type: 'datetime',
      filterable: true,
      groupable: false,
      accessible: true
    });
    expect(describe_.object('Nope')).toBeUndefined();
  });

  it('reads field types and properties from the Object Reference alone for a real org', () => {
    const reference = referenceDescribe({
      Account: {
        fields: {
          NumberOfEmployees: { type: 'int', properties: ['Filter', 'Group'] },
          Description: { type: 'textarea', properties: ['Nillable'] }
        }
      }
    });
    expect(reference.object('account')?.field('numberofemployees')).toMatchObject({
      type: 'integer',
      groupable: true
    });
    expect(reference.object('Account')?.field('Description')).toMatchObject({
      type: 'textarea',
      filterable: false
    });
    expect(reference.object('Account')?.field('Nope')).toBeUndefined();
  });
});
