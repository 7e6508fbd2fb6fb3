/**
 * The demo org's people: who they are (role, profile, region, manager), when they joined and
 * left, and how they use the CRM (login habits). Every other object is generated from this roster.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, ZoneClock } from './calendar';
import { FIRST_NAMES, LAST_NAMES, slug } from './names';
import { Random } from './random';

export const REGIONS = ['AMER', 'EMEA', 'APAC', 'LATAM'] as const;
const REGION_WEIGHTS = [40, 30, 20, 10];
/** Adoption differs by region (LATAM lags), so the region slices differ. */
const REGION_ENGAGEMENT = [1, 0.97, 1.03, 0.85];

export const ROLE_NAMES = [
  'Executive',
  'Regional Sales Manager',
  'Account Executive',
  'Sales Development Rep',
  'Sales Operations'
] as const;
/** Role hierarchy: index of each role's parent in ROLE_NAMES (-1 = top). */
export const ROLE_PARENTS = [-1, 0, 1, 1, 0] as const;

export const PROFILE_NAMES = [
  'System Administrator',
  'Sales User',
  'Sales Manager',
  'Read Only'
] as const;

export const USER_TYPES = ['Standard', 'PowerPartner', 'CsnOnly'] as const;

/** A country and the time zone its users work in; legalSuffix names its companies. */
export interface Place {
  region: number;
  country: string;
  timeZone: string;
  weight: number;
  legalSuffix: string;
}

export const PLACES: readonly Place[] = [
  place(0, 'United States', 'America/New_York', 40, 'Inc.'),
  place(0, 'United States', 'America/Chicago', 20, 'Inc.'),
  place(0, 'United States', 'America/Los_Angeles', 25, 'Inc.'),
  place(0, 'Canada', 'America/Toronto', 15, 'Ltd.'),
  place(1, 'United Kingdom', 'Europe/London', 30, 'Ltd'),
  place(1, 'Germany', 'Europe/Berlin', 20, 'GmbH'),
  place(1, 'France', 'Europe/Paris', 18, 'SA'),
  place(1, 'Netherlands', 'Europe/Amsterdam', 10, 'B.V.'),
  place(1, 'Spain', 'Europe/Madrid', 10, 'S.L.'),
  place(1, 'Sweden', 'Europe/Stockholm', 6, 'AB'),
  place(1, 'United Arab Emirates', 'Asia/Dubai', 6, 'LLC'),
  place(2, 'Australia', 'Australia/Sydney', 30, 'Pty Ltd'),
  place(2, 'Singapore', 'Asia/Singapore', 25, 'Pte. Ltd.'),
  place(2, 'Japan', 'Asia/Tokyo', 20, 'K.K.'),
  place(2, 'India', 'Asia/Kolkata', 25, 'Pvt. Ltd.'),
  place(3, 'Brazil', 'America/Sao_Paulo', 50, 'Ltda.'),
  place(3, 'Mexico', 'America/Mexico_City', 30, 'S.A. de C.V.'),
  place(3, 'Argentina', 'America/Argentina/Buenos_Aires', 10, 'S.A.'),
  place(3, 'Chile', 'America/Santiago', 10, 'SpA')
];

function place(
  region: number,
  country: string,
  timeZone: string,
  weight: number,
  legalSuffix: string
): Place {
  return { region, country, timeZone, weight, legalSuffix };
}

/** Places of each region, with their weights, for weighted picks. */
const REGION_PLACES = REGIONS.map((_, region) =>
  PLACES.map((p, index) => ({ p, index })).filter(({ p }) => p.region === region)
);

export type Kind =
  | 'executive'
  | 'manager'
  | 'accountExecutive'
  | 'salesDevelopmentRep'
  | 'salesOperations'
  | 'analyst'
  | 'partner'
  | 'chatter';

const ROLE_OF_KIND: Record<Kind, number> = {
  executive: 0,
  manager: 1,
  accountExecutive: 2,
  salesDevelopmentRep: 3,
  salesOperations: 4,
  analyst: -1,
  partner: -1,
  chatter: -1
};

