/**
 * Duplicate record sets, as duplicate rules leave them: a DuplicateRecordSet per group of records
 * a rule matched, and a DuplicateRecordItem per record in it. Duplicates arise where people enter
 * the same thing twice: an account entered again by the same owner, a contact added twice to one
 * account, a lead captured twice by the same rep. A set holds two records, sometimes three.
 */
import { HOUR_MS } from './calendar';
import { float64Column, int32Column, uint8Column } from './columns';
import type { CrmData } from './crm';
import { Random } from './random';

/** The objects duplicate rules run on here, in DuplicateRecordItem.RecordId's target order. */
export const DUPLICATE_OBJECTS = ['Account', 'Contact', 'Lead'] as const;
const SHARE_STARTING_A_SET = [0.03, 0.02, 0.04];
const THIRD_MEMBER = 0.15;

export interface DuplicateColumns {
  sets: { size: number; recordCount: Uint8Array; created: Float64Array };
  items: {
    size: number;
    set: Int32Array;
    /** Index into DUPLICATE_OBJECTS. */
    object: Uint8Array;
    /** The row of the record in its object's table. */
    record: Int32Array;
    created: Float64Array;
  };
}

interface Candidates {
  size: number;
  created: Float64Array;
  /** Whether two rows are plausibly the same real-world thing (same owner, same account). */
  alike(row: number, other: number): boolean;
}

export function generateDuplicates(crm: CrmData, asOfMs: number, rng: Random): DuplicateColumns {
  const { accounts, contacts, leads } = crm;
  const candidates: Candidates[] = [
    {
      size: accounts.size,
      created: accounts.created,
      alike: (row, other) => accounts.owner[row] === accounts.owner[other]
    },
    {
      size: contacts.size,
      created: contacts.created,
      alike: (row, other) => contacts.account[row] === contacts.account[other]
    },
    {
      size: leads.size,
      created: leads.created,
      alike: (row, other) => leads.owner[row] === leads.owner[other]
    }
  ];
  const sets = { recordCount: uint8Column(), created: float64Column() };
  const items = {
    set: int32Column(),
    object: uint8Column(),
    record: int32Column(),
    created: float64Column()
  };
  candidates.forEach((records, object) => {
    for (let row = 2; row < records.size; row += 1) {
      if (!rng.chance(SHARE_STARTING_A_SET[object]) || !records.alike(row, row - 1)) continue;
      const members = [row - 1, row];
      if (rng.chance(THIRD_MEMBER) && records.alike(row, row - 2)) members.unshift(row - 2);
      // The rule runs when the later record is saved (or in a job soon after).
      const found = Math.min(
        asOfMs,
        Math.max(...members.map((member) => records.created[member])) + rng.int(0, 36) * HOUR_MS
      );
      const set = sets.recordCount.push(members.length);
      sets.created.push(found);
      for (const member of members) {
        items.set.push(set);
        items.object.push(object);
        items.record.push(member);
        items.created.push(found);
      }
    }
  });
  return {
    sets: {
      size: sets.recordCount.length,
      recordCount: sets.recordCount.finish(),
      created: sets.created.finish()
    },
    items: {
      size: items.set.length,
      set: items.set.finish(),
      object: items.object.finish(),
      record: items.record.finish(),
      created: items.created.finish()
    }
  };
}
