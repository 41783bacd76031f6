import { createHandlers, type Handlers } from '../../electron/api';
import type { CaseStore } from '../../electron/store';
import type { ApiResult } from '../../shared/ipc/contract';
import { BadInputError, InternalError, StoreUnusableError } from '../errors';
import { withOpenStore } from './store-session';

export interface StoreContext {
  store: CaseStore;
  handlers: Handlers;
}

/** The value of a successful call; a failure becomes the CliError of its exit code. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  const { code, message } = result.error;
  if (code === 'store_unavailable') throw new StoreUnusableError(message);
  if (code === 'internal') throw new InternalError(message);
  throw new BadInputError(message);
}

/** withOpenStore with the API's handler table over the store (what most commands call). */
export function withStore(
  options: { db: string | undefined; newStore: boolean },
  run: (context: StoreContext) => Promise<void>,
  flags: { allowDamaged?: boolean } = {},
): Promise<void> {
  return withOpenStore(options, (store) => run({ store, handlers: createHandlers(store) }), flags);
}
