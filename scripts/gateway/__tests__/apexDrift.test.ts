/**
 * The twin's constants are the Apex classes' constants: read from the .cls files, so that a
 * changed message, sort whitelist or limit in Apex fails here until the twin follows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apexStringValue } from '../../checks/soqlSources';
import { MESSAGES } from '../controllers';
import {
  BASELINE_REFUSED_MESSAGE,
  DEPLOYMENT_REFUSED_MESSAGE,
  EMPTY_BASELINE_MESSAGE
} from '../dashboardGateway';
import { MAX_DIRECTORY_USERS } from '../directory';
import {
  DRILLDOWN_MESSAGES,
  LOGIN_ROWS_PER_USER,
  MAX_OFFSET,
  NEGLECTED_RECORD_KPIS,
  PEOPLE_SORT_KEYS,
  RECORD_SORT_FIELDS,
  RECORD_SORT_KEYS
} from '../drilldownService';
import { MAX_TREND_WEEKS, TREND_ROWS_PER_USER, WEEKS_MESSAGE } from '../kpiService';
import { AGED_CASE_DAYS, HIGH_PROBABILITY_PERCENT } from '../kpiQueries';
import { QUERY_ROW_HEADROOM } from '../transaction';
import { CLASSES_DIR } from './scripted';

const source = (className: string): string =>
  readFileSync(path.join(CLASSES_DIR, `${className}.cls`), 'utf8');

/** `NAME = 'text';` string constants of a class (single literal). */
function stringConstants(className: string): Record<string, string> {
  const constants: Record<string, string> = {};
  for (const [, name, literal] of source(className).matchAll(
    /(\w+)\s*=\s*('(?:[^'\\]|\\.)*')\s*;/g
  )) {
    constants[name] = apexStringValue(literal);
  }
  return constants;
}

function numberConstant(className: string, name: string): number {
  const match = new RegExp(`${name}\\s*=\\s*([\\d.]+)\\s*;`).exec(source(className));
  if (!match) throw new Error(`${className}.${name} not found`);
  return Number(match[1]);
}

/** `'key' => 'value'` entries of a `NAME = new Map<String, String>{ … }` constant. */
function mapConstant(className: string, name: string): Record<string, string> {
  const body = new RegExp(`${name}\\s*=\\s*new Map<String, String>\\{([^}]*)\\}`).exec(
    source(className)
  )?.[1];
  if (body === undefined) throw new Error(`${className}.${name} not found`);
  return Object.fromEntries(
    [...body.matchAll(/'([^']*)'\s*=>\s*'([^']*)'/g)].map(([, key, value]) => [key, value])
  );
}

/** The `'value'` entries of a `NAME = new Set<String>{ … }` or `new List<String>{ … }` constant. */
function stringsConstant(className: string, name: string): string[] {
  const body = new RegExp(`${name}\\s*=\\s*new (?:Set|List)<String>\\{([^}]*)\\}`).exec(
    source(className)
  )?.[1];
  if (body === undefined) throw new Error(`${className}.${name} not found`);
  return [...body.matchAll(/'([^']*)'/g)].map(([, value]) => value);
}

