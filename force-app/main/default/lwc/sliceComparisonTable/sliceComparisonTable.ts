/**
 * Presentational: a KPI comparison across slices (compareSlices) as an accessible table — one row
 * per KPI, one column per role or region, each cell the value and its status in words. Each slice
 * header is a button that emits `sliceselect` {sliceKey}. Scrolls sideways on narrow screens with
 * the KPI names pinned.
 */
import { LightningElement, api } from 'lwc';
import type { KpiStatus, KpiStatusLabel, SliceComparison } from 'c/adoptionMetrics';

export interface SliceSelectDetail {
  sliceKey: string;
}

/** Status in words and as an icon shape, so it never rests on colour alone. */
interface StatusDisplay {
  label: KpiStatusLabel;
  icon: string;
  variant: string;
  tone: string;
}

const STATUS_DISPLAY: Record<KpiStatus | 'none', StatusDisplay> = {
  green: { label: 'On target', icon: 'utility:success', variant: 'success', tone: 'status_green' },
  amber: {
    label: 'Within 10 points',
    icon: 'utility:warning',
    variant: 'warning',
    tone: 'status_amber'
  },
  red: { label: 'Below target', icon: 'utility:error', variant: 'error', tone: 'status_red' },
  none: { label: 'No target', icon: '', variant: '', tone: 'status_none' }
};

interface HeaderView {
  sliceKey: string;
  className: string;
  ariaCurrent: string | null;
}

interface CellView {
  key: string;
  formattedValue: string;
  statusLabel: string;
  statusIcon: string;
  statusVariant: string;
  statusClass: string;
}

interface RowView {
  kpiId: string;
  label: string;
  cells: CellView[];
}

export default class SliceComparisonTable extends LightningElement {
  @api comparison: SliceComparison | undefined;
  /** `role` or `region`: names the columns in the caption. */
  @api dimension = 'region';
  /** The period the values cover, for the caption: "last 30 days". */
  @api periodLabel = '';
  /** The slice being drilled into, highlighted. */
  @api selectedSliceKey: string | null = null;

  get caption(): string {
    const by = this.dimension === 'role' ? 'role' : 'region';
    return this.periodLabel ? `KPIs by ${by}, ${this.periodLabel}` : `KPIs by ${by}`;
  }

  get headers(): HeaderView[] {
    return (this.comparison?.sliceKeys ?? []).map((sliceKey) => {
      const selected = sliceKey === this.selectedSliceKey;
      return {
        sliceKey,
        className: selected ? 'slice-header slice-header_selected' : 'slice-header',
        ariaCurrent: selected ? 'true' : null
      };
    });
  }

  get rows(): RowView[] {
    return (this.comparison?.rows ?? []).map((row) => ({
      kpiId: row.kpiId,
      label: row.label,
      cells: row.cells.map((cell) => {
        const status = STATUS_DISPLAY[cell.status ?? 'none'];
        return {
          key: `${row.kpiId}|${cell.sliceKey}`,
          formattedValue: cell.formattedValue,
          statusLabel: status.label,
          statusIcon: status.icon,
          statusVariant: status.variant,
          statusClass: `status ${status.tone}`
        };
      })
    }));
  }

  /** Puts focus back on a slice's button, when its drill-down closes. */
  @api
  focusSlice(sliceKey: string): void {
    const buttons = this.template?.querySelectorAll<HTMLButtonElement>('button.drill-button') ?? [];
    Array.from(buttons)
      .find((button) => button.dataset.sliceKey === sliceKey)
      ?.focus();
  }

  handleDrill(event: Event): void {
    const sliceKey = (event.currentTarget as HTMLElement).dataset.sliceKey ?? '';
    this.dispatchEvent(new CustomEvent<SliceSelectDetail>('sliceselect', { detail: { sliceKey } }));
  }
}
