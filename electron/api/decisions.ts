import { recordDecision } from '../store/decisions';
import type { CaseStore } from '../store/store';
import type { Implementations } from './types';

export const decisionHandlers = (store: CaseStore): Implementations<'decisions.record'> => ({
  'decisions.record': (request) => recordDecision(store, request),
});
