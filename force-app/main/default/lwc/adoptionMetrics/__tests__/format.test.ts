import {
  formatPercent,
  periodPickerOptions,
  pluralize,
  toPercent,
  truncateLabel
} from 'c/adoptionMetrics';

describe('format', () => {
  it('formats rates as percentages with at most one decimal', () => {
    expect(formatPercent(0.625)).toBe('62.5%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(toPercent(0.12345)).toBe(12.3);
  });

  it('pluralizes counts', () => {
    expect(pluralize(1, 'user')).toBe('1 user');
    expect(pluralize(0, 'user')).toBe('0 users');
    expect(pluralize(2, 'day', 'days')).toBe('2 days');
  });
});

describe('periodPickerOptions', () => {
  it('labels each period and keeps its day count as the value', () => {
    expect(periodPickerOptions([7, 30])).toEqual([
      { label: 'Last 7 days', value: '7' },
      { label: 'Last 30 days', value: '30' }
    ]);
  });
});

describe('truncateLabel', () => {
  it('keeps a label of up to 16 characters and cuts a longer one to 16 with an ellipsis', () => {
    expect(truncateLabel('Account Executive')).toBe('Account Executi…');
    expect(truncateLabel('Account Executiv')).toBe('Account Executiv');
    expect(truncateLabel('Regional Sales Manager')).toHaveLength(16);
  });
});
