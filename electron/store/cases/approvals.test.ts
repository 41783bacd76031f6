import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  answerApproval,
  applyTeamEvents,
  caseKeyOf,
  createCase,
  getCase,
  joinTeam,
  listApprovals,
  listCases,
  markReplySent,
  recordDecision,
  rememberTeamPolicy,
  setStatus,
  verifyAuditWithBackups,
  waitingEvents,
  exportPages,
  exportQuery,
  periodAggregates,
  type CaseStore,
} from '..';
import { EXPORT_COLUMNS, ExportFilterSchema } from '../../../shared/model/export';
import { QueueQuerySchema } from '../../../shared/model/queue';
import { START, sampleCase, tempStore } from '../test-support/temp-store';

const DAY = 86_400_000;

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
});
afterEach(() => env.cleanup());

const OVERRIDE = {
  outcome: 'ineligible' as const,
  justification: 'the customer already used the service for a month',
};
const open = (store: CaseStore, orderId = 'O-1') =>
  createCase(store, sampleCase({ orderId }), 'mei').detail.summary.ref;
const inTeam = (role: 'agent' | 'lead', thresholds: Record<string, number> = {}) => {
  joinTeam(env.store, 'mei');
  rememberTeamPolicy(env.store, { member: { name: role === 'lead' ? 'lin' : 'mei', role }, thresholds });
};
const verified = () => expect(verifyAuditWithBackups(env.store)).toMatchObject({ ok: true, problems: [] });