describe('the twin follows the Apex classes', () => {
  it('has the controller messages of AdoptionDashboardController', () => {
    const apex = stringConstants('AdoptionDashboardController');
    expect(MESSAGES).toEqual({
      family: apex.INVALID_FAMILY_MESSAGE,
      period: apex.INVALID_PERIOD_MESSAGE,
      weeks: apex.INVALID_WEEKS_MESSAGE
    });
  });

  it('has the drill-down and settings-controller messages', () => {
    const drilldown = stringConstants('AdoptionDrilldownService');
    const kpi = stringConstants('AdoptionKpiService');
    expect(DRILLDOWN_MESSAGES).toEqual({
      dimension: drilldown.DIMENSION_MESSAGE,
      selfOnly: drilldown.SELF_ONLY_MESSAGE,
      period: kpi.PERIOD_MESSAGE,
      peopleSort: drilldown.PEOPLE_SORT_MESSAGE,
      recordSort: drilldown.RECORD_SORT_MESSAGE,
      amountSort: drilldown.AMOUNT_SORT_MESSAGE,
      direction: drilldown.DIRECTION_MESSAGE,
      pageSize: drilldown.PAGE_SIZE_MESSAGE,
      pageNumber: drilldown.PAGE_NUMBER_MESSAGE,
      kpi: drilldown.KPI_MESSAGE,
      offset: drilldown.OFFSET_MESSAGE
    });
    expect(NEGLECTED_RECORD_KPIS).toEqual(Object.keys(RECORD_SORT_FIELDS));
    expect(NEGLECTED_RECORD_KPIS).toEqual(
      stringsConstant('AdoptionDrilldownService', 'NEGLECTED_RECORD_KPIS')
    );
    expect(WEEKS_MESSAGE).toBe(kpi.WEEKS_MESSAGE);
    const settings = stringConstants('AdoptionSettingsController');
    expect(BASELINE_REFUSED_MESSAGE).toBe(settings.REFUSED_MESSAGE);
    expect(EMPTY_BASELINE_MESSAGE).toBe(settings.EMPTY_BASELINE_MESSAGE);
    expect(DEPLOYMENT_REFUSED_MESSAGE).toBe(settings.DEPLOYMENT_REFUSED_MESSAGE);
  });

  it('sorts neglected records by the selectors’ whitelisted fields', () => {
    expect(RECORD_SORT_FIELDS).toEqual({
      'opps.neglected.pastClose': mapConstant('OpportunitySelector', 'PAST_CLOSE_SORT_FIELDS'),
      'opps.neglected.stale': mapConstant('OpportunitySelector', 'STALE_SORT_FIELDS'),
      'tasks.pastDue': mapConstant('TaskSelector', 'PAST_DUE_SORT_FIELDS'),
      'leads.abandoned': mapConstant('LeadSelector', 'ABANDONED_SORT_FIELDS')
    });
    expect(PEOPLE_SORT_KEYS).toEqual(
      stringsConstant('AdoptionDrilldownService', 'PEOPLE_SORT_KEYS')
    );
    expect(RECORD_SORT_KEYS).toEqual(
      stringsConstant('AdoptionDrilldownService', 'RECORD_SORT_KEYS')
    );
    expect(mapConstant('OpportunitySelector', 'SORT_DIRECTIONS')).toEqual({
      asc: 'ASC',
      desc: 'DESC'
    });
  });

  it('uses the same limits and thresholds', () => {
    expect(MAX_DIRECTORY_USERS).toBe(numberConstant('AdoptionKpiService', 'MAX_DIRECTORY_USERS'));
    expect(QUERY_ROW_HEADROOM).toBe(numberConstant('AdoptionKpiService', 'QUERY_ROW_HEADROOM'));
    expect(TREND_ROWS_PER_USER).toBe(numberConstant('AdoptionKpiService', 'TREND_ROWS_PER_USER'));
    expect(MAX_TREND_WEEKS).toBe(numberConstant('AdoptionKpiService', 'MAX_TREND_WEEKS'));
    expect(AGED_CASE_DAYS).toBe(numberConstant('AdoptionKpiService', 'AGED_CASE_DAYS'));
    expect(HIGH_PROBABILITY_PERCENT).toBe(
      numberConstant('AdoptionKpiService', 'HIGH_PROBABILITY_PERCENT')
    );
    expect(MAX_OFFSET).toBe(numberConstant('AdoptionDrilldownService', 'MAX_OFFSET'));
    expect(LOGIN_ROWS_PER_USER).toBe(
      numberConstant('AdoptionDrilldownService', 'LOGIN_ROWS_PER_USER')
    );
  });
});
