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
 * The file failed its integrity check or cannot be read as a database. Writes are refused so
 * nothing is built on top of damage; the message names the backup to restore from.
 */
export class StoreDamagedError extends Error {
  override readonly name = 'StoreDamagedError';
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly newestGoodBackup: string | null,
  ) {
    super(
      `The case store ${file} is damaged (${problem}); changes are refused. ` +
        (newestGoodBackup === null
          ? 'No good backup was found; keep the file and ask for help recovering it.'
          : `Restore the newest good backup: refund-console restore ${newestGoodBackup}`),
    );
  }
}

/** The file was written by a newer version of the app; it is left exactly as it was. */
export class NewerDatabaseError extends Error {
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
