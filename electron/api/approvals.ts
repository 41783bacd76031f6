import {
  answerApproval,
  approvalThresholds,
  listApprovals,
  teamDesktopId,
  teamMember,
  type CaseStore,
} from '../store';
import type { Implementations } from './types';

export const approvalHandlers = (
  store: CaseStore,
): Implementations<'approvals.list' | 'approvals.answer'> => ({
  'approvals.list': ({ state }) => ({
    team: teamDesktopId(store) !== null,
    member: teamMember(store),
    thresholds: approvalThresholds(store),
    items: listApprovals(store, state),
  }),
  'approvals.answer': ({ ref, revision, decisionId, grant, reason, agent }) =>
    answerApproval(store, { ref, revision, decisionId, grant, reason, lead: agent }),
});
