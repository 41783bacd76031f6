import { createHandlers, type Handlers } from '../../electron/api';
import {
  NewerDatabaseError,
  openStoreFromEnv,
  StoreDamagedError,
  type CaseStore,
} from '../../electron/store';
import type { ApiResult } from '../../shared/ipc/contract';
import { stringFlag, UsageError, type ParsedArgs } from '../args';
import { EXIT, type CliIo } from '../io';

/** A failed call, already turned into its exit code: 2 for the caller's input, 1 otherwise. */
export class CommandFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The value of a successful call, or a CommandFailure carrying the API's message. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  const callerError = ['invalid_request', 'not_found', 'conflict'].includes(result.error.code);
  throw new CommandFailure(callerError ? EXIT.badInput : EXIT.failed, result.error.message);
}

export function allowFlags(parsed: ParsedArgs, allowed: readonly string[]): void {
  const unknown = [...parsed.flags.keys()].find((name) => name !== 'db' && !allowed.includes(name));
  if (unknown !== undefined) throw new UsageError(`unknown option --${unknown}`);
}

export interface StoreContext {
  store: CaseStore;
  handlers: Handlers;
}

/**
 * Opens the store named by --db (or REFUND_CONSOLE_DB, or the default), runs the command
 * and closes it again, after any backup that opening started has finished.
 */
export async function withStore(
  command: string,
  parsed: ParsedArgs,
  io: CliIo,
  run: (context: StoreContext) => Promise<number> | number,
): Promise<number> {
  let store: CaseStore;
  try {
    store = openStoreFromEnv({ db: stringFlag(parsed, 'db') });
  } catch (error) {
    if (!(error instanceof NewerDatabaseError || error instanceof StoreDamagedError)) throw error;
    io.stderr(`refund-console ${command}: ${error.message}\n`);
    return EXIT.failed;
  }
  try {
    return await run({ store, handlers: createHandlers(store) });
  } catch (error) {
    if (!(error instanceof CommandFailure)) throw error;
    io.stderr(`refund-console ${command}: ${error.message}\n`);
    return error.exitCode;
  } finally {
    await store.autoBackup;
    store.close();
  }
}
