/**
 * The twin of AdoptionSettings.cls: the Default Adoption_Settings__mdt record, validated with the
 * same rules and the same sentences. A blank value takes its default; an invalid one takes its
 * default too and adds a sentence to `problems`. Never throws. Keep it in step with the Apex class.
 */
import type { DashboardSettings } from '../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import type { ObjectDescribe, SchemaDescribe } from './describe';
import type { SettingsRecord, SettingsStore } from './gatewayContext';

export const DEFAULT_REGION_FIELD = 'Division';
export const DEFAULT_USER_TYPES = ['Standard'];
export const DEFAULT_STALE_DAYS = 30;
export const DEFAULT_ABANDONED_DAYS = 14;
export const DEFAULT_DISQUALIFIED_STATUSES = ['Closed - Not Converted'];
export const DEFAULT_FOCUS_KPIS = ['login.rate.7d', 'tasks.pastDue', 'opps.neglected.pastClose'];
export const DEFAULT_GATE_FIELDS = ['Opportunity.NextStep', 'Account.Industry'];
export const CADENCES = ['weekly', 'everyOtherWeek', 'monthly', 'quarterly'];

const EMPTY_JSON = '{}';
const MIN_DAYS = 1;
const MAX_DAYS = 3650;

/** The validated settings: exactly the contract's DashboardSettings, as AdoptionSettings.cls returns them. */
export type AdoptionSettings = DashboardSettings;

type Json = unknown;
type Parsed = { ok: true; value: Json } | { ok: false };

function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

function text(value: unknown): string | null {
  return isBlank(value) ? null : String(value);
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: Json): boolean {
  return typeof value === 'number';
}

/** JSON.deserializeUntyped of a text setting: null for blank. */
function parseJson(json: string | null): Parsed {
  if (json === null || json.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(json) as Json };
  } catch {
    return { ok: false };
  }
}

/** The problem with a JSON setting that must be an object, or null; `entries` checks its values. */
function objectShapeProblem(
  json: string | null,
  entryProblem: (key: string, value: Json) => string | null
): string | null {
  const parsed = parseJson(json);
  if (!parsed.ok) return 'it is not valid JSON';
  if (!isObject(parsed.value)) return parsed.value === null ? null : 'it is not a JSON object';
  for (const [key, value] of Object.entries(parsed.value)) {
    const problem = entryProblem(key, value);
    if (problem !== null) return problem;
  }
  return null;
}

/** Why a baseline is not a JSON object of KPI ids and numbers (AdoptionSettings.baselineShapeProblem). */
export function baselineShapeProblem(json: string | null): string | null {
  return objectShapeProblem(json, (kpiId, value) =>
    isNumber(value) ? null : `the value of ${kpiId} is not a number`
  );
}

function targetProblem(kpiId: string, target: Json): string | null {
  if (!isObject(target)) return `the entry of ${kpiId} is not an object with a target`;
  if ('target' in target && !isNumber(target.target)) {
    return `the target of ${kpiId} is not a number`;
  }
  if (!('roles' in target)) return null;
  const roles = target.roles;
  if (!isObject(roles)) {
    return `the roles of ${kpiId} are not an object of role names and numbers`;
  }
  for (const [role, value] of Object.entries(roles)) {
    if (!isNumber(value)) return `the target of ${kpiId} for ${role} is not a number`;
  }
  return null;
}

function cadenceProblem(kpiId: string, cadence: Json): string | null {
  if (typeof cadence === 'string' && CADENCES.includes(cadence)) return null;
  return `the cadence of ${kpiId} is ${JSON.stringify(cadence)}, not weekly, everyOtherWeek, monthly or quarterly`;
}

/** The comma-separated values of a text setting, trimmed, without blanks or repeats. */
function listOf(value: unknown, defaults: readonly string[]): string[] {
  const values: string[] = [];
  for (const part of (text(value) ?? '').split(',')) {
    const item = part.trim();
    if (item !== '' && !values.includes(item)) values.push(item);
  }
  return values.length === 0 ? [...defaults] : values;
}

