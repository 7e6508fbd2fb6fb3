/**
 * The preview page: the real dashboard components, laid out as the Adoption Dashboard FlexiPage
 * lays them out (one main region: login rates, then the leaderboard).
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import type { LightningElement } from 'lwc';
import LoginRates from 'c/loginRates';
import LoginLeaderboard from 'c/loginLeaderboard';

const FLEXIPAGE_MAIN_REGION: { tag: string; component: typeof LightningElement }[] = [
  { tag: 'c-login-rates', component: LoginRates },
  { tag: 'c-login-leaderboard', component: LoginLeaderboard }
];

const region = document.getElementById('main');
if (region) {
  for (const { tag, component } of FLEXIPAGE_MAIN_REGION) {
    const wrapper = document.createElement('div');
    wrapper.className = 'slds-m-bottom_small';
    wrapper.appendChild(createElement(tag, { is: component }));
    region.appendChild(wrapper);
  }
}
