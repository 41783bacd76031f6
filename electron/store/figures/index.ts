// The figures room's face (period, dashboard, day figures, export rows): what leaves the room goes through here.
export {
  lastCaseId,
  streamCasesForReplay,
  streamDecidedCasesForReplay,
  type ReplayFilter,
  type ReplayRow,
} from './replay';
export {
  closingSoon,
  periodAggregates,
  periodPlans,
  type PeriodAggregates,
  type PeriodRange,
} from './period';
export { dashboardFigures } from './dashboard';
export { exportPages, exportQuery, exportSql, type ExportQuery, type InstantsAs } from './export-rows';
