import { OPPORTUNITY_STAGES } from '../crm';
import { generateDemoOrg } from '../generate';
import type { DemoOrg, FieldValue } from '../model';

const DAY_MS = 86_400_000;
let org: DemoOrg;

beforeAll(() => {
  org = generateDemoOrg({ users: 500, seed: 11 });
});

function read(object: string, field: string): (row: number) => FieldValue {
  const reader = org.tables[object].accessor(field);
  if (!reader) throw new Error(`no ${object}.${field}`);
  return reader;
}

function rows(object: string): number[] {
  return Array.from({ length: org.tables[object].size }, (_, row) => row);
}

describe('OpportunityFieldHistory', () => {
  it('has one created row per opportunity and stage rows that each change the stage', () => {
    const field = read('OpportunityFieldHistory', 'Field');
    const oldValue = read('OpportunityFieldHistory', 'OldValue');
    const newValue = read('OpportunityFieldHistory', 'NewValue');
    const history = rows('OpportunityFieldHistory');
    expect(history.filter((row) => field(row) === 'created')).toHaveLength(
      org.tables.Opportunity.size
    );
    const moves = history.filter((row) => field(row) === 'StageName');
    expect(moves.length).toBeGreaterThan(org.tables.Opportunity.size);
    const stageNames = OPPORTUNITY_STAGES.map((stage) => stage.name);
    for (const row of moves) {
      expect(stageNames).toContain(oldValue(row));
      expect(stageNames).toContain(newValue(row));
      expect(oldValue(row)).not.toBe(newValue(row));
    }
    expect(history.filter((row) => field(row) === 'created' && oldValue(row) !== null)).toEqual([]);
  });

  it('chains each opportunity from creation to its current stage, within its lifetime', () => {
    const opportunity = read('OpportunityFieldHistory', 'OpportunityId');
    const field = read('OpportunityFieldHistory', 'Field');
    const oldValue = read('OpportunityFieldHistory', 'OldValue');
    const newValue = read('OpportunityFieldHistory', 'NewValue');
    const at = read('OpportunityFieldHistory', 'CreatedDate');
    const by = read('OpportunityFieldHistory', 'CreatedById');
    const byOpportunity = new Map<string, number[]>();
    for (const row of rows('OpportunityFieldHistory')) {
      if (field(row) !== 'StageName') continue;
      const id = String(opportunity(row));
      byOpportunity.set(id, [...(byOpportunity.get(id) ?? []), row]);
    }
    const table = org.tables.Opportunity;
    const [stage, created, modified, owner] = [
      'StageName',
      'CreatedDate',
      'LastModifiedDate',
      'OwnerId'
    ].map((name) => read('Opportunity', name));
    const broken: string[] = [];
    for (const [id, changes] of byOpportunity) {
      const row = table.rowOf(id) as number;
      const ordered = [...changes].sort((a, b) => Number(at(a)) - Number(at(b)));
      ordered.forEach((change, index) => {
        if (index > 0 && oldValue(change) !== newValue(ordered[index - 1])) broken.push(id);
        if (!(Number(at(change)) > Number(created(row)))) broken.push(id);
        if (Number(at(change)) > Number(modified(row))) broken.push(id);
        if (by(change) !== owner(row)) broken.push(id);
      });
      if (newValue(ordered[ordered.length - 1]) !== stage(row)) broken.push(id);
    }
    expect(broken).toEqual([]);
  });

  it('has recent moves on worked opportunities and none on stale ones', () => {
    const field = read('OpportunityFieldHistory', 'Field');
    const at = read('OpportunityFieldHistory', 'CreatedDate');
    const since = org.asOf.getTime() - 14 * DAY_MS;
    const recent = rows('OpportunityFieldHistory').filter(
      (row) => field(row) === 'StageName' && Number(at(row)) > since
    );
    expect(recent.length).toBeGreaterThan(10);
  });
});

describe('duplicate record sets', () => {
  it('holds two or three alike records of one object per set, RecordCount matching', () => {
    const setOf = read('DuplicateRecordItem', 'DuplicateRecordSetId');
    const recordId = read('DuplicateRecordItem', 'RecordId');
    const count = read('DuplicateRecordSet', 'RecordCount');
    const members = new Map<string, string[]>();
    for (const row of rows('DuplicateRecordItem')) {
      const set = String(setOf(row));
      members.set(set, [...(members.get(set) ?? []), String(recordId(row))]);
    }
    expect(members.size).toBe(org.tables.DuplicateRecordSet.size);
    const objects = new Set<string>();
    for (const [set, ids] of members) {
      const row = org.tables.DuplicateRecordSet.rowOf(set) as number;
      expect(count(row)).toBe(ids.length);
      expect([2, 3]).toContain(ids.length);
      const prefixes = new Set(ids.map((id) => id.slice(0, 3)));
      expect(prefixes.size).toBe(1);
      objects.add(ids[0].slice(0, 3));
    }
    expect([...objects].sort()).toEqual(['001', '003', '00Q']);
  });

  it('puts a few percent of accounts, contacts and leads in a set', () => {
    const recordId = read('DuplicateRecordItem', 'RecordId');
    for (const [object, prefix] of [
      ['Account', '001'],
      ['Contact', '003'],
      ['Lead', '00Q']
    ]) {
      const inSets = new Set(
        rows('DuplicateRecordItem')
          .map((row) => String(recordId(row)))
          .filter((id) => id.startsWith(prefix))
      );
      const share = inSets.size / org.tables[object].size;
      expect(share).toBeGreaterThan(0.01);
      expect(share).toBeLessThan(0.12);
    }
  });
});

describe('record upkeep fields', () => {
  it('fills NextStep on most worked open opportunities and few closed ones', () => {
    const [nextStep, isClosed, modified] = ['NextStep', 'IsClosed', 'LastModifiedDate'].map(
      (field) => read('Opportunity', field)
    );
    const share = (pick: (row: number) => boolean): number => {
      const picked = rows('Opportunity').filter(pick);
      return picked.filter((row) => nextStep(row) !== null).length / picked.length;
    };
    const worked = org.asOf.getTime() - 21 * DAY_MS;
    expect(
      share((row) => isClosed(row) === false && Number(modified(row)) > worked)
    ).toBeGreaterThan(0.6);
    expect(share((row) => isClosed(row) === true)).toBeLessThan(0.25);
  });

  it('stamps Task.LastModifiedDate between creation and asOf, a closed task on its due date', () => {
    const [created, modified, isClosed, due] = [
      'CreatedDate',
      'LastModifiedDate',
      'IsClosed',
      'ActivityDate'
    ].map((field) => read('Task', field));
    const T = org.asOf.getTime();
    const wrong = rows('Task').filter(
      (row) => Number(modified(row)) < Number(created(row)) || Number(modified(row)) > T
    );
    expect(wrong).toEqual([]);
    const closedOnDueDate = rows('Task').filter(
      (row) =>
        isClosed(row) === true &&
        Math.abs(Number(modified(row)) - Date.parse(`${String(due(row))}T12:00:00Z`)) < 2 * DAY_MS
    );
    const closed = rows('Task').filter((row) => isClosed(row) === true);
    expect(closedOnDueDate.length / closed.length).toBeGreaterThan(0.9);
  });
});
