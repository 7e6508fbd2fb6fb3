/**
 * Container: login rates (login.rate.7d / .30d, login.inactive.*, login.never) as tiles and as
 * charts by role and by region. One request returns every window, so switching period is instant.
 */
import { LightningElement, wire } from 'lwc';
import getLoginSummary from '@salesforce/apex/LoginActivityController.getLoginSummary';
import {
  PERIOD_OPTIONS_DAYS,
  formatPercent,
  inactiveCount,
  loginRate,
  loginRateBySlice,
  neverLoggedInCount,
  periodPickerOptions,
  pluralize
} from 'c/adoptionMetrics';
import type { LoginSummary, PickerOption, SliceRate } from 'c/adoptionMetrics';

interface WireResult {
  data?: unknown;
  error?: unknown;
}

interface Tile {
  key: string;
  label: string;
  value: string;
  detail: string;
}

export default class LoginRates extends LightningElement {
  periodDays = PERIOD_OPTIONS_DAYS[0];
  summary: LoginSummary | undefined;
  error: unknown;

  @wire(getLoginSummary)
  wiredSummary({ data, error }: WireResult): void {
    if (data) {
      this.summary = data as LoginSummary;
      this.error = undefined;
    } else if (error) {
      this.summary = undefined;
      this.error = error;
    }
  }

  get isLoading(): boolean {
    return !this.summary && !this.error;
  }

  get hasError(): boolean {
    return Boolean(this.error);
  }

  get population(): number {
    return this.summary
      ? this.summary.slices.reduce((total, slice) => total + slice.population, 0)
      : 0;
  }

  get isEmpty(): boolean {
    return Boolean(this.summary) && this.population === 0;
  }

  get hasData(): boolean {
    return this.population > 0;
  }

  get periodOptions(): PickerOption[] {
    return periodPickerOptions(PERIOD_OPTIONS_DAYS);
  }

  get periodValue(): string {
    return String(this.periodDays);
  }

  get tiles(): Tile[] {
    if (!this.summary) return [];
    const slices = this.summary.slices;
    const days = this.periodDays;
    const overall = loginRate(slices, days);
    return [
      {
        key: 'login-rate',
        label: `Login rate, last ${days} days`,
        value: formatPercent(overall.value),
        detail: `${overall.numerator} of ${pluralize(overall.denominator, 'user')} logged in`
      },
      {
        key: 'inactive',
        label: `Inactive, last ${days} days`,
        value: String(inactiveCount(slices, days)),
        detail: 'users with no login in the period'
      },
      {
        key: 'never',
        label: 'Never logged in',
        value: String(neverLoggedInCount(slices)),
        detail: 'active licences never used'
      }
    ];
  }

  get roleRates(): SliceRate[] {
    return this.summary ? loginRateBySlice(this.summary.slices, this.periodDays, 'role') : [];
  }

  get regionRates(): SliceRate[] {
    return this.summary ? loginRateBySlice(this.summary.slices, this.periodDays, 'region') : [];
  }

  get regionChartTitle(): string {
    return `Login rate by region (${this.summary?.regionField ?? 'Division'})`;
  }

  handlePeriodChange(event: CustomEvent<{ value: string }>): void {
    this.periodDays = Number(event.detail.value);
  }
}
