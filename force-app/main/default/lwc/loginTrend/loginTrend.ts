/**
 * Container: login.trend — the share of the population with a successful login in each of the
 * last twelve weeks, as a line chart with the latest week and its change spelled out.
 */
import { LightningElement } from 'lwc';
import getLoginTrend from '@salesforce/apex/AdoptionDashboardController.getLoginTrend';
import { formatPercent, rate, trend } from 'c/adoptionMetrics';
import type { LoginTrend as LoginTrendData, TrendDirection, WeekCount } from 'c/adoptionMetrics';
import type { ChartData } from 'c/kpiBarChart';

export const TREND_WEEKS = 12;
const DAY_MS = 24 * 60 * 60 * 1000;
const weekFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });

const TREND_WORDS: Readonly<Record<TrendDirection, string>> = {
  up: 'Up',
  down: 'Down',
  flat: 'Level'
};
const TREND_ICONS: Readonly<Record<TrendDirection, string>> = {
  up: 'utility:arrowup',
  down: 'utility:arrowdown',
  flat: 'utility:dash'
};

/** What the card shows, worked out once per answer. */
interface TrendView {
  chartData: ChartData;
  latestRate: string;
  latestDetail: string;
  /** Empty with a single week: there is nothing to compare it with. */
  trendLabel: string;
  trendIcon: string;
}

/** A week is labelled by the day it ends (its start is exclusive: T − 7×(k+1) days). */
function weekEnding(week: WeekCount): string {
  return weekFormat.format(new Date(new Date(week.weekStart).getTime() + 7 * DAY_MS));
}

/** Null when there is nothing to draw: no users, or no weeks. */
function trendView(data: LoginTrendData): TrendView | null {
  const { weeks, population } = data;
  if (population === 0 || weeks.length === 0) return null;
  const rates = weeks.map((week) => rate(week.activeUsers, population));
  const first = 0;
  const last = weeks.length - 1;
  // The latest week against the oldest shown: the trend over the whole chart.
  const direction = trend(rates[last], rates[first]);
  return {
    chartData: {
      labels: weeks.map(weekEnding),
      values: rates,
      label: 'Users who logged in',
      isRate: true,
      formattedValues: weeks.map(
        (week, index) => `${formatPercent(rates[index])} (${week.activeUsers} of ${population})`
      )
    },
    latestRate: formatPercent(rates[last]),
    latestDetail: `${weeks[last].activeUsers} of ${population} users logged in during the week to ${weekEnding(weeks[last])}`,
    trendLabel:
      last === first
        ? ''
        : `${TREND_WORDS[direction]} from ${formatPercent(rates[first])} in the week to ${weekEnding(weeks[first])}`,
    trendIcon: TREND_ICONS[direction]
  };
}

export default class LoginTrend extends LightningElement {
  loginTrend: LoginTrendData | undefined;
  view: TrendView | null = null;
  error: unknown;

  connectedCallback(): void {
    getLoginTrend({ weeks: TREND_WEEKS })
      .then((data) => {
        this.loginTrend = data as LoginTrendData;
        this.view = trendView(this.loginTrend);
      })
      .catch((error: unknown) => {
        this.error = error;
      });
  }

  get isLoading(): boolean {
    return !this.loginTrend && !this.error;
  }

  get hasError(): boolean {
    return Boolean(this.error);
  }

  get isEmpty(): boolean {
    return Boolean(this.loginTrend) && !this.view;
  }

  get incompleteNote(): string | null {
    return this.loginTrend?.complete === false
      ? 'Some weeks were counted for part of your audience only: it has more users than one request may read.'
      : null;
  }
}
