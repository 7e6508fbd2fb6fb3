/**
 * The KPI library (template-less LWC module): every formula of KPI_CATALOG.md, implemented once as
 * pure functions with no DOM, no Apex and no I/O. Components, the preview and the CLI import it.
 */
export * from './contract';
export * from './windows';
export * from './loginRates';
export * from './leaderboard';
export * from './loginActivity';
export * from './loginFold';
export * from './format';
export * from './kpiResult';
export type {
  AccountRecord,
  ContactRecord,
  OpportunityRecord,
  LeadRecord,
  TaskRecord,
  CaseRecord,
  OpportunityStageChange
} from './crmRecords';
export * from './calendarDays';
export * from './recordKpis';
export * from './hygieneKpis';
export * from './qualityRecords';
export * from './qualityKpis';
export * from './pipelineKpis';
export * from './benchmark';
export * from './kpiCatalog';
export * from './dashboardContract';
export * from './dashboardKpis';
export * from './dashboardSettings';
export * from './kpiCards';
export * from './sliceComparison';
export * from './csv';
export * from './kpiFamilies';
