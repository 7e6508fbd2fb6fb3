/**
 * The demo org generator: a deterministic, realistic sales org for the preview, the SOQL engine
 * and the benchmarks. Same options → identical data (see demoDigest); nothing is random at run time.
 *
 * Shape (DEMO_SHAPE below says the same for the README):
 * - Users (50 … 50,000): ~57% of the reps are Account Executives, the rest Sales Development Reps;
 *   ~7% Regional Sales Managers (reps report to a manager of their region), ~0.4% Executives,
 *   ~2.5% Sales Operations; ~3.7% have no role (Read Only analysts, PowerPartner and CsnOnly
 *   users, so ~97% are 'Standard'). Regions (Division) AMER 40%, EMEA 30%, APAC 20%, LATAM 10%,
 *   ~2% blank. ~8% inactive, ~4% active but never logged in (half of them created in the last
 *   four weeks), ~3% dormant (no login for the last 45–120 days), ~15% of reps are laggards.
 *   User Ids follow CreatedDate. The running user is an active Account Executive in EMEA.
 * - LoginHistory: 183 days ending at asOf, globally ascending LoginTime (see logins.ts for habits).
 *   LastLoginDate = the user's latest successful LoginTime ≤ asOf (null when there is none).
 * - CRM records per owner's book (see crm.ts): per active rep about 10 accounts, 25 contacts,
 *   12 opportunities, 15 leads, 60 tasks and 5 cases.
 */
import { DAY_MS, ZoneClock, assertTimeZone } from './calendar';
import { OPPORTUNITY_STAGES, generateCrm } from './crm';
import { generateDuplicates } from './duplicates';
import { KEY_PREFIXES, idCodec } from './ids';
import { generateLogins } from './logins';
import type { DemoOrg } from './model';
import { buildTables } from './objects';
import { PLACES, generatePeople } from './people';
import { Random } from './random';
import { nextSteps, taskModified } from './recordUpkeep';
import { generateStageHistory } from './stageHistory';

export interface DemoOrgOptions {
  /** Number of users, an integer from 50 to 50,000. */
  users: number;
  /** Any safe integer. */
  seed: number;
  /** Default DEFAULT_AS_OF (fixed so the output is reproducible). */
  asOf?: Date;
  /** The running user's IANA time zone; default 'UTC'. */
  timeZone?: string;
  /**
   * Days of LoginHistory ending at asOf, 1 to MAX_LOGIN_HISTORY_DAYS; default LOGIN_HISTORY_DAYS.
   * Longer histories make the large LoginHistory files the CLI benchmark reads (10M rows at
   * 50,000 users); other tables keep their shape.
   */
  loginHistoryDays?: number;
}

export const MIN_USERS = 50;
export const MAX_USERS = 50_000;
export const DEFAULT_AS_OF = new Date('2026-11-23T12:00:00.000Z');
export const DEFAULT_TIME_ZONE = 'UTC';
export const LOGIN_HISTORY_DAYS = 183;
export const MAX_LOGIN_HISTORY_DAYS = 730;

/** The data's shape in words, for the README and the CLI's --help. */
export const DEMO_SHAPE: Readonly<Record<string, string>> = {
  User:
    'Executives (~0.4%), Regional Sales Managers (~7%), Account Executives and Sales Development Reps ' +
    '(~57/43 of the rest), Sales Operations (~2.5%) and ~3.7% without a role (Read Only analysts, ' +
    "PowerPartner and CsnOnly users; ~97% are 'Standard'). Division AMER/EMEA/APAC/LATAM 40/30/20/10, " +
    '~2% blank. ~8% inactive, ~4% active but never logged in, ~3% dormant (last login 45–120 days ' +
    'ago). LastLoginDate = latest successful LoginTime. The running user is an active EMEA Account ' +
    'Executive.',
  UserRole:
    'Executive > Regional Sales Manager > Account Executive, Sales Development Rep; Executive > Sales Operations.',
  Profile: 'System Administrator, Sales User, Sales Manager, Read Only.',
  LoginHistory:
    '183 days ending at asOf, ascending LoginTime. Reps log in most workdays 1–3 times from ~8:30 local ' +
    'time, managers a few times a week, executives about weekly, sales operations daily; weekends rare; ' +
    '24 Dec–1 Jan near zero and the second week of August at a quarter. ~3% failed attempts ' +
    "('Invalid Password', 'Failed: Computer activation required', 'Password Lockout').",
  Account:
    '~10 per active rep; 15% without contacts, ~8% without Industry. Some names contain "&".',
  Contact: '~2.6 per account with contacts, owned by the account owner; ~6% without Email.',
  Opportunity:
    '~12 per active rep, over the last 400 days: ~48% open, the rest won (~40%) or lost; of the open ' +
    'ones ~21% past their CloseDate, ~19% stale (untouched 30–120 days, many of departed owners), ' +
    '~12% without Amount; NextStep on ~72% of the open ones worked in the last 3 weeks, ~30% of ' +
    'those left alone, ~12% of closed ones. LastActivityDate = latest closed task.',
  OpportunityFieldHistory:
    "A 'created' row per opportunity and a 'StageName' row (OldValue → NewValue) per stage change, " +
    'by the owner; the last change on the day the opportunity was last modified (always when it ' +
    'closed, ~60% when open), so stale opportunities have no recent moves.',
  Lead:
    '~15 per active rep (mostly SDRs), over the last 270 days: ~18% converted, ~25% disqualified, the ' +
    'rest open, a third of all leads abandoned (no activity for 14+ days).',
  Task:
    '~60 per active rep on opportunities, accounts (WhatId) and leads/contacts (WhoId): ~80% completed; ' +
    'of the open ones ~43% past due and ~10% without ActivityDate. LastModifiedDate = when a closed ' +
    'task was closed (its due date), else soon after creation.',
  Case: '~5 per active Account Executive, over the last 180 days; most close within days, ~3% open.',
  DuplicateRecordSet:
    'One per group of duplicates a rule matched: ~3% of accounts (same owner), ~2% of contacts ' +
    '(same account), ~4% of leads (same owner) start a set of two, ~15% of sets hold three.',
  DuplicateRecordItem:
    'One per record in a DuplicateRecordSet (RecordId: Account, Contact or Lead).'
};

