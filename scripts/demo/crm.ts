/**
 * The CRM records (Account, Contact, Opportunity, Lead, Task, Case), generated owner by owner
 * from each user's "book": Account Executives own accounts, contacts and opportunities; Sales
 * Development Reps mostly leads; managers a few key accounts; partners a few leads. Volumes scale
 * with the owner's engagement and tenure, and every record is created inside its owner's working
 * life (first day … deactivation or the day they went dormant), in their local working hours.
 *
 * Each record has a "last touched" day; closed tasks fall on or before it, so LastActivityDate is
 * derived from the tasks the way Salesforce derives it (latest closed task), and records whose
 * owner left or stopped working on them go stale: past-close and stale opportunities, abandoned
 * leads and past-due tasks all arise from that rather than being sprinkled in.
 */
import { DAY_MS, HOUR_MS, NULL_DAY, ZoneClock } from './calendar';
import { float64Column, int32Column, uint8Column } from './columns';
import {
  CASE_SUBJECTS,
  COMPANY_FIRST_WORDS,
  COMPANY_SECOND_WORDS,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  OPPORTUNITY_KINDS,
  TASK_SUBJECTS
} from './names';
import { Kind, PLACES, Person } from './people';
import { Random } from './random';

export interface Stage {
  name: string;
  probability: number;
  isClosed: boolean;
  isWon: boolean;
}

const stage = (name: string, probability: number, isClosed = false, isWon = false): Stage => ({
  name,
  probability,
  isClosed,
  isWon
});

export const OPPORTUNITY_STAGES: readonly Stage[] = [
  stage('Prospecting', 10),
  stage('Qualification', 10),
  stage('Needs Analysis', 20),
  stage('Value Proposition', 50),
  stage('Id. Decision Makers', 60),
  stage('Perception Analysis', 70),
  stage('Proposal/Price Quote', 75),
  stage('Negotiation/Review', 90),
  stage('Closed Won', 100, true, true),
  stage('Closed Lost', 0, true, false)
];
const OPEN_STAGE_WEIGHTS = [20, 15, 14, 12, 10, 8, 11, 10];
const CLOSED_WON = 8;
const CLOSED_LOST = 9;

export const LEAD_STATUSES = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted'
] as const;
export const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed'] as const;
export const CASE_STATUSES = ['New', 'Working', 'Escalated', 'Closed'] as const;
export const CASE_PRIORITIES = ['High', 'Medium', 'Low'] as const;

const PLACES_OF_REGION = [0, 1, 2, 3].map((region) =>
  PLACES.flatMap((p, index) => (p.region === region ? [index] : []))
);

/** Code for a null picklist value in Uint8Array columns. */
export const NULL_CODE = 255;

/** Task.WhatId / WhoId targets (the fields are polymorphic). */
export const WHAT_NONE = 0;
export const WHAT_OPPORTUNITY = 1;
export const WHAT_ACCOUNT = 2;
export const WHO_NONE = 0;
export const WHO_CONTACT = 1;
export const WHO_LEAD = 2;

/** Mean records per owner of each kind, for a fully engaged owner with a year or more of tenure. */
const BOOKS: Partial<Record<Kind, Book>> = {
  accountExecutive: { accounts: 16, opportunities: 20, leads: 6, cases: 8 },
  salesDevelopmentRep: { accounts: 6, opportunities: 5, leads: 32, cases: 2.5 },
  manager: { accounts: 2, opportunities: 3, leads: 1, cases: 0 },
  partner: { accounts: 0, opportunities: 0, leads: 4, cases: 0 }
};

interface Book {
  accounts: number;
  opportunities: number;
  leads: number;
  cases: number;
}

