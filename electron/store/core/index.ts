// The core room's face (connection, migrations, rows, errors, the audit chain and the change log): what leaves the room goes through here.
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
export { auditHead, listAudit } from './audit';
export { formatRef, parseRef } from './refs';
/** For benchmarks that build the store's bare schema beside it. */
export { migrate } from './connection';
export {
  caseKeyOf,
  countWaiting,
  joinTeam,
  markPushed,
  teamDesktopId,
  waitingEvents,
  type OutboxEvent,
} from './team-outbox';
export { timeOrderedId } from './time-ordered-id';
