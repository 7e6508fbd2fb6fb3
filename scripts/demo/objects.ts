/**
 * The demo org's SObject tables: field names, types and relationships as in a real org, read
 * from the generated roster, logins and CRM columns.
 */
import { NULL_DAY, createDateFormatter } from './calendar';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  CrmData,
  LEAD_STATUSES,
  OPPORTUNITY_STAGES,
  TASK_STATUSES,
  WHAT_ACCOUNT,
  WHAT_OPPORTUNITY,
  WHO_CONTACT,
  WHO_LEAD
} from './crm';
import { DUPLICATE_OBJECTS } from './duplicates';
import type { DuplicateColumns } from './duplicates';
import { DemoObjectName, IdCodec, KEY_PREFIXES, idCodec } from './ids';
import { LOGIN_APPLICATIONS, LOGIN_STATUSES, LoginColumns } from './logins';
import type { SObjectTable } from './model';
import {
  CASE_SUBJECTS,
  COMPANY_FIRST_WORDS,
  COMPANY_SECOND_WORDS,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  NEXT_STEPS,
  OPPORTUNITY_KINDS,
  TASK_SUBJECTS,
  slug
} from './names';
import {
  PLACES,
  PROFILE_NAMES,
  REGIONS,
  ROLE_NAMES,
  ROLE_PARENTS,
  USER_TYPES,
  Person
} from './people';
import {
  DemoTable,
  FieldDef,
  Reader,
  dates,
  flag,
  idsFrom,
  idsOf,
  labels,
  numbers,
  ownIds,
  polymorphic,
  reference,
  typed,
  values
} from './tables';
import { HISTORY_FIELDS } from './stageHistory';
import type { StageHistoryColumns } from './stageHistory';

export interface TableInputs {
  people: readonly Person[];
  /** Latest successful LoginTime per roster index (NaN for none). */
  lastLogin: Float64Array;
  logins: LoginColumns;
  crm: CrmData;
  /** Columns added after the CRM records (see recordUpkeep.ts, stageHistory.ts, duplicates.ts). */
  extras: {
    nextSteps: Uint8Array;
    taskModified: Float64Array;
    stageHistory: StageHistoryColumns;
    duplicates: DuplicateColumns;
  };
}

const codecs = Object.fromEntries(
  Object.entries(KEY_PREFIXES).map(([name, prefix]) => [name, idCodec(prefix)])
) as Record<DemoObjectName, IdCodec>;

const idsOfRows = (codec: IdCodec, size: number): string[] =>
  Array.from({ length: size }, (_, row) => codec.encode(row));

const owner = (read: Reader): FieldDef => reference('User', 'Owner', read);
const createdBy = (read: Reader): FieldDef => reference('User', 'CreatedBy', read);