export interface AccountColumns {
  size: number;
  owner: Int32Array;
  createdBy: Int32Array;
  created: Float64Array;
  /** Index into INDUSTRIES or NULL_CODE. */
  industry: Uint8Array;
  /** Index into PLACES (its country) or NULL_CODE. */
  billingPlace: Uint8Array;
  /** Name = COMPANY_FIRST_WORDS[nameFirst] + COMPANY_SECOND_WORDS[nameSecond] + legal suffix. */
  nameFirst: Uint8Array;
  nameSecond: Uint8Array;
}

export interface ContactColumns {
  size: number;
  account: Int32Array;
  firstName: Uint8Array;
  lastName: Uint8Array;
  owner: Int32Array;
  createdBy: Int32Array;
  created: Float64Array;
  modified: Float64Array;
  hasEmail: Uint8Array;
}

export interface OpportunityColumns {
  size: number;
  account: Int32Array;
  kind: Uint8Array;
  owner: Int32Array;
  createdBy: Int32Array;
  created: Float64Array;
  modified: Float64Array;
  /** Day numbers (NULL_DAY for none). */
  lastActivity: Int32Array;
  closeDay: Int32Array;
  /** Index into OPPORTUNITY_STAGES. */
  stage: Uint8Array;
  /** NaN for none. */
  amount: Float64Array;
}

export interface LeadColumns {
  size: number;
  firstName: Uint8Array;
  lastName: Uint8Array;
  companyFirst: Uint8Array;
  companySecond: Uint8Array;
  companyPlace: Uint8Array;
  status: Uint8Array;
  owner: Int32Array;
  createdBy: Int32Array;
  created: Float64Array;
  lastActivity: Int32Array;
  convertedDay: Int32Array;
}

export interface TaskColumns {
  size: number;
  subject: Uint8Array;
  owner: Int32Array;
  createdBy: Int32Array;
  created: Float64Array;
  activityDay: Int32Array;
  status: Uint8Array;
  what: Int32Array;
  whatType: Uint8Array;
  who: Int32Array;
  whoType: Uint8Array;
}

export interface CaseColumns {
  size: number;
  subject: Uint8Array;
  owner: Int32Array;
  createdBy: Int32Array;
  created: Float64Array;
  /** NaN while open. */
  closed: Float64Array;
  status: Uint8Array;
  priority: Uint8Array;
}

export interface CrmData {
  accounts: AccountColumns;
  contacts: ContactColumns;
  opportunities: OpportunityColumns;
  leads: LeadColumns;
  tasks: TaskColumns;
  cases: CaseColumns;
}

export interface CrmSettings {
  asOfMs: number;
  /** date(asOf) in the org's time zone, as a day number. */
  today: number;
  /** The org's time zone, for calendar-date fields. */
  orgClock: ZoneClock;
}

/** Builds one object's columns from growable columns with the same names. */
function finish<T extends { size: number }>(
  columns: Record<string, { finish(): unknown; length: number }>
): T {
  const result: Record<string, unknown> = {};
  let size = 0;
  for (const [name, column] of Object.entries(columns)) {
    result[name] = column.finish();
    size = column.length;
  }
  result.size = size;
  return result as T;
}

/** Generation state: one instance per demo org, discarded when the columns are finished. */
class CrmBuilder {
  private readonly rng: Random;
  private readonly people: readonly Person[];
  private readonly clocks: readonly ZoneClock[];
  private readonly settings: CrmSettings;
  /** Sales Operations users, who import accounts, contacts, leads and cases. */
  private readonly operations: number[];
  /** Sales Development Reps per region (they create some of the AEs' opportunities). */
  private readonly sdrsByRegion = new Map<number, number[]>();
  /** Contacts of each account, as [first index, count], for the WhoId of their tasks. */
  private readonly accountContacts = int32Column(1 << 12);

