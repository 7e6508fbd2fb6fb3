import PagedList from 'c/pagedList';
import type { DatatableColumn } from 'c/pagedList';
import { flushPromises, mount, resetDom } from 'test-utils';

const COLUMNS: DatatableColumn[] = [
  { label: 'Name', fieldName: 'name', type: 'text', sortable: true },
  { label: 'Logins', fieldName: 'logins', type: 'number', sortable: true }
];

const ROWS = [
  { id: '005A', name: 'Ada Lovelace', logins: 12 },
  { id: '005B', name: 'Alan Turing', logins: 4 }
];

interface DatatableProps {
  data: unknown;
  columns: unknown;
  keyField: string;
  sortedBy: string;
  sortedDirection: string;
  hideCheckboxColumn: boolean;
  isLoading: boolean;
}

interface ButtonProps {
  label: string;
  disabled: boolean;
}

function mountList(props: Record<string, unknown> = {}): HTMLElement {
  return mount<HTMLElement>('c-paged-list', PagedList, {
    label: 'People in EMEA',
    columns: COLUMNS,
    rows: ROWS,
    sortedBy: 'name',
    sortedDirection: 'asc',
    pageNumber: 2,
    pageSize: 25,
    totalRows: 161,
    ...props
  });
}

function query<T>(element: HTMLElement, selector: string): T {
  return element.shadowRoot?.querySelector(selector) as unknown as T;
}

function text(element: HTMLElement, selector: string): string | undefined {
  return element.shadowRoot?.querySelector(selector)?.textContent?.trim();
}

describe('c-paged-list', () => {
  afterEach(resetDom);

  it('shows the page in a sortable datatable without checkboxes, and is accessible', async () => {
    const element = mountList();
    await flushPromises();
    const table = query<DatatableProps>(element, 'lightning-datatable');
    expect(table.data).toEqual(ROWS);
    expect(table.columns).toEqual(COLUMNS);
    expect(table.keyField).toBe('id');
    expect(table.sortedBy).toBe('name');
    expect(table.sortedDirection).toBe('asc');
    expect(table.hideCheckboxColumn).toBe(true);
    expect(text(element, '.page-status')).toBe('Page 2 of 7 · 161 rows');
    expect(query<HTMLElement>(element, 'nav').getAttribute('aria-label')).toBe(
      'People in EMEA: pages'
    );
    await expect(element).toBeAccessible();
  });

  it('emits page events for Previous and Next', async () => {
    const element = mountList();
    const pages: number[] = [];
    element.addEventListener('page', (event) =>
      pages.push((event as CustomEvent<{ pageNumber: number }>).detail.pageNumber)
    );
    await flushPromises();
    query<HTMLElement>(element, '.next-page').click();
    query<HTMLElement>(element, '.previous-page').click();
    expect(pages).toEqual([3, 1]);
  });

  it('disables Previous on the first page and Next on the last', async () => {
    const element = mountList({ pageNumber: 1, totalRows: 20 });
    await flushPromises();
    expect(text(element, '.page-status')).toBe('Page 1 of 1 · 20 rows');
    expect(query<ButtonProps>(element, '.previous-page').disabled).toBe(true);
    expect(query<ButtonProps>(element, '.next-page').disabled).toBe(true);
  });

  it('enables both buttons in the middle and disables them while a page loads', async () => {
    const element = mountList();
    await flushPromises();
    expect(query<ButtonProps>(element, '.previous-page').disabled).toBe(false);
    expect(query<ButtonProps>(element, '.next-page').disabled).toBe(false);
    Object.assign(element, { loading: true });
    await flushPromises();
    expect(query<ButtonProps>(element, '.previous-page').disabled).toBe(true);
    expect(query<ButtonProps>(element, '.next-page').disabled).toBe(true);
    expect(query<DatatableProps>(element, 'lightning-datatable').isLoading).toBe(true);
  });

  it('passes the datatable sort on as a sort event', async () => {
    const element = mountList();
    const sorts: unknown[] = [];
    element.addEventListener('sort', (event) => sorts.push((event as CustomEvent).detail));
    await flushPromises();
    query<HTMLElement>(element, 'lightning-datatable').dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'logins', sortDirection: 'desc' } })
    );
    expect(sorts).toEqual([{ fieldName: 'logins', sortDirection: 'desc' }]);
  });

  it('emits export, and disables the button while an export runs', async () => {
    const element = mountList();
    const handler = jest.fn();
    element.addEventListener('export', handler);
    await flushPromises();
    const button = query<ButtonProps & HTMLElement>(element, '.export-csv');
    expect(button.label).toBe('Export CSV');
    button.click();
    expect(handler).toHaveBeenCalledTimes(1);
    Object.assign(element, { exporting: true });
    await flushPromises();
    expect(button.label).toBe('Exporting…');
    expect(button.disabled).toBe(true);
  });

  it('stops paging where SOQL OFFSET stops, and says so', async () => {
    const element = mountList({ pageNumber: 80, totalRows: 2345, maxRows: 2000 });
    await flushPromises();
    expect(text(element, '.page-status')).toBe('Page 80 of 80 · 2,345 rows');
    expect(query<ButtonProps>(element, '.next-page').disabled).toBe(true);
    expect(text(element, '.limit-note')).toBe(
      'Only the first 2,000 rows can be paged; narrow the selection to see the rest.'
    );
  });

  it('adds no limit note when every row can be paged', async () => {
    const element = mountList({ maxRows: 2000 });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.limit-note')).toBeNull();
  });

  it('counts a single row in the singular', async () => {
    const element = mountList({ rows: ROWS.slice(0, 1), pageNumber: 1, totalRows: 1 });
    await flushPromises();
    expect(text(element, '.page-status')).toBe('Page 1 of 1 · 1 row');
  });

  it('shows the empty message without a table or buttons, and is accessible', async () => {
    const element = mountList({
      rows: [],
      totalRows: 0,
      pageNumber: 1,
      emptyMessage: 'No one here.'
    });
    await flushPromises();
    expect(text(element, '.empty-message')).toBe('No one here.');
    expect(element.shadowRoot?.querySelector('lightning-datatable')).toBeNull();
    expect(element.shadowRoot?.querySelector('.export-csv')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows a spinner while the first page loads, and is accessible', async () => {
    const element = mountList({ rows: [], totalRows: 0, loading: true });
    await flushPromises();
    expect(query<{ alternativeText: string }>(element, 'lightning-spinner').alternativeText).toBe(
      'Loading'
    );
    expect(element.shadowRoot?.querySelector('.empty-message')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
