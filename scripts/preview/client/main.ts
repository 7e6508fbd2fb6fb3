/**
 * The preview page: the real dashboard, laid out as the Adoption Dashboard FlexiPage lays it out
 * (one main region holding the adoptionDashboard container).
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import AdoptionDashboard from 'c/adoptionDashboard';

const region = document.getElementById('main');
if (region) region.appendChild(createElement('c-adoption-dashboard', { is: AdoptionDashboard }));
