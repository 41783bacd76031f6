import type { ApiResult, ErrorCode } from '../../shared/ipc/contract';
import {
  type CaseStore,
  ConflictError,
  InvalidInputError,
  noteDamage,
  NotFoundError,
  sqliteTrouble,
  StoreUnusableError,
} from '../store';

export const fail = (code: ErrorCode, message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});

export function toFailure(store: CaseStore, error: unknown): ApiResult<never> {
  if (error instanceof InvalidInputError) return fail('invalid_request', error.message);
  if (error instanceof NotFoundError) return fail('not_found', error.message);
  if (error instanceof ConflictError) return fail('conflict', error.message);
  if (error instanceof StoreUnusableError) return fail('store_unavailable', error.message);
  // Corruption met at any read, not only at open: the store is marked damaged and the
  // message names the backup to restore.
  const damage = noteDamage(store, error);
  if (damage !== null) return fail('store_unavailable', damage.message);
  if (sqliteTrouble(error) === 'unavailable') {
    const { code } = error as { code: string };
    return fail('store_unavailable', `the case store cannot be used right now (${code})`);
  }
  // Internal details (SQL, paths, stacks) stay in the log, not in the renderer.
  console.error('refund-console: internal error in a handler', error);
  return fail('internal', 'Something went wrong inside the console; the details are in its log.');
}