/** Decimal.toPlainString(): no exponent. */
function plainString(value: number): string {
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Apex String.split: a regex split that drops trailing empty strings. */
function splitDropTrailing(value: string, separator: string): string[] {
  const parts = value.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

class SettingsValidator {
  readonly problems: string[];
  private readonly describe: SchemaDescribe;

  constructor(describe: SchemaDescribe, problems: string[]) {
    this.describe = describe;
    this.problems = problems;
  }

  json(
    label: string,
    json: string | null,
    shapeProblem: string | null,
    example: string,
    fallback: string
  ): string {
    if (json === null || json.trim() === '') return EMPTY_JSON;
    if (shapeProblem === null) return json.trim();
    this.problems.push(
      `${label} is not in the expected form: ${shapeProblem}. It must look like ${example}. Using ${fallback}.`
    );
    return EMPTY_JSON;
  }

  days(label: string, value: unknown, defaultDays: number): number {
    if (value === null || value === undefined) return defaultDays;
    if (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= MIN_DAYS &&
      value <= MAX_DAYS
    ) {
      return value;
    }
    const shown = typeof value === 'number' ? plainString(value) : String(value);
    this.problems.push(
      `${label} is ${shown}; it must be a whole number of days from ${MIN_DAYS} to ${MAX_DAYS}. Using ${defaultDays}.`
    );
    return defaultDays;
  }

  regionField(configured: unknown): string {
    const value = text(configured);
    if (value === null) return DEFAULT_REGION_FIELD;
    const name = value.trim();
    const field = this.describe.object('User')?.field(name);
    let problem: string | null;
    if (!field) problem = 'is not a field of User';
    else if (field.type !== 'string' && field.type !== 'picklist') {
      problem = `is a ${field.type} field; it must be a text or picklist field`;
    } else if (field.name === 'Name') problem = 'is the user name, not a region';
    else if (!field.groupable) problem = 'cannot be grouped in SOQL';
    else if (!field.accessible) {
      problem = 'is not readable for you; ask your Salesforce admin for access to it';
    } else problem = null;
    if (problem === null && field) return field.name;
    this.problems.push(`Region field ${name} ${problem}. Using ${DEFAULT_REGION_FIELD}.`);
    return DEFAULT_REGION_FIELD;
  }

  gateFields(configured: unknown): string[] {
    const valid: string[] = [];
    for (const gateField of listOf(configured, DEFAULT_GATE_FIELDS)) {
      const spelled = this.gateField(gateField);
      if (spelled !== null && !valid.includes(spelled)) valid.push(spelled);
    }
    return valid;
  }

  private gateField(gateField: string): string | null {
    const parts = splitDropTrailing(gateField, '.');
    let problem: string | null;
    let object: ObjectDescribe | undefined;
    let fieldName = '';
    if (parts.length !== 2) {
      problem = 'is not written as Object.Field, e.g. Opportunity.NextStep';
    } else {
      object = this.describe.object(parts[0]);
      const field = object?.field(parts[1]);
      fieldName = field?.name ?? '';
      if (!object) problem = `names object ${parts[0]}, which does not exist`;
      else if (!object.field('OwnerId')) {
        problem = 'is on an object without owners, and fill rates are counted per owner';
      } else if (!field) problem = `names field ${parts[1]}, which ${parts[0]} does not have`;
      else if (!field.filterable) problem = 'cannot be counted in SOQL (it is not filterable)';
      else if (!object.accessible || !field.accessible) {
        problem = 'is not readable for you; ask your Salesforce admin for access to it';
      } else problem = null;
    }
    if (problem === null && object) return `${object.name}.${fieldName}`;
    this.problems.push(`Quality gate field ${gateField} ${problem}; it is left out.`);
    return null;
  }
}

/** Validates a record (null: every default); `problems` found so far are kept first. */
export function validateSettings(
  record: SettingsRecord | null,
  describe: SchemaDescribe,
  problems: string[] = []
): AdoptionSettings {
  const source = record ?? {};
  const check = new SettingsValidator(describe, [...problems]);
  const targets = text(source.Targets__c);
  const cadences = text(source.Cadences__c);
  const baseline = text(source.Baseline__c);
  const settings: Omit<AdoptionSettings, 'problems'> = {
    regionField: check.regionField(source.Region_Field__c),
    populationProfiles: listOf(source.Population_Profiles__c, []),
    populationUserTypes: listOf(source.Population_User_Types__c, DEFAULT_USER_TYPES),
    staleDays: check.days('Stale days', source.Stale_Days__c, DEFAULT_STALE_DAYS),
    abandonedDays: check.days('Abandoned days', source.Abandoned_Days__c, DEFAULT_ABANDONED_DAYS),
    disqualifiedLeadStatuses: listOf(
      source.Disqualified_Lead_Statuses__c,
      DEFAULT_DISQUALIFIED_STATUSES
    ),
    targetsJson: check.json(
      'Targets',
      targets,
      objectShapeProblem(targets, targetProblem),
      '{"login.rate.7d":{"target":0.8,"roles":{"Sales Rep":0.9}}}',
      'the catalog targets'
    ),
    cadencesJson: check.json(
      'Cadences',
      cadences,
      objectShapeProblem(cadences, cadenceProblem),
      '{"opps.stageMovement":"everyOtherWeek"}',
      'the catalog cadences'
    ),
    focusKpis: listOf(source.Focus_Kpis__c, DEFAULT_FOCUS_KPIS),
    gateFields: check.gateFields(source.Quality_Gate_Fields__c),
    privacyMode: source.Privacy_Mode__c === true,
    baselineJson: check.json(
      'Baseline',
      baseline,
      baselineShapeProblem(baseline),
      '{"login.rate.7d":0.55}',
      'no baseline'
    ),
    baselineCapturedOn: text(source.Baseline_Captured_On__c)
  };
  return { ...settings, problems: check.problems };
}

/** AdoptionSettings.load(): the stored record, validated; a missing record gives the defaults. */
export function loadSettings(store: SettingsStore, describe: SchemaDescribe): AdoptionSettings {
  const record = store.read();
  const problems =
    record === null
      ? ['The Adoption Settings record named Default is missing; the default settings are used.']
      : [];
  return validateSettings(record, describe, problems);
}

/** The population part of a User WHERE clause, for populationBinds(). */
export function populationFilter(settings: AdoptionSettings): string {
  let filter = 'IsActive = TRUE AND UserType IN :populationUserTypes';
  if (settings.populationProfiles.length > 0) filter += ' AND Profile.Name IN :populationProfiles';
  return filter;
}

export function populationBinds(settings: AdoptionSettings): Record<string, unknown> {
  return {
    populationUserTypes: settings.populationUserTypes,
    populationProfiles: settings.populationProfiles
  };
}
