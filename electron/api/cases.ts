import {
  accountHistory,
  assignCase,
  type CaseStore,
  casesForOrder,
  claimNextCase,
  createCase,
  currentAgent,
  getCase,
  listCases,
  searchCases,
  setStatus,
  updateCaseFields,
  updateFacts,
} from '../store';
import type { Implementations } from './types';

type CaseMethods =
  | 'cases.create'
  | 'cases.get'
  | 'cases.list'
  | 'cases.search'
  | 'cases.updateFacts'
  | 'cases.updateFields'
  | 'cases.setStatus'
  | 'cases.assign'
  | 'cases.claimNext'
  | 'cases.accountHistory'
  | 'cases.byOrder';

export const caseHandlers = (store: CaseStore): Implementations<CaseMethods> => ({
  // A request naming no agent (an older caller) is attributed to the configured one.
  'cases.create': ({ agent, ...request }) => createCase(store, request, agent ?? currentAgent(store)),
  'cases.get': ({ ref }) => getCase(store, ref),
  'cases.list': (query) => listCases(store, query),
  'cases.search': ({ query, limit }) => ({ items: searchCases(store, query, limit) }),
  'cases.updateFacts': ({ ref, revision, facts, agent, source }) =>
    updateFacts(store, ref, facts, agent, revision, source),
  'cases.updateFields': ({ ref, revision, fields, agent }) =>
    updateCaseFields(store, ref, fields, agent, revision),
  'cases.setStatus': ({ ref, revision, status, agent, reason }) =>
    setStatus(store, ref, status, agent, revision, reason),
  'cases.assign': ({ ref, revision, assignee, agent }) => assignCase(store, ref, assignee, agent, revision),
  'cases.claimNext': ({ agent }) => claimNextCase(store, agent),
  'cases.accountHistory': ({ ref }) => ({ items: accountHistory(store, ref) }),
  'cases.byOrder': ({ orderId }) => ({ items: casesForOrder(store, orderId) }),
});
