import SliceDrilldown from 'c/sliceDrilldown';
import getSlicePeople from '@salesforce/apex/AdoptionDashboardController.getSlicePeople';
import getNeglectedRecords from '@salesforce/apex/AdoptionDashboardController.getNeglectedRecords';
import type { PageReference } from 'lightning/navigation';
import type { PersonRow, NeglectedRecord } from 'c/adoptionMetrics';
import { changeCombobox, flushPromises, mount, resetDom } from 'test-utils';
import peoplePage from './data/peoplePage.json';
import recordPage from './data/recordPage.json';

jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getSlicePeople',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/AdoptionDashboardController.getNeglectedRecords',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

/**
 * The sfdx-lwc-jest stub of NavigationMixin resolves every GenerateUrl to one constant URL and
 * records nothing; this keeps its mixin and symbols but answers each page reference with the
 * record page URL Lightning Experience would give, through a jest.fn the tests can read.
 */
jest.mock('lightning/navigation', () => {
  const stub = jest.requireActual('lightning/navigation');
  const generateUrl = jest.fn((pageReference: { attributes: Record<string, string> }) => {
    const { objectApiName, recordId, actionName } = pageReference.attributes;
    return Promise.resolve(`/lightning/r/${objectApiName}/${recordId}/${actionName}`);
  });
  const NavigationMixin = (Base: new () => object) =>
    class extends stub.NavigationMixin(Base) {
      [stub.NavigationMixin.GenerateUrl](pageReference: never) {
        return generateUrl(pageReference);
      }
    };
  NavigationMixin.Navigate = stub.NavigationMixin.Navigate;
  NavigationMixin.GenerateUrl = stub.NavigationMixin.GenerateUrl;
  return { ...stub, NavigationMixin, generateUrl };
});

const { generateUrl } = jest.requireMock('lightning/navigation') as { generateUrl: jest.Mock };
const peopleApex = getSlicePeople as unknown as jest.Mock;
const recordsApex = getNeglectedRecords as unknown as jest.Mock;

interface PagedListProps {
  label: string;
  rows: Record<string, unknown>[];
  columns: { label: string; fieldName: string }[];
  sortedBy: string;
  sortedDirection: string;
  pageNumber: number;
  pageSize: number;
  totalRows: number;
  maxRows: number | null;
  loading: boolean;
  exporting: boolean;
  emptyMessage: string;
}

type Params = Record<string, unknown>;

const DATA_URL_PREFIX = 'data:text/csv;charset=utf-8,';

function mountDrilldown(props: Params = {}): HTMLElement {
  return mount<HTMLElement>('c-slice-drilldown', SliceDrilldown, {
    dimension: 'region',
    sliceKey: 'EMEA',
    periodDays: 30,
    ...props
  });
}

function list(element: HTMLElement, which: 'people' | 'records'): PagedListProps & HTMLElement {
  return element.shadowRoot?.querySelector(`.${which}-list`) as unknown as PagedListProps &
    HTMLElement;
}

function text(element: HTMLElement, selector: string): string | undefined {
  return element.shadowRoot?.querySelector(selector)?.textContent?.trim();
}

/** The file the export link holds: its name, and its CSV lines without the byte-order mark. */
function downloadedFile(
  element: HTMLElement,
  which: 'people' | 'records'
): { fileName: string | null; lines: string[] } {
  const link = element.shadowRoot?.querySelector(`.${which} a.download-link`);
  const href = link?.getAttribute('href') ?? '';
  expect(href.startsWith(DATA_URL_PREFIX)).toBe(true);
  const csv = decodeURIComponent(href.slice(DATA_URL_PREFIX.length));
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return {
    fileName: link?.getAttribute('download') ?? null,
    lines: csv.slice(1, -2).split('\r\n')
  };
}

/** Serves `rows` in pages the way Apex does, for whatever page size and number is asked. */
function servePages<Row>(rows: Row[], totalRows = rows.length) {
  return ({ pageSize, pageNumber }: Params) => {
    const start = ((pageNumber as number) - 1) * (pageSize as number);
    return Promise.resolve({
      pageSize,
      pageNumber,
      totalRows,
      rows: rows.slice(start, start + (pageSize as number))
    });
  };
}

function person(index: number): PersonRow {
  return {
    userId: `005${String(index).padStart(15, '0')}`,
    name: `User ${index}`,
    role: 'Sales Rep',
    region: 'EMEA',
    lastLoginDate: null,
    logins: index,
    recordsCreated: 0,
    pastDueTasks: 1
  };
}