const DEPARTMENT_OF_KIND: Record<Kind, string> = {
  executive: 'Executive',
  manager: 'Sales',
  accountExecutive: 'Sales',
  salesDevelopmentRep: 'Business Development',
  salesOperations: 'Sales Operations',
  analyst: 'Finance',
  partner: 'Channel Partners',
  chatter: 'Marketing'
};

/** How each kind of user logs in: a rep most workdays, a manager a few times a week, … */
export interface LoginHabit {
  /** Chance of logging in on a working day (before the user's engagement factor). */
  workday: number;
  weekend: number;
  /** Weights of 1, 2, 3 … logins on a day the user logs in. */
  perDay: readonly number[];
  /** Typical first login, minutes after local midnight. */
  firstMinute: number;
}

export const LOGIN_HABITS: Record<Kind, LoginHabit> = {
  executive: { workday: 0.22, weekend: 0.04, perDay: [1], firstMinute: 9 * 60 },
  manager: { workday: 0.6, weekend: 0.05, perDay: [70, 30], firstMinute: 8 * 60 },
  accountExecutive: { workday: 0.9, weekend: 0.04, perDay: [45, 35, 20], firstMinute: 8 * 60 + 30 },
  salesDevelopmentRep: {
    workday: 0.93,
    weekend: 0.03,
    perDay: [35, 40, 25],
    firstMinute: 8 * 60 + 15
  },
  salesOperations: { workday: 0.97, weekend: 0.04, perDay: [30, 40, 30], firstMinute: 8 * 60 },
  analyst: { workday: 0.4, weekend: 0.01, perDay: [80, 20], firstMinute: 9 * 60 },
  partner: { workday: 0.25, weekend: 0.05, perDay: [1], firstMinute: 10 * 60 },
  chatter: { workday: 0.12, weekend: 0.01, perDay: [1], firstMinute: 10 * 60 }
};

export interface Person {
  kind: Kind;
  /** Index into ROLE_NAMES, -1 without a role. */
  role: number;
  profile: number;
  userType: number;
  /** Index into PLACES: country and working time zone. */
  place: number;
  region: number;
  /** The Division field is left blank for a few users (their region still drives their habits). */
  divisionBlank: boolean;
  /** Index of the manager in the roster, -1 for none. */
  manager: number;
  firstName: string;
  lastName: string;
  username: string;
  email: string;
  department: string;
  isActive: boolean;
  createdMs: number;
  /** NaN while active. */
  deactivatedMs: number;
  /** Logins happen in [loginFromMs, loginToMs]; neverLogsIn users have none (maybe failed ones). */
  neverLogsIn: boolean;
  loginFromMs: number;
  loginToMs: number;
  /** Records are created in [createdMs, workEndMs]. */
  workEndMs: number;
  /** Scales the habit's daily login chance (laggards ≈ 0.15–0.5, most ≈ 1). */
  engagement: number;
  /** Share of logins from the mobile app. */
  mobileShare: number;
  isRunningUser: boolean;
}

export interface PeopleSettings {
  users: number;
  asOfMs: number;
  windowStartMs: number;
}

export interface Roster {
  people: Person[];
  runningUser: number;
}

/** Category sizes: at least a handful of every kind even in a 50-user org. */
function kindCounts(users: number): Record<Kind, number> {
  const share = (fraction: number, minimum: number): number =>
    Math.max(minimum, Math.round(users * fraction));
  const counts = {
    executive: share(0.004, 2),
    manager: share(0.07, 4),
    salesOperations: share(0.025, 2),
    analyst: share(0.01, 1),
    partner: share(0.012, 1),
    chatter: share(0.015, 1),
    accountExecutive: 0,
    salesDevelopmentRep: 0
  };
  const reps = users - Object.values(counts).reduce((sum, count) => sum + count, 0);
  counts.accountExecutive = Math.round(reps * 0.57);
  counts.salesDevelopmentRep = reps - counts.accountExecutive;
  return counts;
}

