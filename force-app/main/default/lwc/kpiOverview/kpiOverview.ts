/**
 * Container: the overview tab — the admin's focus KPIs as cards, in the admin's order, then one
 * summary card per KPI family. It asks Apex only for the families its focus KPIs need (each at the
 * period the family opens with), so the first screen costs what it shows.
 */
import { LightningElement, api } from 'lwc';
import getKpiData from '@salesforce/apex/AdoptionDashboardController.getKpiData';
import {
  buildKpiCards,
  definitionOf,
  DIRECTORY_LOGIN_KPIS,
  evaluateKpiData,
  FAMILY_LABELS,
  familyOfSection,
  familyPeriodDays,
  isFamilySection,
  KPI_FAMILIES,
  kpiCompleteness,
  parseDashboardSettings
} from 'c/adoptionMetrics';
import type {
  DashboardContext,
  KpiCard,
  KpiData,
  KpiFamily,
  KpiResult,
  KpiStatus,
  ParsedSettings
} from 'c/adoptionMetrics';

/** Login KPIs come with every family's directory; activity's queries are the lightest to carry them. */
const DIRECTORY_FAMILY: KpiFamily = 'activity';

const FAMILY_DESCRIPTIONS: Readonly<Record<KpiFamily, string>> = {
  activity:
    'Accounts, contacts, opportunities, activities and cases created, updated or completed.',
  pipeline: 'Neglected opportunities, win rate, stage movement, leads, tasks and open pipeline.',
  quality: 'Missing amounts and close dates, accounts without contacts, key fields and duplicates.'
};

interface StatusCount {
  key: string;
  label: string;
  iconName: string;
}

const STATUS_COUNTS: readonly (StatusCount & { status: KpiStatus | null })[] = [
  { key: 'green', status: 'green', label: 'on target', iconName: 'utility:success' },
  { key: 'amber', status: 'amber', label: 'within 10 points', iconName: 'utility:warning' },
  { key: 'red', status: 'red', label: 'below target', iconName: 'utility:error' },
  { key: 'none', status: null, label: 'without a target', iconName: 'utility:dash' }
];

interface FamilySummary {
  family: KpiFamily;
  title: string;
  description: string;
  isLoaded: boolean;
  counts: (StatusCount & { text: string })[];
  buttonLabel: string;
}

/** The families a list of focus KPIs needs: their own, plus one for login KPIs on their own. */
export function familiesFor(focusKpis: readonly string[]): KpiFamily[] {
  const needed = new Set<KpiFamily>();
  let needsDirectory = false;
  for (const id of focusKpis) {
    const family = familyOfSection(definitionOf(id).section);
    if (family) needed.add(family);
    else if (DIRECTORY_LOGIN_KPIS.includes(id)) needsDirectory = true;
  }
  if (needsDirectory && needed.size === 0) needed.add(DIRECTORY_FAMILY);
  return KPI_FAMILIES.filter((family) => needed.has(family));
}

export default class KpiOverview extends LightningElement {
  @api context: DashboardContext | undefined;

  isLoading = false;
  errors: unknown[] = [];
  focusCards: KpiCard[] = [];
  /** Every card of the families loaded, for their summaries. */
  private loadedCards = new Map<KpiFamily, KpiCard[]>();
  private parsed: ParsedSettings | undefined;

  connectedCallback(): void {
    if (!this.context) return;
    this.parsed = parseDashboardSettings(this.context.settings);
    const families = familiesFor(this.parsed.focusKpis);
    if (families.length === 0) return;
    this.isLoading = true;
    const parsed = this.parsed;
    Promise.allSettled(
      families.map((family) => getKpiData({ family, periodDays: familyPeriodDays(family, parsed) }))
    )
      .then((outcomes) => {
        const loaded: [KpiFamily, KpiData][] = [];
        const errors: unknown[] = [];
        outcomes.forEach((outcome, index) => {
          if (outcome.status === 'fulfilled') {
            loaded.push([families[index], outcome.value as KpiData]);
          } else {
            errors.push(outcome.reason);
          }
        });
        // One family failing still leaves the others' cards worth showing.
        this.errors = errors;
        this.show(loaded);
      })
      .catch((error: unknown) => {
        this.errors = [...this.errors, error];
      })
      .finally(() => {
        this.isLoading = false;
      });
  }

  private show(loaded: readonly [KpiFamily, KpiData][]): void {
    const parsed = this.parsed as ParsedSettings;
    const current = new Map<string, KpiResult>();
    const previous = new Map<string, KpiResult>();
    const complete = new Map<string, boolean>();
    for (const [, data] of loaded) {
      const evaluated = evaluateKpiData(data);
      // Login KPIs come with every family; the first family's stand for all.
      for (const result of evaluated.current) {
        if (!current.has(result.id)) current.set(result.id, result);
      }
      for (const [id, result] of evaluated.previous) previous.set(id, result);
      for (const [id, isComplete] of kpiCompleteness(data)) {
        if (!complete.has(id)) complete.set(id, isComplete);
      }
    }
    const cards = buildKpiCards([...current.values()], previous, parsed, {
      role: this.isPersonal ? this.context?.audience.viewerRole : undefined,
      complete,
      focusFirst: true
    });
    this.focusCards = cards.filter((card) => card.isFocus);
    this.loadedCards = new Map(
      loaded.map(([family]) => [
        family,
        cards.filter((card) => isFamilySection(family, card.section))
      ])
    );
  }

  get isPersonal(): boolean {
    return this.context?.audience.scope === 'self';
  }

  get focusTitle(): string {
    return this.isPersonal ? 'Your focus KPIs' : 'Focus KPIs';
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  get hasFocus(): boolean {
    return (this.parsed?.focusKpis.length ?? 0) > 0;
  }

  get noFocus(): boolean {
    return Boolean(this.parsed) && !this.hasFocus;
  }

  get hasFocusCards(): boolean {
    return this.focusCards.length > 0;
  }

  get focusUnavailable(): boolean {
    return this.hasFocus && !this.isLoading && !this.hasErrors && !this.hasFocusCards;
  }

  get familySummaries(): FamilySummary[] {
    return KPI_FAMILIES.map((family) => {
      const cards = this.loadedCards.get(family);
      const counts = STATUS_COUNTS.map(({ status, ...count }) => {
        const n = cards?.filter((card) => card.status === status).length ?? 0;
        return { ...count, text: `${n} ${count.label}` };
      });
      return {
        family,
        title: FAMILY_LABELS[family],
        description: FAMILY_DESCRIPTIONS[family],
        isLoaded: cards !== undefined,
        counts,
        buttonLabel: `View ${FAMILY_LABELS[family]}`
      };
    });
  }

  handleOpenFamily(event: Event): void {
    const tab = (event.currentTarget as HTMLElement).dataset.family;
    this.dispatchEvent(new CustomEvent('opentab', { detail: { tab } }));
  }
}
