/**
 * Fields that record how well records are kept up, generated after the CRM records from their own
 * random stream (so adding them left every earlier column unchanged):
 * - Opportunity.NextStep, a data-quality gate field: filled on most opportunities someone is
 *   working, on few that were left alone, rarely kept on closed ones;
 * - Task.LastModifiedDate: a closed task was last modified when it was closed (on its due date, in
 *   the owner's working hours, never before it was created); an open one soon after creation.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, NULL_DAY, ZoneClock } from './calendar';
import { NULL_CODE } from './crm';
import type { OpportunityColumns, TaskColumns } from './crm';
import { NEXT_STEPS } from './names';
import type { Person } from './people';
import { Random } from './random';

/** Opportunities touched within this many days count as worked (NextStep kept current). */
const WORKED_DAYS = 21;
const NEXT_STEP_SHARE = { worked: 0.72, leftAlone: 0.3, closed: 0.12 };

export interface UpkeepSettings {
  asOfMs: number;
}

/** Opportunity.NextStep as codes into NEXT_STEPS, NULL_CODE for blank. */
export function nextSteps(
  opportunities: OpportunityColumns,
  isClosedStage: (stage: number) => boolean,
  settings: UpkeepSettings,
  rng: Random
): Uint8Array {
  const codes = new Uint8Array(opportunities.size);
  for (let row = 0; row < opportunities.size; row += 1) {
    const worked = opportunities.modified[row] > settings.asOfMs - WORKED_DAYS * DAY_MS;
    const share = isClosedStage(opportunities.stage[row])
      ? NEXT_STEP_SHARE.closed
      : worked
        ? NEXT_STEP_SHARE.worked
        : NEXT_STEP_SHARE.leftAlone;
    codes[row] = rng.chance(share) ? rng.int(0, NEXT_STEPS.length - 1) : NULL_CODE;
  }
  return codes;
}

/** Task.LastModifiedDate (epoch ms) per task. */
export function taskModified(
  tasks: TaskColumns,
  people: readonly Person[],
  clocks: readonly ZoneClock[],
  settings: UpkeepSettings,
  rng: Random
): Float64Array {
  const modified = new Float64Array(tasks.size);
  for (let row = 0; row < tasks.size; row += 1) {
    const created = tasks.created[row];
    const owner = people[tasks.owner[row]];
    const latest = Math.min(settings.asOfMs, Math.max(created, owner.workEndMs));
    let instant: number;
    const day = tasks.activityDay[row];
    if (tasks.status[row] === 2 && day !== NULL_DAY) {
      // Closed on its due date, some time during the owner's working day.
      instant = clocks[owner.place].instant(day, rng.int(8 * 60, 18 * 60)) + rng.int(0, 59) * 1000;
    } else {
      instant = created + rng.int(0, 72) * HOUR_MS + rng.int(0, 59) * MINUTE_MS;
    }
    modified[row] = Math.min(latest, Math.max(created, instant));
  }
  return modified;
}
