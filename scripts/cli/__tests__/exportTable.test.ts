import { silentProgress } from '../progress';
import { buildExportTable } from '../report/exportTable';
import { renderExport } from '../report/render';
import { memorySource } from './memorySource';
import { AS_OF, smallOrg } from './smallOrg';

const REQUEST = {
  asOf: AS_OF,
  timeZone: 'UTC',
  regionField: 'Division',
  periodDays: 7,
  staleDays: 30,
  abandonedDays: 14
};

describe('adoption export', () => {
  it('writes one row per population user with logins, records created and past-due tasks', async () => {
    const source = memorySource(smallOrg());
    const table = await buildExportTable(source, REQUEST, silentProgress);
    expect(source.reads).toEqual([
      'User',
      'LoginHistory',
      'Account',
      'Contact',
      'Opportunity',
      'Task',
      'Case'
    ]);
    // The last login is wanted however old it is: LoginHistory is read from its beginning.
    expect(source.loginRanges).toEqual([{ after: new Date(0), notAfter: AS_OF }]);
    expect(table.users).toEqual([
      {
        userId: '005B',
        name: 'Bob Baker',
        role: 'Account Executive',
        region: 'AMER',
        lastLogin: '2026-11-10T09:00:00.000Z',
        logins: 0,
        activeDays: 0,
        recordsCreated: 0,
        pastDueTasks: 0
      },
      {
        userId: '005A',
        name: 'Alice Archer',
        role: 'Account Executive',
        region: 'EMEA',
        lastLogin: '2026-11-23T09:00:00.000Z',
        logins: 3,
        activeDays: 2,
        recordsCreated: 2,
        pastDueTasks: 1
      },
      {
        userId: '005C',
        name: 'Carol Cole',
        role: 'Executive',
        region: '(none)',
        lastLogin: null,
        logins: 0,
        activeDays: 0,
        recordsCreated: 0,
        pastDueTasks: 0
      }
    ]);
    expect(table.notes).toEqual([
      'Account.csv not found in ./export. recordsCreated counts no Account records.',
      'Case.csv not found in ./export. recordsCreated counts no Case records.'
    ]);
  });

  it('prints as CSV for spreadsheets and as JSON with the notes', async () => {
    const table = await buildExportTable(memorySource(smallOrg()), REQUEST, silentProgress);
    expect(renderExport(table, 'csv')).toBe(
      'userId,name,role,region,lastLogin,logins,activeDays,recordsCreated,pastDueTasks\r\n' +
        '005B,Bob Baker,Account Executive,AMER,2026-11-10T09:00:00.000Z,0,0,0,0\r\n' +
        '005A,Alice Archer,Account Executive,EMEA,2026-11-23T09:00:00.000Z,3,2,2,1\r\n' +
        '005C,Carol Cole,Executive,(none),,0,0,0,0\r\n'
    );
    const json = JSON.parse(renderExport(table, 'json'));
    expect(json).toMatchObject({
      asOf: '2026-11-23T12:00:00.000Z',
      source: 'memory',
      periodDays: 7,
      regionField: 'Division',
      timeZone: 'UTC'
    });
    expect(json.users).toHaveLength(3);
    expect(json.notes).toHaveLength(2);
    const text = renderExport(table, 'table');
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Adoption by user',
      'As of 2026-11-23T12:00:00.000Z (UTC), period 7 days, region field Division, source: memory',
      '',
      'User Id  Name          Role               Region  Last login                Logins  Active days  Records created  Past-due tasks'
    ]);
    expect(text).toContain(
      '005A     Alice Archer  Account Executive  EMEA    2026-11-23T09:00:00.000Z       3            2                2               1'
    );
  });
});
