// The team server: the PostgreSQL side of team mode. Plain Node, like the store.
export { isLoopbackHost, readTeamServerAddress, type TeamServerAddress } from './address';
export { readApprovalThresholds, setApprovalThreshold } from './approvals';
export { claimAnswers, claimCase, type ClaimAnswer, type ClaimRequest } from './claims';
export {
  NewerTeamSchemaError,
  EventRefusedError,
  TeamMemberError,
  TeamSettingError,
  TeamSchemaMissingError,
  TeamServerAddressError,
} from './errors';
export { pullEvents, pushEvents, type PushResult } from './events';
export { syncOnce, type SyncSummary } from './sync';
export { addTeamMember, removeTeamMember, whoAmI, type TeamMember, type TeamRole } from './members';
export { teamRoles, type TeamRoles } from './roles';
export { LATEST_TEAM_VERSION } from './migrations';
export {
  connectTeamServer,
  initTeamSchema,
  requireTeamSchema,
  type TeamSchemaReport,
  type TeamServer,
} from './server';
