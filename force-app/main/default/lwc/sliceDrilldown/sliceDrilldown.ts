/**
 * Container: one role's or region's people (getSlicePeople) and neglected records
 * (getNeglectedRecords, for the KPI picked), each a server-sorted, server-paged pagedList whose
 * names link to the user or record page. Export CSV reads every page of a list and downloads it.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getSlicePeople from '@salesforce/apex/AdoptionDashboardController.getSlicePeople';
import getNeglectedRecords from '@salesforce/apex/AdoptionDashboardController.getNeglectedRecords';
import {
  BLANK_SLICE_KEY,
  MAX_LIST_OFFSET,
  NEGLECTED_RECORD_KPIS,
  PAGE_SIZE_OPTIONS,
  kpiDefinition,
  toCsv
} from 'c/adoptionMetrics';
import type {
  CsvColumn,
  NeglectedRecord,
  PeoplePage,
  PersonRow,
  PickerOption,
  RecordPage,
  SliceDimension
} from 'c/adoptionMetrics';
import type { DatatableColumn, PageDetail, SortDetail, SortDirection } from 'c/pagedList';
import {
  PEOPLE_COLUMNS,
  PEOPLE_CSV_COLUMNS,
  PEOPLE_SORT_FIELDS,
  RECORD_SORT_FIELDS,
  recordColumns,
  recordCsvColumns
} from './drilldownColumns';
import { EXPORT_PAGE_SIZE, csvDataUrl, exportFileName, fetchAllRows } from './csvExport';
import type { FetchedPage } from './csvExport';

type ListName = 'people' | 'records';
type Row = Record<string, unknown>;

/** 25 rows: a screenful on a laptop, few enough to link every name on a phone. */
const PAGE_SIZE = PAGE_SIZE_OPTIONS[1];

interface ListState {
  sortedBy: string;
  sortedDirection: SortDirection;
  pageNumber: number;
  totalRows: number;
  rows: Row[];
  loading: boolean;
  error: unknown;
  exporting: boolean;
  /** What the last export did, announced politely: "Exported 161 rows." */
  exportMessage: string;
  exportError: unknown;
  /** The last export's file, linked for a second download. */
  download: ExportFile | null;
}

interface ExportFile {
  url: string;
  fileName: string;
}

/** People alphabetically; records oldest date first, the most neglected on top. */
const INITIAL_STATE: Record<ListName, ListState> = {
  people: listState('nameUrl'),
  records: listState('keyDate')
};

function listState(sortedBy: string): ListState {
  return {
    sortedBy,
    sortedDirection: 'asc',
    pageNumber: 1,
    totalRows: 0,
    rows: [],
    loading: true,
    error: undefined,
    exporting: false,
    exportMessage: '',
    exportError: undefined,
    download: null
  };
}

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

export default class SliceDrilldown extends NavigationMixin(LightningElement) {
  people: ListState = INITIAL_STATE.people;
  records: ListState = INITIAL_STATE.records;
  kpiId = NEGLECTED_RECORD_KPIS[0];

  private dimensionValue: SliceDimension = 'region';
  private sliceKeyValue = '';
  private periodDaysValue = 30;
  private connected = false;
  private reloadQueued = false;
  /** A list's file is ready: the next render clicks its link, which hands it to the browser. */
  private downloadPending: ListName | null = null;
  /** A response is used only if no newer request for the same list was sent after it. */
  private requestIds: Record<ListName, number> = { people: 0, records: 0 };
  private urlCache = new Map<string, Promise<string>>();

  @api
  get dimension(): SliceDimension {
    return this.dimensionValue;
  }
  set dimension(value: SliceDimension) {
    this.dimensionValue = value;
    this.queueReload();
  }

  @api
  get sliceKey(): string {
    return this.sliceKeyValue;
  }
  set sliceKey(value: string) {
    this.sliceKeyValue = value;
    this.queueReload();
  }

  /** The period of the people's logins and records created (7, 14, 30 or 90). */
  @api
  get periodDays(): number {
    return this.periodDaysValue;
  }
  set periodDays(value: number) {
    this.periodDaysValue = value;
    this.queueReload();
  }

  connectedCallback(): void {
    this.connected = true;
    this.reloadAll();
  }

  disconnectedCallback(): void {
    this.connected = false;
  }

