/** A case, note or backup that does not exist. Handlers answer `not_found`. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** Input that passed the schema but not the rules' own checks (e.g. requestedAt before paidAt). */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}

/** A request that is well-formed but not allowed in the case's current state. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/**
 * The store cannot be used as it is (damaged, newer, locked by another process, replaced,
 * missing beside its backups, read-only). The message says what to do; the CLI exits 3.
 */
export class StoreUnusableError extends Error {
  override readonly name: string = 'StoreUnusableError';
}

/**
 * A case whose rows differ from what its audit trail recorded (edited outside the console, or a
 * flipped bit): it is not shown as it stands, so altered money never reaches an agent.
 */
export class CaseAlteredError extends StoreUnusableError {
  override readonly name = 'CaseAlteredError';
  constructor(
    readonly ref: string,
    readonly altered: readonly string[],
  ) {
    super(
      `${ref}: this case's stored data does not match its audit trail (${altered.join(', ')}). ` +
        'Run verify-audit, and restore the newest good backup.',
    );
  }
}

/**
 * The file failed its integrity check or cannot be read as a database. Writes are refused so
 * nothing is built on top of damage; the message names the backup to restore from.
 */
export class StoreDamagedError extends StoreUnusableError {
  override readonly name = 'StoreDamagedError';
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly newestGoodBackup: string | null,
  ) {
    // SQLite's own report can span lines ("*** in database main ***\nTree 21 …"); the message
    // is one line wherever it is shown.
    super(
      `The case store ${file} is damaged (${problem.replace(/\s*\n\s*/g, ' ')}); changes are refused. ` +
        (newestGoodBackup === null
          ? 'No good backup was found; keep the file and ask for help recovering it.'
          : `Restore the newest good backup: refund-console restore ${newestGoodBackup}`),
    );
  }
}

/** The file was written by a newer version of the app; it is left exactly as it was. */
export class NewerDatabaseError extends StoreUnusableError {
  override readonly name = 'NewerDatabaseError';
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `The case store ${file} has schema version ${fileVersion}, newer than this app understands ` +
        `(${appVersion}). Update Refund Console to open it; the file was not changed.`,
    );
  }
}

/** Who holds a store, as a refused opener reports it. */
export interface LockHolder {
  pid: number;
  command: string;
  host: string;
  since: string;
}

const describeHolder = (holder: LockHolder | null) =>
  holder === null
    ? 'another process'
    : `process ${holder.pid} on ${holder.host} (${holder.command}), since ${holder.since}`;

/** Another process owns the store; nothing was read or written. */
export class StoreLockedError extends StoreUnusableError {
  override readonly name = 'StoreLockedError';
  constructor(
    readonly file: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      `The case store ${file} is in use by ${describeHolder(holder)}. ` +
        'Close that program (or wait for it to finish) and try again.',
    );
  }
}

/**
 * The file this process opened is no longer the one at its path (replaced, moved or
 * deleted by someone else): writing on would put acknowledged changes where nobody reads them.
 */
export class StoreReplacedError extends StoreUnusableError {
  override readonly name = 'StoreReplacedError';
  constructor(readonly file: string) {
    super(
      `The case store ${file} was replaced or removed by another program while this one had it open; ` +
        'changes are refused. Close this program and open the store again.',
    );
  }
}

/**
 * The store file is gone or empty while traces of it remain (backups, audit anchors, a file
 * kept by a restore): a new empty store there would silently start over and reuse refs.
 */
export class StoreMissingError extends StoreUnusableError {
  override readonly name = 'StoreMissingError';
  constructor(
    readonly file: string,
    readonly state: 'missing' | 'empty',
    readonly newestGoodBackup: string | null,
  ) {
    super(
      `The case store ${file} is ${state}, but backups or audit anchors of it exist. ` +
        (newestGoodBackup === null
          ? 'No good backup was found; look for the file before starting a new store.'
          : `Restore the newest good backup: refund-console --db ${file} restore ${newestGoodBackup}.`) +
        ' To start a new, empty store there anyway, open it with --new-store.',
    );
  }
}

/** The store file or its folder cannot be written (the lock, WAL and backups live beside it). */
export class StoreReadOnlyError extends StoreUnusableError {
  override readonly name = 'StoreReadOnlyError';
  constructor(readonly path: string) {
    super(`${path} is read-only; the case store needs to write it. Make it writable and try again.`);
  }
}
