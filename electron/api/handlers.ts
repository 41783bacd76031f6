import {
  api,
  isMethodName,
  METHOD_NAMES,
  type ApiResult,
  type ErrorCode,
  type MethodName,
  type ResponseOf,
} from '../../shared/ipc/contract';
import { describeFirstIssue } from '../../shared/model/issues';
import {
  type CaseStore,
  ConflictError,
  InvalidInputError,
  noteDamage,
  NotFoundError,
  StoreUnusableError,
} from '../store';
import { auditHandlers } from './audit';
import { backupHandlers } from './backups';
import { caseHandlers } from './cases';
import { decisionHandlers } from './decisions';
import { draftHandlers } from './drafts';
import { exportHandlers } from './export';
import { importHandlers } from './import';
import { noteHandlers } from './notes';
import { policyHandlers } from './policy';
import { settingsHandlers } from './settings';
import type { Implementations } from './types';

/** The table both transports (Electron IPC, loopback HTTP) and the CLI call. */
export type Handlers = { [M in MethodName]: Handler<M> };

const fail = (code: ErrorCode, message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});

// SQLite's own codes for a file it cannot use right now (corruption is named apart, below).
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|READONLY|FULL)/;

function toFailure(store: CaseStore, error: unknown): ApiResult<never> {
  if (error instanceof InvalidInputError) return fail('invalid_request', error.message);
  if (error instanceof NotFoundError) return fail('not_found', error.message);
  if (error instanceof ConflictError) return fail('conflict', error.message);
  if (error instanceof StoreUnusableError) return fail('store_unavailable', error.message);
  // Corruption met at any read, not only at open: the store is marked damaged and the
  // message names the backup to restore.
  const damage = noteDamage(store, error);
  if (damage !== null) return fail('store_unavailable', damage.message);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE.test(code)) {
    return fail('store_unavailable', `the case store cannot be used right now (${code})`);
  }
  // Internal details (SQL, paths, stacks) stay in the log, not in the renderer.
  console.error('refund-console: internal error in a handler', error);
  return fail('internal', 'Something went wrong inside the console; the details are in its log.');
}

type Handler<M extends MethodName> = (payload: unknown) => Promise<ApiResult<ResponseOf<M>>>;

function handle<M extends MethodName>(
  store: CaseStore,
  method: M,
  implement: Implementations<M>[M],
): Handler<M> {
  return async (payload: unknown): Promise<ApiResult<ResponseOf<M>>> => {
    const parsed = api[method].request.safeParse(payload);
    if (!parsed.success) {
      const { field, message } = describeFirstIssue(parsed.error, 'payload');
      return fail('invalid_request', `${field}: ${message}`);
    }
    try {
      const run = implement as (request: unknown) => ResponseOf<M> | Promise<ResponseOf<M>>;
      return { ok: true, value: await run(parsed.data) };
    } catch (error) {
      return toFailure(store, error);
    }
  };
}

export function createHandlers(store: CaseStore): Handlers {
  const implementations: Implementations<MethodName> = {
    ...caseHandlers(store),
    ...decisionHandlers(store),
    ...noteHandlers(store),
    ...draftHandlers(store),
    ...auditHandlers(store),
    ...settingsHandlers(store),
    ...backupHandlers(store),
    ...importHandlers(store),
    ...exportHandlers(store),
    ...policyHandlers(store),
  };
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [method, handle(store, method, implementations[method])]),
  ) as Handlers;
}

/** Calls a method by name, as a transport receives it; an unknown name is a bad request. */
export function dispatch(handlers: Handlers, method: string, payload: unknown): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) return Promise.resolve(fail('invalid_request', `unknown method "${method}"`));
  return handlers[method](payload);
}
