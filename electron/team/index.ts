// The team server: the PostgreSQL side of team mode. Plain Node, like the store.
export { isLoopbackHost, readTeamServerAddress, type TeamServerAddress } from './address';
export { NewerTeamSchemaError, TeamSchemaMissingError, TeamServerAddressError } from './errors';
export { pullEvents, pushEvents, type PushResult } from './events';
export { LATEST_TEAM_VERSION } from './migrations';
export {
  connectTeamServer,
  initTeamSchema,
  requireTeamSchema,
  type TeamSchemaReport,
  type TeamServer,
} from './server';
