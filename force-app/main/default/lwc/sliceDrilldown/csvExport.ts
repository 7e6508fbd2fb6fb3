/**
 * CSV export of a server-paged list: read every page (200 rows a request, up to 2,000 rows, where
 * SOQL OFFSET stops), and hand the file to the browser as a data: URL with a file name that says
 * what it holds.
 */
import { MAX_LIST_OFFSET } from 'c/adoptionMetrics';

/** The largest page size Apex allows (PAGE_SIZE_OPTIONS): fewest requests per export. */
export const EXPORT_PAGE_SIZE = 200;
export const MAX_EXPORT_ROWS = MAX_LIST_OFFSET;

export interface FetchedPage<Row> {
  totalRows: number;
  rows: Row[];
}

export interface ExportedRows<Row> {
  rows: Row[];
  /** Every row of the list, of which `rows` may hold only the first MAX_EXPORT_ROWS. */
  totalRows: number;
}

/**
 * Pages 1, 2, … one after the other: each page's totalRows says whether another is needed, and
 * the export stops at MAX_EXPORT_ROWS.
 */
export async function fetchAllRows<Row>(
  fetchPage: (pageNumber: number) => Promise<FetchedPage<Row>>,
  pageNumber = 1,
  fetched: readonly Row[] = []
): Promise<ExportedRows<Row>> {
  const page = await fetchPage(pageNumber);
  const rows = [...fetched, ...page.rows];
  if (page.rows.length === 0 || rows.length >= Math.min(page.totalRows, MAX_EXPORT_ROWS)) {
    return { rows: rows.slice(0, MAX_EXPORT_ROWS), totalRows: page.totalRows };
  }
  return fetchAllRows(fetchPage, pageNumber + 1, rows);
}

/** A byte-order mark first, so that spreadsheet programs read accented names as UTF-8. */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
}

/** `region-North-America-people.csv`: the slice key made safe for a file name (`(none)` → `none`). */
export function exportFileName(dimension: string, sliceKey: string, list: string): string {
  const slice = sliceKey.replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^-+|-+$/g, '') || 'slice';
  return `${dimension}-${slice}-${list}.csv`;
}
