import { join } from 'node:path';
import { createOrg } from '../org/orgData';
import { runBodyWithOrg } from './languageHelpers';

const org = createOrg({
  sourceDir: join(__dirname, '..', '..', '..', 'force-app', 'main', 'default')
});

function run(body: string, apiVersion = 68): string {
  return runBodyWithOrg(org, body, { apiVersion });
}

describe('SOQL, DML and limits in the interpreter', () => {
  it('inserts records, reads their Ids and queries them back with binds', () => {
    const body = `
      public static String run() {
        List<Account> accounts = new List<Account>{ new Account(Name = 'A1'), new Account(name = 'A2') };
        insert accounts;
        Set<Id> ids = new Map<Id, Account>(accounts).keySet();
        List<Account> found = [SELECT Id, Name FROM Account WHERE Id IN :ids ORDER BY Name];
        Account first = [SELECT Name FROM Account WHERE Id = :accounts[0].Id];
        Integer rows = 0;
        for (Account each : [SELECT Id FROM Account WHERE Id IN :ids]) { rows++; }
        for (List<Account> chunk : [SELECT Id FROM Account WHERE Id IN :ids]) { rows += chunk.size(); }
        return found.size() + ' ' + found[1].name + ' ' + first.Name + ' ' + (accounts[0].Id != null) + ' ' + rows + ' ' + Limits.getQueries() + '/' + Limits.getLimitQueries() + ' ' + Limits.getDmlStatements() + ' ' + Limits.getDmlRows();
      }`;
    expect(run(body)).toBe('2 A2 A1 true 4 4/100 1 2');
  });

  it('counts with AggregateResult aliases as Integers', () => {
    const body = `
      public static String run() {
        insert new Account(Name = 'Counted');
        List<AggregateResult> rows = [SELECT COUNT(Id) total FROM Account WHERE Name = 'Counted'];
        Integer total = (Integer) rows[0].get('total');
        return String.valueOf(total + 1);
      }`;
    expect(run(body)).toBe('2');
  });

  it('refuses a field that was not queried and a query assigned to one record without a row', () => {
    expect(
      run(
        "public static Object run() { insert new Account(Name = 'x'); Account a = [SELECT Id FROM Account LIMIT 1]; return a.Name; }"
      )
    ).toBe(
      'System.SObjectException: SObject row was retrieved via SOQL without querying the requested field: Account.Name'
    );
    expect(
      run(
        "public static Object run() { Account a = [SELECT Id FROM Account WHERE Name = 'none']; return a; }"
      )
    ).toBe('System.QueryException: List has no rows for assignment to SObject');
  });

  it('turns a failed insert into a DmlException with its details', () => {
    const body = `
      public static String run() {
        try { insert new Account(); return 'inserted'; }
        catch (DmlException e) { return e.getNumDml() + ' ' + e.getDmlType(0) + ' ' + e.getDmlFieldNames(0); }
      }`;
    expect(run(body)).toMatch(/^1 REQUIRED_FIELD_MISSING \(Name\)$/);
  });

  it('charges the SOQL limit and a LimitException escapes catch (Exception)', () => {
    const body = `
      public static String run() {
        try { for (Integer i = 0; i < 101; i++) { List<Account> rows = [SELECT Id FROM Account LIMIT 1]; } }
        catch (Exception e) { return 'caught'; }
        return 'done';
      }`;
    expect(run(body)).toBe('System.LimitException: Too many SOQL queries: 101');
  });

  it('gives Test.startTest a fresh set of limits', () => {
    const body = `
      public static String run() {
        List<Account> before = [SELECT Id FROM Account LIMIT 1];
        Test.startTest();
        Integer inside = Limits.getQueries();
        Test.stopTest();
        return inside + ' ' + Limits.getQueries() + ' ' + Test.isRunningTest();
      }`;
    expect(run(body)).toBe('0 1 true');
  });

  it('runs Database.queryWithBinds in the access level it is given', () => {
    const body = `
      public static String run() {
        insert new Account(Name = 'Bound');
        List<Account> rows = Database.queryWithBinds('SELECT Name FROM Account WHERE Name = :name', new Map<String, Object>{ 'name' => 'Bound' }, AccessLevel.SYSTEM_MODE);
        return rows[0].get('Name') + ' ' + System.RoundingMode.DOWN;
      }`;
    expect(run(body)).toBe('Bound DOWN');
  });

  // Apex Reference Guide, "JSON Class" (deserialize): an SObject's fields come back as the types
  // the schema gives them, so a Datetime field written as text is a Datetime again.
  it('types SObject fields by the schema when JSON.deserialize makes an SObject', () => {
    const body = `
      public static String run() {
        Datetime login = Datetime.newInstanceGmt(2026, 11, 2, 9, 30, 0);
        Map<String, Object> fields = new Map<String, Object>{
          'LastLoginDate' => login, 'IsActive' => true, 'Id' => UserInfo.getUserId()
        };
        User member = (User) JSON.deserialize(JSON.serialize(fields), User.class);
        Opportunity deal = (Opportunity) JSON.deserialize('{"Amount": 12.5, "CloseDate": "2026-11-30"}', Opportunity.class);
        Datetime read = member.LastLoginDate;
        Date closes = deal.CloseDate;
        User ranked = (User) JSON.deserialize('{"UserRole": {"attributes": {"type": "UserRole"}, "Name": "Sales"}}', User.class);
        Task call = (Task) JSON.deserialize('{"Owner": {"attributes": {"type": "User"}, "Name": "Ada"}}', Task.class);
        return read.formatGmt('yyyy-MM-dd HH:mm') + ' ' + member.IsActive + ' ' + (deal.Amount * 2) + ' ' + closes.day()
          + ' ' + ranked.UserRole.Name + ' ' + call.Owner.Name;
      }`;
    expect(run(body)).toBe('2026-11-02 09:30 true 25.0 30 Sales Ada');
  });

  // Apex Reference Guide, "LeadConvert Class" / "LeadConvertResult Class" and Object Reference,
  // Lead (IsConverted, ConvertedDate, Converted…Id): conversion makes an Account, a Contact and,
  // unless doNotCreateOpportunity, an Opportunity, and gives the lead the converted status.
  it('converts leads with Database.convertLead', () => {
    const body = `
      public static String run() {
        List<Lead> leads = new List<Lead>{
          new Lead(FirstName = 'Ann', LastName = 'Lee', Company = 'Lee Co'),
          new Lead(LastName = 'Bo', Company = 'Bo Inc')
        };
        insert leads;
        Database.LeadConvert first = new Database.LeadConvert();
        first.setLeadId(leads[0].Id);
        first.setConvertedStatus('Closed - Converted');
        first.setOpportunityName('Lee deal');
        Database.LeadConvert second = new Database.LeadConvert();
        second.setLeadId(leads[1].Id);
        second.setConvertedStatus('Closed - Converted');
        second.setDoNotCreateOpportunity(true);
        List<Database.LeadConvertResult> results = Database.convertLead(new List<Database.LeadConvert>{ first, second });
        Lead converted = [SELECT IsConverted, Status, ConvertedDate, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId FROM Lead WHERE Id = :leads[0].Id];
        Contact person = [SELECT Id, FirstName, LastName, Account.Name FROM Contact WHERE Id = :results[0].getContactId()];
        Opportunity deal = [SELECT Name, AccountId FROM Opportunity WHERE Id = :results[0].getOpportunityId()];
        String out = results[0].isSuccess() + ' ' + converted.IsConverted + ' ' + converted.Status + ' '
          + (converted.ConvertedDate == Date.today()) + ' ' + (converted.ConvertedAccountId == results[0].getAccountId())
          + ' ' + (converted.ConvertedContactId == person.Id) + ' ' + person.FirstName + ' ' + person.Account.Name
          + ' ' + deal.Name + ' ' + (deal.AccountId == results[0].getAccountId()) + ' ' + first.getOpportunityName()
          + ' ' + results[1].getOpportunityId() + ' ' + second.isDoNotCreateOpportunity() + ' ' + results[0].getErrors().size();
        Database.LeadConvert again = new Database.LeadConvert();
        again.setLeadId(leads[0].Id);
        again.setConvertedStatus('Closed - Converted');
        Database.LeadConvertResult refused = Database.convertLead(again, false);
        out += ' ' + refused.isSuccess() + ' ' + refused.getErrors()[0].getStatusCode();
        try {
          Database.convertLead(again);
        } catch (DmlException e) {
          out += ' ' + e.getMessage().startsWith('ConvertLead failed');
        }
        return out;
      }`;
    expect(run(body)).toBe(
      'true true Closed - Converted true true true Ann Lee Co Lee deal true Lee deal null true 0 false INVALID_STATUS true'
    );
  });
});
