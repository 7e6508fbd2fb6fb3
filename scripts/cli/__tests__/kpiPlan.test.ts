import { KPI_CATALOG } from '../../../force-app/main/default/lwc/adoptionMetrics/adoptionMetrics';
import { NOT_COMPUTED, needsOf, planKpis } from '../report/kpiPlan';

describe('which KPIs a report computes and what it reads', () => {
  it('lists inputs for every catalog KPI it computes', () => {
    const computed = KPI_CATALOG.map((kpi) => kpi.id).filter((id) => !(id in NOT_COMPUTED));
    expect(computed).toHaveLength(30);
    for (const id of computed) expect(() => needsOf(id)).not.toThrow();
    expect(() => needsOf('login.rate.90d')).toThrow(
      'The CLI has no inputs listed for KPI "login.rate.90d".'
    );
  });

  it('reads every object, required ones first, for a full report', () => {
    const plan = planKpis(null);
    expect(plan.computed).toHaveLength(KPI_CATALOG.length - 2);
    expect(plan.needsLoginHistory).toBe(true);
    expect(plan.objects).toEqual([
      'Opportunity',
      'Lead',
      'Task',
      'Account',
      'Contact',
      'Case',
      'OpportunityFieldHistory',
      'DuplicateRecordItem'
    ]);
    expect(plan.notComputed).toEqual([
      NOT_COMPUTED['login.trend'],
      NOT_COMPUTED['quality.fields.fillRate']
    ]);
  });

  it('reads only what the asked KPIs need', () => {
    expect(planKpis(['login.never'])).toEqual({
      computed: ['login.never'],
      notComputed: [],
      needsLoginHistory: false,
      objects: []
    });
    expect(planKpis(['quality.duplicates', 'login.days.active'])).toEqual({
      computed: ['login.days.active', 'quality.duplicates'],
      notComputed: [],
      needsLoginHistory: true,
      objects: ['Lead', 'Account', 'Contact', 'DuplicateRecordItem']
    });
  });
});
