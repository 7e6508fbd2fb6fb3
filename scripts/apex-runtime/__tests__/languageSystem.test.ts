/**
 * The system classes the interpreter models with the data layer: Schema describes, UserInfo,
 * TimeZone, FeatureManagement, custom settings and metadata, Metadata deployments, Database DML
 * results, Crypto/EncodingUtil, and data-layer errors as Apex exceptions.
 */
import { runBodyWithOrg } from './languageHelpers';
import { newOrg } from './orgTestSupport';

const org = newOrg();

function run(body: string, extra: Record<string, string> = {}): string {
  return runBodyWithOrg(org, body, { extra, seed: 3 });
}

describe('Schema describes', () => {
  it('describes objects and fields through tokens, maps and Schema.SObjectType', () => {
    const body = `
      public static String run() {
        Schema.DescribeSObjectResult described = Schema.SObjectType.Account;
        Map<String, Schema.SObjectField> fields = described.fields.getMap();
        Schema.DescribeFieldResult name = fields.get('NAME').getDescribe();
        Schema.DescribeFieldResult owner = Account.OwnerId.getDescribe();
        return described.getName() + ' ' + described.getLabel() + ' ' + described.isAccessible() + ' ' +
          described.isCustom() + ' ' + described.isQueryable() + ' ' + fields.containsKey('ownerid') + ' ' +
          fields.keySet().contains('Name') + ' ' + name.getName() + ' ' + name.getType() + ' ' +
          name.isFilterable() + ' ' + name.isGroupable() + ' ' + name.isSortable() + ' ' + name.isCustom() + ' ' +
          name.isAccessible() + ' ' + owner.getReferenceTo()[0].getDescribe().getName() + ' ' + owner.getRelationshipName() + ' ' +
          (name.getSObjectField() == Account.Name) + ' ' + (described.getSObjectType() == Account.SObjectType) + ' ' +
          Schema.SObjectType.Account.fields.Name.getName() + ' ' +
          Adoption_Settings__mdt.Region_Field__c.getDescribe().getLength();
      }`;
    expect(run(body)).toBe(
      'Account Account true false true true false Name STRING true true true false true User Owner true true Name 80'
    );
  });

  it('finds objects in the global describe and refuses unknown ones in describeSObjects', () => {
    const body = `
      public static String run() {
        Map<String, Schema.SObjectType> types = Schema.getGlobalDescribe();
        Schema.SObjectType settings = types.get('Adoption_Settings__MDT');
        List<Schema.DescribeSObjectResult> found = Schema.describeSObjects(
          new List<String>{ 'opportunity' }, SObjectDescribeOptions.DEFERRED);
        String refused;
        try {
          Schema.describeSObjects(new List<String>{ 'NoSuch__c' });
        } catch (InvalidParameterValueException e) {
          refused = e.getTypeName();
        }
        return settings.getDescribe().getName() + ' ' + settings.getDescribe().isCustom() + ' ' +
          found[0].getName() + ' ' + found[0].getKeyPrefix() + ' ' + types.containsKey('ACCOUNT') + ' ' +
          Opportunity.SObjectType.getDescribe(SObjectDescribeOptions.DEFERRED).isCustomSetting() + ' ' + refused + ' ' +
          Account.Name.getDescribe().getLocalName() + ' ' + Schema.Account.Industry.getDescribe().getType().name();
      }`;
    expect(run(body)).toBe(
      'Adoption_Settings__mdt true Opportunity 006 true false System.InvalidParameterValueException Name PICKLIST'
    );
  });
});

describe('the running user', () => {
  it('answers UserInfo, TimeZone and FeatureManagement for the running user', () => {
    const body = `
      public static String run() {
        TimeZone zone = UserInfo.getTimeZone();
        Datetime winter = Datetime.newInstanceGmt(2026, 1, 15, 12, 0, 0);
        return UserInfo.getUserId() + ' ' + (UserInfo.getName() != null) + ' ' + (UserInfo.getLastName() != null) + ' ' +
          (UserInfo.getFirstName() == null || UserInfo.getFirstName() != null) + ' ' + (UserInfo.getUserName() != null) + ' ' +
          (UserInfo.getUserEmail() != null) + ' ' +
          (UserInfo.getProfileId() != null) + ' ' + UserInfo.getUserRoleId() + ' ' + UserInfo.getUserType() + ' ' +
          UserInfo.getLocale() + ' ' + UserInfo.getLanguage() + ' ' + zone.getID() + ' ' + zone.getOffset(winter) + ' ' +
          String.valueOf(UserInfo.getOrganizationId()).left(3) + ' ' +
          TimeZone.getTimeZone('Nowhere/City').getID() + ' ' + TimeZone.getTimeZone('America/New_York').getOffset(winter) + ' ' +
          FeatureManagement.checkPermission('No_Such_Permission');
      }`;
    expect(run(body)).toBe(
      `${org.runningUserId} true true true true true true null Standard en_US en_US Europe/Paris 3600000 00D GMT -18000000 false`
    );
  });
});

