/**
 * OpportunityFieldHistory for the demo org, as field history tracking writes it: a `created` row
 * when an opportunity is created (no values), then one `StageName` row per stage change (OldValue →
 * NewValue, always two different stages), by the opportunity's owner. Each opportunity climbs from
 * where it started through some of the open stages to its current stage; a closed one ends with
 * the change to Closed Won/Lost on its last touch. The last change falls on the day the
 * opportunity was last modified (always, when it closed; often, when it is still open), earlier
 * changes between its creation and that instant: stale opportunities have no recent moves.
 */
import { int32Column, float64Column, uint8Column } from './columns';
import type { OpportunityColumns, Stage } from './crm';
import { Random } from './random';

export const HISTORY_FIELDS = ['created', 'StageName'] as const;
const CREATED = 0;
const STAGE_NAME = 1;
/** Stage codes in OldValue/NewValue columns; this one is null (the `created` row). */
export const NO_STAGE = 255;

/** Share of open opportunities whose last edit was a stage change (the rest: other edits). */
const LAST_EDIT_IS_MOVE = 0.6;

export interface StageHistoryColumns {
  size: number;
  opportunity: Int32Array;
  /** Index into HISTORY_FIELDS. */
  field: Uint8Array;
  /** Index into the stage list, NO_STAGE for null. */
  oldValue: Uint8Array;
  newValue: Uint8Array;
  createdBy: Int32Array;
  created: Float64Array;
}

/** The stages an opportunity passed through, oldest first, ending at its current stage. */
function stagePath(current: number, stages: readonly Stage[], rng: Random): number[] {
  const openCount = stages.filter((stage) => !stage.isClosed).length;
  const closed = stages[current].isClosed;
  const lastOpen = closed
    ? stages[current].isWon
      ? rng.int(Math.min(3, openCount - 1), openCount - 1)
      : rng.int(0, openCount - 1)
    : current;
  const start = lastOpen === 0 || rng.chance(0.6) ? 0 : rng.int(0, lastOpen);
  const path = [start];
  for (let stage = start + 1; stage < lastOpen; stage += 1) if (rng.chance(0.5)) path.push(stage);
  if (lastOpen !== start) path.push(lastOpen);
  if (closed) path.push(current);
  return path;
}

export function generateStageHistory(
  opportunities: OpportunityColumns,
  stages: readonly Stage[],
  rng: Random
): StageHistoryColumns {
  const columns = {
    opportunity: int32Column(opportunities.size * 3),
    field: uint8Column(opportunities.size * 3),
    oldValue: uint8Column(opportunities.size * 3),
    newValue: uint8Column(opportunities.size * 3),
    createdBy: int32Column(opportunities.size * 3),
    created: float64Column(opportunities.size * 3)
  };
  const add = (row: number, field: number, from: number, to: number, at: number): void => {
    columns.opportunity.push(row);
    columns.field.push(field);
    columns.oldValue.push(from);
    columns.newValue.push(to);
    columns.createdBy.push(opportunities.owner[row]);
    columns.created.push(at);
  };
  for (let row = 0; row < opportunities.size; row += 1) {
    const created = opportunities.created[row];
    const modified = opportunities.modified[row];
    add(row, CREATED, NO_STAGE, NO_STAGE, created);
    const path = stagePath(opportunities.stage[row], stages, rng);
    const moves = path.length - 1;
    if (moves === 0 || !(modified > created)) continue;
    const lastMove =
      stages[path[moves]].isClosed || rng.chance(LAST_EDIT_IS_MOVE)
        ? modified
        : rng.float(created, modified);
    const times: number[] = [];
    for (let move = 1; move < moves; move += 1) times.push(rng.float(created, lastMove));
    times.sort((a, b) => a - b);
    times.push(lastMove);
    for (let move = 0; move < moves; move += 1) {
      // Whole seconds, strictly after creation, as the platform stamps them.
      const at = Math.max(created + 1000, Math.floor(times[move] / 1000) * 1000);
      add(row, STAGE_NAME, path[move], path[move + 1], Math.min(at, modified));
    }
  }
  return {
    size: columns.opportunity.length,
    opportunity: columns.opportunity.finish(),
    field: columns.field.finish(),
    oldValue: columns.oldValue.finish(),
    newValue: columns.newValue.finish(),
    createdBy: columns.createdBy.finish(),
    created: columns.created.finish()
  };
}