  private readonly accounts = {
    owner: int32Column(),
    createdBy: int32Column(),
    created: float64Column(),
    industry: uint8Column(),
    billingPlace: uint8Column(),
    nameFirst: uint8Column(),
    nameSecond: uint8Column()
  };
  private readonly contacts = {
    account: int32Column(),
    firstName: uint8Column(),
    lastName: uint8Column(),
    owner: int32Column(),
    createdBy: int32Column(),
    created: float64Column(),
    modified: float64Column(),
    hasEmail: uint8Column()
  };
  private readonly opportunities = {
    account: int32Column(),
    kind: uint8Column(),
    owner: int32Column(),
    createdBy: int32Column(),
    created: float64Column(),
    modified: float64Column(),
    lastActivity: int32Column(),
    closeDay: int32Column(),
    stage: uint8Column(),
    amount: float64Column()
  };
  private readonly leads = {
    firstName: uint8Column(),
    lastName: uint8Column(),
    companyFirst: uint8Column(),
    companySecond: uint8Column(),
    companyPlace: uint8Column(),
    status: uint8Column(),
    owner: int32Column(),
    createdBy: int32Column(),
    created: float64Column(),
    lastActivity: int32Column(),
    convertedDay: int32Column()
  };
  private readonly tasks = {
    subject: uint8Column(),
    owner: int32Column(),
    createdBy: int32Column(),
    created: float64Column(),
    activityDay: int32Column(),
    status: uint8Column(),
    what: int32Column(),
    whatType: uint8Column(),
    who: int32Column(),
    whoType: uint8Column()
  };
  private readonly cases = {
    subject: uint8Column(),
    owner: int32Column(),
    createdBy: int32Column(),
    created: float64Column(),
    closed: float64Column(),
    status: uint8Column(),
    priority: uint8Column()
  };

  constructor(
    people: readonly Person[],
    clocks: readonly ZoneClock[],
    settings: CrmSettings,
    rng: Random
  ) {
    this.people = people;
    this.clocks = clocks;
    this.settings = settings;
    this.rng = rng;
    this.operations = people.flatMap((p, index) => (p.kind === 'salesOperations' ? [index] : []));
  }

  // ---- time helpers -------------------------------------------------------------------------

  private get today(): number {
    return this.settings.today;
  }

  /** date() of an instant in the org's time zone. */
  private orgDay(instantMs: number): number {
    return this.settings.orgClock.approximateDayOf(instantMs);
  }

  /** Start of a calendar day in the owner's time zone. */
  private dayStart(owner: number, day: number): number {
    return this.clocks[this.people[owner].place].instant(day, 0);
  }

  /** A random instant in [from, to], moved into the owner's local working hours when possible. */
  private instant(owner: number, from: number, to: number): number {
    if (!(to > from)) return from;
    const clock = this.clocks[this.people[owner].place];
    const rough = this.rng.float(from, to);
    const day = clock.approximateDayOf(rough);
    const working = clock.instant(day, this.rng.int(8 * 60, 18 * 60)) + this.rng.int(0, 59) * 1000;
    return Math.min(to, Math.max(from, working));
  }

  private randomDay(from: number, to: number): number {
    return to <= from ? from : this.rng.int(from, to);
  }

  /** Another user who did the data entry (an import by Sales Operations, a manager's task, …). */
  private creator(owner: number, candidates: readonly number[], at: number, share: number): number {
    if (candidates.length === 0 || !this.rng.chance(share)) return owner;
    const candidate = this.rng.pick(candidates);
    const person = this.people[candidate];
    return person.createdMs <= at && at <= person.workEndMs ? candidate : owner;
  }

  // ---- owners' books ------------------------------------------------------------------------

