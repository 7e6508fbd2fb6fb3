import { generateDemoOrg } from '../../demo/generate';
import { VIEW_ALL_DATA_PERMISSION_SET, createDemoApexOrg } from '../org/demoApexOrg';
import type { DataOptions } from '../org/types';
import { SOURCE_DIR } from './orgTestSupport';

const demo = generateDemoOrg({ users: 50, seed: 7 });
const org = createDemoApexOrg(demo, {
  sourceDir: SOURCE_DIR,
  settings: { Stale_Days__c: 60, Baseline_Captured_On__c: '2026-05-25' },
  grants: [{ userId: demo.runningUserId, permissionSets: ['Adoption_Dashboard_Manager'] }]
});
const system: DataOptions = {
  userId: demo.runningUserId,
  accessMode: 'SYSTEM_MODE',
  enforceSharing: false
};
const count = (soql: string): number => org.query(soql, {}, system).totalSize;

describe('a demo org as the Apex runtime org', () => {
  it("has the demo's users, roles and profiles and no test-runner user beside them", () => {
    expect(org.runningUserId).toBe(demo.runningUserId);
    expect(count('SELECT COUNT() FROM User')).toBe(demo.tables.User.size);
    expect(count('SELECT COUNT() FROM UserRole')).toBe(demo.tables.UserRole.size);
    // Its System Administrator and Read Only are the standard ones; Standard User and Minimum Access are added.
    expect(
      org.query('SELECT Name FROM Profile ORDER BY Name', {}, system).records.map((row) => row.Name)
    ).toEqual([
      'Minimum Access - Salesforce',
      'Read Only',
      'Sales Manager',
      'Sales User',
      'Standard User',
      'System Administrator'
    ]);
  });

  it("runs on the demo's clock and time zone", () => {
    expect(org.now()).toBe(demo.asOf.getTime());
  });

  it('gives the viewer the permission set and its custom permissions, and no one else', () => {
    expect(org.hasCustomPermission(demo.runningUserId, 'Adoption_View_Team')).toBe(true);
    expect(org.hasCustomPermission(demo.runningUserId, 'Adoption_Manage_Settings')).toBe(false);
    const other = demo.tables.User.accessor('Id')?.(1) as string;
    expect(org.hasCustomPermission(other, 'Adoption_View_Team')).toBe(false);
    expect(
      count(`SELECT COUNT() FROM PermissionSet WHERE Name = '${VIEW_ALL_DATA_PERMISSION_SET}'`)
    ).toBe(1);
  });

  it("gives the demo's custom profiles the Standard User's object permissions", () => {
    const rep: DataOptions = {
      userId: demo.runningUserId,
      accessMode: 'USER_MODE',
      enforceSharing: true
    };
    expect(org.query('SELECT COUNT() FROM Account', {}, rep).totalSize).toBeGreaterThan(0);
  });

  it("lays the preview's settings over the package's Default record", () => {
    const [record] = org.customMetadata('Adoption_Settings__mdt');
    expect(record).toMatchObject({
      DeveloperName: 'Default',
      Stale_Days__c: 60,
      Abandoned_Days__c: 14,
      Baseline_Captured_On__c: '2026-05-25'
    });
  });
});
