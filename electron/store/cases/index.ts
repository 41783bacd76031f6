// The cases room's face: all that leaves the room, for the other rooms and the store's own
// face (../index.ts). README.md says what the room owns and what it may import.
export {
  approvalThresholds,
  rememberTeamPolicy,
  teamMember,
  type TeamMemberInfo,
  uncounted,
} from './approval-reads';
export {
  answerApproval,
  applyApprovalAnswer,
  approvalNeeded,
  type ApprovalAnswerRequest,
  type ApprovalWhy,
  listApprovals,
  requestApproval,
} from './approvals';
export { changeOf, getCase, missingRefs } from './case-detail';
export { updateCaseFields } from './case-fields';
export { previewDeadline, statusAfterDecision } from './case-rules';
export { createCase, insertCaseRow, newCaseKey, toNewCaseRow, updateFacts } from './cases';
export { type CheckedRow, checkImportRow, importCases, type ImportResult } from './cases-bulk';
export { decidedByCondition } from './decided-by';
export { type DecisionValues, insertDecision, keepCaseWhileWaiting, takeDecision } from './decision-write';
export { type DecisionRequest, recordDecision, type SeenDecision } from './decisions';
export { addMessage, insertMessage, listMessages } from './messages';
export { getDraft, saveDraft } from './drafts';
export { deleteImportMapping, listImportMappings, saveImportMapping } from './import-mappings';
export { type ImportCommit, ImportStage } from './import-stage';
export { assignCase, assignGuards, assignRow, claimNextCase, setStatus } from './lifecycle';
export { addNote } from './notes';
export { listCases, type QueuePage } from './queue';
export { accountHistory, casesForOrder } from './related';
export { markReplySent } from './replies';
export { listReplyTemplates, saveReplyTemplate, type StoredTemplate } from './reply-templates';
export { indexCase, searchCases, type SearchFields, searchTexts } from './search';
export { currentAgent, getSettings, setSettings, TEAM_SERVER_SETTING, teamServerText } from './settings';
export { caseRowById, TEAM_COLUMNS, writeCaseValues } from './team-case-write';
export { getUsageExport, saveUsageExport, type StoredUsageExport } from './usage-exports';
export { deleteView, listViews, saveView } from './views';
export { clockDueSql, nextDueSql } from './service-due';
export { auditOf, type CaseAudit, type CaseGuards, guardCase, openConflictOn, writeCase } from './write-case';
