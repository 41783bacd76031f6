import { type CaseStore, recordDecision } from '../store';
import type { Implementations } from './types';

export const decisionHandlers = (store: CaseStore): Implementations<'decisions.record'> => ({
  'decisions.record': (request) => recordDecision(store, request),
});
