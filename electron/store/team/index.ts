// The team room's face (the desktop side of team mode): what leaves the room goes through here.
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