/** Spreads `count` over the regions by weight (largest remainder), at least one each if possible. */
function spreadOverRegions(count: number): number[] {
  const total = REGION_WEIGHTS.reduce((sum, weight) => sum + weight, 0);
  const exact = REGION_WEIGHTS.map((weight) => (count * weight) / total);
  const result = exact.map((value) => Math.max(count >= REGIONS.length ? 1 : 0, Math.floor(value)));
  const byRemainder = exact
    .map((value, region) => ({ region, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.region - b.region);
  for (let i = 0; result.reduce((sum, n) => sum + n, 0) < count; i += 1) {
    result[byRemainder[i % REGIONS.length].region] += 1;
  }
  for (let region = 0; result.reduce((sum, n) => sum + n, 0) > count; region = (region + 1) % 4) {
    if (result[region] > 1) result[region] -= 1;
  }
  return result;
}

function pickPlace(rng: Random, region: number): number {
  const options = REGION_PLACES[region];
  return options[rng.weighted(options.map(({ p }) => p.weight))].index;
}

/** A time during local working hours on a day `daysAgo` before asOf, never after asOf. */
function workingInstant(clock: ZoneClock, asOfMs: number, daysAgo: number, rng: Random): number {
  const day = Math.floor((asOfMs - daysAgo * DAY_MS) / DAY_MS);
  const instant = clock.instant(day, rng.int(8 * 60, 18 * 60)) + rng.int(0, 59) * 1000;
  return Math.min(instant, asOfMs - rng.int(1, 60) * MINUTE_MS);
}

interface Draft {
  kind: Kind;
  region: number;
  place: number;
  flags: Set<'head' | 'running' | 'inactive' | 'never' | 'dormant' | 'blankDivision' | 'newHire'>;
  engagement: number;
}

/** Picks `count` drafts satisfying `eligible`, in the (shuffled) candidate order, and flags them. */
function flagSome(
  order: readonly Draft[],
  count: number,
  flag: 'inactive' | 'never' | 'dormant' | 'blankDivision' | 'newHire',
  eligible: (draft: Draft) => boolean
): void {
  let left = count;
  for (const draft of order) {
    if (left === 0) return;
    if (eligible(draft)) {
      draft.flags.add(flag);
      left -= 1;
    }
  }
}

const isRep = (kind: Kind): boolean =>
  kind === 'accountExecutive' || kind === 'salesDevelopmentRep';

export function generatePeople(
  settings: PeopleSettings,
  rng: Random,
  clocks: readonly ZoneClock[]
): Roster {
  const { users, windowStartMs } = settings;
  const counts = kindCounts(users);
  const drafts: Draft[] = [];
  const add = (kind: Kind, region: number, placeIndex = pickPlace(rng, region)): Draft => {
    const draft: Draft = { kind, region, place: placeIndex, flags: new Set(), engagement: 1 };
    drafts.push(draft);
    return draft;
  };

  // The head of sales sits in the AMER headquarters; other executives lead the regions.
  add('executive', 0, 0).flags.add('head');
  for (let i = 1; i < counts.executive; i += 1) add('executive', i % REGIONS.length);
  spreadOverRegions(counts.manager).forEach((managers, region) => {
    for (let i = 0; i < managers; i += 1) add('manager', region);
  });
  for (let i = 0; i < counts.salesOperations; i += 1) {
    add('salesOperations', rng.weighted(REGION_WEIGHTS));
  }
  const repKinds: Kind[] = [
    ...Array<Kind>(counts.accountExecutive).fill('accountExecutive'),
    ...Array<Kind>(counts.salesDevelopmentRep).fill('salesDevelopmentRep')
  ];
  rng.shuffle(repKinds);
  for (const kind of repKinds) add(kind, rng.weighted(REGION_WEIGHTS));
  for (const kind of ['analyst', 'partner', 'chatter'] as const) {
    for (let i = 0; i < counts[kind]; i += 1) add(kind, rng.weighted(REGION_WEIGHTS));
  }

  // The running user: an Account Executive in EMEA (London) with regular habits.
  const running = drafts.find((draft) => draft.kind === 'accountExecutive') as Draft;
  running.region = 1;
  running.place = PLACES.findIndex((p) => p.timeZone === 'Europe/London');
  running.flags.add('running');

  // Adoption problems the dashboard must surface, spread over randomly chosen users.
  const order = rng.shuffle([...drafts]);
  const free = (draft: Draft): boolean => draft.flags.size === 0;
  const share = (fraction: number): number => Math.max(2, Math.round(users * fraction));
  flagSome(
    order,
    share(0.08),
    'inactive',
    (d) => free(d) && (isRep(d.kind) || d.kind === 'manager' || d.kind === 'analyst')
  );
  flagSome(
    order,
    share(0.04),
    'never',
    (d) => free(d) && (isRep(d.kind) || ['analyst', 'partner', 'chatter'].includes(d.kind))
  );
  flagSome(
    order,
    share(0.03),
    'dormant',
    (d) => free(d) && (isRep(d.kind) || d.kind === 'manager')
  );
  flagSome(
    order,
    Math.max(1, Math.round(users * 0.02)),
    'blankDivision',
    (d) => isRep(d.kind) && !d.flags.has('running')
  );
  flagSome(order, Math.round(users * 0.08), 'newHire', (d) => free(d) && isRep(d.kind));
  // A tenth of the inactive users were deactivated without ever having logged in.
  flagSome(
    order,
    Math.max(1, Math.round(users * 0.008)),
    'never',
    (d) => d.flags.has('inactive') && !d.flags.has('never')
  );
  for (const draft of drafts) {
    if (draft.flags.has('running')) continue;
    const roll = rng.next();
    if (isRep(draft.kind)) {
      draft.engagement =
        roll < 0.15
          ? rng.float(0.05, 0.35)
          : roll < 0.95
            ? Math.min(1.1, Math.max(0.6, rng.gaussian(0.95, 0.12)))
            : rng.float(1.05, 1.15);
    } else {
      draft.engagement = Math.min(1.2, Math.max(0.5, rng.gaussian(1, 0.15)));
    }
    draft.engagement *= REGION_ENGAGEMENT[draft.region];
  }

  const people = drafts.map((draft) => buildPerson(draft, settings, rng, clocks));
  // Ids follow creation order, as in a real org.
  const byCreation = people
    .map((person, index) => ({ person, index }))
    .sort((a, b) => a.person.createdMs - b.person.createdMs || a.index - b.index)
    .map(({ person }) => person);
  assignManagers(byCreation, rng);
  assignUsernames(byCreation);
  for (const person of byCreation) {
    person.loginFromMs = Math.max(person.loginFromMs, windowStartMs);
  }
  return { people: byCreation, runningUser: byCreation.findIndex((p) => p.isRunningUser) };
}

function buildPerson(
  draft: Draft,
  settings: PeopleSettings,
  rng: Random,
  clocks: readonly ZoneClock[]
): Person {
  const { asOfMs } = settings;
  const { kind, flags } = draft;
  const clock = clocks[draft.place];
  const daysAgo = (min: number, max: number): number =>
    workingInstant(clock, asOfMs, rng.int(min, max), rng);

  let createdMs: number;
  if (flags.has('head')) {
    createdMs = daysAgo(2300, 2500);
  } else if (flags.has('newHire')) {
    createdMs = daysAgo(30, 175);
  } else if (flags.has('never') && !flags.has('inactive') && rng.chance(0.6)) {
    createdMs = daysAgo(1, 28); // provisioned for a new starter who has not logged in yet
  } else if (kind === 'executive' || kind === 'salesOperations') {
    createdMs = daysAgo(700, 2200);
  } else if (kind === 'manager') {
    createdMs = daysAgo(400, 2000);
  } else {
    createdMs = daysAgo(200, 1800);
  }

  let deactivatedMs = NaN;
  if (flags.has('inactive')) {
    const earliest = createdMs + 60 * DAY_MS;
    deactivatedMs = Math.max(earliest, asOfMs - rng.int(5, 170) * DAY_MS - rng.int(0, 8) * HOUR_MS);
    if (deactivatedMs >= asOfMs) deactivatedMs = asOfMs - rng.int(1, 4) * DAY_MS;
  }
  let loginToMs = Number.isNaN(deactivatedMs) ? asOfMs : deactivatedMs;
  if (flags.has('dormant')) loginToMs = asOfMs - rng.int(45, 120) * DAY_MS;
  const role = ROLE_OF_KIND[kind];
  let profile: number;
  if (kind === 'executive') profile = rng.chance(0.3) ? 3 : 2;
  else if (kind === 'manager') profile = 2;
  else if (kind === 'salesOperations') profile = rng.chance(0.4) ? 0 : 1;
  else if (isRep(kind)) profile = 1;
  else profile = 3;
  const mobileRoll = rng.next();
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  return {
    kind,
    role,
    profile,
    userType: kind === 'partner' ? 1 : kind === 'chatter' ? 2 : 0,
    place: draft.place,
    region: draft.region,
    divisionBlank: flags.has('blankDivision'),
    manager: -1,
    firstName,
    lastName,
    username: '',
    email: '',
    department: DEPARTMENT_OF_KIND[kind],
    isActive: !flags.has('inactive'),
    createdMs,
    deactivatedMs,
    neverLogsIn: flags.has('never'),
    loginFromMs: createdMs + rng.int(1, 48) * HOUR_MS,
    loginToMs,
    workEndMs: flags.has('never') ? createdMs : Math.min(loginToMs, asOfMs),
    engagement: draft.engagement,
    mobileShare: mobileRoll < 0.6 ? 0.05 : mobileRoll < 0.9 ? 0.3 : 0.7,
    isRunningUser: flags.has('running')
  };
}

function assignManagers(people: Person[], rng: Random): void {
  const indexes = (predicate: (p: Person) => boolean): number[] =>
    people.flatMap((p, index) => (predicate(p) ? [index] : []));
  const executives = indexes((p) => p.kind === 'executive');
  const head = executives[0];
  const opsLead = indexes((p) => p.kind === 'salesOperations')[0];
  const managersByRegion = REGIONS.map((_, region) =>
    indexes((p) => p.kind === 'manager' && p.region === region)
  );
  const activeManagersByRegion = managersByRegion.map((list) =>
    list.filter((index) => people[index].isActive)
  );
  people.forEach((person, index) => {
    switch (person.kind) {
      case 'executive':
        person.manager = index === head ? -1 : head;
        break;
      case 'salesOperations':
        person.manager = index === opsLead ? head : opsLead;
        break;
      case 'manager': {
        const regional = executives.filter((e) => e !== head && people[e].region === person.region);
        person.manager = regional.length > 0 ? rng.pick(regional) : head;
        break;
      }
      case 'accountExecutive':
      case 'salesDevelopmentRep': {
        const active = activeManagersByRegion[person.region];
        person.manager = rng.pick(active.length > 0 ? active : managersByRegion[person.region]);
        break;
      }
      case 'analyst':
        person.manager = head;
        break;
      default:
        person.manager = -1;
    }
  });
}

/** first.last@… in creation order; later namesakes get a number (usernames are unique). */
function assignUsernames(people: Person[]): void {
  const seen = new Map<string, number>();
  for (const person of people) {
    const base = `${slug(person.firstName)}.${slug(person.lastName)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const local = count === 1 ? base : `${base}${count}`;
    const domain = person.kind === 'partner' ? 'partner.example.com' : 'acme-demo.example.com';
    person.username = `${local}@${domain}`;
    person.email = person.username;
  }
}