  generate(): CrmData {
    this.people.forEach((person, owner) => {
      const book = BOOKS[person.kind];
      if (book === undefined || !(person.workEndMs > person.createdMs)) return;
      const tenureDays = (person.workEndMs - person.createdMs) / DAY_MS;
      const scale =
        Math.min(1.15, 0.35 + 0.65 * person.engagement) *
        Math.min(1, Math.max(0.2, tenureDays / 365));
      const ownAccounts: number[] = [];
      const accountCount = this.rng.count(book.accounts * scale);
      for (let i = 0; i < accountCount; i += 1) ownAccounts.push(this.addAccount(owner));
      if (ownAccounts.length > 0) {
        const opportunityCount = this.rng.count(book.opportunities * scale);
        for (let i = 0; i < opportunityCount; i += 1) {
          this.addOpportunity(owner, this.rng.pick(ownAccounts));
        }
      }
      const leadCount = this.rng.count(book.leads * scale);
      for (let i = 0; i < leadCount; i += 1) this.addLead(owner);
      const caseCount = this.rng.count(book.cases * scale);
      for (let i = 0; i < caseCount; i += 1) this.addCase(owner);
    });
    return {
      accounts: finish<AccountColumns>(this.accounts),
      contacts: finish<ContactColumns>(this.contacts),
      opportunities: finish<OpportunityColumns>(this.opportunities),
      leads: finish<LeadColumns>(this.leads),
      tasks: finish<TaskColumns>(this.tasks),
      cases: finish<CaseColumns>(this.cases)
    };
  }

  private addAccount(owner: number): number {
    const rng = this.rng;
    const person = this.people[owner];
    const { asOfMs } = this.settings;
    const created = this.instant(
      owner,
      Math.max(person.createdMs, asOfMs - 3 * 365 * DAY_MS),
      person.workEndMs
    );
    const columns = this.accounts;
    const account = columns.owner.push(owner);
    columns.createdBy.push(this.creator(owner, this.operations, created, 0.15));
    columns.created.push(created);
    columns.industry.push(rng.chance(0.08) ? NULL_CODE : rng.int(0, INDUSTRIES.length - 1));
    const regionPlaces = PLACES_OF_REGION[person.region];
    columns.billingPlace.push(
      rng.chance(0.05) ? NULL_CODE : rng.chance(0.8) ? person.place : rng.pick(regionPlaces)
    );
    columns.nameFirst.push(rng.int(0, COMPANY_FIRST_WORDS.length - 1));
    columns.nameSecond.push(rng.int(0, COMPANY_SECOND_WORDS.length - 1));

    // 15% of accounts have no contact yet (quality.accounts.noContact).
    const contactCount = rng.chance(0.15) ? 0 : 1 + rng.weighted([15, 25, 25, 15, 10, 10]);
    this.accountContacts.push(this.contacts.account.length);
    this.accountContacts.push(contactCount);
    for (let i = 0; i < contactCount; i += 1) this.addContact(owner, account, created);

    const taskCount = rng.weighted([45, 30, 15, 10]);
    const touched = this.randomDay(
      Math.max(this.orgDay(created), this.orgDay(person.workEndMs) - 60),
      this.orgDay(person.workEndMs)
    );
    for (let i = 0; i < taskCount; i += 1) {
      this.addTask(owner, created, touched, rng.chance(0.7), {
        what: account,
        whatType: WHAT_ACCOUNT,
        ...this.someContact(account, 0.5)
      });
    }
    return account;
  }

  private addContact(owner: number, account: number, accountCreated: number): void {
    const rng = this.rng;
    const person = this.people[owner];
    const { asOfMs } = this.settings;
    const created = this.instant(owner, accountCreated, person.workEndMs);
    const recentlyEdited = person.isActive && rng.chance(0.3);
    const modified = recentlyEdited
      ? this.instant(owner, Math.max(created, asOfMs - 30 * DAY_MS), asOfMs)
      : this.instant(owner, created, person.workEndMs);
    const columns = this.contacts;
    columns.account.push(account);
    columns.firstName.push(rng.int(0, FIRST_NAMES.length - 1));
    columns.lastName.push(rng.int(0, LAST_NAMES.length - 1));
    columns.owner.push(owner);
    columns.createdBy.push(this.creator(owner, this.operations, created, 0.15));
    columns.created.push(created);
    columns.modified.push(Math.max(created, modified));
    columns.hasEmail.push(rng.chance(0.94) ? 1 : 0);
  }

