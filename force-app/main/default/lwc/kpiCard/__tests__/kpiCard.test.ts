import KpiCard from 'c/kpiCard';
import type { KpiCard as KpiCardData } from 'c/adoptionMetrics';
import { flushPromises, mount, resetDom } from 'test-utils';
import cards from './data/cards.json';

interface BadgeProps {
  label: string;
  iconName?: string;
  className: string;
}

interface IconProps {
  iconName: string;
  alternativeText: string;
}

function query<T>(element: HTMLElement, selector: string): T {
  return element.shadowRoot?.querySelector(selector) as unknown as T;
}

function text(element: HTMLElement, selector: string): string | undefined {
  return element.shadowRoot?.querySelector(selector)?.textContent?.trim();
}

async function render(card: unknown, personal = false): Promise<HTMLElement> {
  const element = mount<HTMLElement>('c-kpi-card', KpiCard, {
    card: card as KpiCardData,
    personal
  });
  await flushPromises();
  return element;
}

describe('c-kpi-card', () => {
  afterEach(resetDom);

  it('shows the value, the counts behind a rate, baseline and target, and is accessible', async () => {
    const element = await render(cards.loginRate);
    expect(text(element, '.kpi-label')).toBe('Login rate (7 days)');
    expect(text(element, '.kpi-value')).toBe('70%');
    expect(text(element, '.kpi-fraction')).toBe('42 of 60');
    expect(text(element, '.baseline')).toBe('55%');
    expect(text(element, '.target')).toBe('80%');
    expect(element.shadowRoot?.querySelector('[data-kpi]')?.getAttribute('data-kpi')).toBe(
      'login.rate.7d'
    );
    await expect(element).toBeAccessible();
  });

  it('states the status in words with an icon, not by colour alone', async () => {
    const red = await render(cards.loginRate);
    const redBadge = query<BadgeProps>(red, 'lightning-badge.status');
    expect(redBadge.label).toBe('Below target');
    expect(redBadge.iconName).toBe('utility:error');
    expect(redBadge.className).toContain('slds-theme_error');
    resetDom();
    const amber = await render(cards.pastDue);
    const amberBadge = query<BadgeProps>(amber, 'lightning-badge.status');
    expect(amberBadge.label).toBe('Within 10 points');
    expect(amberBadge.iconName).toBe('utility:warning');
    resetDom();
    const green = await render(cards.neverLoggedIn);
    expect(query<BadgeProps>(green, 'lightning-badge.status').iconName).toBe('utility:success');
  });

  it('writes large parts of a rate compactly', async () => {
    const element = await render({
      ...cards.loginRate,
      id: 'pipeline.late',
      numerator: 1_519_600,
      denominator: 4_763_000
    });
    expect(text(element, '.kpi-fraction')).toBe('1.5M of 4.8M');
  });

  it('shows "No target" without a status icon when there is no target', async () => {
    const element = await render(cards.openPipeline);
    const badge = query<BadgeProps>(element, 'lightning-badge.status');
    expect(badge.label).toBe('No target');
    expect(badge.iconName).toBeUndefined();
    expect(text(element, '.target')).toBe('No target');
    expect(element.shadowRoot?.querySelector('.kpi-fraction')).toBeNull();
  });

  it('gives the trend icon the trend sentence as its alternative text', async () => {
    const element = await render(cards.loginRate);
    const icon = query<IconProps>(element, '.trend lightning-icon');
    expect(icon.iconName).toBe('utility:arrowup');
    expect(icon.alternativeText).toBe('Up from 62% last period');
    expect(text(element, '.trend-label')).toBe('Up from 62% last period');
  });

  it('shows the trend sentence without an icon when there is no earlier period', async () => {
    const element = await render(cards.pastDue);
    expect(element.shadowRoot?.querySelector('.trend lightning-icon')).toBeNull();
    expect(text(element, '.trend-label')).toBe('No earlier period yet');
    expect(text(element, '.baseline')).toBe('Not captured');
  });

  it('marks focus KPIs with a badge', async () => {
    const focus = await render(cards.loginRate);
    expect(query<BadgeProps>(focus, '.focus-badge').label).toBe('Focus');
    resetDom();
    const other = await render(cards.pastDue);
    expect(other.shadowRoot?.querySelector('.focus-badge')).toBeNull();
  });

  it('says "Your …" for a rep, except on lists of other users', async () => {
    const own = await render(cards.pastDue, true);
    expect(text(own, '.kpi-label')).toBe('Your past-due tasks');
    resetDom();
    const users = await render(cards.neverLoggedIn, true);
    expect(text(users, '.kpi-label')).toBe('Users who never logged in');
  });

  it('flags figures that cover part of the users only, and is accessible', async () => {
    const element = await render(cards.openPipeline);
    expect(text(element, '.partial-note')).toBe('Covers part of the users only.');
    expect(query<IconProps>(element, '.partial-note lightning-icon').alternativeText).toBe(
      'Partial data'
    );
    await expect(element).toBeAccessible();
  });

  it('renders nothing without a card', async () => {
    const element = await render(undefined);
    expect(element.shadowRoot?.querySelector('article')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
