/**
 * The admin's settings as the dashboard uses them: the JSON settings (targets, cadences, baseline)
 * parsed, and every KPI id they name checked against the catalog. Apex already validated the
 * record (DashboardSettings.problems); this adds what only the catalog knows. A problem never
 * throws: it becomes a sentence in `problems` and the catalog's default is used instead.
 */
import { targetFor } from './benchmark';
import type { KpiTargets } from './benchmark';
import type { DashboardSettings } from './dashboardContract';
import { catalogIdOf, definitionOf, detailOf } from './dashboardKpis';
import type { KpiCadence, KpiDefinition } from './kpiCatalog';
import { formatPercent } from './format';

export interface ParsedSettings {
  /** Admin-set targets by KPI id (a gate field's id `quality.fields.fillRate:<Object.Field>` too). */
  targets: Record<string, KpiTargets>;
  /** Admin-set review cadences by KPI id; cadenceFor gives the one in force. */
  cadences: Record<string, KpiCadence>;
  /** Values captured at go-live, by KPI (result) id. */
  baseline: Record<string, number>;
  /** Valid focus KPI ids, in the admin's order, each once. */
  focusKpis: string[];
  /** Apex's problems, then this parser's. */
  problems: string[];
}

/** How each cadence reads in a sentence; keyed by every KpiCadence, so the list cannot fall behind. */
const CADENCE_WORDS: Readonly<Record<KpiCadence, string>> = {
  weekly: 'weekly',
  everyOtherWeek: 'every other week',
  monthly: 'monthly',
  quarterly: 'quarterly'
};

function isCadence(value: unknown): value is KpiCadence {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CADENCE_WORDS, value);
}

/** A review cadence as words: `everyOtherWeek` → "every other week". */
export function cadenceWords(cadence: KpiCadence): string {
  return CADENCE_WORDS[cadence];
}

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON setting that must be an object keyed by KPI id; blank is an empty object. Bad JSON or
 * another shape adds a problem (naming the setting, with an example) and gives null.
 */
function readJsonObject(
  json: string | null | undefined,
  setting: string,
  example: string,
  problems: string[]
): JsonObject | null {
  if (json === null || json === undefined || json.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    problems.push(
      `${setting} is not valid JSON (${(error as Error).message}); write it like ${example}. Using the defaults.`
    );
    return null;
  }
  if (!isJsonObject(parsed)) {
    problems.push(
      `${setting} must be a JSON object keyed by KPI id, like ${example}. Using the defaults.`
    );
    return null;
  }
  return parsed;
}

