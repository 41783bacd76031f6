// Reading order files, shared by the import and batch-decision services and the Import screen.
export { CASE_COLUMNS, COLUMN_IDS, columnLabel, type CellKind, type ColumnSpec } from './columns';
export {
  detectMapping,
  missingCaseColumns,
  type AmountUnit,
  type MappedColumn,
  type Mapping,
  type MappingOptions,
  type MappingResult,
} from './mapping';
export { parseAmount, parseInstantCell, UTC_OFFSET } from './cells';
export {
  describeProblem,
  emptyRequiredCell,
  headerOfField,
  isEmptyRecord,
  readRow,
  type RowProblem,
  type RowResult,
} from './rows';
export { describeGroup, ProblemGroups } from './groups';
