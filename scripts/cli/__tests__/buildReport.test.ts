import { buildReport, loginRangeDays } from '../report/buildReport';
import type { ReportRequest } from '../report/buildReport';
import { silentProgress } from '../progress';
import { memorySource, user } from './memorySource';
import { AS_OF, smallOrg } from './smallOrg';

const REQUEST: ReportRequest = {
  asOf: AS_OF,
  timeZone: 'UTC',
  regionField: 'Division',
  periodDays: 7,
  staleDays: 30,
  abandonedDays: 14,
  kpis: null
};

const DAY = 86_400_000;

describe('buildReport on a hand-made org', () => {
  it('computes every KPI the data allows, in catalog order, with the documented keys only', async () => {
    const report = await buildReport(memorySource(smallOrg()), REQUEST, silentProgress);
    expect(report.asOf).toBe('2026-11-23T12:00:00.000Z');
    expect(report.population).toBe(3);
    expect(report.source).toBe('memory');
    expect(report.options).toEqual({
      timeZone: 'UTC',
      regionField: 'Division',
      periodDays: 7,
      staleDays: 30,
      abandonedDays: 14,
      kpis: null
    });
    expect(Object.keys(report.kpis)).toEqual([
      'login.rate.7d',
      'login.rate.30d',
      'login.inactive.7d',
      'login.inactive.30d',
      'login.never',
      'login.leaderboard',
      'login.days.active',
      'records.contacts.created',
      'records.contacts.updated',
      'records.opportunities.created',
      'records.activities.created',
      'records.activities.closed',
      'opps.neglected.pastClose',
      'opps.neglected.stale',
      'opps.wonLost',
      'leads.abandoned',
      'leads.conversionRate',
      'tasks.pastDue',
      'tasks.open',
      'quality.opps.missingAmount',
      'quality.opps.missingCloseDate',
      'pipeline.open',
      'pipeline.late'
    ]);
    expect(report.notes).toEqual([
      'Account.csv not found in ./export. Skipped KPIs: records.accounts.created, quality.accounts.noContact, quality.duplicates.',
      'Case.csv not found in ./export. Skipped KPIs: records.cases.created, records.cases.closed, cases.aged.',
      'OpportunityFieldHistory.csv not found in ./export. Skipped KPIs: opps.stageMovement.',
      'DuplicateRecordItem.csv not found in ./export. Skipped KPIs: quality.duplicates.',
      'login.trend is not computed: it needs snapshots over time; use the dashboard.',
      "quality.fields.fillRate is not computed: it needs the admin's gate fields; use the dashboard."
    ]);
  });

  it('counts logins from LoginHistory: successes in the window, population users only', async () => {
    const { kpis } = await buildReport(memorySource(smallOrg()), REQUEST, silentProgress);
    expect(kpis['login.rate.7d']).toEqual({
      value: 1 / 3,
      numerator: 1,
      denominator: 3,
      slices: {
        role: {
          'Account Executive': { value: 0.5, numerator: 1, denominator: 2 },
          Executive: { value: 0, numerator: 0, denominator: 1 }
        },
        region: {
          AMER: { value: 0, numerator: 0, denominator: 1 },
          EMEA: { value: 1, numerator: 1, denominator: 1 },
          '(none)': { value: 0, numerator: 0, denominator: 1 }
        }
      }
    });
    expect(kpis['login.rate.30d']).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(kpis['login.inactive.7d']).toEqual({
      value: 2,
      numerator: 2,
      denominator: 3,
      slices: {
        role: {
          'Account Executive': { value: 1, numerator: 1, denominator: 2 },
          Executive: { value: 1, numerator: 1, denominator: 2 }
        },
        region: {
          AMER: { value: 1, numerator: 1, denominator: 2 },
          EMEA: { value: 0, numerator: 0, denominator: 2 },
          '(none)': { value: 1, numerator: 1, denominator: 2 }
        }
      },
      records: ['005B', '005C']
    });
    expect(kpis['login.inactive.30d']).toMatchObject({ value: 1, records: ['005C'] });
    expect(kpis['login.never']).toMatchObject({ value: 1, denominator: 3, records: ['005C'] });
    expect(kpis['login.leaderboard']).toEqual({
      value: 1,
      rows: [{ userId: '005A', name: 'Alice Archer', logins: 3, activeDays: 2, rank: 1 }]
    });
    expect(kpis['login.days.active']).toEqual({
      value: 2,
      numerator: 2,
      denominator: 1,
      slices: {
        role: { 'Account Executive': { value: 2, numerator: 2, denominator: 1 } },
        region: { EMEA: { value: 2, numerator: 2, denominator: 1 } }
      }
    });
  });

  it('computes the record KPIs through the library, attributing records of inactive owners too', async () => {
    const { kpis } = await buildReport(memorySource(smallOrg()), REQUEST, silentProgress);
    expect(kpis['opps.neglected.pastClose']).toMatchObject({ value: 1, records: ['006P'] });
    expect(kpis['opps.neglected.stale']).toMatchObject({ value: 1, records: ['006S'] });
    expect(kpis['opps.wonLost']).toEqual({
      value: 0.5,
      numerator: 1,
      denominator: 2,
      slices: {
        role: { 'Account Executive': { value: 0.5, numerator: 1, denominator: 2 } },
        region: {
          AMER: { value: 0, numerator: 0, denominator: 1 },
          EMEA: { value: 1, numerator: 1, denominator: 1 }
        }
      }
    });
    expect(kpis['leads.abandoned']).toMatchObject({ value: 1, records: ['00QO'] });
    expect(kpis['leads.conversionRate']).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2
    });
    expect(kpis['tasks.pastDue']).toMatchObject({ value: 1, records: ['00TP'] });
    expect(kpis['tasks.open'].value).toBe(2);
    expect(kpis['records.opportunities.created'].value).toBe(1);
    expect(kpis['records.activities.created'].value).toBe(1);
    expect(kpis['records.activities.closed'].value).toBe(0);
    expect(kpis['records.contacts.created'].value).toBe(0);
    expect(kpis['quality.opps.missingAmount']).toMatchObject({
      value: 1,
      numerator: 1,
      denominator: 2,
      records: ['006S']
    });
    expect(kpis['quality.opps.missingCloseDate']).toMatchObject({ value: 0, denominator: 4 });
    expect(kpis['pipeline.open']).toMatchObject({ value: 1000, numerator: 2 });
    expect(kpis['pipeline.late']).toMatchObject({
      value: 1,
      numerator: 1000,
      denominator: 1000,
      records: ['006P']
    });
  });

  it('reads only what the KPIs asked for need', async () => {
    const logins = memorySource(smallOrg());
    const report = await buildReport(
      logins,
      { ...REQUEST, kpis: ['login.rate.7d', 'login.leaderboard'] },
      silentProgress
    );
    expect(logins.reads).toEqual(['User', 'LoginHistory']);
    expect(logins.loginRanges).toEqual([
      { after: new Date(AS_OF.getTime() - 30 * DAY), notAfter: AS_OF }
    ]);
    expect(Object.keys(report.kpis)).toEqual(['login.rate.7d', 'login.leaderboard']);
    expect(report.notes).toEqual([]);
    expect(report.options.kpis).toEqual(['login.rate.7d', 'login.leaderboard']);

    const never = memorySource(smallOrg());
    await buildReport(never, { ...REQUEST, kpis: ['login.never'] }, silentProgress);
    expect(never.reads).toEqual(['User']);

    const trend = memorySource(smallOrg());
    const trendReport = await buildReport(
      trend,
      { ...REQUEST, kpis: ['login.trend'] },
      silentProgress
    );
    expect(trend.reads).toEqual(['User']);
    expect(trendReport.kpis).toEqual({});
    expect(trendReport.notes).toEqual([
      'login.trend is not computed: it needs snapshots over time; use the dashboard.'
    ]);
  });

  it('reads two periods of logins when the period is longer than 15 days', async () => {
    expect(loginRangeDays(7)).toBe(30);
    expect(loginRangeDays(45)).toBe(90);
    const source = memorySource(smallOrg());
    const report = await buildReport(
      source,
      { ...REQUEST, periodDays: 45, kpis: ['login.leaderboard'] },
      silentProgress
    );
    expect(source.loginRanges[0].after).toEqual(new Date(AS_OF.getTime() - 90 * DAY));
    // Over 45 days Bob's login of 10 November counts too; Alice still leads.
    expect(report.kpis['login.leaderboard'].rows).toEqual([
      { userId: '005A', name: 'Alice Archer', logins: 4, activeDays: 3, rank: 1 },
      { userId: '005B', name: 'Bob Baker', logins: 1, activeDays: 1, rank: 2 }
    ]);
  });

  it('counts accounts without contacts and duplicates once Account, Contact and DuplicateRecordItem are there', async () => {
    const data = smallOrg();
    const account = (id: string) => ({
      id,
      ownerId: '005A',
      createdById: '005A',
      createdDate: '2026-11-20T10:00:00.000Z',
      lastModifiedDate: '2026-11-20T10:00:00.000Z'
    });
    data.records = {
      ...data.records,
      Account: [account('001A'), account('001B')],
      Contact: [
        {
          id: '003A',
          accountId: '001A',
          ownerId: '005A',
          createdById: '005A',
          createdDate: '2026-01-01T10:00:00.000Z',
          lastModifiedDate: '2026-11-22T10:00:00.000Z'
        }
      ],
      DuplicateRecordItem: [
        { recordId: '001A', duplicateRecordSetId: '0GK1' },
        { recordId: '00QO', duplicateRecordSetId: '0GK2' }
      ]
    };
    const { kpis, notes } = await buildReport(memorySource(data), REQUEST, silentProgress);
    expect(kpis['records.accounts.created'].value).toBe(2);
    expect(kpis['records.contacts.updated'].value).toBe(1);
    expect(kpis['quality.accounts.noContact']).toMatchObject({
      value: 1,
      denominator: 2,
      records: ['001B']
    });
    // 2 accounts + 1 contact + 3 leads; 001A and 00QO are in a set.
    expect(kpis['quality.duplicates']).toMatchObject({
      value: 2 / 6,
      numerator: 2,
      denominator: 6,
      records: ['001A', '00QO']
    });
    expect(notes).toHaveLength(4);
  });

  it('counts every active user when the data has no UserType', async () => {
    const users = [
      user('005A', 'A', { userType: undefined, lastLoginDate: null }),
      user('005B', 'B', { userType: undefined, isActive: false })
    ];
    const report = await buildReport(
      memorySource({ users }),
      { ...REQUEST, kpis: ['login.never', 'login.rate.7d'] },
      silentProgress
    );
    expect(report.population).toBe(1);
    expect(report.kpis['login.never'].records).toEqual(['005A']);
    expect(report.kpis['login.rate.7d']).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
  });
});
