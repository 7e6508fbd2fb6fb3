/**
 * Presentational: one KPI card — its value, its status against the target in words and icon (never
 * colour alone), its trend with alternative text, and where it started (baseline) and is going
 * (target). Everything arrives worded by the KPI library's buildKpiCards.
 */
import { LightningElement, api } from 'lwc';
import type { KpiCard as KpiCardData, KpiStatus } from 'c/adoptionMetrics';

const STATUS_ICONS: Readonly<Record<KpiStatus, string>> = {
  green: 'utility:success',
  amber: 'utility:warning',
  red: 'utility:error'
};

const STATUS_THEMES: Readonly<Record<KpiStatus, string>> = {
  green: 'slds-theme_success',
  amber: 'slds-theme_warning',
  red: 'slds-theme_error'
};

const countFormat = new Intl.NumberFormat('en-US');
const compactFormat = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  maximumFractionDigits: 1
});

/** Six-figure parts (the amounts behind pipeline.late) read better compact: "1.5M of 4.8M". */
function formatPart(value: number): string {
  return Math.abs(value) >= 100_000 ? compactFormat.format(value) : countFormat.format(value);
}

/** "Open tasks" → "Your open tasks". */
function yourLabel(label: string): string {
  return `Your ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

export default class KpiCard extends LightningElement {
  @api card: KpiCardData | undefined;
  /** The viewer sees only their own figures (a rep): the label says "Your …" where it reads naturally. */
  @api personal = false;

  get hasCard(): boolean {
    return Boolean(this.card);
  }

  /** Login lists count users other than the viewer, so they keep their own label. */
  get label(): string {
    const card = this.card;
    if (!card) return '';
    const countsUsers = card.section === 1 && card.kind === 'list';
    return this.personal && !countsUsers ? yourLabel(card.label) : card.label;
  }

  /** "42 of 60" behind a rate or a share of a population; empty where a value stands alone. */
  get fraction(): string {
    const card = this.card;
    if (!card || card.kind === 'amount') return '';
    if (card.numerator === undefined || card.denominator === undefined) return '';
    if (card.kind !== 'rate' && card.denominator === 0) return '';
    return `${formatPart(card.numerator)} of ${formatPart(card.denominator)}`;
  }

  get statusIcon(): string | undefined {
    return this.card?.status ? STATUS_ICONS[this.card.status] : undefined;
  }

  get statusClass(): string {
    const theme = this.card?.status ? STATUS_THEMES[this.card.status] : 'slds-badge_lightest';
    return `status ${theme}`;
  }

  get cardClass(): string {
    return this.card?.isFocus
      ? 'slds-box slds-box_small kpi-card focus-card'
      : 'slds-box slds-box_small kpi-card';
  }

  get isPartial(): boolean {
    return this.card?.complete === false;
  }
}