describe('custom settings and custom metadata', () => {
  it('reads, upserts and merges a hierarchy custom setting', () => {
    const body = `
      public static String run() {
        Adoption_Baseline_Deployment__c empty = Adoption_Baseline_Deployment__c.getOrgDefaults();
        Adoption_Baseline_Deployment__c fresh = Adoption_Baseline_Deployment__c.getInstance();
        Adoption_Baseline_Deployment__c record = new Adoption_Baseline_Deployment__c(
          SetupOwnerId = UserInfo.getOrganizationId(), Status__c = 'Pending');
        Database.UpsertResult result = Database.upsert(record, true, AccessLevel.SYSTEM_MODE);
        Adoption_Baseline_Deployment__c stored = Adoption_Baseline_Deployment__c.getOrgDefaults();
        Adoption_Baseline_Deployment__c mine = Adoption_Baseline_Deployment__c.getInstance(UserInfo.getUserId());
        return (empty.Id == null) + ' ' + (fresh.SetupOwnerId == UserInfo.getUserId()) + ' ' + result.isCreated() + ' ' +
          result.isSuccess() + ' ' + stored.Status__c + ' ' + (mine.Id == null) + ' ' + mine.Status__c + ' ' +
          Adoption_Baseline_Deployment__c.getValues(UserInfo.getUserId()) + ' ' +
          (Adoption_Baseline_Deployment__c.getValues(UserInfo.getOrganizationId()).Id == stored.Id);
      }`;
    expect(run(body)).toBe('true true true true Pending true Pending null true');
  });

  it('reads custom metadata with getInstance and getAll, cutting long text to 255 characters', () => {
    const body = `
      public static String run() {
        Adoption_Settings__mdt byName = Adoption_Settings__mdt.getInstance('Default');
        Map<String, Adoption_Settings__mdt> all = Adoption_Settings__mdt.getAll();
        return byName.Region_Field__c + ' ' + all.keySet() + ' ' +
          (Adoption_Settings__mdt.getInstance(byName.Id).DeveloperName) + ' ' + Adoption_Settings__mdt.getInstance('Nope');
      }`;
    expect(run(body)).toBe('Division {Default} Default null');
  });

  it('applies a Metadata deployment and runs its callback after the transaction, at Test.stopTest', () => {
    const callback = `
      public class Recorder implements Metadata.DeployCallback {
        public static String seen;
        public void handleResult(Metadata.DeployResult result, Metadata.DeployCallbackContext context) {
          seen = result.status + ' ' + result.success + ' ' + result.numberComponentsDeployed + ' ' +
            result.details.componentFailures.size() + ' ' + context.getCallbackJobId();
        }
      }`;
    const body = `
      public static String run() {
        Metadata.CustomMetadata record = new Metadata.CustomMetadata();
        record.fullName = 'Adoption_Settings.Default';
        record.label = 'Default';
        Metadata.CustomMetadataValue value = new Metadata.CustomMetadataValue();
        value.field = 'Targets__c';
        value.value = '${'x'.repeat(300)}';
        record.values.add(value);
        Metadata.DeployContainer container = new Metadata.DeployContainer();
        container.addMetadata(record);
        Metadata.Metadata first = container.getMetadata()[0];
        Test.startTest();
        Id jobId = Metadata.Operations.enqueueDeployment(container, new Recorder());
        String beforeStop = Recorder.seen;
        Test.stopTest();
        Adoption_Settings__mdt cached = Adoption_Settings__mdt.getInstance('Default');
        Adoption_Settings__mdt full = [SELECT Targets__c FROM Adoption_Settings__mdt WHERE DeveloperName = 'Default'];
        Boolean removed = container.removeMetadata(first);
        Metadata.DeployResult typed = new Metadata.DeployResult();
        typed.id = jobId;
        if (!(typed.id instanceof String)) { return 'DeployResult.id must hold a String'; }
        return String.valueOf(jobId).left(3) + ' ' + beforeStop + ' ' + Recorder.seen + ' ' + cached.Targets__c.length() + ' ' +
          full.Targets__c.length() + ' ' + (first instanceof Metadata.CustomMetadata) + ' ' + removed + ' ' +
          container.getMetadata().size() + ' ' + Metadata.DeployStatus.Canceled.ordinal();
      }`;
    expect(run(body, { Recorder: callback })).toBe(
      '0Af null Succeeded true 1 0 null 255 300 true true 0 6'
    );
  });
});