  /** A random contact of the account (with the given chance), as a task's WhoId. */
  private someContact(account: number, share: number): { who: number; whoType: number } {
    const first = this.accountContacts.get(account * 2);
    const count = this.accountContacts.get(account * 2 + 1);
    if (count === 0 || !this.rng.chance(share)) return { who: -1, whoType: WHO_NONE };
    return { who: first + this.rng.int(0, count - 1), whoType: WHO_CONTACT };
  }

  private addOpportunity(owner: number, account: number): void {
    const rng = this.rng;
    const person = this.people[owner];
    const { asOfMs } = this.settings;
    const today = this.today;
    const from = Math.max(this.accounts.created.get(account), asOfMs - 400 * DAY_MS);
    if (from > person.workEndMs) return;
    const created = this.instant(owner, from, person.workEndMs);
    const createdDay = this.orgDay(created);
    const endDay = Math.min(today, this.orgDay(person.workEndMs));
    const ownerGone = endDay < today - 3;
    const age = today - createdDay;

    let stageIndex: number;
    let closeDay: number;
    let touched: number;
    let frozen: boolean;
    if (rng.chance(Math.min(0.8, age / 200)) && endDay > createdDay) {
      stageIndex = rng.chance(0.4) ? CLOSED_WON : CLOSED_LOST;
      closeDay = this.randomDay(createdDay + 1, Math.min(endDay, createdDay + 180));
      touched = closeDay;
      frozen = true;
    } else {
      stageIndex = rng.weighted(OPEN_STAGE_WEIGHTS);
      if (ownerGone) {
        touched = this.randomDay(Math.max(createdDay, endDay - 20), endDay);
        frozen = true;
      } else if (age > 35 && rng.chance(0.22)) {
        // Stale: nobody has touched it for 30–120 days (opps.neglected.stale).
        touched = this.randomDay(Math.max(createdDay, today - 120), today - 31);
        frozen = true;
      } else {
        touched = this.randomDay(Math.max(createdDay, today - 20), today);
        frozen = false;
      }
      const pastClose = createdDay < today - 1 && rng.chance(ownerGone || frozen ? 0.5 : 0.15);
      closeDay = pastClose
        ? this.randomDay(Math.max(createdDay + 1, today - 75), today - 1)
        : today + rng.int(1, 150);
    }
    const isOpen = !OPPORTUNITY_STAGES[stageIndex].isClosed;
    const amount =
      isOpen && rng.chance(0.12)
        ? NaN
        : Math.max(1000, Math.round(Math.exp(rng.gaussian(Math.log(25_000), 0.9)) / 100) * 100);
    const modified = Math.max(
      created,
      this.instant(
        owner,
        this.dayStart(owner, touched),
        Math.min(asOfMs, this.dayStart(owner, touched + 1) - 1000)
      )
    );

    const opportunity = this.opportunities.owner.length;
    let lastActivity = NULL_DAY;
    const taskCount = rng.weighted([15, 20, 25, 20, 12, 8]);
    for (let i = 0; i < taskCount; i += 1) {
      const closed = rng.chance(frozen ? 0.9 : 0.6);
      const day = this.addTask(owner, created, touched, closed, {
        what: opportunity,
        whatType: WHAT_OPPORTUNITY,
        ...this.someContact(account, 0.7)
      });
      if (closed && day > lastActivity) lastActivity = day;
    }

    const columns = this.opportunities;
    columns.account.push(account);
    columns.kind.push(rng.int(0, OPPORTUNITY_KINDS.length - 1));
    columns.owner.push(owner);
    const sdrs = person.kind === 'accountExecutive' ? this.sdrsOf(person.region) : [];
    columns.createdBy.push(this.creator(owner, sdrs, created, 0.2));
    columns.created.push(created);
    columns.modified.push(modified);
    columns.lastActivity.push(lastActivity);
    columns.closeDay.push(closeDay);
    columns.stage.push(stageIndex);
    columns.amount.push(amount);
  }