  renderedCallback(): void {
    const list = this.downloadPending;
    if (!list) return;
    this.downloadPending = null;
    this.template?.querySelector<HTMLAnchorElement>(`.${list} a.download-link`)?.click();
  }

  /** Setting dimension, slice and period together reloads once, after the last of them. */
  private queueReload(): void {
    if (!this.connected || this.reloadQueued) return;
    this.reloadQueued = true;
    Promise.resolve().then(() => {
      this.reloadQueued = false;
      this.reloadAll();
    });
  }

  private reloadAll(): void {
    this.people = INITIAL_STATE.people;
    this.records = INITIAL_STATE.records;
    this.load('people');
    this.load('records');
  }

  // ----- what the template reads

  /** "in EMEA", "with the role Sales Rep"; for the blank slice, "without a region". */
  get sliceWords(): string {
    if (this.sliceKeyValue === BLANK_SLICE_KEY) return `without a ${this.dimensionValue}`;
    return this.dimensionValue === 'role'
      ? `with the role ${this.sliceKeyValue}`
      : `in ${this.sliceKeyValue}`;
  }

  get periodLabel(): string {
    return `last ${this.periodDaysValue} days`;
  }

  get peopleTitle(): string {
    return `People ${this.sliceWords}`;
  }

  get recordsTitle(): string {
    return `Neglected records of people ${this.sliceWords}`;
  }

  get peopleColumns(): DatatableColumn[] {
    return PEOPLE_COLUMNS;
  }

  get recordColumns(): DatatableColumn[] {
    return recordColumns(this.kpiId);
  }

  get kpiOptions(): PickerOption[] {
    return NEGLECTED_RECORD_KPIS.map((id) => ({ label: kpiDefinition(id).label, value: id }));
  }

  get kpiLabel(): string {
    return kpiDefinition(this.kpiId).label;
  }

  get peopleEmptyMessage(): string {
    return `No one ${this.sliceWords} is in your view of the organisation.`;
  }

  get recordsEmptyMessage(): string {
    return `Nothing to catch up on: people ${this.sliceWords} have no ${this.kpiLabel.toLowerCase()}.`;
  }

  get peopleHasError(): boolean {
    return Boolean(this.people.error);
  }

  get recordsHasError(): boolean {
    return Boolean(this.records.error);
  }

  /** Shown when Apex hides others' logins from this viewer (PersonRow.logins is null). */
  get loginsHiddenNote(): string | null {
    return this.people.rows.some((row) => row.logins == null)
      ? 'Logins are shown only to viewers allowed to see their team’s logins.'
      : null;
  }

  get pageSize(): number {
    return PAGE_SIZE;
  }

  /** SOQL OFFSET stops at 2,000, so the records list pages no further (the people list has no such limit). */
  get recordsMaxRows(): number {
    return MAX_LIST_OFFSET;
  }

  // ----- events

  handlePeopleSort(event: CustomEvent<SortDetail>): void {
    this.sort('people', event.detail);
  }

  handleRecordsSort(event: CustomEvent<SortDetail>): void {
    this.sort('records', event.detail);
  }

  handlePeoplePage(event: CustomEvent<PageDetail>): void {
    this.patch('people', { pageNumber: event.detail.pageNumber });
    this.load('people');
  }

  handleRecordsPage(event: CustomEvent<PageDetail>): void {
    this.patch('records', { pageNumber: event.detail.pageNumber });
    this.load('records');
  }

  handleKpiChange(event: CustomEvent<{ value: string }>): void {
    this.kpiId = event.detail.value;
    this.records = INITIAL_STATE.records;
    this.load('records');
  }

  handlePeopleExport(): void {
    this.exportList('people', PEOPLE_CSV_COLUMNS, 'people');
  }

  handleRecordsExport(): void {
    this.exportList('records', recordCsvColumns(this.kpiId), this.kpiId);
  }

  private sort(list: ListName, { fieldName, sortDirection }: SortDetail): void {
    this.patch(list, { sortedBy: fieldName, sortedDirection: sortDirection, pageNumber: 1 });
    this.load(list);
  }

  // ----- Apex

  private patch(list: ListName, changes: Partial<ListState>): void {
    this[list] = { ...this[list], ...changes };
  }