describe('Database DML methods and data-layer errors', () => {
  it('returns SaveResults with errors when allOrNone is false', () => {
    const body = `
      public static String run() {
        List<Account> accounts = new List<Account>{ new Account(Name = 'Kept'), new Account() };
        List<Database.SaveResult> results = Database.insert(accounts, false);
        Database.Error error = results[1].getErrors()[0];
        Database.SaveResult single = Database.update(accounts[0], AccessLevel.USER_MODE);
        Database.DeleteResult deleted = Database.delete(accounts[0]);
        return results[0].isSuccess() + ' ' + (results[0].getId() != null) + ' ' + results[1].isSuccess() + ' ' +
          results[1].getId() + ' ' + error.getStatusCode() + ' ' + error.getMessage() + ' ' + error.getFields() + ' ' +
          single.isSuccess() + ' ' + deleted.isSuccess() + ' ' + Database.insert(new List<Account>()).size();
      }`;
    expect(run(body)).toBe(
      'true true false null REQUIRED_FIELD_MISSING Required fields are missing: [Name] (Name) true true 0'
    );
  });

  it('throws DmlException with the failed rows when allOrNone is true', () => {
    const body = `
      public static String run() {
        try {
          insert new Account();
          return 'no exception';
        } catch (DmlException e) {
          return e.getMessage() + ' | ' + e.getNumDml() + ' ' + e.getDmlType(0) + ' ' + e.getDmlMessage(0);
        }
      }`;
    expect(run(body)).toBe(
      'Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Name]: [Name] | 1 REQUIRED_FIELD_MISSING Required fields are missing: [Name]'
    );
  });

  it('maps SOQL errors to QueryException with the message as is', () => {
    const body = `
      public static String run() {
        try {
          Database.query('SELECT NoSuchField__c FROM Account');
          return 'no exception';
        } catch (QueryException e) {
          return e.getMessage();
        }
      }`;
    expect(run(body)).toMatch(/^INVALID_FIELD: .*NoSuchField__c/);
  });

  it('maps data-layer errors to the exception they name', () => {
    const body = `
      public static String run() {
        try {
          insert new LoginHistory();
          return 'no exception';
        } catch (TypeException e) {
          return e.getTypeName() + ': ' + e.getMessage();
        }
      }`;
    expect(run(body)).toBe(
      'System.TypeException: DML operation Insert not allowed on LoginHistory'
    );
  });

  it('counts with SELECT COUNT() as an Integer', () => {
    const body = `
      public static String run() {
        insert new List<Account>{ new Account(Name = 'C1'), new Account(Name = 'C2') };
        Integer total = [SELECT COUNT() FROM Account WHERE Name LIKE 'C%'];
        return String.valueOf(total);
      }`;
    expect(run(body)).toBe('2');
  });
});

describe('Crypto, EncodingUtil and Blob', () => {
  it('makes repeatable random keys and prints blobs as hex and base64', () => {
    const body = `
      public static String run() {
        Blob key = Crypto.generateAesKey(128);
        Blob text = Blob.valueOf('Hi');
        String refused;
        try {
          Crypto.generateAesKey(100);
        } catch (InvalidParameterValueException e) {
          refused = e.getMessage();
        }
        return key.size() + ' ' + EncodingUtil.convertToHex(key).length() + ' ' +
          (EncodingUtil.convertToHex(key) != EncodingUtil.convertToHex(Crypto.generateAesKey(128))) + ' ' +
          EncodingUtil.convertToHex(text) + ' ' + EncodingUtil.base64Encode(text) + ' ' +
          EncodingUtil.base64Decode('SGk=').toString() + ' ' + refused;
      }`;
    expect(run(body)).toBe(
      '16 32 true 4869 SGk= Hi Invalid key size: 100. Supported sizes are 128, 192 and 256.'
    );
  });
});
