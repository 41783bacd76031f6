import initial from './001-initial';
import queueByStatus from './002-queue-by-status';
import caseRevision from './003-case-revision';
import casesByOrderId from './004-cases-by-order-id';
import cjkSearch from './005-cjk-search';
import teamSync from './006-team-sync';
import decisionsByTime from './007-decisions-by-time';
import caseLifecycle from './008-case-lifecycle';
import savedViews from './009-saved-views';
import usageExports from './010-usage-exports';
import replyTemplates from './011-reply-templates';
import dayFigures from './012-day-figures';
import decisionApprovals from './013-decision-approvals';
import settledClaims from './014-settled-claims';
import teamParked from './015-team-parked';
import caseMessages from './016-case-messages';
import decisionOfRecord from './017-decision-of-record';
import dropOverrideDays from './018-drop-override-days';
import teamEvents from './019-team-events';
import type { Migration } from './types';

/** Every migration in order; a new one is a new file plus one line here. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  queueByStatus,
  caseRevision,
  casesByOrderId,
  cjkSearch,
  teamSync,
  decisionsByTime,
  caseLifecycle,
  savedViews,
  usageExports,
  replyTemplates,
  dayFigures,
  decisionApprovals,
  settledClaims,
  teamParked,
  caseMessages,
  decisionOfRecord,
  dropOverrideDays,
  teamEvents,
];

export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;
export type { Migration };