  private fetchPage(
    list: ListName,
    pageSize: number,
    pageNumber: number
  ): Promise<FetchedPage<PersonRow> | FetchedPage<NeglectedRecord>> {
    const { sortedBy, sortedDirection } = this[list];
    const slice = { dimension: this.dimensionValue, sliceKey: this.sliceKeyValue };
    const paging = { sortDirection: sortedDirection, pageSize, pageNumber };
    if (list === 'people') {
      return getSlicePeople({
        ...slice,
        periodDays: this.periodDaysValue,
        sortBy: PEOPLE_SORT_FIELDS[sortedBy],
        ...paging
      }) as Promise<PeoplePage>;
    }
    return getNeglectedRecords({
      kpiId: this.kpiId,
      ...slice,
      sortBy: RECORD_SORT_FIELDS[sortedBy],
      ...paging
    }) as Promise<RecordPage>;
  }

  private async load(list: ListName): Promise<void> {
    const requestId = ++this.requestIds[list];
    this.patch(list, { loading: true });
    try {
      const page = await this.fetchPage(list, PAGE_SIZE, this[list].pageNumber);
      const rows = await this.linkRows(list, page.rows);
      if (requestId !== this.requestIds[list]) return;
      this.patch(list, { rows, totalRows: page.totalRows, loading: false, error: undefined });
    } catch (error) {
      if (requestId !== this.requestIds[list]) return;
      this.patch(list, { rows: [], totalRows: 0, loading: false, error });
    }
  }

  // ----- links

  private recordUrl(recordId: string, objectApiName: string): Promise<string> {
    let url = this.urlCache.get(recordId);
    if (!url) {
      url = this[NavigationMixin.GenerateUrl]({
        type: 'standard__recordPage',
        attributes: { recordId, objectApiName, actionName: 'view' }
      });
      this.urlCache.set(recordId, url);
    }
    return url;
  }

  private linkRows(list: ListName, rows: (PersonRow | NeglectedRecord)[]): Promise<Row[]> {
    return Promise.all(
      rows.map((row) => {
        return list === 'people'
          ? this.linkPerson(row as PersonRow)
          : this.linkRecord(row as NeglectedRecord);
      })
    );
  }

  private async linkPerson(person: PersonRow): Promise<Row> {
    return {
      ...person,
      id: person.userId,
      nameUrl: await this.recordUrl(person.userId, 'User'),
      role: person.role ?? BLANK_SLICE_KEY,
      region: person.region ?? BLANK_SLICE_KEY
    };
  }

  private async linkRecord(record: NeglectedRecord): Promise<Row> {
    const [nameUrl, ownerUrl] = await Promise.all([
      this.recordUrl(record.recordId, record.objectApiName),
      this.recordUrl(record.ownerId, 'User')
    ]);
    return { ...record, id: record.recordId, nameUrl, ownerUrl };
  }

  // ----- export

  private async exportList(
    list: ListName,
    columns: CsvColumn[],
    fileSuffix: string
  ): Promise<void> {
    const what = list === 'people' ? 'people' : this.kpiLabel.toLowerCase();
    this.patch(list, {
      exporting: true,
      exportError: undefined,
      exportMessage: `Exporting ${what}…`
    });
    try {
      const { rows, totalRows } = await fetchAllRows<PersonRow | NeglectedRecord>((pageNumber) =>
        this.fetchPage(list, EXPORT_PAGE_SIZE, pageNumber)
      );
      const csv = toCsv(
        columns,
        rows.map((row) => ({ ...row }))
      );
      this.patch(list, {
        exporting: false,
        exportMessage: exportedMessage(rows.length, totalRows),
        download: {
          url: csvDataUrl(csv),
          fileName: exportFileName(this.dimensionValue, this.sliceKeyValue, fileSuffix)
        }
      });
      this.downloadPending = list;
    } catch (error) {
      this.patch(list, {
        exporting: false,
        exportMessage: 'The export failed.',
        exportError: error
      });
    }
  }
}

function exportedMessage(exported: number, totalRows: number): string {
  const rows = `Exported ${COUNT_FORMAT.format(exported)} ${exported === 1 ? 'row' : 'rows'}`;
  return exported < totalRows
    ? `${rows}: the first ${COUNT_FORMAT.format(exported)} of ${COUNT_FORMAT.format(totalRows)}. Narrow the selection to export the rest.`
    : `${rows}.`;
}
