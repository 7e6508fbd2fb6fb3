import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OrgDataError } from '../org/errors';
import type { OrgData } from '../org/orgData';
import type { DataOptions } from '../org/types';
import {
  NOW,
  insertOne,
  insertUser,
  newOrg,
  systemMode,
  userMode,
  withSharing
} from './orgTestSupport';

const USER_MODE = (userId: string): DataOptions => ({
  userId,
  accessMode: 'USER_MODE',
  enforceSharing: false
});
const SYSTEM = (userId: string): DataOptions => ({
  userId,
  accessMode: 'SYSTEM_MODE',
  enforceSharing: false
});

function names(org: OrgData, options: DataOptions): string[] {
  return org
    .query('SELECT Name FROM Account ORDER BY Name', {}, options)
    .records.map((record) => record.Name as string);
}

function insertUserAs(org: OrgData, userId: string): void {
  org.dml('insert', 'User', [{ LastName: 'x' }], userMode(userId));
}

function insertRole(org: OrgData, name: string, parentId: string | null = null): string {
  return insertOne(org, 'UserRole', { Name: name, DeveloperName: name, ParentRoleId: parentId });
}

describe('org data: sharing (Salesforce Help: "Sharing Settings", "Role Hierarchy")', () => {
  it('shows a Standard User only their own Accounts in user mode and with sharing, all in system mode without sharing', () => {
    const org = newOrg();
    const rep = insertUser(org, 'Standard User');
    const other = insertUser(org, 'Standard User');
    insertOne(org, 'Account', { Name: 'Mine', OwnerId: rep });
    insertOne(org, 'Account', { Name: 'Theirs', OwnerId: other });
    expect(names(org, USER_MODE(rep))).toEqual(['Mine']);
    expect(names(org, withSharing(rep))).toEqual(['Mine']);
    expect(names(org, SYSTEM(rep))).toEqual(['Mine', 'Theirs']);
  });

  it('shows a manager the records of users in roles below theirs, not above or beside', () => {
    const org = newOrg();
    const top = insertRole(org, 'VP');
    const middle = insertRole(org, 'Manager', top);
    const bottom = insertRole(org, 'Rep', middle);
    const sibling = insertRole(org, 'OtherRep', top);
    const vp = insertUser(org, 'Standard User', { UserRoleId: top });
    const manager = insertUser(org, 'Standard User', { UserRoleId: middle });
    const rep = insertUser(org, 'Standard User', { UserRoleId: bottom });
    const peer = insertUser(org, 'Standard User', { UserRoleId: sibling });
    insertOne(org, 'Account', { Name: 'Rep account', OwnerId: rep });
    insertOne(org, 'Account', { Name: 'VP account', OwnerId: vp });
    insertOne(org, 'Account', { Name: 'Peer account', OwnerId: peer });
    expect(names(org, USER_MODE(manager))).toEqual(['Rep account']);
    expect(names(org, USER_MODE(vp))).toEqual(['Peer account', 'Rep account', 'VP account']);
    expect(names(org, USER_MODE(rep))).toEqual(['Rep account']);
  });

  it('shows a System Administrator everything (View All Data)', () => {
    const org = newOrg();
    const rep = insertUser(org, 'Standard User');
    insertOne(org, 'Account', { Name: 'Rep account', OwnerId: rep });
    expect(names(org, USER_MODE(org.runningUserId))).toEqual(['Rep account']);
  });

  it('counts only visible rows: sharing applies before aggregation (Apex Developer Guide: "Using the with sharing Keyword")', () => {
    const org = newOrg();
    const rep = insertUser(org, 'Standard User');
    const other = insertUser(org, 'Standard User');
    for (const owner of [rep, other, other]) {
      insertOne(org, 'Opportunity', {
        Name: 'Deal',
        StageName: 'Prospecting',
        CloseDate: '2026-12-01',
        OwnerId: owner
      });
    }
    const soql = 'SELECT OwnerId o, COUNT(Id) n FROM Opportunity GROUP BY OwnerId';
    expect(org.query(soql, {}, USER_MODE(rep)).records).toEqual([{ o: rep, n: 1 }]);
    expect(org.query('SELECT COUNT() FROM Opportunity', {}, withSharing(rep)).totalSize).toBe(1);
    expect(org.query('SELECT COUNT() FROM Opportunity', {}, SYSTEM(rep)).totalSize).toBe(3);
  });

  it('shows every user to everyone (User: Public Read Only) and LoginHistory only to its user without Manage Users', () => {
    const org = newOrg();
    const rep = insertUser(org, 'Standard User');
    org.seedRecords('LoginHistory', [
      { UserId: rep, LoginTime: NOW - 1000, Status: 'Success' },
      { UserId: org.runningUserId, LoginTime: NOW - 1000, Status: 'Success' }
    ]);
    expect(org.query('SELECT COUNT() FROM User', {}, USER_MODE(rep)).totalSize).toBe(2);
    expect(org.query('SELECT UserId FROM LoginHistory', {}, USER_MODE(rep)).records).toEqual([
      { UserId: rep }
    ]);
    // Three rows: the two seeded and the login the test runner started the run with.
    expect(
      org.query('SELECT COUNT() FROM LoginHistory', {}, USER_MODE(org.runningUserId)).totalSize
    ).toBe(3);
    expect(org.query('SELECT COUNT() FROM LoginHistory', {}, SYSTEM(rep)).totalSize).toBe(3);
  });

  it('follows relationships only to parents the user may see (documented choice: every object of a query is seen through sharing)', () => {
    const org = newOrg();
    const rep = insertUser(org, 'Standard User');
    const own = insertOne(org, 'Account', { Name: 'Own', OwnerId: rep });
    const foreign = insertOne(org, 'Account', { Name: 'Foreign' });
    insertOne(org, 'Contact', { LastName: 'A', AccountId: own, OwnerId: rep });
    insertOne(org, 'Contact', { LastName: 'B', AccountId: foreign, OwnerId: rep });
    const rows = org.query(
      'SELECT LastName, Account.Name FROM Contact ORDER BY LastName',
      {},
      USER_MODE(rep)
    );
    expect(rows.records).toEqual([
      { LastName: 'A', Account: { Name: 'Own' } },
      { LastName: 'B', Account: null }
    ]);
  });

  it('shows opportunity field history as its opportunity (Object Reference: OpportunityFieldHistory)', () => {
    const org = newOrg();
    const rep = insertUser(org, 'Standard User');
    const mine = insertOne(org, 'Opportunity', {
      Name: 'A',
      StageName: 'Prospecting',
      CloseDate: '2026-12-01',
      OwnerId: rep
    });
    const theirs = insertOne(org, 'Opportunity', {
      Name: 'B',
      StageName: 'Prospecting',
      CloseDate: '2026-12-01'
    });
    org.seedRecords('OpportunityFieldHistory', [
      { OpportunityId: mine, Field: 'StageName' },
      { OpportunityId: theirs, Field: 'StageName' }
    ]);
    expect(
      org.query('SELECT OpportunityId FROM OpportunityFieldHistory', {}, USER_MODE(rep)).records
    ).toEqual([{ OpportunityId: mine }]);
  });
});

