/**
 * What the platform fills in or derives when a record is saved, for the objects the package's
 * tests write. Each rule names the Object Reference page it follows; values are those of a new
 * org's standard picklists (an org can rename them — the runtime models the defaults).
 */
import type { FieldValue } from '../../demo/model';
import type { Row } from './table';

interface StageRule {
  probability: number;
  forecastCategory: string;
  closed: boolean;
  won: boolean;
}

/**
 * Object Reference: Opportunity (IsClosed, IsWon: "Directly controlled by StageName") and the
 * standard sales process's OpportunityStage values with their default probabilities. A stage
 * outside this table counts as open.
 */
export const OPPORTUNITY_STAGES: Readonly<Record<string, StageRule>> = {
  Prospecting: { probability: 10, forecastCategory: 'Pipeline', closed: false, won: false },
  Qualification: { probability: 10, forecastCategory: 'Pipeline', closed: false, won: false },
  'Needs Analysis': { probability: 20, forecastCategory: 'Pipeline', closed: false, won: false },
  'Value Proposition': { probability: 50, forecastCategory: 'Pipeline', closed: false, won: false },
  'Id. Decision Makers': {
    probability: 60,
    forecastCategory: 'Pipeline',
    closed: false,
    won: false
  },
  'Perception Analysis': {
    probability: 70,
    forecastCategory: 'Pipeline',
    closed: false,
    won: false
  },
  'Proposal/Price Quote': {
    probability: 75,
    forecastCategory: 'Pipeline',
    closed: false,
    won: false
  },
  'Negotiation/Review': {
    probability: 90,
    forecastCategory: 'Pipeline',
    closed: false,
    won: false
  },
  'Closed Won': { probability: 100, forecastCategory: 'Closed', closed: true, won: true },
  'Closed Lost': { probability: 0, forecastCategory: 'Omitted', closed: true, won: false }
};

/** Object Reference: Task (Status defaults to 'Not Started'; TaskStatus 'Completed' is the closed one). */
const TASK_CLOSED_STATUSES = new Set(['Completed']);
/** Object Reference: Case (Status defaults to 'New'; CaseStatus 'Closed' is the closed one). */
const CASE_CLOSED_STATUSES = new Set(['Closed']);

type Rule = (row: Row, previous: Row | undefined, now: number) => Row;

function fullName(row: Row): FieldValue {
  return [row.FirstName, row.LastName].filter((part) => part !== null && part !== '').join(' ');
}

/** ClosedDate / CompletedDateTime: set when the record closes, kept while closed. */
function closedAt(closed: boolean, previous: FieldValue | undefined, now: number): FieldValue {
  if (!closed) return null;
  return previous ?? now;
}

const RULES: Readonly<Record<string, Rule>> = {
  Opportunity: (row, previous) => {
    const stage = OPPORTUNITY_STAGES[row.StageName as string];
    const stageChanged = previous?.StageName !== row.StageName;
    // Object Reference, Opportunity.Probability: "Implied by StageName, but may be overwritten":
    // a Probability the DML itself sets (on insert, or changed by the update) wins over the stage.
    const probabilitySet =
      row.Probability !== null &&
      (previous === undefined || row.Probability !== previous.Probability);
    return {
      IsClosed: stage?.closed ?? false,
      IsWon: stage?.won ?? false,
      ...(stage && (stageChanged || row.Probability === null)
        ? {
            ...(probabilitySet ? {} : { Probability: stage.probability }),
            ForecastCategoryName: stage.forecastCategory
          }
        : {})
    };
  },
  Task: (row, previous, now) => {
    const status = (row.Status as string | null) ?? 'Not Started';
    const closed = TASK_CLOSED_STATUSES.has(status);
    return {
      Status: status,
      Priority: row.Priority ?? 'Normal',
      IsClosed: closed,
      CompletedDateTime: closedAt(closed, previous?.CompletedDateTime ?? null, now)
    };
  },
  Case: (row, previous, now) => {
    const status = (row.Status as string | null) ?? 'New';
    const closed = CASE_CLOSED_STATUSES.has(status);
    return {
      Status: status,
      IsClosed: closed,
      ClosedDate: closedAt(closed, previous?.ClosedDate ?? null, now)
    };
  },
  // Object Reference: Lead (Status defaults to the first LeadStatus, IsConverted false until converted).
  Lead: (row) => ({
    Status: row.Status ?? 'Open - Not Contacted',
    IsConverted: row.IsConverted ?? false,
    Name: fullName(row)
  }),
  Contact: (row) => ({ Name: fullName(row) }),
  // Object Reference: UserRole (access for account owners defaults to None under a Private default).
  UserRole: (row) => ({
    OpportunityAccessForAccountOwner: row.OpportunityAccessForAccountOwner ?? 'None',
    CaseAccessForAccountOwner: row.CaseAccessForAccountOwner ?? 'None'
  }),
  // Object Reference: User (Name is FirstName LastName; IsActive defaults to true; CommunityNickname is generated when blank).
  User: (row) => ({
    Name: fullName(row),
    IsActive: row.IsActive ?? true,
    CommunityNickname: row.CommunityNickname ?? row.Alias ?? row.Username
  })
};

/** The derived and defaulted values of a saved record (`previous` is the stored row on update). */
export function derivedValues(
  objectName: string,
  row: Row,
  previous: Row | undefined,
  now: number
): Row {
  return RULES[objectName]?.(row, previous, now) ?? {};
}

/**
 * Createable, non-nillable fields without a default the Object Reference prints that the platform
 * fills in anyway: User.Manager (a describe artefact beside ManagerId) and Case.BusinessHoursId
 * (the org's default business hours).
 */
export const FILLED_BY_PLATFORM = new Set(['User.Manager', 'Case.BusinessHoursId']);