export function buildTables(inputs: TableInputs): Record<DemoObjectName, SObjectTable> {
  const { people, lastLogin, logins, crm, extras } = inputs;
  const formatDate = createDateFormatter();
  const userIds = idsOfRows(codecs.User, people.length);
  const roleIds = idsOfRows(codecs.UserRole, ROLE_NAMES.length);
  const profileIds = idsOfRows(codecs.Profile, PROFILE_NAMES.length);
  const userRef = (rows: Int32Array): Reader => idsFrom(rows, userIds);
  const table = (name: DemoObjectName, size: number, fields: Record<string, FieldDef>) =>
    new DemoTable(name, size, codecs[name], fields);
  const column = <T>(pick: (person: Person) => T): T[] => people.map(pick);

  const profile = table('Profile', PROFILE_NAMES.length, {
    Id: typed('id', values(profileIds)),
    Name: typed('string', values(PROFILE_NAMES))
  });

  const userRole = table('UserRole', ROLE_NAMES.length, {
    Id: typed('id', values(roleIds)),
    Name: typed('string', values(ROLE_NAMES)),
    ParentRoleId: reference(
      'UserRole',
      'ParentRole',
      values(ROLE_PARENTS.map((parent) => (parent < 0 ? null : roleIds[parent])))
    )
  });

  const user = table('User', people.length, {
    Id: typed('id', values(userIds)),
    Name: typed('string', values(column((p) => `${p.firstName} ${p.lastName}`))),
    FirstName: typed('string', values(column((p) => p.firstName))),
    LastName: typed('string', values(column((p) => p.lastName))),
    Username: typed('string', values(column((p) => p.username))),
    Email: typed('email', values(column((p) => p.email))),
    IsActive: typed('boolean', values(column((p) => p.isActive))),
    UserType: typed('picklist', values(column((p) => USER_TYPES[p.userType]))),
    ProfileId: reference('Profile', 'Profile', values(column((p) => profileIds[p.profile]))),
    UserRoleId: reference(
      'UserRole',
      'UserRole',
      values(column((p) => (p.role < 0 ? null : roleIds[p.role])))
    ),
    ManagerId: reference(
      'User',
      'Manager',
      values(column((p) => (p.manager < 0 ? null : userIds[p.manager])))
    ),
    Division: typed('string', values(column((p) => (p.divisionBlank ? null : REGIONS[p.region])))),
    Department: typed('string', values(column((p) => p.department))),
    Country: typed('string', values(column((p) => PLACES[p.place].country))),
    LastLoginDate: typed('datetime', numbers(lastLogin)),
    CreatedDate: typed('datetime', values(column((p) => p.createdMs)))
  });

  const loginHistory = table('LoginHistory', logins.size, {
    Id: typed('id', ownIds(codecs.LoginHistory)),
    UserId: reference('User', 'User', userRef(logins.user)),
    LoginTime: typed('datetime', numbers(logins.time)),
    Status: typed('string', labels(logins.status, LOGIN_STATUSES)),
    LoginType: typed('picklist', () => 'Application'),
    Application: typed('string', labels(logins.application, LOGIN_APPLICATIONS))
  });

  const { accounts, contacts, opportunities, leads, tasks, cases } = crm;
  const firstSlugs = FIRST_NAMES.map(slug);
  const lastSlugs = LAST_NAMES.map(slug);
  const companySlugs = COMPANY_FIRST_WORDS.map(slug);
  const companySecondSlugs = COMPANY_SECOND_WORDS.map(slug);
  const companyName = (first: number, second: number, place: number): string => {
    const suffix = PLACES[place]?.legalSuffix;
    const name = `${COMPANY_FIRST_WORDS[first]} ${COMPANY_SECOND_WORDS[second]}`;
    return suffix === undefined ? name : `${name} ${suffix}`;
  };
  const accountName = (row: number): string =>
    companyName(accounts.nameFirst[row], accounts.nameSecond[row], accounts.billingPlace[row]);

  const account = table('Account', accounts.size, {
    Id: typed('id', ownIds(codecs.Account)),
    Name: typed('string', accountName),
    OwnerId: owner(userRef(accounts.owner)),
    CreatedById: createdBy(userRef(accounts.createdBy)),
    CreatedDate: typed('datetime', numbers(accounts.created)),
    Industry: typed('picklist', labels(accounts.industry, INDUSTRIES)),
    BillingCountry: typed(
      'string',
      labels(
        accounts.billingPlace,
        PLACES.map((p) => p.country)
      )
    )
  });

  const contact = table('Contact', contacts.size, {
    Id: typed('id', ownIds(codecs.Contact)),
    AccountId: reference('Account', 'Account', idsOf(contacts.account, codecs.Account)),
    FirstName: typed('string', labels(contacts.firstName, FIRST_NAMES)),
    LastName: typed('string', labels(contacts.lastName, LAST_NAMES)),
    Name: typed(
      'string',
      (row) => `${FIRST_NAMES[contacts.firstName[row]]} ${LAST_NAMES[contacts.lastName[row]]}`
    ),
    Email: typed('email', (row) => {
      if (contacts.hasEmail[row] === 0) return null;
      const company = contacts.account[row];
      return (
        `${firstSlugs[contacts.firstName[row]]}.${lastSlugs[contacts.lastName[row]]}@` +
        `${companySlugs[accounts.nameFirst[company]]}${companySecondSlugs[accounts.nameSecond[company]]}.example.com`
      );
    }),
    OwnerId: owner(userRef(contacts.owner)),
    CreatedById: createdBy(userRef(contacts.createdBy)),
    CreatedDate: typed('datetime', numbers(contacts.created)),
    LastModifiedDate: typed('datetime', numbers(contacts.modified))
  });

  const stageOf = (row: number) => OPPORTUNITY_STAGES[opportunities.stage[row]];
  const opportunity = table('Opportunity', opportunities.size, {
    Id: typed('id', ownIds(codecs.Opportunity)),
    Name: typed(
      'string',
      (row) =>
        `${accountName(opportunities.account[row])} - ${OPPORTUNITY_KINDS[opportunities.kind[row]]}`
    ),
    AccountId: reference('Account', 'Account', idsOf(opportunities.account, codecs.Account)),
    OwnerId: owner(userRef(opportunities.owner)),
    CreatedById: createdBy(userRef(opportunities.createdBy)),
    CreatedDate: typed('datetime', numbers(opportunities.created)),
    LastModifiedDate: typed('datetime', numbers(opportunities.modified)),
    LastActivityDate: typed('date', dates(opportunities.lastActivity, NULL_DAY, formatDate)),
    StageName: typed('picklist', (row) => stageOf(row).name),
    IsClosed: typed('boolean', (row) => stageOf(row).isClosed),
    IsWon: typed('boolean', (row) => stageOf(row).isWon),
    CloseDate: typed('date', dates(opportunities.closeDay, NULL_DAY, formatDate)),
    Amount: typed('currency', numbers(opportunities.amount)),
    Probability: typed('percent', (row) => stageOf(row).probability),
    NextStep: typed('string', labels(extras.nextSteps, NEXT_STEPS))
  });

  const { stageHistory } = extras;
  const stageLabel =
    (codes: Uint8Array): Reader =>
    (row) =>
      OPPORTUNITY_STAGES[codes[row]]?.name ?? null;
  const opportunityFieldHistory = table('OpportunityFieldHistory', stageHistory.size, {
    Id: typed('id', ownIds(codecs.OpportunityFieldHistory)),
    OpportunityId: reference(
      'Opportunity',
      'Opportunity',
      idsOf(stageHistory.opportunity, codecs.Opportunity)
    ),
    Field: typed('picklist', labels(stageHistory.field, HISTORY_FIELDS)),
    // anyType in Salesforce; here always text (stage names).
    OldValue: typed('string', stageLabel(stageHistory.oldValue)),
    NewValue: typed('string', stageLabel(stageHistory.newValue)),
    CreatedById: createdBy(userRef(stageHistory.createdBy)),
    CreatedDate: typed('datetime', numbers(stageHistory.created))
  });

  const lead = table('Lead', leads.size, {
    Id: typed('id', ownIds(codecs.Lead)),
    Name: typed(
      'string',
      (row) => `${FIRST_NAMES[leads.firstName[row]]} ${LAST_NAMES[leads.lastName[row]]}`
    ),
    FirstName: typed('string', labels(leads.firstName, FIRST_NAMES)),
    LastName: typed('string', labels(leads.lastName, LAST_NAMES)),
    Company: typed('string', (row) =>
      companyName(leads.companyFirst[row], leads.companySecond[row], leads.companyPlace[row])
    ),
    Status: typed('picklist', labels(leads.status, LEAD_STATUSES)),
    IsConverted: typed('boolean', flag(leads.status, 2)),
    OwnerId: owner(userRef(leads.owner)),
    CreatedById: createdBy(userRef(leads.createdBy)),
    CreatedDate: typed('datetime', numbers(leads.created)),
    LastActivityDate: typed('date', dates(leads.lastActivity, NULL_DAY, formatDate)),
    ConvertedDate: typed('date', dates(leads.convertedDay, NULL_DAY, formatDate))
  });

  const task = table('Task', tasks.size, {
    Id: typed('id', ownIds(codecs.Task)),
    Subject: typed('string', labels(tasks.subject, TASK_SUBJECTS)),
    OwnerId: owner(userRef(tasks.owner)),
    CreatedById: createdBy(userRef(tasks.createdBy)),
    CreatedDate: typed('datetime', numbers(tasks.created)),
    LastModifiedDate: typed('datetime', numbers(extras.taskModified)),
    ActivityDate: typed('date', dates(tasks.activityDay, NULL_DAY, formatDate)),
    Status: typed('picklist', labels(tasks.status, TASK_STATUSES)),
    IsClosed: typed('boolean', flag(tasks.status, 2)),
    // WhatId and WhoId are polymorphic: WhatId holds Opportunity or Account Ids, WhoId Contact
    // or Lead Ids (tell them apart by key prefix: objectOfId). FieldSpec has a single referenceTo,
    // so it names the main target; What.Name / Who.Name through it only resolve for that object.
    WhatId: polymorphic(['Opportunity', 'Account'], 'What', (row) => {
      const type = tasks.whatType[row];
      if (type === WHAT_OPPORTUNITY) return codecs.Opportunity.encode(tasks.what[row]);
      return type === WHAT_ACCOUNT ? codecs.Account.encode(tasks.what[row]) : null;
    }),
    WhoId: polymorphic(['Contact', 'Lead'], 'Who', (row) => {
      const type = tasks.whoType[row];
      if (type === WHO_CONTACT) return codecs.Contact.encode(tasks.who[row]);
      return type === WHO_LEAD ? codecs.Lead.encode(tasks.who[row]) : null;
    })
  });

  const supportCase = table('Case', cases.size, {
    Id: typed('id', ownIds(codecs.Case)),
    Subject: typed('string', labels(cases.subject, CASE_SUBJECTS)),
    OwnerId: owner(userRef(cases.owner)),
    CreatedById: createdBy(userRef(cases.createdBy)),
    CreatedDate: typed('datetime', numbers(cases.created)),
    ClosedDate: typed('datetime', numbers(cases.closed)),
    Status: typed('picklist', labels(cases.status, CASE_STATUSES)),
    IsClosed: typed('boolean', flag(cases.status, 3)),
    Priority: typed('picklist', labels(cases.priority, CASE_PRIORITIES))
  });

  const { sets, items } = extras.duplicates;
  const duplicateRecordSet = table('DuplicateRecordSet', sets.size, {
    Id: typed('id', ownIds(codecs.DuplicateRecordSet)),
    Name: typed('string', (row) => `DRS-${String(row + 1).padStart(7, '0')}`),
    RecordCount: typed('int', (row) => sets.recordCount[row]),
    CreatedDate: typed('datetime', numbers(sets.created))
  });
  const recordCodecs = DUPLICATE_OBJECTS.map((object) => codecs[object]);
  const duplicateRecordItem = table('DuplicateRecordItem', items.size, {
    Id: typed('id', ownIds(codecs.DuplicateRecordItem)),
    Name: typed('string', (row) => `DRI-${String(row + 1).padStart(7, '0')}`),
    DuplicateRecordSetId: reference(
      'DuplicateRecordSet',
      'DuplicateRecordSet',
      idsOf(items.set, codecs.DuplicateRecordSet)
    ),
    RecordId: polymorphic(DUPLICATE_OBJECTS, 'Record', (row) =>
      recordCodecs[items.object[row]].encode(items.record[row])
    ),
    CreatedDate: typed('datetime', numbers(items.created))
  });

  return {
    User: user,
    UserRole: userRole,
    Profile: profile,
    LoginHistory: loginHistory,
    Account: account,
    Contact: contact,
    Opportunity: opportunity,
    Lead: lead,
    Task: task,
    Case: supportCase,
    OpportunityFieldHistory: opportunityFieldHistory,
    DuplicateRecordSet: duplicateRecordSet,
    DuplicateRecordItem: duplicateRecordItem
  };
}
