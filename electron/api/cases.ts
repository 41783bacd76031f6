import {
  type CaseStore,
  createCase,
  currentAgent,
  getCase,
  listCases,
  searchCases,
  setStatus,
  updateFacts,
} from '../store';
import type { Implementations } from './types';

type CaseMethods =
  'cases.create' | 'cases.get' | 'cases.list' | 'cases.search' | 'cases.updateFacts' | 'cases.setStatus';

export const caseHandlers = (store: CaseStore): Implementations<CaseMethods> => ({
  // The contract's NewCase carries no agent, so a new case is attributed to the configured one.
  'cases.create': (request) => createCase(store, request, currentAgent(store)),
  'cases.get': ({ ref }) => getCase(store, ref),
  'cases.list': (query) => listCases(store, query),
  'cases.search': ({ query, limit }) => ({ items: searchCases(store, query, limit) }),
  'cases.updateFacts': ({ ref, revision, facts, agent }) => updateFacts(store, ref, facts, agent, revision),
  'cases.setStatus': ({ ref, revision, status, agent }) => setStatus(store, ref, status, agent, revision),
});
