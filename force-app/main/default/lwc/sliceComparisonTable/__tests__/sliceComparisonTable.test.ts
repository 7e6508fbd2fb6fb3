import SliceComparisonTable from 'c/sliceComparisonTable';
import { flushPromises, mount, resetDom } from 'test-utils';
import comparison from './data/comparison.json';

function mountTable(props: Record<string, unknown> = {}): HTMLElement {
  return mount<HTMLElement>('c-slice-comparison-table', SliceComparisonTable, {
    comparison,
    dimension: 'region',
    periodLabel: 'last 30 days',
    ...props
  });
}

function drillButtons(element: HTMLElement): HTMLButtonElement[] {
  return Array.from(element.shadowRoot?.querySelectorAll('button.drill-button') ?? []);
}

/** Each body row as [KPI, then "value status" per cell]. */
function bodyRows(element: HTMLElement): string[][] {
  const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
  return rows.map((row) => [
    row.querySelector('th')?.textContent ?? '',
    ...Array.from(row.querySelectorAll('td')).map(
      (cell) =>
        `${cell.querySelector('.value')?.textContent} ${cell.querySelector('.status-label')?.textContent}`
    )
  ]);
}

describe('c-slice-comparison-table', () => {
  afterEach(resetDom);

  it('shows KPIs by slice with value and status in words, and is accessible', async () => {
    const element = mountTable();
    await flushPromises();
    expect(bodyRows(element)).toEqual([
      ['Login rate (7 days)', '90% On target', '75% Within 10 points', '50% Below target'],
      ['Accounts created', '12 No target', '1,234 No target', '0 No target']
    ]);
    expect(element.shadowRoot?.querySelector('caption')?.textContent?.trim()).toBe(
      'KPIs by region, last 30 days'
    );
    await expect(element).toBeAccessible();
  });

  it('gives each status an icon of its own shape, and none without a target', async () => {
    const element = mountTable();
    await flushPromises();
    const icons = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []).map((row) =>
      Array.from(row.querySelectorAll('td')).map(
        (cell) =>
          (cell.querySelector('lightning-icon') as unknown as { iconName: string } | null)
            ?.iconName ?? null
      )
    );
    expect(icons).toEqual([
      ['utility:success', 'utility:warning', 'utility:error'],
      [null, null, null]
    ]);
  });

  it('makes each slice header a "Drill into" button that emits sliceselect', async () => {
    const element = mountTable();
    const selected: string[] = [];
    element.addEventListener('sliceselect', (event) =>
      selected.push((event as CustomEvent<{ sliceKey: string }>).detail.sliceKey)
    );
    await flushPromises();
    const buttons = drillButtons(element);
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Drill into AMER',
      'Drill into EMEA',
      'Drill into (none)'
    ]);
    buttons[2].click();
    buttons[1].click();
    expect(selected).toEqual(['(none)', 'EMEA']);
  });

  it('marks the slice being drilled into', async () => {
    const element = mountTable({ selectedSliceKey: 'EMEA' });
    await flushPromises();
    const headers = Array.from(element.shadowRoot?.querySelectorAll('thead th') ?? []);
    expect(headers.map((header) => header.getAttribute('aria-current'))).toEqual([
      null,
      null,
      'true',
      null
    ]);
  });

  it('puts focus back on a slice button on request', async () => {
    const element = mountTable();
    await flushPromises();
    (element as unknown as { focusSlice(key: string): void }).focusSlice('EMEA');
    expect(element.shadowRoot?.activeElement).toBe(drillButtons(element)[1]);
  });

  it('scrolls in a labelled, focusable region and names roles in the caption', async () => {
    const element = mountTable({ dimension: 'role', periodLabel: '' });
    await flushPromises();
    const region = element.shadowRoot?.querySelector('.scroller');
    expect(region?.getAttribute('role')).toBe('region');
    expect(region?.getAttribute('tabindex')).toBe('0');
    expect(region?.getAttribute('aria-label')).toBe('KPIs by role');
    await expect(element).toBeAccessible();
  });

  it('renders an empty table body without a comparison', async () => {
    const element = mountTable({ comparison: undefined });
    await flushPromises();
    expect(drillButtons(element)).toEqual([]);
    expect(bodyRows(element)).toEqual([]);
  });
});