  private sdrsOf(region: number): number[] {
    let sdrs = this.sdrsByRegion.get(region);
    if (sdrs === undefined) {
      sdrs = this.people.flatMap((p, index) =>
        p.kind === 'salesDevelopmentRep' && p.region === region ? [index] : []
      );
      this.sdrsByRegion.set(region, sdrs);
    }
    return sdrs;
  }

  private addLead(owner: number): void {
    const rng = this.rng;
    const person = this.people[owner];
    const { asOfMs } = this.settings;
    const today = this.today;
    const from = Math.max(person.createdMs, asOfMs - 270 * DAY_MS);
    if (from > person.workEndMs) return;
    const created = this.instant(owner, from, person.workEndMs);
    const createdDay = this.orgDay(created);
    const endDay = Math.min(today, this.orgDay(person.workEndMs));
    const age = today - createdDay;
    const roll = rng.next();

    let status: number;
    let touched: number;
    let convertedDay = NULL_DAY;
    let closedTasks: number;
    if (age > 5 && endDay > createdDay && roll < 0.18) {
      status = 2;
      convertedDay = this.randomDay(createdDay + 1, Math.min(endDay, createdDay + 60));
      touched = convertedDay;
      closedTasks = rng.int(1, 3);
    } else if (age > 3 && roll < 0.3 + 0.25 * Math.min(1, age / 270)) {
      // Older leads are more often disqualified than left open.
      status = 3;
      touched = this.randomDay(createdDay, Math.min(endDay, createdDay + 30));
      closedTasks = rng.int(0, 2);
    } else {
      if (endDay < today - 3) {
        touched = this.randomDay(Math.max(createdDay, endDay - 30), endDay);
      } else if (rng.chance(0.55)) {
        touched = this.randomDay(Math.max(createdDay, today - 13), today);
      } else {
        // Untouched for two weeks or more: leads.abandoned once they are 14 days old.
        touched = this.randomDay(Math.max(createdDay, today - 120), today - 14);
      }
      const contacted = rng.chance(0.65);
      status = contacted ? 1 : 0;
      closedTasks = contacted ? rng.int(1, 3) : 0;
    }

    const lead = this.leads.owner.length;
    let lastActivity = NULL_DAY;
    const openTasks = status <= 1 ? rng.weighted([70, 25, 5]) : 0;
    for (let i = 0; i < closedTasks + openTasks; i += 1) {
      const closed = i < closedTasks;
      const target = { what: -1, whatType: WHAT_NONE, who: lead, whoType: WHO_LEAD };
      // The latest closed task is the lead's last touch, so LastActivityDate = that day.
      const day = this.addTask(owner, created, touched, closed, target, closed && i === 0);
      if (closed && day > lastActivity) lastActivity = day;
    }

    const columns = this.leads;
    columns.firstName.push(rng.int(0, FIRST_NAMES.length - 1));
    columns.lastName.push(rng.int(0, LAST_NAMES.length - 1));
    columns.companyFirst.push(rng.int(0, COMPANY_FIRST_WORDS.length - 1));
    columns.companySecond.push(rng.int(0, COMPANY_SECOND_WORDS.length - 1));
    columns.companyPlace.push(person.place);
    columns.status.push(status);
    columns.owner.push(owner);
    columns.createdBy.push(this.creator(owner, this.operations, created, 0.3));
    columns.created.push(created);
    columns.lastActivity.push(lastActivity);
    columns.convertedDay.push(convertedDay);
  }

