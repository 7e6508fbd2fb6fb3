/**
 * The drill-down twin against scripted selector answers: its messages name what the user sees,
 * huge page numbers cannot wrap back to the first page, the people list runs one created-record
 * count per object limited to the slice, and record rows never carry a null name or owner name.
 */
import { PEOPLE_COLUMNS } from '../../../force-app/main/default/lwc/sliceDrilldown/drilldownColumns';
import { callApex } from '../controllers';
import { getNeglectedRecords, getSlicePeople } from '../dashboardGateway';
import {
  DRILLDOWN_MESSAGES,
  NEGLECTED_RECORD_KPIS,
  PEOPLE_SORT_KEYS,
  RECORD_SORT_KEYS
} from '../drilldownService';
import type { SoqlRecord } from '../queryRunner';
import type { SelectorMethod, SelectorQueries } from '../selectorQueries';
import { CLASSES_DIR, ScriptedRunner, loadSelectorQueries, scriptedContext } from './scripted';
import type { Answer } from './scripted';

let queries: SelectorQueries;
beforeAll(async () => {
  queries = await loadSelectorQueries(CLASSES_DIR);
});

const SLICE_SIZE = 3;
const directory = (): SoqlRecord[] =>
  Array.from({ length: SLICE_SIZE }, (_, index) => ({
    Id: `005${String(index).padStart(12, '0')}`,
    Name: `User ${index}`,
    UserRole: null,
    ManagerId: null,
    LastLoginDate: null,
    Division: null
  }));

function runner(answers: Partial<Record<SelectorMethod, Answer>> = {}): ScriptedRunner {
  return new ScriptedRunner(queries, {
    'DirectorySelector.DIRECTORY_TEMPLATE': directory,
    ...answers
  });
}

/** 536,870,912 × 200 = 25 × 2³²: an Integer offset would wrap around to 0, the first page. */
const WRAPS_TO_ZERO = 536_870_913;

describe('drill-down messages', () => {
  // The dimension message's role, region and user are plain words as well as API values.
  const { peopleSort, recordSort, amountSort, direction, kpi } = DRILLDOWN_MESSAGES;
  const messages = [peopleSort, recordSort, amountSort, direction, kpi];

  it('name the people columns as the drill-down table labels them', () => {
    for (const column of PEOPLE_COLUMNS) {
      expect(DRILLDOWN_MESSAGES.peopleSort).toContain(column.label);
    }
    expect(DRILLDOWN_MESSAGES.recordSort).toBe(
      'Choose a column to sort records by: Record, Owner, Date, Amount or Status.'
    );
    expect(DRILLDOWN_MESSAGES.direction).toBe('Choose a sort direction: ascending or descending.');
  });

  it('name no API name: sort keys, KPI ids or asc/desc', () => {
    // Case-sensitive: 'Name' and 'Status' are labels, 'name' and 'status' API names.
    const apiNames = [...PEOPLE_SORT_KEYS, ...RECORD_SORT_KEYS, ...NEGLECTED_RECORD_KPIS];
    const leaks = messages.flatMap((message) =>
      apiNames.filter((apiName) => message.includes(apiName)).map((apiName) => [apiName, message])
    );
    expect(leaks).toEqual([]);
    expect(messages.filter((message) => /\b(asc|desc)\b/.test(message))).toEqual([]);
  });
});

describe('huge page numbers', () => {
  it.each([WRAPS_TO_ZERO, 2 ** 31 - 1])(
    'refuse a record page %i as past 2,000 rows, before any query',
    async (pageNumber) => {
      const scripted = runner();
      await expect(
        callApex(
          'AdoptionDashboardController.getNeglectedRecords',
          scriptedContext(scripted, queries),
          {
            kpiId: 'tasks.pastDue',
            dimension: 'region',
            sliceKey: '(none)',
            sortBy: 'name',
            sortDirection: 'asc',
            pageSize: 200,
            pageNumber
          }
        )
      ).rejects.toThrow(DRILLDOWN_MESSAGES.offset);
      expect(scripted.calls.map((each) => each.method)).toEqual(['UserSelector.VIEWER_TEMPLATE']);
    }
  );

  it('give an empty people page, not the first one', async () => {
    const context = scriptedContext(runner(), queries);
    const page = await getSlicePeople(
      context,
      'region',
      '(none)',
      7,
      'name',
      'asc',
      200,
      WRAPS_TO_ZERO
    );
    expect(page).toMatchObject({ totalRows: SLICE_SIZE, pageNumber: WRAPS_TO_ZERO, rows: [] });
  });
});

describe('people of a slice', () => {
  it.each([
    [false, 4],
    [true, 5]
  ])(
    'with cases in use %s: %i created counts and a past-due count, each limited to the slice',
    async (casesInUse, createdQueries) => {
      const scripted = runner({
        'CaseSelector.hasAnyCase': () => (casesInUse ? [{ Id: '500000000000001' }] : [])
      });
      const page = await getSlicePeople(
        scriptedContext(scripted, queries),
        'region',
        '(none)',
        7,
        'name',
        'asc',
        10,
        1
      );
      expect(page.totalRows).toBe(SLICE_SIZE);
      const grouped = scripted.calls.filter((each) => each.binds.groupLimit !== undefined);
      expect(grouped.map((each) => each.method)).toEqual([
        'AccountSelector.countCreatedByUser',
        'ContactSelector.countCreatedByUser',
        'OpportunitySelector.countCreatedByUser',
        'TaskSelector.countCreatedByUser',
        ...(casesInUse ? ['CaseSelector.countCreatedByUser'] : []),
        'TaskSelector.countPastDueByOwner'
      ]);
      expect(grouped).toHaveLength(createdQueries + 1);
      expect(grouped.map((each) => each.binds.groupLimit)).toEqual(grouped.map(() => SLICE_SIZE));
    }
  );
});

describe('neglected record rows', () => {
  it('show a blank name and owner name, never null, when the record has none', async () => {
    const ownerId = String(directory()[0].Id);
    const scripted = runner({
      'TaskSelector.countPastDueRecords': () => [{}],
      'TaskSelector.PAST_DUE_PAGE_TEMPLATE': () => [
        {
          Id: '00T000000000001',
          Subject: null,
          OwnerId: ownerId,
          Owner: null,
          ActivityDate: '2026-11-20',
          Status: 'Not Started'
        }
      ]
    });
    const page = await getNeglectedRecords(
      scriptedContext(scripted, queries),
      'tasks.pastDue',
      'user',
      ownerId,
      'name',
      'asc',
      10,
      1
    );
    expect(page.rows).toEqual([
      {
        recordId: '00T000000000001',
        objectApiName: 'Task',
        name: '',
        ownerId,
        ownerName: '',
        keyDate: '2026-11-20',
        amount: null,
        status: 'Not Started'
      }
    ]);
  });
});
