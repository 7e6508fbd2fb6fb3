import ErrorPanel from 'c/errorPanel';
import { flushPromises, mount, resetDom } from 'test-utils';

describe('c-error-panel', () => {
  afterEach(resetDom);

  it('shows the friendly message and reveals the details on demand, and is accessible', async () => {
    const element = mount<HTMLElement>('c-error-panel', ErrorPanel, {
      friendlyMessage: 'The leaderboard could not be loaded.',
      errors: { body: { message: 'Choose a period of 7, 30 or 90 days.' } }
    });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.friendly-message')?.textContent).toBe(
      'The leaderboard could not be loaded.'
    );
    expect(element.shadowRoot?.querySelector('.error-details')).toBeNull();
    const toggle = element.shadowRoot?.querySelector('.details-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await expect(element).toBeAccessible();

    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('Hide details');
    expect(element.shadowRoot?.querySelector('.error-details li')?.textContent).toBe(
      'Choose a period of 7, 30 or 90 days.'
    );
    await expect(element).toBeAccessible();
  });

  it('offers no details toggle when there are no messages', async () => {
    const element = mount<HTMLElement>('c-error-panel', ErrorPanel, { errors: null });
    await flushPromises();
    expect(element.shadowRoot?.querySelector('.friendly-message')?.textContent).toBe(
      'Something went wrong while loading this data.'
    );
    expect(element.shadowRoot?.querySelector('.details-toggle')).toBeNull();
  });
});
