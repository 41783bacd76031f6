/**
 * The exit codes, one per kind of failure, so a script can tell "the answer is no" from "you
 * called it wrong" from "the store cannot be used" without reading the message.
 */
export const EXIT = {
  ok: 0,
  /** A check ran and failed (the audit trail does not match). */
  checkFailed: 1,
  /** The arguments or the input file are wrong. */
  badInput: 2,
  /** The case store is damaged, locked, newer than this version, or unreadable; or the team server is. */
  storeUnusable: 3,
  /** The CLI itself failed: not built, or a bug. */
  internal: 70,
} as const;

/** A failure the CLI expects and explains in one line; `main()` prints it and exits with its code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The call itself is wrong: unknown option, missing argument. The message points at --help. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(EXIT.badInput, message);
  }
}

/** The input is wrong: unreadable file, invalid JSON, facts that fail the schema, no such case. */
export class BadInputError extends CliError {
  constructor(message: string) {
    super(EXIT.badInput, message);
  }
}

export class CheckFailedError extends CliError {
  constructor(message: string) {
    super(EXIT.checkFailed, message);
  }
}

export class StoreUnusableError extends CliError {
  constructor(message: string) {
    super(EXIT.storeUnusable, message);
  }
}

/** An error the code did not expect; shown as one line, with the stack only when debugging. */
export class InternalError extends CliError {
  constructor(message: string) {
    super(EXIT.internal, message);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
