import LoginLeaderboard from 'c/loginLeaderboard';
import { privateStanding } from 'c/adoptionMetrics';
import getLoginLeaderboard from '@salesforce/apex/LoginActivityController.getLoginLeaderboard';
import { asWireAdapter, changeCombobox, flushPromises, mount, resetDom } from 'test-utils';
import leaderboardData from './data/leaderboard.json';
import privateLeaderboard from './data/privateLeaderboard.json';

jest.mock(
  '@salesforce/apex/LoginActivityController.getLoginLeaderboard',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

const adapter = asWireAdapter(getLoginLeaderboard);

function renderedRows(element: HTMLElement): string[][] {
  const table = element.shadowRoot?.querySelector('c-login-leaderboard-table');
  const rows = table?.shadowRoot?.querySelectorAll('tbody tr:not(.separator)') ?? [];
  return Array.from(rows).map((row) => [
    row.querySelector('.rank')?.textContent ?? '',
    (row.querySelector('.name')?.textContent ?? '').replace('You', '').trim(),
    row.querySelector('.logins')?.textContent ?? '',
    row.querySelector('.active-days')?.textContent ?? ''
  ]);
}

describe('c-login-leaderboard', () => {
  afterEach(resetDom);

  it('shows a spinner while loading, and is accessible', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('asks Apex for the 7-day period first', async () => {
    mount('c-login-leaderboard', LoginLeaderboard);
    await flushPromises();
    expect(adapter.getLastConfig()).toEqual({ periodDays: 7 });
  });

  it('renders the users ranked by logins then active days, excluding users without logins', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.emit(leaderboardData);
    await flushPromises();
    expect(renderedRows(element)).toEqual([
      ['1', 'Grace Hopper', '12', '6'],
      ['2', 'Ada Lovelace', '12', '5'],
      ['3', 'Edsger Dijkstra', '7', '7'],
      ['4', 'Alan Turing', '4', '3']
    ]);
    await expect(element).toBeAccessible();
  });

  it("highlights the viewer's own row and states the viewer's rank", async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.emit(leaderboardData);
    await flushPromises();
    const table = element.shadowRoot?.querySelector('c-login-leaderboard-table');
    const viewerRow = table?.shadowRoot?.querySelector('tr[aria-current="true"]');
    expect(viewerRow?.getAttribute('data-user-id')).toBe('005000000000003AAA');
    expect(viewerRow?.classList.contains('viewer-row')).toBe(true);
    expect(element.shadowRoot?.querySelector('.viewer-standing')?.textContent).toBe(
      'You are #4 of 4.'
    );
  });

  it('filters by role and region and re-ranks within the selection', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.emit(leaderboardData);
    await flushPromises();
    changeCombobox(element.shadowRoot?.querySelector('.role-filter'), 'Sales Rep');
    await flushPromises();
    expect(renderedRows(element)).toEqual([
      ['1', 'Ada Lovelace', '12', '5'],
      ['2', 'Alan Turing', '4', '3']
    ]);
    changeCombobox(element.shadowRoot?.querySelector('.region-filter'), 'AMER');
    await flushPromises();
    expect(renderedRows(element)).toEqual([['1', 'Alan Turing', '4', '3']]);
  });

  it('offers the roles and regions present, with (none) for users without a role', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.emit(leaderboardData);
    await flushPromises();
    const options = (
      element.shadowRoot?.querySelector('.role-filter') as unknown as {
        options: { value: string }[];
      }
    ).options;
    expect(options.map((option) => option.value)).toEqual([
      '',
      'Sales Manager',
      'Sales Rep',
      '(none)'
    ]);
  });

  it('requests the chosen period from Apex', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.emit(leaderboardData);
    await flushPromises();
    changeCombobox(element.shadowRoot?.querySelector('.period-filter'), '30');
    await flushPromises();
    expect(adapter.getLastConfig()).toEqual({ periodDays: 30 });
  });

  it('shows the empty state when nobody in the selection logged in, and is accessible', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.emit({ ...leaderboardData, entries: [] });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.empty-state')?.textContent).toBe(
      'No one in this selection logged in during the last 7 days.'
    );
    expect(element.shadowRoot?.querySelector('c-login-leaderboard-table')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('tells the viewer when they have no logins in the selection', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.emit({ ...leaderboardData, viewerId: '005000000000005AAA' });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.viewer-standing')?.textContent).toBe(
      'You have no logins in the last 7 days for this selection.'
    );
  });

  it('explains incomplete active-day counts', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.emit({ ...leaderboardData, activeDaysComplete: false });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.active-days-note')?.textContent).toContain(
      'most active users only'
    );
  });

  it('says when the org had more users than one request may read', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.emit({ ...leaderboardData, usersComplete: false });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.users-note')?.textContent).toContain(
      'ranks those who logged in most recently'
    );
    expect(element.shadowRoot?.querySelector('.viewer-standing')?.textContent).toBe(
      'You are #4 of the 4 users shown.'
    );
  });

  it('adds no note when every user was read', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.emit(leaderboardData);
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.users-note')).toBeNull();
    expect(element.shadowRoot?.querySelector('.active-days-note')).toBeNull();
  });

  it('shows the Apex error in the shared error panel, and is accessible', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
    adapter.error({
      message: 'Seeing your team’s logins needs the Adoption Dashboard Viewer permission set.'
    });
    await flushPromises();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as unknown as {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('The leaderboard could not be loaded.');
    expect(JSON.stringify(panel.errors)).toContain('Adoption Dashboard Viewer permission set');
    await expect(element).toBeAccessible();
  });
  describe('in privacy mode', () => {
    it("states only the viewer's position, names no one else, and is accessible", async () => {
      const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
      adapter.emit(privateLeaderboard);
      await flushPromises();
      const root = element.shadowRoot;
      // Two ahead on logins, one on active days at equal logins; the other 4-login, 3-day user ties.
      expect(root?.querySelector('.viewer-standing')?.textContent).toBe('You are #4 of 5.');
      expect(root?.querySelector('.private-detail')?.textContent).toBe(
        '4 logins on 3 days in the last 7 days.'
      );
      expect(root?.querySelector('.privacy-note')?.textContent).toContain(
        "Other people's names are hidden"
      );
      expect(root?.querySelector('c-login-leaderboard-table')).toBeNull();
      expect(root?.querySelector('.role-filter')).toBeNull();
      expect(root?.querySelector('.region-filter')).toBeNull();
      expect(root?.querySelector('.period-filter')).not.toBeNull();
      await expect(element).toBeAccessible();
    });

    it('tells a viewer without logins how many people logged in', async () => {
      const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
      adapter.emit({
        ...privateLeaderboard,
        entries: privateLeaderboard.entries.filter((entry) => entry.userId === null)
      });
      await flushPromises();
      expect(element.shadowRoot?.querySelector('.viewer-standing')?.textContent).toBe(
        'You have no logins in the last 7 days.'
      );
      expect(element.shadowRoot?.querySelector('.private-detail')?.textContent).toBe(
        '4 people logged in during the last 7 days.'
      );
    });

    it('says the rank is among the users read when the org had more', async () => {
      const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
      adapter.emit({ ...privateLeaderboard, usersComplete: false });
      await flushPromises();
      expect(element.shadowRoot?.querySelector('.viewer-standing')?.textContent).toBe(
        'You are #4 of the 5 users shown.'
      );
      expect(element.shadowRoot?.querySelector('.users-note')).not.toBeNull();
    });

    it('shows the empty state when nobody logged in', async () => {
      const element = mount<HTMLElement>('c-login-leaderboard', LoginLeaderboard);
      adapter.emit({ ...privateLeaderboard, entries: [] });
      await flushPromises();
      expect(element.shadowRoot?.querySelector('.empty-state')?.textContent).toBe(
        'No one in this selection logged in during the last 7 days.'
      );
      await expect(element).toBeAccessible();
    });

    it('ranks unknown active days below known ones at equal logins', () => {
      const entry = (userId: string | null, logins: number, activeDays: number | null) => ({
        userId,
        name: userId,
        role: null,
        region: null,
        logins,
        activeDays,
        previousLogins: 0,
        previousActiveDays: null
      });
      expect(
        privateStanding([entry(null, 3, 1), entry('me', 3, null), entry(null, 3, null)], 'me')
      ).toEqual({ rank: 2, rankedCount: 3, logins: 3, activeDays: null });
    });
  });
});
