import {
  api,
  isMethodName,
  METHOD_NAMES,
  type ApiResult,
  type MethodName,
  type ResponseOf,
} from '../../shared/ipc/contract';
import { describeFirstIssue } from '../../shared/model/issues';
import type { CaseStore } from '../store';
import { approvalHandlers } from './approvals';
import { auditHandlers } from './audit';
import { backupHandlers } from './backups';
import { caseHandlers } from './cases';
import { decisionHandlers } from './decisions';
import { dashboardHandlers } from './dashboard';
import { draftHandlers } from './drafts';
import { exportHandlers } from './export';
import { fail, toFailure } from './failures';
import { importHandlers, type ImportHandlerOptions } from './import';
import { messageHandlers } from './messages';
import { noteHandlers } from './notes';
import { policyHandlers } from './policy';
import { reportHandlers } from './reports';
import { replyHandlers } from './replies';
import { settingsHandlers } from './settings';
import { teamHandlers, type TeamHandlerOptions } from './team';
import { usageHandlers } from './usage';
import type { Implementations } from './types';
import { viewHandlers } from './views';

/** The table both transports (Electron IPC, loopback HTTP) and the CLI call. */
export type Handlers = { [M in MethodName]: Handler<M> };

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

export type HandlerOptions = ImportHandlerOptions & TeamHandlerOptions;

export function createHandlers(store: CaseStore, options: HandlerOptions = {}): Handlers {
  const implementations: Implementations<MethodName> = {
    ...caseHandlers(store),
    ...decisionHandlers(store),
    ...noteHandlers(store),
    ...draftHandlers(store),
    ...auditHandlers(store),
    ...settingsHandlers(store),
    ...backupHandlers(store),
    ...importHandlers(store, options),
    ...exportHandlers(store),
    ...policyHandlers(store),
    ...reportHandlers(store),
    ...viewHandlers(store),
    ...replyHandlers(store),
    ...usageHandlers(store),
    ...teamHandlers(store, options),
    ...dashboardHandlers(store),
    ...approvalHandlers(store),
    ...messageHandlers(store),
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