/** The catalog definition of a KPI id a setting names, or null after adding a problem. */
function knownKpi(id: string, setting: string, problems: string[]): KpiDefinition | null {
  try {
    return definitionOf(id);
  } catch {
    problems.push(`The ${setting} setting names "${id}", which is not a KPI id; it is ignored.`);
    return null;
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** A target as it reads after "Using": "80%", "5", or "no target". */
function targetWords(definition: KpiDefinition, target: number | null): string {
  if (target === null) return 'no target';
  return definition.kind === 'rate' ? formatPercent(target) : String(target);
}

/**
 * One target value, or undefined after adding a problem. Ranges are targetFor's own check (a
 * rate's target is a 0–1 share, any other is 0 or more), so the rule lives in one place.
 */
function checkedTarget(
  id: string,
  definition: KpiDefinition,
  value: unknown,
  role: string | null,
  fallback: number | null,
  problems: string[]
): number | null | undefined {
  const where = role === null ? 'default' : `"${role}"`;
  const using = `Using ${targetWords(definition, fallback)}.`;
  // null is "no target", which only the default can say: a role without a target is left out.
  if (value === null && role === null) return null;
  if (typeof value !== 'number') {
    const expected = role === null ? 'a number, or null for no target' : 'a number';
    problems.push(
      `The ${where} target of ${id} is ${describe(value)}; it must be ${expected}. ${using}`
    );
    return undefined;
  }
  try {
    targetFor(
      definition.id,
      role,
      role === null ? { default: value } : { default: null, byRole: { [role]: value } }
    );
  } catch (error) {
    problems.push(`${(error as Error).message.replace(definition.id, id)} ${using}`);
    return undefined;
  }
  return value;
}

const TARGETS_EXAMPLE = '{"login.rate.7d":{"target":0.8,"roles":{"Sales Rep":0.9}}}';

/**
 * One KPI's targets. `fallback` is the default target in force without this entry: the catalog's,
 * or for a gate field the admin's target for every gate field.
 */
function parseTargetEntry(
  id: string,
  definition: KpiDefinition,
  entry: unknown,
  fallback: number | null,
  problems: string[]
): KpiTargets | null {
  if (definition.direction === 'none') {
    problems.push(
      `${id} has no target: it describes rather than judges, so there is nothing to meet. Its target is ignored.`
    );
    return null;
  }
  if (!isJsonObject(entry)) {
    problems.push(
      `The targets of ${id} are ${describe(entry)}; write them like ${TARGETS_EXAMPLE}. Using ${targetWords(definition, fallback)}.`
    );
    return null;
  }
  const hasDefault = Object.prototype.hasOwnProperty.call(entry, 'target');
  const checked = hasDefault
    ? checkedTarget(id, definition, entry.target, null, fallback, problems)
    : fallback;
  const targets: KpiTargets = { default: checked === undefined ? fallback : checked };
  const roles = entry.roles;
  if (roles === undefined) return targets;
  if (!isJsonObject(roles)) {
    problems.push(
      `The role targets of ${id} are ${describe(roles)}; write them like {"Sales Rep":0.9}. Using ${targetWords(definition, targets.default)} for every role.`
    );
    return targets;
  }
  const byRole: Record<string, number> = {};
  for (const [role, value] of Object.entries(roles)) {
    const target = checkedTarget(id, definition, value, role, targets.default, problems);
    if (typeof target === 'number') byRole[role] = target;
  }
  targets.byRole = byRole;
  return targets;
}

function parseTargets(json: string, problems: string[]): Record<string, KpiTargets> {
  const targets: Record<string, KpiTargets> = {};
  const parsed = readJsonObject(json, 'Targets', TARGETS_EXAMPLE, problems);
  // KPI-wide entries first, so that a gate field's own entry can fall back on its KPI's.
  const entries = Object.entries(parsed ?? {}).sort(
    ([a], [b]) => Number(detailOf(a) !== null) - Number(detailOf(b) !== null)
  );
  for (const [id, entry] of entries) {
    const definition = knownKpi(id, 'Targets', problems);
    if (!definition) continue;
    const catalogId = definition.id;
    const fallback = Object.prototype.hasOwnProperty.call(targets, catalogId)
      ? targets[catalogId].default
      : definition.defaultTarget;
    const parsedEntry = parseTargetEntry(id, definition, entry, fallback, problems);
    if (parsedEntry) targets[id] = parsedEntry;
  }
  return targets;
}

function parseCadences(json: string, problems: string[]): Record<string, KpiCadence> {
  const cadences: Record<string, KpiCadence> = {};
  const example = '{"opps.stageMovement":"everyOtherWeek"}';
  const parsed = readJsonObject(json, 'Cadences', example, problems);
  for (const [id, value] of Object.entries(parsed ?? {})) {
    const definition = knownKpi(id, 'Cadences', problems);
    if (!definition) continue;
    if (isCadence(value)) {
      cadences[id] = value;
    } else {
      problems.push(
        `The cadence of ${id} is ${describe(value)}; it must be one of ${Object.keys(CADENCE_WORDS).join(', ')}. Using ${cadenceWords(definition.cadence)}.`
      );
    }
  }
  return cadences;
}

function parseBaseline(json: string, problems: string[]): Record<string, number> {
  const baseline: Record<string, number> = {};
  const parsed = readJsonObject(json, 'Baseline', '{"login.rate.7d":0.55}', problems);
  for (const [id, value] of Object.entries(parsed ?? {})) {
    const definition = knownKpi(id, 'Baseline', problems);
    if (!definition) continue;
    const isRate = definition.kind === 'rate';
    const valid =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!isRate || (value >= 0 && value <= 1));
    if (valid) {
      baseline[id] = value;
    } else {
      const expected = isRate ? 'a share from 0 to 1 (0.55 for 55%)' : 'a number';
      problems.push(
        `The baseline of ${id} is ${describe(value)}; it must be ${expected}. It is left out until captured again.`
      );
    }
  }
  return baseline;
}

function parseFocusKpis(ids: readonly string[] | null | undefined, problems: string[]): string[] {
  const focus: string[] = [];
  for (const id of ids ?? []) {
    if (knownKpi(id, 'Focus KPIs', problems) && !focus.includes(id)) focus.push(id);
  }
  return focus;
}

/**
 * The settings the dashboard uses. Problems: Apex's first, then each JSON setting that does not
 * parse or has the wrong shape, each KPI id the catalog does not know, each target out of range
 * (or set on a KPI that judges nothing), each unknown cadence and each baseline that is not a
 * number (a rate's: not in 0–1). Each bad entry is left out, so its catalog default applies.
 */
export function parseDashboardSettings(settings: DashboardSettings): ParsedSettings {
  const problems = [...(settings.problems ?? [])];
  return {
    targets: parseTargets(settings.targetsJson, problems),
    cadences: parseCadences(settings.cadencesJson, problems),
    baseline: parseBaseline(settings.baselineJson, problems),
    focusKpis: parseFocusKpis(settings.focusKpis, problems),
    problems
  };
}

/** The admin's targets of a result: its own (a gate field's), else its catalog KPI's; undefined for the catalog's. */
export function kpiTargetsFor(resultId: string, parsed: ParsedSettings): KpiTargets | undefined {
  const own = Object.prototype.hasOwnProperty.call(parsed.targets, resultId);
  if (own) return parsed.targets[resultId];
  const catalogId = catalogIdOf(resultId);
  return Object.prototype.hasOwnProperty.call(parsed.targets, catalogId)
    ? parsed.targets[catalogId]
    : undefined;
}

/** The review cadence in force for a KPI: the admin's, else the catalog's. */
export function cadenceFor(resultId: string, parsed: ParsedSettings): KpiCadence {
  for (const id of [resultId, catalogIdOf(resultId)]) {
    if (Object.prototype.hasOwnProperty.call(parsed.cadences, id)) return parsed.cadences[id];
  }
  return definitionOf(resultId).cadence;
}

/**
 * The target in force for a result: a role's override when a role is given (a blank role is
 * `(none)`), otherwise the default; the admin's targets (kpiTargetsFor) over the catalog's.
 */
export function targetInForce(
  resultId: string,
  parsed: ParsedSettings,
  role?: string | null
): number | null {
  const catalogId = catalogIdOf(resultId);
  const targets = kpiTargetsFor(resultId, parsed);
  if (role === undefined)
    return targetFor(catalogId, null, targets && { default: targets.default });
  return targetFor(catalogId, role, targets);
}
