import LoginLeaderboardTable from 'c/loginLeaderboardTable';
import { rankLeaderboard } from 'c/adoptionMetrics';
import type { LeaderboardEntry } from 'c/adoptionMetrics';
import { flushPromises, mount, resetDom } from 'test-utils';

const entry = (
  userId: string,
  logins: number,
  previousLogins: number,
  activeDays: number | null = 1
): LeaderboardEntry => ({
  userId,
  name: `User ${userId}`,
  role: userId === 'u3' ? null : 'Rep',
  region: 'EMEA',
  logins,
  activeDays,
  previousLogins,
  previousActiveDays: 1
});

// Previous window: u2 9, u1 8, u5 5, u4 1 → u4 keeps rank 4; u5 has no logins now and drops out.
const ranked = rankLeaderboard(
  [
    entry('u1', 9, 8),
    entry('u2', 8, 9),
    entry('u3', 7, 0, null),
    entry('u4', 1, 1),
    entry('u5', 0, 5)
  ],
  'u4'
);

describe('c-login-leaderboard-table', () => {
  afterEach(resetDom);

  it('renders rank change as arrows with a spoken description', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard-table', LoginLeaderboardTable, {
      rows: ranked.slice(0, 3),
      viewerRow: null,
      periodLabel: 'last 7 days'
    });
    await flushPromises();
    const cells = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []).map((row) =>
      Array.from(row.querySelectorAll('td:last-child span')).map((span) => span.textContent)
    );
    expect(cells).toEqual([
      ['▲ 1', 'up 1'],
      ['▼ 1', 'down 1'],
      ['New', 'not ranked in the previous period']
    ]);
    expect(element.shadowRoot?.querySelector('caption')?.textContent).toBe(
      'Login leaderboard, last 7 days'
    );
    await expect(element).toBeAccessible();
  });

  it('shows unknown active days as a dash and a missing role as (none)', async () => {
    const element = mount<HTMLElement>('c-login-leaderboard-table', LoginLeaderboardTable, {
      rows: [ranked[2]]
    });
    await flushPromises();
    const row = element.shadowRoot?.querySelector('tbody tr');
    expect(row?.querySelector('.active-days')?.textContent).toBe('—');
    expect(Array.from(row?.querySelectorAll('td') ?? []).map((cell) => cell.textContent)).toContain(
      '(none)'
    );
  });

  it('shows a dash when Aura leaves out null active days', async () => {
    // Aura omits null fields of Apex objects, so the component sees the field as undefined.
    const withoutActiveDays: Partial<(typeof ranked)[number]> = { ...ranked[2] };
    delete withoutActiveDays.activeDays;
    const element = mount<HTMLElement>('c-login-leaderboard-table', LoginLeaderboardTable, {
      rows: [withoutActiveDays]
    });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('tbody tr .active-days')?.textContent).toBe('—');
  });

  it("appends the viewer's row after a separator when the viewer ranks below the page", async () => {
    const element = mount<HTMLElement>('c-login-leaderboard-table', LoginLeaderboardTable, {
      rows: ranked.slice(0, 2),
      viewerRow: ranked[3],
      periodLabel: 'last 7 days'
    });
    await flushPromises();
    const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
    expect(rows.map((row) => row.className.includes('separator'))).toEqual([
      false,
      false,
      true,
      false
    ]);
    const viewer = rows[3];
    expect(viewer.getAttribute('aria-current')).toBe('true');
    expect(viewer.querySelector('.rank')?.textContent).toBe('4');
    expect(viewer.querySelector('.you-badge')?.textContent).toBe('You');
    expect(rows[3].querySelector('td:last-child span')?.textContent).toBe('–');
    await expect(element).toBeAccessible();
  });

  it('shows a withheld name as hidden', async () => {
    const [hidden] = rankLeaderboard([{ ...entry('u9', 3, 0), userId: null, name: null }], 'u4');
    const element = mount<HTMLElement>('c-login-leaderboard-table', LoginLeaderboardTable, {
      rows: [hidden]
    });
    await flushPromises();
    const row = element.shadowRoot?.querySelector('tbody tr');
    expect(row?.querySelector('.name')?.textContent?.trim()).toBe('Name hidden');
    expect(row?.getAttribute('data-user-id')).toBe('rank-1');
    await expect(element).toBeAccessible();
  });
});
