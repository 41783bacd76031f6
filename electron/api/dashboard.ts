import { dashboardFigures, type CaseStore } from '../store';
import type { Implementations } from './types';

export const dashboardHandlers = (store: CaseStore): Implementations<'dashboard.figures'> => ({
  'dashboard.figures': (query) => dashboardFigures(store, query),
});
