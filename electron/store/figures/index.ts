// The figures room's face: all that leaves the room, for the other rooms and the store's own
// face (../index.ts). README.md says what the room owns and what it may import.
export { dashboardFigures } from './dashboard';
export { FIGURE_TABLES, rebuildSql, TABLES_SQL } from './day-figures';
export { exportPages, exportQuery, type ExportQuery, exportSql, type InstantsAs } from './export-rows';
export {
  closingSoon,
  periodAggregates,
  type PeriodAggregates,
  periodPlans,
  type PeriodRange,
} from './period';
export {
  lastCaseId,
  type ReplayFilter,
  type ReplayRow,
  streamCasesForReplay,
  streamDecidedCasesForReplay,
} from './replay';