function opportunity(index: number): NeglectedRecord {
  return {
    recordId: `006${String(index).padStart(15, '0')}`,
    objectApiName: 'Opportunity',
    name: `Deal ${index}`,
    ownerId: '005000000000001AAA',
    ownerName: 'Ada Lovelace',
    keyDate: '2025-01-31',
    amount: index,
    status: 'Prospecting'
  };
}

describe('c-slice-drilldown', () => {
  let clickLink: jest.SpyInstance;

  beforeEach(() => {
    peopleApex.mockResolvedValue(peoplePage);
    recordsApex.mockResolvedValue(recordPage);
    // jsdom cannot navigate to a data: URL; the test reads the link instead.
    clickLink = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });

  afterEach(() => {
    resetDom();
    clickLink.mockRestore();
  });

  it('shows both lists loading, and is accessible', async () => {
    peopleApex.mockReturnValue(new Promise(() => {}));
    recordsApex.mockReturnValue(new Promise(() => {}));
    const element = mountDrilldown();
    await flushPromises();
    expect(list(element, 'people').loading).toBe(true);
    expect(list(element, 'records').loading).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('asks Apex for the first page of people and of past-close opportunities', async () => {
    mountDrilldown();
    await flushPromises();
    expect(peopleApex).toHaveBeenCalledTimes(1);
    expect(peopleApex).toHaveBeenCalledWith({
      dimension: 'region',
      sliceKey: 'EMEA',
      periodDays: 30,
      sortBy: 'name',
      sortDirection: 'asc',
      pageSize: 25,
      pageNumber: 1
    });
    expect(recordsApex).toHaveBeenCalledTimes(1);
    expect(recordsApex).toHaveBeenCalledWith({
      kpiId: 'opps.neglected.pastClose',
      dimension: 'region',
      sliceKey: 'EMEA',
      sortBy: 'keyDate',
      sortDirection: 'asc',
      pageSize: 25,
      pageNumber: 1
    });
  });

  it('links people and records to their record pages, and is accessible', async () => {
    const element = mountDrilldown();
    await flushPromises();
    const people = list(element, 'people');
    expect(people.rows.map((row) => [row.name, row.nameUrl, row.role])).toEqual([
      ['Ada Lovelace', '/lightning/r/User/005000000000001AAA/view', 'Sales Rep'],
      ['Grace Hopper', '/lightning/r/User/005000000000002AAA/view', '(none)']
    ]);
    expect(people.totalRows).toBe(161);
    const records = list(element, 'records');
    expect(records.rows.map((row) => [row.name, row.nameUrl, row.ownerUrl])).toEqual([
      [
        'Acme renewal',
        '/lightning/r/Opportunity/006000000000001AAA/view',
        '/lightning/r/User/005000000000001AAA/view'
      ],
      [
        '=HYPERLINK("evil"), Inc.',
        '/lightning/r/Opportunity/006000000000002AAA/view',
        '/lightning/r/User/005000000000002AAA/view'
      ]
    ]);
    expect(generateUrl).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: {
        recordId: '006000000000001AAA',
        objectApiName: 'Opportunity',
        actionName: 'view'
      }
    });
    // Each user's URL is generated once, though Ada is both a person and an owner.
    const userUrls = generateUrl.mock.calls.filter(
      ([reference]) => (reference as PageReference).attributes?.recordId === '005000000000001AAA'
    );
    expect(userUrls).toHaveLength(1);
    expect(text(element, 'h3')).toBe('People in EMEA');
    await expect(element).toBeAccessible();
  });

  it('shows the datatable columns as url links sortable on the server', async () => {
    const element = mountDrilldown();
    await flushPromises();
    expect(list(element, 'people').columns.map((column) => column.label)).toEqual([
      'Name',
      'Role',
      'Region',
      'Last login',
      'Logins',
      'Records created',
      'Past-due tasks'
    ]);
    expect(list(element, 'records').columns.map((column) => column.label)).toEqual([
      'Opportunity',
      'Owner',
      'Close date',
      'Amount',
      'Stage'
    ]);
    expect(list(element, 'records').maxRows).toBe(2000);
    expect(list(element, 'people').maxRows).toBeNull();
  });

  it('sorts people on the server by the Apex field behind the column', async () => {
    const element = mountDrilldown();
    await flushPromises();
    list(element, 'people').dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'lastLoginDate', sortDirection: 'desc' } })
    );
    await flushPromises();
    expect(peopleApex).toHaveBeenLastCalledWith(
      expect.objectContaining({ sortBy: 'lastLoginDate', sortDirection: 'desc', pageNumber: 1 })
    );
    expect(list(element, 'people').sortedBy).toBe('lastLoginDate');
    expect(list(element, 'people').sortedDirection).toBe('desc');
    list(element, 'people').dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'nameUrl', sortDirection: 'asc' } })
    );
    await flushPromises();
    expect(peopleApex).toHaveBeenLastCalledWith(
      expect.objectContaining({ sortBy: 'name', sortDirection: 'asc' })
    );
  });

  it('sorts records by owner name from the owner link column', async () => {
    const element = mountDrilldown();
    await flushPromises();
    list(element, 'records').dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'ownerUrl', sortDirection: 'desc' } })
    );
    await flushPromises();
    expect(recordsApex).toHaveBeenLastCalledWith(
      expect.objectContaining({ sortBy: 'ownerName', sortDirection: 'desc', pageNumber: 1 })
    );
    expect(list(element, 'records').sortedBy).toBe('ownerUrl');
  });

  it('pages on the server, keeping the sort, and back to page 1 on a new sort', async () => {
    const element = mountDrilldown();
    await flushPromises();
    list(element, 'people').dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'logins', sortDirection: 'desc' } })
    );
    await flushPromises();
    list(element, 'people').dispatchEvent(new CustomEvent('page', { detail: { pageNumber: 3 } }));
    await flushPromises();
    expect(peopleApex).toHaveBeenLastCalledWith(
      expect.objectContaining({ sortBy: 'logins', sortDirection: 'desc', pageNumber: 3 })
    );
    expect(list(element, 'people').pageNumber).toBe(3);
    list(element, 'records').dispatchEvent(new CustomEvent('page', { detail: { pageNumber: 2 } }));
    await flushPromises();
    expect(recordsApex).toHaveBeenLastCalledWith(
      expect.objectContaining({ pageNumber: 2, pageSize: 25 })
    );
    list(element, 'people').dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'role', sortDirection: 'asc' } })
    );
    await flushPromises();
    expect(list(element, 'people').pageNumber).toBe(1);
  });

  it('keeps the newest page when an older request answers last', async () => {
    let answerFirst: (page: unknown) => void = () => {};
    peopleApex.mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)));
    const element = mountDrilldown();
    await flushPromises();
    peopleApex.mockResolvedValueOnce({ ...peoplePage, rows: [person(9)], totalRows: 1 });
    list(element, 'people').dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'logins', sortDirection: 'desc' } })
    );
    await flushPromises();
    answerFirst(peoplePage);
    await flushPromises();
    expect(list(element, 'people').rows.map((row) => row.name)).toEqual(['User 9']);
  });

  it('offers the neglected-record KPIs by their catalog labels and lists the one chosen', async () => {
    const element = mountDrilldown();
    await flushPromises();
    const picker = element.shadowRoot?.querySelector('.kpi-picker') as unknown as {
      options: { label: string; value: string }[];
      value: string;
    };
    expect(picker.value).toBe('opps.neglected.pastClose');
    expect(picker.options).toEqual([
      { label: 'Open opportunities past their close date', value: 'opps.neglected.pastClose' },
      { label: 'Stale open opportunities', value: 'opps.neglected.stale' },
      { label: 'Past-due tasks', value: 'tasks.pastDue' },
      { label: 'Abandoned leads', value: 'leads.abandoned' }
    ]);
    list(element, 'records').dispatchEvent(new CustomEvent('page', { detail: { pageNumber: 2 } }));
    await flushPromises();
    recordsApex.mockResolvedValue({ ...recordPage, kpiId: 'tasks.pastDue', rows: [] });
    changeCombobox(element.shadowRoot?.querySelector('.kpi-picker'), 'tasks.pastDue');
    await flushPromises();
    expect(recordsApex).toHaveBeenLastCalledWith({
      kpiId: 'tasks.pastDue',
      dimension: 'region',
      sliceKey: 'EMEA',
      sortBy: 'keyDate',
      sortDirection: 'asc',
      pageSize: 25,
      pageNumber: 1
    });
    expect(list(element, 'records').columns.map((column) => column.label)).toEqual([
      'Task',
      'Owner',
      'Due date',
      'Status'
    ]);
  });

  it('exports every page of people as CSV and announces the count', async () => {
    const everyone = Array.from({ length: 450 }, (_, index) => person(index + 1));
    const element = mountDrilldown();
    await flushPromises();
    peopleApex.mockClear();
    peopleApex.mockImplementation(servePages(everyone));
    list(element, 'people').dispatchEvent(new CustomEvent('export'));
    await flushPromises();
    expect(peopleApex.mock.calls.map(([params]) => [params.pageSize, params.pageNumber])).toEqual([
      [200, 1],
      [200, 2],
      [200, 3]
    ]);
    expect(peopleApex).toHaveBeenCalledWith(
      expect.objectContaining({ sortBy: 'name', sortDirection: 'asc', periodDays: 30 })
    );
    const { fileName, lines } = downloadedFile(element, 'people');
    expect(fileName).toBe('region-EMEA-people.csv');
    expect(lines).toHaveLength(451);
    expect(lines.slice(0, 3)).toEqual([
      'Name,Role,Region,Last login,Logins,Records created,Past-due tasks,User Id',
      'User 1,Sales Rep,EMEA,,1,0,1,005000000000000001',
      'User 2,Sales Rep,EMEA,,2,0,1,005000000000000002'
    ]);
    expect(lines[450]).toBe('User 450,Sales Rep,EMEA,,450,0,1,005000000000000450');
    expect(clickLink).toHaveBeenCalledTimes(1);
    const status = element.shadowRoot?.querySelector('.people .export-message');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(text(element, '.people .export-message')).toBe('Exported 450 rows.');
    expect(list(element, 'people').exporting).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('exports records with the columns of their KPI, safe against formulas', async () => {
    const element = mountDrilldown();
    await flushPromises();
    list(element, 'records').dispatchEvent(new CustomEvent('export'));
    await flushPromises();
    expect(recordsApex).toHaveBeenLastCalledWith(
      expect.objectContaining({ kpiId: 'opps.neglected.pastClose', pageSize: 200, pageNumber: 1 })
    );
    expect(downloadedFile(element, 'records')).toEqual({
      fileName: 'region-EMEA-opps.neglected.pastClose.csv',
      lines: [
        'Opportunity,Object,Owner,Close date,Amount,Stage,Record Id',
        'Acme renewal,Opportunity,Ada Lovelace,2025-03-31,12000,Negotiation,006000000000001AAA',
        `"'=HYPERLINK(""evil""), Inc.",Opportunity,Grace Hopper,2025-04-15,,Prospecting,006000000000002AAA`
      ]
    });
    expect(text(element, '.records .export-message')).toBe('Exported 2 rows.');
    expect(text(element, '.people .export-message')).toBe('');
    expect(clickLink.mock.contexts).toEqual([
      element.shadowRoot?.querySelector('.records a.download-link')
    ]);
  });

  it('stops a records export at 2,000 rows and says how many were left out', async () => {
    const many = Array.from({ length: 2345 }, (_, index) => opportunity(index + 1));
    const element = mountDrilldown();
    await flushPromises();
    recordsApex.mockClear();
    recordsApex.mockImplementation(servePages(many));
    list(element, 'records').dispatchEvent(new CustomEvent('export'));
    await flushPromises();
    expect(recordsApex.mock.calls.map(([params]) => params.pageNumber)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ]);
    const { lines } = downloadedFile(element, 'records');
    expect(lines).toHaveLength(2001);
    expect(lines[2000]).toBe(
      'Deal 2000,Opportunity,Ada Lovelace,2025-01-31,2000,Prospecting,006000000000002000'
    );
    expect(text(element, '.records .export-message')).toBe(
      'Exported 2,000 rows: the first 2,000 of 2,345. Narrow the selection to export the rest.'
    );
  });

  it('words a role slice and the blank slice for people', async () => {
    const element = mountDrilldown({ dimension: 'role', sliceKey: 'Sales Rep' });
    await flushPromises();
    expect(
      Array.from(element.shadowRoot?.querySelectorAll('h3') ?? []).map((h) => h.textContent)
    ).toEqual([
      'People with the role Sales Rep',
      'Neglected records of people with the role Sales Rep'
    ]);
    Object.assign(element, { sliceKey: '(none)' });
    await flushPromises();
    expect(text(element, 'h3')).toBe('People without a role');
    expect(list(element, 'people').label).toBe('People without a role');
  });

  it('names the file of a blank slice "none"', async () => {
    const element = mountDrilldown({ dimension: 'role', sliceKey: '(none)' });
    await flushPromises();
    list(element, 'people').dispatchEvent(new CustomEvent('export'));
    await flushPromises();
    expect(downloadedFile(element, 'people').fileName).toBe('role-none-people.csv');
  });

  it('says an export is running and keeps its button disabled meanwhile', async () => {
    const element = mountDrilldown();
    await flushPromises();
    recordsApex.mockReturnValueOnce(new Promise(() => {}));
    list(element, 'records').dispatchEvent(new CustomEvent('export'));
    await flushPromises();
    expect(text(element, '.records .export-message')).toBe(
      'Exporting open opportunities past their close date…'
    );
    expect(list(element, 'records').exporting).toBe(true);
  });

  it('shows an export that failed, and is accessible', async () => {
    const element = mountDrilldown();
    await flushPromises();
    peopleApex.mockRejectedValueOnce({ body: { message: 'Too many rows.' } });
    list(element, 'people').dispatchEvent(new CustomEvent('export'));
    await flushPromises();
    expect(text(element, '.people .export-message')).toBe('The export failed.');
    const panel = element.shadowRoot?.querySelector('.people .export-error') as unknown as {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('The export could not be completed.');
    expect(JSON.stringify(panel.errors)).toContain('Too many rows.');
    expect(element.shadowRoot?.querySelector('a.download-link')).toBeNull();
    expect(clickLink).not.toHaveBeenCalled();
    expect(list(element, 'people').exporting).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('shows a list that failed to load in the error panel, and is accessible', async () => {
    peopleApex.mockRejectedValue({ body: { message: 'You can see only your own activity.' } });
    const element = mountDrilldown();
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('.people-error') as unknown as {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('The people of this slice could not be loaded.');
    expect(JSON.stringify(panel.errors)).toContain('You can see only your own activity.');
    expect(list(element, 'people')).toBeNull();
    expect(list(element, 'records').rows).toHaveLength(2);
    await expect(element).toBeAccessible();
  });

  it('shows the records error in its own panel', async () => {
    recordsApex.mockRejectedValue({
      body: { message: 'Only the first 2,000 records can be paged; narrow the slice.' }
    });
    const element = mountDrilldown();
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.records-error')).not.toBeNull();
    expect(list(element, 'records')).toBeNull();
    expect(list(element, 'people').rows).toHaveLength(2);
  });

  it('says when a slice has no people and no neglected records, and is accessible', async () => {
    peopleApex.mockResolvedValue({ ...peoplePage, totalRows: 0, rows: [] });
    recordsApex.mockResolvedValue({ ...recordPage, totalRows: 0, rows: [] });
    const element = mountDrilldown();
    await flushPromises();
    expect(list(element, 'people').emptyMessage).toBe(
      'No one in EMEA is in your view of the organisation.'
    );
    expect(list(element, 'records').emptyMessage).toBe(
      'Nothing to catch up on: people in EMEA have no open opportunities past their close date.'
    );
    expect(list(element, 'people').loading).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('notes when Apex hides logins from the viewer', async () => {
    peopleApex.mockResolvedValue({
      ...peoplePage,
      rows: peoplePage.rows.map((row) => ({ ...row, logins: null }))
    });
    const element = mountDrilldown();
    await flushPromises();
    expect(text(element, '.logins-note')).toBe(
      'Logins are shown only to viewers allowed to see their team’s logins.'
    );
  });

  it('adds no logins note when logins are visible', async () => {
    const element = mountDrilldown();
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.logins-note')).toBeNull();
  });

  it('reloads both lists once when the slice and period change together', async () => {
    const element = mountDrilldown();
    await flushPromises();
    peopleApex.mockClear();
    recordsApex.mockClear();
    Object.assign(element, { sliceKey: 'AMER', periodDays: 90 });
    await flushPromises();
    expect(peopleApex).toHaveBeenCalledTimes(1);
    expect(peopleApex).toHaveBeenCalledWith(
      expect.objectContaining({ sliceKey: 'AMER', periodDays: 90, pageNumber: 1 })
    );
    expect(recordsApex).toHaveBeenCalledTimes(1);
    expect(recordsApex).toHaveBeenCalledWith(expect.objectContaining({ sliceKey: 'AMER' }));
    expect(text(element, 'h3')).toBe('People in AMER');
  });
});
