// The case store's one face: everything outside electron/store imports from here, so the
// modules behind it can be split, merged or renamed without touching a caller.
export { openStore, type OpenOptions } from './open';
export { openStoreFromEnv, resolveStoreFile } from './from-env';
export { useNativeBinding } from './sqlite';
export type { CaseStore } from './store';
export {
  ConflictError,
  InvalidInputError,
  NewerDatabaseError,
  NotFoundError,
  StoreDamagedError,
  StoreLockedError,
  StoreMissingError,
  StoreReadOnlyError,
  StoreReplacedError,
  StoreUnusableError,
  type LockHolder,
} from './errors';
export { noteDamage } from './damage';
export { createCase, updateFacts } from './cases';
export { assignCase, claimNextCase, setStatus } from './lifecycle';
export { updateCaseFields } from './case-fields';
export { accountHistory, casesForOrder } from './related';
export { deleteView, listViews, saveView } from './views';
export { getCase, missingRefs } from './case-detail';
export { checkImportRow, importCases, type CheckedRow, type ImportResult } from './cases-bulk';
export { ImportStage, type ImportCommit } from './import-stage';
export { recordDecision, type DecisionRequest, type SeenDecision } from './decisions';
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
export { addNote } from './notes';
export { getDraft, saveDraft } from './drafts';
export { getUsageExport, saveUsageExport, type StoredUsageExport } from './usage-exports';
export { listReplyTemplates, saveReplyTemplate, type StoredTemplate } from './reply-templates';
export { markReplySent } from './replies';
export { listCases, type QueuePage } from './queue';
export { searchCases, searchTexts } from './search';
export { currentAgent, getSettings, setSettings } from './settings';
export { deleteImportMapping, listImportMappings, saveImportMapping } from './import-mappings';
export { auditHead, listAudit } from './audit';
export { verifyAuditWithBackups, type StoreVerification } from './audit-backups';
export { createBackup, listBackups } from './backup';
export { restoreBackup } from './restore';
export { formatRef, parseRef } from './refs';
/** For benchmarks that build the store's bare schema beside it. */
export { migrate } from './connection';
export { exportPages, exportQuery, exportSql, type ExportQuery, type InstantsAs } from './export-rows';
export {
  caseKeyOf,
  countWaiting,
  joinTeam,
  markPushed,
  teamDesktopId,
  waitingEvents,
  type OutboxEvent,
} from './team-outbox';
export { parkEvent, parkedEvents, redoParked, withdrawParked, type ParkedEvent } from './team-parked';
export { timeOrderedId } from './time-ordered-id';
export { applyTeamEvents, teamCursor, type Applied, type PulledEvent } from './team-apply';
export { listOpenConflicts, resolveConflict, type OpenConflict } from './team-conflicts';
export {
  acknowledgeLostClaims,
  claimCandidates,
  lostClaims,
  recordClaim,
  requireCurrentRevision,
  settleClaims,
  unansweredClaims,
  type LostClaim,
} from './team-claims';
export {
  caseSyncStates,
  countCasesInConflict,
  getTeamServerSetting,
  setTeamServerSetting,
  type CaseSyncState,
  type CaseTeamState,
  type TeamServerSetting,
} from './team-status';
export { approvalThresholds, rememberTeamPolicy, teamMember, type TeamMemberInfo } from './approval-reads';
export { answerApproval, listApprovals, type ApprovalAnswerRequest } from './approvals';
