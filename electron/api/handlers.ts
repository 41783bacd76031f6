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
import { fail, toFailure } from './failures';
import type { ImportHandlerOptions, ImportMethods } from './import';
import { noteHandlers } from './notes';
import { policyHandlers } from './policy';
import { replyHandlers } from './replies';
import { settingsHandlers } from './settings';
import type { TeamHandlerOptions, TeamMethods } from './team';
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

/** The methods of one domain: their names begin with the domain's (`team.`, `imports.` …). */
const methodsOf = <Ms extends MethodName>(...prefixes: string[]) =>
  METHOD_NAMES.filter((method) => prefixes.some((prefix) => method.startsWith(prefix))) as Ms[];

/**
 * A domain whose modules load on its first call, so a command that never syncs or imports does
 * not load pg, the team sync, the CSV and mail parsers or the printer (the CLI's start-up:
 * bench/README.md).
 */
function lazyDomain<Ms extends MethodName>(
  methods: readonly Ms[],
  load: () => Promise<Implementations<Ms>>,
): Implementations<Ms> {
  let loaded: Promise<Implementations<Ms>> | undefined;
  const call = (method: Ms) => async (request: unknown) => {
    loaded ??= load();
    return ((await loaded)[method] as (request: unknown) => unknown)(request);
  };
  return Object.fromEntries(methods.map((method) => [method, call(method)])) as Implementations<Ms>;
}

export function createHandlers(store: CaseStore, options: HandlerOptions = {}): Handlers {
  const implementations: Implementations<MethodName> = {
    ...caseHandlers(store),
    ...decisionHandlers(store),
    ...noteHandlers(store),
    ...draftHandlers(store),
    ...auditHandlers(store),
    ...settingsHandlers(store),
    ...backupHandlers(store),
    ...lazyDomain(methodsOf<ImportMethods>('imports.', 'importMappings.'), () =>
      import('./import').then(({ importHandlers }) => importHandlers(store, options)),
    ),
    ...lazyDomain(methodsOf<'exports.write' | 'exports.download'>('exports.'), () =>
      import('./export').then(({ exportHandlers }) => exportHandlers(store)),
    ),
    ...policyHandlers(store),
    ...lazyDomain(methodsOf<'reports.case' | 'reports.period'>('reports.'), () =>
      import('./reports').then(({ reportHandlers }) => reportHandlers(store)),
    ),
    ...viewHandlers(store),
    ...replyHandlers(store),
    ...usageHandlers(store),
    ...lazyDomain(methodsOf<TeamMethods>('team.'), () =>
      import('./team').then(({ teamHandlers }) => teamHandlers(store, options)),
    ),
    ...dashboardHandlers(store),
    ...approvalHandlers(store),
    ...lazyDomain(methodsOf<'messages.list' | 'messages.add'>('messages.'), () =>
      import('./messages').then(({ messageHandlers }) => messageHandlers(store)),
    ),
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
