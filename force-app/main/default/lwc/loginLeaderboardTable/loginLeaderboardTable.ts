/**
 * Presentational: one page of the ranked login leaderboard as an accessible SLDS table. The
 * viewer's own row is highlighted, and shown after the page when the viewer ranks below it.
 */
import { LightningElement, api } from 'lwc';
import type { RankedEntry } from 'c/adoptionMetrics';
import { BLANK_SLICE_KEY } from 'c/adoptionMetrics';

interface TableRow {
  key: string;
  rank: number;
  name: string;
  role: string;
  region: string;
  logins: number;
  activeDays: string;
  change: string;
  changeDescription: string;
  changeClass: string;
  rowClass: string;
  isViewer: boolean;
  isSeparator: boolean;
  ariaCurrent: string | null;
}

const SEPARATOR_ROW: TableRow = {
  key: 'separator',
  rank: 0,
  name: '',
  role: '',
  region: '',
  logins: 0,
  activeDays: '',
  change: '',
  changeDescription: '',
  changeClass: '',
  rowClass: 'separator',
  isViewer: false,
  isSeparator: true,
  ariaCurrent: null
};

function describeChange(
  entry: RankedEntry
): Pick<TableRow, 'change' | 'changeDescription' | 'changeClass'> {
  if (entry.rankChange === null) {
    return {
      change: 'New',
      changeDescription: 'not ranked in the previous period',
      changeClass: 'slds-text-color_weak'
    };
  }
  if (entry.rankChange > 0) {
    return {
      change: `▲ ${entry.rankChange}`,
      changeDescription: `up ${entry.rankChange}`,
      changeClass: 'slds-text-color_success'
    };
  }
  if (entry.rankChange < 0) {
    return {
      change: `▼ ${-entry.rankChange}`,
      changeDescription: `down ${-entry.rankChange}`,
      changeClass: 'slds-text-color_error'
    };
  }
  return { change: '–', changeDescription: 'no change', changeClass: 'slds-text-color_weak' };
}

/** Shown for an entry whose name Apex withheld (privacy mode). */
export const HIDDEN_NAME = 'Name hidden';

function toTableRow(entry: RankedEntry): TableRow {
  return {
    // Ranks are unique, so they key the rows whose user Apex withheld.
    key: entry.userId ?? `rank-${entry.rank}`,
    rank: entry.rank,
    name: entry.name ?? HIDDEN_NAME,
    role: entry.role ?? BLANK_SLICE_KEY,
    region: entry.region ?? BLANK_SLICE_KEY,
    logins: entry.logins,
    activeDays: entry.activeDays == null ? '—' : String(entry.activeDays),
    ...describeChange(entry),
    rowClass: entry.isViewer ? 'slds-hint-parent viewer-row slds-is-selected' : 'slds-hint-parent',
    isViewer: entry.isViewer,
    isSeparator: false,
    ariaCurrent: entry.isViewer ? 'true' : null
  };
}

export default class LoginLeaderboardTable extends LightningElement {
  @api rows: RankedEntry[] = [];
  @api viewerRow: RankedEntry | null = null;
  @api periodLabel = '';

  /** The page, then — when the viewer ranks below it — a separator and the viewer's own row. */
  get tableRows(): TableRow[] {
    const rows = (this.rows ?? []).map(toTableRow);
    return this.viewerRow ? [...rows, SEPARATOR_ROW, toTableRow(this.viewerRow)] : rows;
  }

  get caption(): string {
    return `Login leaderboard, ${this.periodLabel}`;
  }
}
