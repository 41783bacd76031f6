// The case store's one face: everything outside electron/store imports from here, so the
// modules behind it can be split, merged or renamed without touching a caller.
export { openStore, type OpenOptions } from './open';
export { openStoreFromEnv, resolveStoreFile } from './from-env';
export { sqliteTrouble, useNativeBinding } from './core';
export type { CaseStore } from './core';
export {
  CaseAlteredError,
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
} from './core';
export { noteDamage } from './integrity';
export { createCase, updateFacts } from './cases';
export { assignCase, claimNextCase, setStatus } from './cases';
export { updateCaseFields } from './cases';
export { accountHistory, casesForOrder } from './cases';
export { deleteView, listViews, saveView } from './cases';
export { getCase, missingRefs } from './cases';
export { checkImportRow, importCases, type CheckedRow, type ImportResult } from './cases';
export { ImportStage, type ImportCommit } from './cases';
export { recordDecision, type DecisionRequest, type SeenDecision } from './cases';
export {
  lastCaseId,
  streamCasesForReplay,
  streamDecidedCasesForReplay,
  type ReplayFilter,
  type ReplayRow,
} from './figures';
export {
  closingSoon,
  periodAggregates,
  periodPlans,
  type PeriodAggregates,
  type PeriodRange,
} from './figures';
export { dashboardFigures } from './figures';
export { addNote } from './cases';
export { addMessage, listMessages } from './cases';
export { getDraft, saveDraft } from './cases';
export { getUsageExport, saveUsageExport, type StoredUsageExport } from './cases';
export { listReplyTemplates, saveReplyTemplate, type StoredTemplate } from './cases';
export { markReplySent } from './cases';
export { listCases, type QueuePage } from './cases';
export { searchCases, searchTexts } from './cases';
export { currentAgent, getSettings, setSettings } from './cases';
export { deleteImportMapping, listImportMappings, saveImportMapping } from './cases';
export { auditHead, listAudit } from './core';
export { verifyAuditWithBackups, type StoreVerification } from './integrity';
export { createBackup, listBackups } from './integrity';
export { restoreBackup } from './integrity';
export { formatRef, parseRef } from './core';
/** For benchmarks that build the store's bare schema beside it. */
export { migrate } from './core';
export { exportPages, exportQuery, exportSql, type ExportQuery, type InstantsAs } from './figures';
export {
  caseKeyOf,
  countWaiting,
  joinTeam,
  markPushed,
  teamDesktopId,
  waitingEvents,
  type OutboxEvent,
} from './core';
export { timeOrderedId } from './core';
export { applyTeamEvents, teamCursor, type Applied, type ApplyOptions, type PulledEvent } from './team';
export { listOpenConflicts, resolveConflict, type OpenConflict } from './team';
export { parkEvent, parkedEvents, redoParked, withdrawParked, type ParkedEvent } from './team';
export { rejectedEvents, type RejectedEvent } from './team';
export { type HeldEvent, heldEvents } from './team';
export {
  acknowledgeLostClaims,
  claimCandidates,
  lostClaims,
  recordClaim,
  requireClaimable,
  settleClaims,
  unansweredClaims,
  type LostClaim,
} from './team';
export {
  caseSyncStates,
  countCasesInConflict,
  getTeamServerSetting,
  setTeamServerSetting,
  type CaseSyncState,
  type CaseTeamState,
  type TeamServerSetting,
} from './team';
export { approvalThresholds, rememberTeamPolicy, teamMember, type TeamMemberInfo } from './cases';
export { answerApproval, listApprovals, type ApprovalAnswerRequest } from './cases';