interface Settings {
  users: number;
  seed: number;
  asOf: Date;
  timeZone: string;
  loginHistoryDays: number;
}

function validate(options: DemoOrgOptions): Settings {
  const { users, seed } = options;
  if (
    typeof users !== 'number' ||
    !Number.isInteger(users) ||
    users < MIN_USERS ||
    users > MAX_USERS
  ) {
    throw new RangeError(
      `users must be an integer from ${MIN_USERS} to ${MAX_USERS.toLocaleString('en-US')} (got ${String(users)})`
    );
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be an integer (got ${String(seed)})`);
  }
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) {
    throw new RangeError(`asOf must be a valid Date (got ${String(asOf)})`);
  }
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  const loginHistoryDays = options.loginHistoryDays ?? LOGIN_HISTORY_DAYS;
  if (
    !Number.isInteger(loginHistoryDays) ||
    loginHistoryDays < 1 ||
    loginHistoryDays > MAX_LOGIN_HISTORY_DAYS
  ) {
    throw new RangeError(
      `loginHistoryDays must be an integer from 1 to ${MAX_LOGIN_HISTORY_DAYS} (got ${String(loginHistoryDays)})`
    );
  }
  return { users, seed, asOf: new Date(asOf.getTime()), timeZone, loginHistoryDays };
}

/** Generates a demo org. Throws RangeError for options out of range. */
export function generateDemoOrg(options: DemoOrgOptions): DemoOrg {
  const { users, seed, asOf, timeZone, loginHistoryDays } = validate(options);
  const asOfMs = asOf.getTime();
  const windowStartMs = asOfMs - loginHistoryDays * DAY_MS;
  const random = new Random(seed);
  const clocks = PLACES.map((p) => new ZoneClock(p.timeZone));
  const orgClock = new ZoneClock(timeZone);

  const { people, runningUser } = generatePeople(
    { users, asOfMs, windowStartMs },
    random.fork('people'),
    clocks
  );
  const logins = generateLogins(people, clocks, { asOfMs, windowStartMs }, random.fork('logins'));
  const lastLogin = new Float64Array(people.length).fill(NaN);
  for (let row = 0; row < logins.size; row += 1) {
    // Rows ascend by LoginTime, so the last success seen per user is the latest.
    if (logins.status[row] === 0) lastLogin[logins.user[row]] = logins.time[row];
  }
  const crm = generateCrm(
    people,
    clocks,
    { asOfMs, today: orgClock.dayOf(asOfMs), orgClock },
    random.fork('crm')
  );
  // Each later addition has its own random stream, so the records above stay as they were.
  const upkeep = { asOfMs };
  const extras = {
    nextSteps: nextSteps(
      crm.opportunities,
      (stage) => OPPORTUNITY_STAGES[stage].isClosed,
      upkeep,
      random.fork('nextSteps')
    ),
    taskModified: taskModified(crm.tasks, people, clocks, upkeep, random.fork('taskModified')),
    stageHistory: generateStageHistory(
      crm.opportunities,
      OPPORTUNITY_STAGES,
      random.fork('stageHistory')
    ),
    duplicates: generateDuplicates(crm, asOfMs, random.fork('duplicates'))
  };
  return {
    seed,
    asOf,
    timeZone,
    runningUserId: idCodec(KEY_PREFIXES.User).encode(runningUser),
    tables: Object.freeze(buildTables({ people, lastLogin, logins, crm, extras }))
  };
}
