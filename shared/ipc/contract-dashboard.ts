import { DashboardFiguresSchema, DashboardQuerySchema } from '../model/dashboard';
import { method } from './method';

/** The lead's dashboard: a period's figures from the per-day aggregates. Read-only. */
export const dashboardMethods = {
  'dashboard.figures': method(DashboardQuerySchema, DashboardFiguresSchema),
} as const;
