/**
 * Presentational: one page of a list that the server sorts and pages. Shows the rows in a
 * lightning-datatable with sortable columns, Previous/Next buttons and "Page 2 of 7 · 161 rows",
 * and an Export CSV button. It fetches nothing: it emits `sort` {fieldName, sortDirection},
 * `page` {pageNumber} and `export`, and its container asks Apex and passes the new page back.
 * Columns keep at least 112 px (min-column-width), so on a phone the table scrolls sideways
 * instead of truncating every cell.
 */
import { LightningElement, api } from 'lwc';

export type SortDirection = 'asc' | 'desc';

/** A lightning-datatable column (the subset this product uses). */
export interface DatatableColumn {
  label: string;
  fieldName: string;
  type?: 'text' | 'number' | 'date' | 'date-local' | 'url';
  sortable?: boolean;
  typeAttributes?: Record<string, unknown>;
  cellAttributes?: Record<string, unknown>;
  initialWidth?: number;
}

export interface SortDetail {
  fieldName: string;
  sortDirection: SortDirection;
}

export interface PageDetail {
  pageNumber: number;
}

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

export default class PagedList extends LightningElement {
  /** Names the list for assistive technology: "People in EMEA". */
  @api label = '';
  @api columns: DatatableColumn[] = [];
  @api rows: Record<string, unknown>[] = [];
  @api keyField = 'id';
  @api sortedBy: string | undefined;
  @api sortedDirection: SortDirection = 'asc';
  @api pageNumber = 1;
  @api pageSize = 25;
  @api totalRows = 0;
  /** Rows that can be paged at all (SOQL OFFSET stops at 2,000); null when every row can. */
  @api maxRows: number | null = null;
  /** A page is being fetched: the rows shown are the previous page's. */
  @api loading = false;
  /** An export is running: the button is disabled so it cannot start twice. */
  @api exporting = false;
  @api emptyMessage = 'Nothing to show.';

  get hasRows(): boolean {
    return (this.rows?.length ?? 0) > 0;
  }

  get showSpinner(): boolean {
    return this.loading && !this.hasRows;
  }

  get pageableRows(): number {
    return this.maxRows === null ? this.totalRows : Math.min(this.totalRows, this.maxRows);
  }

  get pageCount(): number {
    return Math.max(1, Math.ceil(this.pageableRows / this.pageSize));
  }

  get pageStatus(): string {
    const rows = this.totalRows === 1 ? 'row' : 'rows';
    return `Page ${this.pageNumber} of ${this.pageCount} · ${COUNT_FORMAT.format(this.totalRows)} ${rows}`;
  }

  get limitNote(): string | null {
    return this.maxRows !== null && this.totalRows > this.maxRows
      ? `Only the first ${COUNT_FORMAT.format(this.maxRows)} rows can be paged; narrow the selection to see the rest.`
      : null;
  }

  get previousDisabled(): boolean {
    return this.loading || this.pageNumber <= 1;
  }

  get nextDisabled(): boolean {
    return this.loading || this.pageNumber >= this.pageCount;
  }

  get exportDisabled(): boolean {
    return this.exporting || this.totalRows === 0;
  }

  get exportLabel(): string {
    return this.exporting ? 'Exporting…' : 'Export CSV';
  }

  get navigationLabel(): string {
    return this.label ? `${this.label}: pages` : 'Pages';
  }

  handleSort(event: CustomEvent<SortDetail>): void {
    const { fieldName, sortDirection } = event.detail;
    this.dispatchEvent(
      new CustomEvent<SortDetail>('sort', { detail: { fieldName, sortDirection } })
    );
  }

  handlePrevious(): void {
    this.goTo(this.pageNumber - 1);
  }

  handleNext(): void {
    this.goTo(this.pageNumber + 1);
  }

  handleExport(): void {
    this.dispatchEvent(new CustomEvent('export'));
  }

  private goTo(pageNumber: number): void {
    this.dispatchEvent(new CustomEvent<PageDetail>('page', { detail: { pageNumber } }));
  }
}
