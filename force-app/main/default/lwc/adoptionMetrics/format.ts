/** Number formats shared by every view of a KPI, so a rate reads the same on a tile, a chart and in the CLI. */

/** A 0–1 rate as a percentage with at most one decimal: 0.625 → "62.5%". */
export function formatPercent(rateValue: number): string {
  return `${toPercent(rateValue)}%`;
}

/** A 0–1 rate as a percentage number rounded to one decimal: 0.6254 → 62.5. */
export function toPercent(rateValue: number): number {
  return Math.round(rateValue * 1000) / 10;
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export interface PickerOption {
  label: string;
  value: string;
}

/** Options for a period picker: "Last 7 days" → "7". */
export function periodPickerOptions(periodsDays: readonly number[]): PickerOption[] {
  return periodsDays.map((days) => ({ label: `Last ${days} days`, value: String(days) }));
}

/** Axis labels longer than this are cut, so a chart stays legible at the mobile app's 320 px. */
export const MAX_AXIS_LABEL_LENGTH = 16;

/** A label cut to MAX_AXIS_LABEL_LENGTH characters with an ellipsis; the full text goes in tooltips. */
export function truncateLabel(label: string): string {
  return label.length <= MAX_AXIS_LABEL_LENGTH
    ? label
    : `${label.slice(0, MAX_AXIS_LABEL_LENGTH - 1)}…`;
}
