import { NEGLECTED_RECORD_KPIS } from 'c/adoptionMetrics';
import { csvDataUrl, exportFileName, fetchAllRows } from '../csvExport';
import { RECORD_LISTS, recordColumns, recordCsvColumns } from '../drilldownColumns';

describe('drill-down CSV export', () => {
  it('stops at an empty page even when totalRows promised more', async () => {
    const fetchPage = jest
      .fn()
      .mockResolvedValueOnce({ totalRows: 5, rows: ['a', 'b'] })
      .mockResolvedValueOnce({ totalRows: 5, rows: [] });
    await expect(fetchAllRows(fetchPage)).resolves.toEqual({ rows: ['a', 'b'], totalRows: 5 });
    expect(fetchPage.mock.calls).toEqual([[1], [2]]);
  });

  it('reads a single page when it holds every row', async () => {
    const fetchPage = jest.fn().mockResolvedValue({ totalRows: 0, rows: [] });
    await expect(fetchAllRows(fetchPage)).resolves.toEqual({ rows: [], totalRows: 0 });
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('encodes the CSV as a UTF-8 data URL with a byte-order mark', () => {
    expect(csvDataUrl('Name\r\nZoë, "Z"\r\n')).toBe(
      'data:text/csv;charset=utf-8,%EF%BB%BFName%0D%0AZo%C3%AB%2C%20%22Z%22%0D%0A'
    );
  });

  it.each([
    ['region', 'EMEA', 'people', 'region-EMEA-people.csv'],
    ['role', 'Sales Rep', 'people', 'role-Sales-Rep-people.csv'],
    ['role', '(none)', 'tasks.pastDue', 'role-none-tasks.pastDue.csv'],
    ['region', 'Île-de-France / Paris', 'people', 'region-Île-de-France-Paris-people.csv'],
    ['region', '???', 'people', 'region-slice-people.csv']
  ])('names the %s "%s" %s export %s', (dimension, sliceKey, list, expected) => {
    expect(exportFileName(dimension, sliceKey, list)).toBe(expected);
  });

  it('knows the date, status and amount of every neglected-record KPI', () => {
    expect(Object.keys(RECORD_LISTS).sort()).toEqual([...NEGLECTED_RECORD_KPIS].sort());
    expect(recordColumns('leads.abandoned').map((column) => column.label)).toEqual([
      'Lead',
      'Owner',
      'Last activity',
      'Status'
    ]);
    expect(recordCsvColumns('opps.neglected.stale').map((column) => column.label)).toEqual([
      'Opportunity',
      'Object',
      'Owner',
      'Last activity',
      'Amount',
      'Stage',
      'Record Id'
    ]);
  });
});