describe('org data: user mode (Apex Developer Guide: "Enforce User Mode for Database Operations")', () => {
  it('refuses a user-mode query on an object the user cannot read', () => {
    const org = newOrg();
    const viewer = insertUser(org, 'Minimum Access - Salesforce');
    insertOne(org, 'Case', { Status: 'New' });
    for (const object of ['Account', 'Case']) {
      expect(() =>
        org.query(`SELECT Id FROM ${object} WITH USER_MODE LIMIT 1`, {}, SYSTEM(viewer))
      ).toThrow(`INVALID_TYPE: sObject type '${object}' is not supported`);
    }
    expect(org.isAccessible(viewer, 'Case')).toBe(false);
    expect(org.isAccessible(viewer, 'User', 'Name')).toBe(true);
  });

  it('lets the query text choose its mode over the caller default', () => {
    const org = newOrg();
    const viewer = insertUser(org, 'Minimum Access - Salesforce');
    insertOne(org, 'Account', { Name: 'Acme' });
    const result = org.query(
      "SELECT Name FROM Account WHERE Name != 'WITH USER_MODE' WITH SYSTEM_MODE",
      {},
      USER_MODE(viewer)
    );
    expect(result.records).toEqual([{ Name: 'Acme' }]);
    expect(() =>
      org.query('SELECT Name FROM Account WITH SECURITY_ENFORCED', {}, SYSTEM(viewer))
    ).toThrow('INVALID_TYPE');
  });

  it('checks object permissions on user-mode DML and record access on edits', () => {
    const org = newOrg();
    const viewer = insertUser(org, 'Minimum Access - Salesforce');
    const reader = insertUser(org, 'Read Only');
    const rep = insertUser(org, 'Standard User');
    expect(() => org.dml('insert', 'Account', [{ Name: 'x' }], userMode(viewer))).toThrow(
      new OrgDataError('SecurityException', 'DML operation INSERT not allowed on Account')
    );
    expect(() => org.dml('insert', 'Task', [{ Subject: 'x' }], userMode(reader))).toThrow(
      'DML operation INSERT not allowed on Task'
    );
    const [own] = org.dml('insert', 'Account', [{ Name: 'Own' }], userMode(rep));
    expect(own.success).toBe(true);
    const foreign = insertOne(org, 'Account', { Name: 'Foreign' });
    const [edit] = org.dml('update', 'Account', [{ Id: foreign, Name: 'Mine now' }], userMode(rep));
    expect(edit.errors).toEqual([
      {
        statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
        message: 'insufficient access rights on object id',
        fields: []
      }
    ]);
    expect(org.dml('delete', 'Account', [{ Id: foreign }], userMode(rep))[0].success).toBe(false);
    expect(
      org.dml('update', 'Account', [{ Id: foreign, Name: 'System' }], systemMode(rep))[0].success
    ).toBe(true);
    expect(
      org.dml('update', 'Account', [{ Id: own.id, Name: 'Renamed' }], userMode(rep))[0].success
    ).toBe(true);
    expect(
      org.dml('update', 'User', [{ Id: rep, Division: 'EMEA' }], userMode(rep))[0].success
    ).toBe(true);
    const [otherUser] = org.dml(
      'update',
      'User',
      [{ Id: org.runningUserId, Division: 'x' }],
      userMode(rep)
    );
    expect(otherUser.errors[0].statusCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    expect(() => insertUserAs(org, rep)).toThrow('DML operation INSERT not allowed on User');
  });
});

describe('org data: setup data and permissions (Object Reference: Profile, PermissionSet, ObjectPermissions)', () => {
  it("answers TestDataFactory's capability-based profile queries", () => {
    const org = newOrg();
    const candidates = org.query(
      `SELECT Id, Name, PermissionsEditTask FROM Profile
       WHERE UserLicense.LicenseDefinitionKey = :key AND UserType = :type
         AND PermissionsModifyAllData = FALSE AND PermissionsViewAllData = FALSE
       WITH SYSTEM_MODE ORDER BY Name`,
      { key: 'SFDC', type: 'Standard' },
      USER_MODE(org.runningUserId)
    ).records;
    expect(candidates.map((profile) => [profile.Name, profile.PermissionsEditTask])).toEqual([
      ['Minimum Access - Salesforce', false],
      ['Read Only', false],
      ['Standard User', true]
    ]);
    const grants = org.query(
      `SELECT Parent.ProfileId, SobjectType, PermissionsCreate FROM ObjectPermissions
       WHERE Parent.IsOwnedByProfile = TRUE AND Parent.ProfileId IN :ids AND SobjectType IN :objects
         AND PermissionsRead = TRUE WITH SYSTEM_MODE`,
      {
        ids: candidates.map((profile) => profile.Id),
        objects: ['Account', 'Contact', 'Opportunity', 'Lead', 'Case']
      },
      SYSTEM(org.runningUserId)
    ).records;
    const standardUser = org.profileIds.get('Standard User');
    expect(
      grants.filter((grant) => (grant.Parent as { ProfileId: string }).ProfileId === standardUser)
    ).toHaveLength(5);
    expect(grants.filter((grant) => grant.PermissionsCreate === true)).toHaveLength(5);
  });

  it('runs tests as an active System Administrator who has logged in', () => {
    const org = newOrg();
    const [user] = org.query(
      'SELECT Name, IsActive, UserType, TimeZoneSidKey, LastLoginDate, Profile.Name FROM User WHERE Id = :id',
      { id: org.runningUserId },
      SYSTEM(org.runningUserId)
    ).records;
    expect(user).toEqual({
      Name: 'Apex Test Runner',
      IsActive: true,
      UserType: 'Standard',
      TimeZoneSidKey: 'Europe/Paris',
      LastLoginDate: '2026-11-23T11:00:00.000+0000',
      Profile: { Name: 'System Administrator' }
    });
  });

  it('grants a custom permission through an assigned permission set (Apex Reference: FeatureManagement.checkPermission)', () => {
    const org = newOrg();
    const rep = insertUser(org, 'Standard User');
    expect(org.hasCustomPermission(rep, 'Adoption_View_Team')).toBe(false);
    const [set] = org.query(
      "SELECT Id FROM PermissionSet WHERE Name = 'Adoption_Dashboard_Manager'",
      {},
      SYSTEM(rep)
    ).records;
    insertOne(org, 'PermissionSetAssignment', { AssigneeId: rep, PermissionSetId: set.Id });
    expect(org.hasCustomPermission(rep, 'adoption_view_team')).toBe(true);
    expect(org.hasCustomPermission(rep, 'Adoption_View_All')).toBe(false);
    const names = org.query(
      'SELECT DeveloperName FROM CustomPermission ORDER BY DeveloperName',
      {},
      SYSTEM(rep)
    ).records;
    expect(names.map((row) => row.DeveloperName)).toEqual([
      'Adoption_Manage_Settings',
      'Adoption_View_All',
      'Adoption_View_Team',
      'Adoption_View_Team_Logins'
    ]);
  });

  it('reads custom metadata records and limits them to users with access to the type', () => {
    const org = newOrg();
    const [settings] = org.customMetadata('Adoption_Settings__mdt');
    expect(settings).toMatchObject({
      DeveloperName: 'Default',
      MasterLabel: 'Default',
      Region_Field__c: 'Division',
      Stale_Days__c: 30,
      Privacy_Mode__c: false,
      Baseline__c: null
    });
    expect(org.customMetadata('Account')).toEqual([]);
    const rep = insertUser(org, 'Standard User');
    const soql =
      "SELECT Region_Field__c FROM Adoption_Settings__mdt WHERE DeveloperName = 'Default'";
    expect(() => org.query(soql, {}, USER_MODE(rep))).toThrow('INVALID_TYPE');
    const [set] = org.query(
      "SELECT Id FROM PermissionSet WHERE Name = 'Adoption_Dashboard_Viewer'",
      {},
      SYSTEM(rep)
    ).records;
    insertOne(org, 'PermissionSetAssignment', { AssigneeId: rep, PermissionSetId: set.Id });
    expect(org.query(soql, {}, USER_MODE(rep)).records).toEqual([{ Region_Field__c: 'Division' }]);
  });
});

describe('org data: metadata from the source folder', () => {
  let sourceDir: string;

  beforeAll(() => {
    sourceDir = mkdtempSync(path.join(tmpdir(), 'org-source-'));
    const fields = path.join(sourceDir, 'objects', 'Account', 'fields');
    mkdirSync(fields, { recursive: true });
    writeFileSync(
      path.join(sourceDir, 'objects', 'Account', 'Account.object-meta.xml'),
      '<CustomObject><sharingModel>Read</sharingModel></CustomObject>'
    );
    writeFileSync(
      path.join(fields, 'Secret__c.field-meta.xml'),
      '<CustomField><fullName>Secret__c</fullName><label>Secret &amp; Code</label><length>40</length><type>Text</type></CustomField>'
    );
    writeFileSync(
      path.join(fields, 'Tier__c.field-meta.xml'),
      '<CustomField><label>Tier</label><type>Picklist</type><valueSet><valueSetDefinition><value><fullName>Gold</fullName></value><value><fullName>Silver</fullName></value></valueSetDefinition></valueSet></CustomField>'
    );
    mkdirSync(path.join(sourceDir, 'permissionsets'));
    writeFileSync(
      path.join(sourceDir, 'permissionsets', 'Secret_Reader.permissionset-meta.xml'),
      `<PermissionSet><label>Secret Reader</label>
        <fieldPermissions><editable>false</editable><field>Account.Secret__c</field><readable>true</readable></fieldPermissions>
        <objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit>
          <allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Account</object><viewAllRecords>true</viewAllRecords></objectPermissions>
      </PermissionSet>`
    );
  });

  it('hides a custom field without field permission in user mode, in SELECT and WHERE (Apex Developer Guide: "Enforce User Mode for Database Operations")', () => {
    const org = newOrg({ sourceDir });
    const rep = insertUser(org, 'Standard User');
    insertOne(org, 'Account', { Name: 'Acme', Secret__c: 's' });
    expect(() => org.query('SELECT Secret__c FROM Account', {}, USER_MODE(rep))).toThrow(
      "INVALID_FIELD: No such column 'Secret__c' on entity 'Account'"
    );
    expect(() =>
      org.query("SELECT Name FROM Account WHERE Secret__c = 's'", {}, USER_MODE(rep))
    ).toThrow('Secret__c');
    expect(org.query('SELECT Secret__c FROM Account', {}, SYSTEM(rep)).records).toEqual([
      { Secret__c: 's' }
    ]);
    const [insert] = org.dml('insert', 'Account', [{ Name: 'x', Secret__c: 'y' }], userMode(rep));
    expect(insert.errors[0].statusCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(org.isAccessible(rep, 'Account', 'Secret__c')).toBe(false);
    const [set] = org.query(
      "SELECT Id FROM PermissionSet WHERE Name = 'Secret_Reader'",
      {},
      SYSTEM(rep)
    ).records;
    insertOne(org, 'PermissionSetAssignment', { AssigneeId: rep, PermissionSetId: set.Id });
    expect(org.query('SELECT Secret__c FROM Account', {}, USER_MODE(rep)).records).toEqual([
      { Secret__c: 's' }
    ]);
    expect(org.isAccessible(rep, 'Account', 'secret__c')).toBe(true);
    expect(org.isAccessible(rep, 'Account', 'Nope__c')).toBe(false);
    expect(org.isAccessible(rep, 'Nope', 'Name')).toBe(false);
  });

  it('takes the organization-wide default from <sharingModel>: Public Read Only shows all, edits only own', () => {
    const org = newOrg({ sourceDir });
    const rep = insertUser(org, 'Standard User');
    const foreign = insertOne(org, 'Account', { Name: 'Foreign' });
    expect(names(org, USER_MODE(rep))).toEqual(['Foreign']);
    expect(
      org.dml('update', 'Account', [{ Id: foreign, Name: 'x' }], userMode(rep))[0].success
    ).toBe(false);
  });

  it('describes custom fields with their labels, lengths and picklist values', () => {
    const org = newOrg({ sourceDir });
    const account = org.describe('account');
    expect(account?.fields.Secret__c).toMatchObject({
      label: 'Secret & Code',
      type: 'string',
      isCustom: true,
      length: 40,
      nillable: true
    });
    expect(account?.fields.Tier__c.picklistValues?.map((entry) => entry.value)).toEqual([
      'Gold',
      'Silver'
    ]);
  });
});
