// The team room's face: all that leaves the room, for the other rooms and the store's own
// face (../index.ts). README.md says what the room owns and what it may import.
export type { Applied, ApplyOptions, PulledEvent } from './pulled-event';
export { type HeldEvent, heldEvents } from './team-held';
export { applyTeamEvents, teamCursor } from './team-apply';
export { rejectedEvents, type RejectedEvent } from './team-rejected';
export { parkEvent, parkedEvents, redoParked, withdrawParked, type ParkedEvent } from './team-parked';
export {
  acknowledgeLostClaims,
  claimCandidates,
  type LostClaim,
  lostClaims,
  recordClaim,
  requireClaimable,
  settleClaims,
  unansweredClaims,
} from './team-claims';
export { listOpenConflicts, type OpenConflict } from './team-conflicts';
export { resolveConflict } from './team-resolve';
export {
  type CaseSyncState,
  caseSyncStates,
  type CaseTeamState,
  countCasesInConflict,
  getTeamServerSetting,
  setTeamServerSetting,
  type TeamServerSetting,
} from './team-status';
