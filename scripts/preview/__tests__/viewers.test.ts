import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoOrg } from '../../demo/generate';
import { PERMISSIONS } from '../../gateway/gatewayContext';
import { UsageError } from '../options';
import { DEFAULT_SETTINGS_FILE, readSettingsFile } from '../settingsFile';
import { VIEWER_PERMISSIONS, demoViewer } from '../viewers';

describe('preview viewers', () => {
  const org = generateDemoOrg({ users: 60, seed: 3 });
  const users = org.tables.User;
  const read = (field: string, userId: string) =>
    users.accessor(field)?.(users.rowOf(userId) as number);

  it('views as the running rep, with the viewer permission set only', () => {
    const rep = demoViewer(org, 'rep');
    expect(rep.userId).toBe(org.runningUserId);
    expect([...rep.permissions]).toEqual([PERMISSIONS.viewTeamLogins]);
  });

  it("views as the rep's manager, who has reports, with the team permission", () => {
    const large = generateDemoOrg({ users: 500, seed: 42 });
    const bigUsers = large.tables.User;
    const manager = demoViewer(large, 'manager');
    expect(manager.userId).toBe(
      bigUsers.accessor('ManagerId')?.(bigUsers.rowOf(large.runningUserId) as number)
    );
    expect([...manager.permissions].sort()).toEqual(
      [PERMISSIONS.viewTeam, PERMISSIONS.viewTeamLogins].sort()
    );
  });

  it('views as the active user with most reports when the rep’s manager has left', () => {
    const manager = demoViewer(org, 'manager');
    expect(read('ManagerId', org.runningUserId)).not.toBe(manager.userId);
    expect(read('IsActive', manager.userId)).toBe(true);
    let reports = 0;
    for (let row = 0; row < users.size; row += 1) {
      if (users.accessor('ManagerId')?.(row) === manager.userId) reports += 1;
    }
    expect(reports).toBeGreaterThan(1);
    expect([...manager.permissions].sort()).toEqual(
      [PERMISSIONS.viewTeam, PERMISSIONS.viewTeamLogins].sort()
    );
  });

  it('gives an admin every custom permission', () => {
    expect(new Set(demoViewer(org, 'admin').permissions)).toEqual(
      new Set(Object.values(PERMISSIONS))
    );
    expect(VIEWER_PERMISSIONS.admin).toContain(PERMISSIONS.manageSettings);
  });
});

describe('settings file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'settings-'));
  const file = (name: string, text: string): string => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };

  it('reads config/demo-settings.json: the Default record’s field values', async () => {
    const settings = await readSettingsFile(DEFAULT_SETTINGS_FILE);
    expect(settings).toMatchObject({
      Region_Field__c: 'Division',
      Stale_Days__c: 30,
      Quality_Gate_Fields__c: 'Opportunity.NextStep,Account.Industry'
    });
    expect(await readSettingsFile()).toEqual(settings);
  });

  it('says what is wrong with a file it cannot use', async () => {
    await expect(readSettingsFile(path.join(dir, 'missing.json'))).rejects.toThrow(
      /Cannot read the settings file .*missing\.json/
    );
    await expect(readSettingsFile(file('bad.json', '{oops'))).rejects.toThrow(/is not valid JSON/);
    await expect(readSettingsFile(file('list.json', '[1]'))).rejects.toThrow(
      new UsageError(
        `The settings file ${path.join(dir, 'list.json')} must be a JSON object of Adoption_Settings__mdt field values, e.g. {"Stale_Days__c": 30}.`
      )
    );
  });
});
