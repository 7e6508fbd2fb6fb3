/**
 * Sample arguments for the dynamic-SOQL templates of the Apex selectors (`Class.CONSTANT`), so
 * that check:schema can format each template as Apex's String.format would and check the SOQL it
 * produces. Each template lists one or more argument lists; between them they cover every fragment
 * the Apex code can substitute: region fields the settings allow, the population filter with and
 * without profiles (AdoptionSettings.populationFilter), each audience filter
 * (AdoptionAudience.userFilter), each whitelisted sort field and both directions, and the default
 * gate fields. A template without samples fails the check.
 */
const POPULATION = 'IsActive = TRUE AND UserType IN :populationUserTypes';
const POPULATION_WITH_PROFILES = `${POPULATION} AND Profile.Name IN :populationProfiles`;
const SELF = ' AND Id = :audienceViewerId';
const TEAM =
  ' AND (Id = :audienceViewerId OR ManagerId = :audienceViewerId OR Manager.ManagerId = :audienceViewerId OR Division = :audienceViewerRegion)';
const TEAM_WITHOUT_REGION =
  ' AND (Id = :audienceViewerId OR ManagerId = :audienceViewerId OR Manager.ManagerId = :audienceViewerId)';

/** Every sort field of a page template, each with both directions. */
function sorts(fields: readonly string[]): string[][] {
  return fields.flatMap((field) => [
    [field, 'ASC'],
    [field, 'DESC']
  ]);
}

export const SOQL_TEMPLATE_SAMPLES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'DirectorySelector.DIRECTORY_TEMPLATE': [
    ['Division', POPULATION, ''],
    ['Country', POPULATION_WITH_PROFILES, SELF],
    ['Department', POPULATION, TEAM],
    ['State', POPULATION_WITH_PROFILES, TEAM_WITHOUT_REGION]
  ],
  'UserSelector.VIEWER_TEMPLATE': [['Division'], ['Country']],
  'UserSelector.POPULATION_BY_SLICE_TEMPLATE': [
    ['Division', POPULATION, ''],
    ['Department', POPULATION_WITH_PROFILES, TEAM]
  ],
  'UserSelector.LOGGED_IN_BY_SLICE_TEMPLATE': [
    ['Division', POPULATION, SELF],
    ['Country', POPULATION_WITH_PROFILES, TEAM_WITHOUT_REGION]
  ],
  'UserSelector.LOGGED_IN_SINCE_TEMPLATE': [
    ['Division', POPULATION, ''],
    ['State', POPULATION_WITH_PROFILES, TEAM]
  ],
  'GateFieldSelector.GATE_FIELD_TEMPLATE': [
    ['Opportunity', 'NextStep'],
    ['Account', 'Industry'],
    ['Contact', 'Email'],
    ['Lead', 'Company']
  ],
  'OpportunitySelector.PAST_CLOSE_PAGE_TEMPLATE': sorts([
    'Name',
    'Owner.Name',
    'CloseDate',
    'Amount',
    'StageName'
  ]),
  'OpportunitySelector.STALE_PAGE_TEMPLATE': sorts([
    'Name',
    'Owner.Name',
    'LastActivityDate',
    'Amount',
    'StageName'
  ]),
  'TaskSelector.PAST_DUE_PAGE_TEMPLATE': sorts(['Subject', 'Owner.Name', 'ActivityDate', 'Status']),
  'LeadSelector.ABANDONED_PAGE_TEMPLATE': sorts([
    'Name',
    'Owner.Name',
    'LastActivityDate',
    'Status'
  ])
};