  /**
   * Adds a task and returns its ActivityDate (day number). Closed tasks are due on or before the
   * parent's last-touched day; open ones are due soon, overdue (more so when the parent has been
   * left alone), or have no due date.
   */
  private addTask(
    owner: number,
    parentCreated: number,
    touched: number,
    closed: boolean,
    target: { what: number; whatType: number; who: number; whoType: number },
    onTouchedDay = false
  ): number {
    const rng = this.rng;
    const person = this.people[owner];
    const { asOfMs } = this.settings;
    const today = this.today;
    const parentDay = this.orgDay(parentCreated);
    const workEnd = Math.min(person.workEndMs, asOfMs);
    let activityDay: number;
    let created: number;
    if (closed) {
      activityDay = onTouchedDay
        ? touched
        : this.randomDay(Math.max(parentDay, touched - 90), touched);
      created = this.instant(
        owner,
        Math.max(parentCreated, this.dayStart(owner, activityDay - rng.int(0, 5))),
        Math.min(workEnd, this.dayStart(owner, activityDay + 1) - 1000)
      );
    } else {
      const roll = rng.next();
      const stalled = touched < today - 14 || person.workEndMs < asOfMs - 3 * DAY_MS;
      if (roll < 0.1) {
        activityDay = NULL_DAY;
      } else if ((stalled && roll < 0.75) || roll < 0.3) {
        // Overdue (tasks.pastDue): due around the last touch, or some days ago.
        const anchor = stalled ? touched : today - 1;
        activityDay = this.randomDay(
          Math.max(parentDay, anchor - 30),
          Math.min(today - 1, anchor + 14)
        );
      } else {
        activityDay = today + rng.int(0, 21);
      }
      const latest =
        activityDay === NULL_DAY
          ? workEnd
          : Math.min(workEnd, this.dayStart(owner, activityDay + 1));
      created = this.instant(owner, Math.max(parentCreated, latest - 20 * DAY_MS), latest);
    }
    created = Math.max(parentCreated, created);
    const columns = this.tasks;
    columns.subject.push(rng.int(0, TASK_SUBJECTS.length - 1));
    columns.owner.push(owner);
    columns.createdBy.push(
      this.creator(owner, person.manager >= 0 ? [person.manager] : [], created, 0.15)
    );
    columns.created.push(created);
    columns.activityDay.push(activityDay);
    columns.status.push(closed ? 2 : rng.chance(0.65) ? 0 : 1);
    columns.what.push(target.what);
    columns.whatType.push(target.whatType);
    columns.who.push(target.who);
    columns.whoType.push(target.whoType);
    return activityDay;
  }

  private addCase(owner: number): void {
    const rng = this.rng;
    const person = this.people[owner];
    const { asOfMs } = this.settings;
    const from = Math.max(person.createdMs, asOfMs - 180 * DAY_MS);
    if (from > person.workEndMs) return;
    const created = this.instant(owner, from, person.workEndMs);
    const ageMs = asOfMs - created;
    // Most cases close within days, so open ones are mostly recent (cases.aged).
    const closed = rng.chance(1 - 0.75 * Math.exp(-ageMs / (8 * DAY_MS)));
    const columns = this.cases;
    columns.subject.push(rng.int(0, CASE_SUBJECTS.length - 1));
    columns.owner.push(owner);
    columns.createdBy.push(this.creator(owner, this.operations, created, 0.4));
    columns.created.push(created);
    const resolutionMs =
      Math.round(-Math.log(1 - rng.next()) * 50) * HOUR_MS + rng.int(5, 59) * 60_000;
    columns.closed.push(closed ? Math.min(asOfMs, created + resolutionMs) : NaN);
    columns.status.push(closed ? 3 : rng.weighted([40, 45, 15]));
    columns.priority.push(rng.weighted([20, 50, 30]));
  }
}

export function generateCrm(
  people: readonly Person[],
  clocks: readonly ZoneClock[],
  settings: CrmSettings,
  rng: Random
): CrmData {
  return new CrmBuilder(people, clocks, settings, rng).generate();
}
