/**
 * The gateway's KPI tallies on a generated demo org equal what the KPI library's record-level
 * functions compute from the same org's tables read directly (no engine, no gateway): every KPI of
 * every family, current and previous period, in total and per role and region slice.
 */
import {
  DEFAULT_KPI_OPTIONS,
  accountsWithoutContact,
  duplicateRecordShare,
  evaluateCrmKpis,
  gateFieldFillRate,
  latePipeline,
  openPipeline,
  opportunitiesMissingAmount,
  opportunitiesMissingCloseDate,
  sliceKey
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type {
  KpiOptions,
  KpiResult,
  UserDirectory
} from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import type {
  KpiFamily,
  KpiTallies,
  UserTally
} from '../../../force-app/main/default/lwc/adoptionMetrics/dashboardContract';
import { loadStandardObjects } from '../../checks/schemaSources';
import type { Schema } from '../../checks/soqlSchema';
import { generateDemoOrg } from '../../demo/generate';
import type { DemoOrg } from '../../demo/model';
import { getKpiData } from '../dashboardGateway';
import { demoContext } from '../demoContext';
import { PERMISSIONS } from '../gatewayContext';
import type { GatewayContext, SettingsRecord } from '../gatewayContext';
import type { SelectorQueries } from '../selectorQueries';
import { demoRecords, gateRecords, userDirectory } from './demoRecords';
import type { DemoRecords } from './demoRecords';
import { CLASSES_DIR, loadSelectorQueries } from './scripted';
import path from 'node:path';

const DAY_MS = 86_400_000;
let org: DemoOrg;
let records: DemoRecords;
let queries: SelectorQueries;
let reference: Schema;
let directory: UserDirectory;
let population: Set<string>;

beforeAll(async () => {
  org = generateDemoOrg({ users: 300, seed: 9 });
  records = demoRecords(org);
  queries = await loadSelectorQueries(CLASSES_DIR);
  reference = await loadStandardObjects(
    path.join(__dirname, '..', '..', '..', 'config', 'schema', 'standard-objects.json')
  );
  const members = records.users.filter((user) => user.isPopulation);
  directory = userDirectory(members);
  population = new Set(members.map((user) => user.id));
});

function adminContext(settings: SettingsRecord = {}): GatewayContext {
  return demoContext(org, {
    queries,
    reference,
    settings,
    viewer: { userId: org.runningUserId, permissions: new Set(Object.values(PERMISSIONS)) }
  });
}

/** What one KPI comes to: totals and per-slice numerators and denominators. */
interface Totals {
  numerator: number;
  denominator: number;
  role: Record<string, [number, number]>;
  region: Record<string, [number, number]>;
}

function fromTallies(tallies: readonly UserTally[]): Totals {
  const totals: Totals = { numerator: 0, denominator: 0, role: {}, region: {} };
  for (const tally of tallies) {
    totals.numerator += tally.numerator;
    totals.denominator += tally.denominator;
    const user = directory.get(tally.userId);
    for (const dimension of ['role', 'region'] as const) {
      const key = sliceKey(user?.[dimension]);
      const slice = totals[dimension][key] ?? [0, 0];
      totals[dimension][key] = [slice[0] + tally.numerator, slice[1] + tally.denominator];
    }
  }
  for (const dimension of ['role', 'region'] as const) {
    for (const [key, [numerator, denominator]] of Object.entries(totals[dimension])) {
      if (numerator === 0 && denominator === 0) delete totals[dimension][key];
    }
  }
  return totals;
}

type Shape = 'count' | 'rate' | 'amount';

/** A library result in the gateway's tally terms (count: numerator only; amount: sum / count). */
function fromLibrary(result: KpiResult, shape: Shape): Totals {
  const slices = (dimension: 'role' | 'region'): Record<string, [number, number]> => {
    const out: Record<string, [number, number]> = {};
    for (const [key, slice] of Object.entries(result.slices?.[dimension] ?? {})) {
      const pair: [number, number] =
        shape === 'count'
          ? [slice.numerator, 0]
          : shape === 'amount'
            ? [slice.value, slice.numerator]
            : [slice.numerator, slice.denominator];
      if (pair[0] !== 0 || pair[1] !== 0) out[key] = pair;
    }
    return out;
  };
  return {
    numerator: shape === 'count' || shape === 'amount' ? result.value : (result.numerator ?? 0),
    denominator:
      shape === 'count'
        ? 0
        : shape === 'amount'
          ? (result.numerator ?? 0)
          : (result.denominator ?? 0),
    role: slices('role'),
    region: slices('region')
  };
}

const inPopulation = (userId: string): boolean => population.has(userId);

/** Every KPI of sections 2 and 3 by the library, on records attributed to the population. */
function crmResults(options: KpiOptions, cases: boolean): Map<string, KpiResult> {
  const owned = <T extends { ownerId: string }>(list: readonly T[]) =>
    list.filter((record) => inPopulation(record.ownerId));
  const created = <T extends { createdById: string }>(list: readonly T[]) =>
    list.filter((record) => inPopulation(record.createdById));
  const ownedOpportunities = owned(records.opportunities);
  const ownedIds = new Set(ownedOpportunities.map((opportunity) => opportunity.id));
  const results = new Map<string, KpiResult>();
  const evaluate = (input: Parameters<typeof evaluateCrmKpis>[0], ids: string[]) => {
    for (const result of evaluateCrmKpis(input, options)) {
      if (ids.includes(result.id)) results.set(result.id, result);
    }
  };
  evaluate({ users: directory, accounts: created(records.accounts) }, ['records.accounts.created']);
  evaluate({ users: directory, contacts: created(records.contacts) }, ['records.contacts.created']);
  evaluate({ users: directory, contacts: owned(records.contacts) }, ['records.contacts.updated']);
  evaluate({ users: directory, opportunities: created(records.opportunities) }, [
    'records.opportunities.created'
  ]);
  evaluate({ users: directory, tasks: created(records.tasks) }, ['records.activities.created']);
  evaluate({ users: directory, tasks: owned(records.tasks) }, [
    'records.activities.closed',
    'tasks.pastDue',
    'tasks.open'
  ]);
  if (cases) {
    evaluate({ users: directory, cases: created(records.cases) }, ['records.cases.created']);
    evaluate({ users: directory, cases: owned(records.cases) }, [
      'records.cases.closed',
      'cases.aged'
    ]);
  }
  evaluate(
    {
      users: directory,
      opportunities: ownedOpportunities,
      stageChanges: records.stageChanges.filter((change) => ownedIds.has(change.opportunityId))
    },
    ['opps.neglected.pastClose', 'opps.neglected.stale', 'opps.wonLost', 'opps.stageMovement']
  );
  evaluate({ users: directory, leads: owned(records.leads) }, [
    'leads.abandoned',
    'leads.conversionRate'
  ]);
  return results;
}

const COUNT_KPIS = new Set([
  'records.accounts.created',
  'records.contacts.created',
  'records.contacts.updated',
  'records.opportunities.created',
  'records.activities.created',
  'records.activities.closed',
  'records.cases.created',
  'records.cases.closed',
  'opps.neglected.pastClose',
  'opps.neglected.stale',
  'opps.stageMovement',
  'leads.abandoned',
  'tasks.pastDue',
  'tasks.open',
  'cases.aged'
]);

function options(asOf: Date, periodDays: number, overrides: Partial<KpiOptions> = {}): KpiOptions {
  return { ...DEFAULT_KPI_OPTIONS, asOf, timeZone: org.timeZone, periodDays, ...overrides };
}

function expectSame(tallies: KpiTallies, library: KpiResult | undefined, shape: Shape): void {
  expect(library).toBeDefined();
  const actual = fromTallies(tallies.current);
  const expected = fromLibrary(library as KpiResult, shape);
  const label = `${tallies.kpiId}${tallies.detail ? `:${tallies.detail}` : ''}`;
  expect({ label, ...actual }).toEqual({ label, ...expected });
}

async function family(name: KpiFamily, periodDays: number, settings: SettingsRecord = {}) {
  const data = await getKpiData(adminContext(settings), name, periodDays);
  expect(data.users).toHaveLength(population.size);
  expect(data.usersComplete).toBe(true);
  for (const tallies of data.tallies) expect(tallies.complete).toBe(true);
  return data;
}

describe.each([7, 30])('KPI tallies over %i days equal the library on the demo tables', (days) => {
  it('activity: every record-creation KPI, this period and the one before', async () => {
    const data = await family('activity', days);
    const current = crmResults(options(org.asOf, days), true);
    const previous = crmResults(options(new Date(org.asOf.getTime() - days * DAY_MS), days), true);
    expect(data.tallies.map((tallies) => tallies.kpiId)).toEqual([
      'records.accounts.created',
      'records.contacts.created',
      'records.contacts.updated',
      'records.opportunities.created',
      'records.activities.created',
      'records.activities.closed',
      'records.cases.created',
      'records.cases.closed'
    ]);
    for (const tallies of data.tallies) {
      expectSame(tallies, current.get(tallies.kpiId), 'count');
      expectSame(
        { ...tallies, current: tallies.previous ?? [] },
        previous.get(tallies.kpiId),
        'count'
      );
      expect(fromTallies(tallies.current).numerator).toBeGreaterThan(0);
    }
  });

  it('pipeline: hygiene, leads, tasks, cases and the pipeline amounts', async () => {
    const data = await family('pipeline', days);
    const current = crmResults(options(org.asOf, days), true);
    const previous = crmResults(options(new Date(org.asOf.getTime() - days * DAY_MS), days), true);
    const owned = records.opportunities.filter((opportunity) => inPopulation(opportunity.ownerId));
    current.set('pipeline.open', openPipeline(owned, directory));
    current.set('pipeline.late', latePipeline(owned, directory, options(org.asOf, days)));
    for (const tallies of data.tallies) {
      const shape: Shape = COUNT_KPIS.has(tallies.kpiId)
        ? 'count'
        : tallies.kpiId === 'pipeline.open'
          ? 'amount'
          : 'rate';
      expectSame(tallies, current.get(tallies.kpiId), shape);
      if (tallies.previous !== null) {
        expectSame({ ...tallies, current: tallies.previous }, previous.get(tallies.kpiId), shape);
      }
    }
    expect(data.tallies.map((tallies) => tallies.kpiId)).toContain('pipeline.late');
  });
});

describe('quality KPI tallies equal the library on the demo tables', () => {
  it('missing amounts and close dates, accounts without contacts, gate fields and duplicates', async () => {
    const data = await family('quality', 30);
    const owned = <T extends { ownerId: string }>(list: readonly T[]) =>
      list.filter((record) => inPopulation(record.ownerId));
    const opportunities = owned(records.opportunities);
    const accounts = owned(records.accounts);
    const expected = new Map<string, KpiResult>([
      ['quality.opps.missingAmount', opportunitiesMissingAmount(opportunities, directory)],
      ['quality.opps.missingCloseDate', opportunitiesMissingCloseDate(opportunities, directory)],
      ['quality.accounts.noContact', accountsWithoutContact(accounts, records.contacts, directory)],
      [
        'quality.fields.fillRate:Opportunity.NextStep',
        gateFieldFillRate(
          'Opportunity',
          gateRecords(opportunities, 'NextStep', (record) => record.nextStep),
          ['NextStep'],
          directory
        )
      ],
      [
        'quality.fields.fillRate:Account.Industry',
        gateFieldFillRate(
          'Account',
          gateRecords(accounts, 'Industry', (record) => record.industry),
          ['Industry'],
          directory
        )
      ],
      [
        'quality.duplicates',
        duplicateRecordShare(
          [...accounts, ...owned(records.contacts), ...owned(records.leads)],
          records.duplicateItems,
          directory
        )
      ]
    ]);
    expect(data.tallies.map((tallies) => tallies.kpiId)).toEqual([
      'quality.opps.missingAmount',
      'quality.opps.missingCloseDate',
      'quality.accounts.noContact',
      'quality.fields.fillRate',
      'quality.fields.fillRate',
      'quality.duplicates'
    ]);
    for (const tallies of data.tallies) {
      const key = tallies.detail ? `${tallies.kpiId}:${tallies.detail}` : tallies.kpiId;
      expectSame(tallies, expected.get(key), 'rate');
      expect(tallies.previous).toBeNull();
    }
  });
});

describe('settings change what is counted', () => {
  it('counts opportunities stale after 60 days, not 30, when Stale_Days__c is 60', async () => {
    const stale = async (staleDays: number) =>
      (await family('pipeline', 7, { Stale_Days__c: staleDays })).tallies.find(
        (tallies) => tallies.kpiId === 'opps.neglected.stale'
      ) as KpiTallies;
    const at30 = await stale(30);
    const at60 = await stale(60);
    const library = (staleDays: number) =>
      crmResults(options(org.asOf, 7, { staleDays }), true).get('opps.neglected.stale');
    expectSame(at30, library(30), 'count');
    expectSame(at60, library(60), 'count');
    expect(fromTallies(at60.current).numerator).toBeLessThan(fromTallies(at30.current).numerator);
  });

  it('counts abandoned leads and conversions with the configured days and statuses', async () => {
    expect.hasAssertions();
    const settings = {
      Abandoned_Days__c: 30,
      Disqualified_Lead_Statuses__c: 'Working - Contacted'
    };
    const data = await family('pipeline', 90, settings);
    const library = crmResults(
      options(org.asOf, 90, {
        abandonedDays: 30,
        disqualifiedLeadStatuses: ['Working - Contacted']
      }),
      true
    );
    for (const kpiId of ['leads.abandoned', 'leads.conversionRate']) {
      const tallies = data.tallies.find((each) => each.kpiId === kpiId) as KpiTallies;
      expectSame(tallies, library.get(kpiId), kpiId === 'leads.abandoned' ? 'count' : 'rate');
    }
  });

  it('counts the configured gate fields only, each as its own tallies', async () => {
    const data = await family('quality', 7, { Quality_Gate_Fields__c: 'Account.Industry' });
    expect(
      data.tallies.filter((tallies) => tallies.kpiId === 'quality.fields.fillRate')
    ).toHaveLength(1);
    expect(data.tallies.find((tallies) => tallies.detail)?.detail).toBe('Account.Industry');
  });
});