describe('four-eyes approval', () => {
  it('changes nothing on a single desktop: an override and a large refund count at once', () => {
    const ref = open(env.store);
    rememberTeamPolicy(env.store, { member: { name: 'mei', role: 'agent' }, thresholds: { CNY: 100 } });
    const decided = recordDecision(env.store, { ref, agent: 'mei', override: OVERRIDE }).detail;
    expect(decided.summary).toMatchObject({
      status: 'decided',
      latestOutcome: 'ineligible',
      waitingApproval: false,
    });
    expect(decided.decisions.at(-1)!.approval).toBeNull();
    expect(listApprovals(env.store)).toEqual([]);
    verified();
  });

  it('holds an override in a team: the case keeps its outcome, and nothing is closed, replied or decided on it', () => {
    inTeam('agent');
    const ref = open(env.store);
    const before = getCase(env.store, ref).summary;
    const after = recordDecision(env.store, { ref, agent: 'mei', override: OVERRIDE }).detail;
    expect(after.summary).toMatchObject({
      status: 'open',
      latestOutcome: null,
      windowClosesAt: before.windowClosesAt,
      waitingApproval: true,
    });
    expect(after.decisions.at(-1)!.approval).toMatchObject({
      state: 'waiting',
      override: true,
      threshold: null,
      answers: [],
    });
    expect(listCases(env.store, QueueQuerySchema.parse({})).items[0]).toMatchObject({
      ref,
      waitingApproval: true,
    });
    expect(() => setStatus(env.store, ref, 'closed', 'mei')).toThrow(/waiting for a lead's approval/);
    expect(() =>
      markReplySent(env.store, {
        ref,
        language: 'en',
        told: { outcome: 'eligible', amount: 100, currency: 'CNY', deadline: null },
        body: 'x',
        agent: 'mei',
      }),
    ).toThrow(/waiting for a lead's approval/);
    expect(() => recordDecision(env.store, { ref, agent: 'mei' })).toThrow(/waiting for a lead's approval/);
    // The request travels with the decision, under its key.
    const event = waitingEvents(env.store, 100).find((e) => e.kind === 'decision.record')!;
    expect(event.body.approval).toEqual({
      key: after.decisions.at(-1)!.approval!.key,
      override: true,
      threshold: null,
    });
    verified();
  });

  it('holds a refund above the threshold of its currency, not one at or below it, nor another currency', () => {
    inTeam('agent', { CNY: 19899, USD: 0 });
    const above = recordDecision(env.store, { ref: open(env.store, 'O-1'), agent: 'mei' }).detail;
    expect(above.summary).toMatchObject({ latestOutcome: null, waitingApproval: true });
    expect(above.decisions[0]!.approval).toMatchObject({ override: false, threshold: 19899 });
    rememberTeamPolicy(env.store, { member: { name: 'mei', role: 'agent' }, thresholds: { CNY: 19900 } });
    const at = recordDecision(env.store, { ref: open(env.store, 'O-2'), agent: 'mei' }).detail;
    expect(at.summary).toMatchObject({ latestOutcome: 'eligible', waitingApproval: false });
    expect(listApprovals(env.store).map((item) => [item.ref, item.refundAmount, item.currency])).toEqual([
      [above.summary.ref, 19900, 'CNY'],
    ]);
  });

  it('lets only a lead answer, never for their own decision, and a refusal only with a reason', () => {
    inTeam('agent');
    const ref = open(env.store);
    recordDecision(env.store, { ref, agent: 'mei', override: OVERRIDE });
    expect(() => answerApproval(env.store, { ref, lead: 'lin', grant: true })).toThrow(/Only a lead/);
    rememberTeamPolicy(env.store, { member: { name: 'lin', role: 'lead' }, thresholds: {} });
    expect(() => answerApproval(env.store, { ref, lead: 'mei', grant: true })).toThrow(/four eyes/);
    expect(() => answerApproval(env.store, { ref, lead: 'lin', grant: false, reason: '  ' })).toThrow(
      /refusal needs a reason/,
    );
    expect(getCase(env.store, ref).decisions[0]!.approval!.state).toBe('waiting');
  });

  it('makes a granted decision count, and sends the grant to the team', () => {
    inTeam('agent');
    const ref = open(env.store);
    recordDecision(env.store, { ref, agent: 'mei', override: OVERRIDE });
    inTeam('lead'); // mei's login decided; the lead's login answers
    const granted = answerApproval(env.store, { ref, lead: 'lin', grant: true });
    expect(granted.detail.summary).toMatchObject({
      status: 'decided',
      latestOutcome: 'ineligible',
      waitingApproval: false,
    });
    expect(granted.detail.decisions[0]!.approval).toMatchObject({
      state: 'granted',
      answers: [{ granted: true, lead: 'lin', reason: null }],
    });
    expect(granted.audit[0]).toMatchObject({ action: 'approval.grant', actor: 'lin' });
    const event = waitingEvents(env.store, 100).find((e) => e.kind === 'approval.grant')!;
    expect(event.body.approval).toEqual({ key: granted.detail.decisions[0]!.approval!.key });
    expect(() => answerApproval(env.store, { ref, lead: 'lin', grant: true })).toThrow(/no decision waiting/);
    setStatus(env.store, ref, 'closed', 'mei');
    verified();
  });

  it('leaves a refused decision out, with the reason, and the case to be decided again', () => {
    inTeam('agent');
    const ref = open(env.store);
    recordDecision(env.store, { ref, agent: 'mei', override: OVERRIDE });
    inTeam('lead'); // mei's login decided; the lead's login answers
    const refused = answerApproval(env.store, {
      ref,
      lead: 'lin',
      grant: false,
      reason: 'usage logs show no use',
    }).detail;
    expect(refused.summary).toMatchObject({ status: 'open', latestOutcome: null, waitingApproval: false });
    expect(refused.decisions[0]!.approval).toMatchObject({
      state: 'refused',
      answers: [{ granted: false, lead: 'lin', reason: 'usage logs show no use' }],
    });
    const again = recordDecision(env.store, { ref, agent: 'mei' }).detail;
    expect(again.summary).toMatchObject({ latestOutcome: 'eligible', waitingApproval: false });
    verified();
  });

  it('leaves a waiting decision out of exports and period figures, and says it waits', () => {
    inTeam('agent');
    const ref = open(env.store);
    recordDecision(env.store, { ref, agent: 'mei', override: OVERRIDE });
    inTeam('lead'); // mei's login decided; the lead's login answers
    const columns = [...EXPORT_COLUMNS];
    const rows = () =>
      [...exportPages(env.store, exportQuery(ExportFilterSchema.parse({ dates: 'created' }), 'iso'), 10)]
        .flat()
        .map((row) => Object.fromEntries(columns.map((name, index) => [name, row[index]])));
    expect(rows()).toEqual([
      expect.objectContaining({ ref, outcome: null, agent: null, approval: 'waiting' }),
    ]);
    const period = { from: START - DAY, to: START + DAY };
    expect(periodAggregates(env.store, period).decidedCases).toBe(0);
    answerApproval(env.store, { ref, lead: 'lin', grant: true });
    expect(rows()).toEqual([
      expect.objectContaining({
        ref,
        outcome: 'ineligible',
        overridden: 'true',
        agent: 'mei',
        approval: null,
      }),
    ]);
    expect(periodAggregates(env.store, period)).toMatchObject({
      decidedCases: 1,
      byOutcome: [{ key: 'ineligible', n: 1 }],
    });
  });

  it('lets a refusal outweigh a grant whichever arrives first, so desktops that saw them apart agree', () => {
    inTeam('agent');
    const answer = (ref: string, kind: 'approval.grant' | 'approval.refuse', seq: number) => {
      const caseId = Number(ref.slice(3));
      const detail = getCase(env.store, ref);
      const event = {
        seq,
        id: randomUUID(),
        desktopId: 'lead-desk',
        caseKey: caseKeyOf(env.store, caseId),
        kind,
        actor: kind === 'approval.grant' ? 'lin' : 'zoe',
        body: { approval: { key: detail.decisions[0]!.approval!.key, reason: 'not this one' } },
        pushedBy: 'lead',
      };
      expect(applyTeamEvents(env.store, [event])).toEqual([{ kind: 'applied', ref, conflicts: 0 }]);
      return getCase(env.store, ref);
    };
    const grantFirst = open(env.store, 'O-1');
    recordDecision(env.store, { ref: grantFirst, agent: 'mei', override: OVERRIDE });
    expect(answer(grantFirst, 'approval.grant', 1).summary).toMatchObject({
      latestOutcome: 'ineligible',
      status: 'decided',
    });
    const reverted = answer(grantFirst, 'approval.refuse', 2);
    expect(reverted.summary).toMatchObject({ latestOutcome: null, status: 'open', waitingApproval: false });
    const refuseFirst = open(env.store, 'O-2');
    recordDecision(env.store, { ref: refuseFirst, agent: 'mei', override: OVERRIDE });
    answer(refuseFirst, 'approval.refuse', 3);
    const after = answer(refuseFirst, 'approval.grant', 4);
    expect(after.summary).toMatchObject({ latestOutcome: null, status: 'open' });
    for (const detail of [reverted, after]) {
      expect(detail.decisions[0]!.approval!.state).toBe('refused');
      expect(detail.decisions[0]!.approval!.answers.map((a) => a.lead).sort()).toEqual(['lin', 'zoe']);
    }
    verified();
  });

  it('finds an approval request changed outside the console', () => {
    inTeam('agent');
    const ref = open(env.store);
    recordDecision(env.store, { ref, agent: 'mei', override: OVERRIDE });
    env.store.db.prepare("UPDATE approval_requests SET state = 'granted'").run();
    expect(verifyAuditWithBackups(env.store).problems).toContainEqual(
      expect.stringMatching(/approval request of decision 1 differs/),
    );
  });
});
