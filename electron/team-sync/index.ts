// Background sync with the team server, for the desktop app and the browser console. Plain
// Node: the shell supplies the keychain (credentials.ts's Encryptor), dev:web the environment.
export { DEFAULT_SCHEDULE, nextDelay, type SyncSchedule } from './backoff';
export {
  CredentialsRefusedError,
  openCredentials,
  refusalOf,
  sealCredentials,
  type CredentialKeeper,
  type Encryptor,
  type TeamCredentials,
} from './credentials';
export { environmentCredentials } from './env-credentials';
export { sealedFileCredentials } from './file-credentials';
export {
  createTeamSync,
  type ClaimOutcome,
  type TeamSync,
  type TeamSyncOptions,
  type TeamSyncStatus,
} from './service';
