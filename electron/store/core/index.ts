// The core room's face: all that leaves the room, for the other rooms and the store's own
// face (../index.ts). README.md says what the room owns and what it may import.
export { anchorFileOf, AnchorLog, hasAnchors, highestIssuedId, readAnchors } from './anchors';
export { appendAudit, type AuditInput, auditHead, listAudit, verifyAudit } from './audit';
export {
  approvalHash,
  type AuditState,
  CASE_SELECT,
  caseHash,
  clearCapturedStates,
  DECISION_SELECT,
  decisionHash,
  NOTE_SELECT,
  noteHash,
  rangeHash,
  SETTINGS_SELECT,
  settingsHash,
} from './audit-state';
export { canonicalJson, iso } from './canonical';
export { connect, inspect, migrate, refuseNewer } from './connection';
export { addToCount, type CountKey, moveCount } from './counts';
export {
  CaseAlteredError,
  ConflictError,
  InvalidInputError,
  type LockHolder,
  NewerDatabaseError,
  NotFoundError,
  StoreDamagedError,
  StoreLockedError,
  StoreMissingError,
  StoreReadOnlyError,
  StoreReplacedError,
  StoreUnusableError,
} from './errors';
export { HealthMarker } from './health';
export { StoreLock } from './lock';
export { formatRef, parseRef } from './refs';
export {
  type CaseRow,
  requireCase,
  requireRevision,
  staleSql,
  SUMMARY_COLUMNS,
  FIRST_REPLY_SQL,
  type SummaryRow,
  toSummary,
  uncounted,
} from './rows';
export { openDatabase, useNativeBinding } from './sqlite';
export { sqliteTrouble } from './sqlite-trouble';
export { CaseStore } from './store';
export {
  decisionEventBefore,
  latestTravelledDecision,
  markDecisionOrdered,
  orderedDecision,
  rememberDecisionEvent,
} from './team-decision-events';
export { type FieldChange, type FieldConflict, fieldChanges, mergeFieldChanges } from './team-merge';
export {
  caseKeyOf,
  countWaiting,
  joinTeam,
  markPushed,
  type OutboxEvent,
  teamDesktopId,
  waitingEvents,
  whileApplyingRemote,
} from './team-outbox';
export { timeOrderedId } from './time-ordered-id';
