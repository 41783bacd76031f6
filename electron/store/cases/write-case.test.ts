import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  answerApproval,
  applyTeamEvents,
  assignCase,
  caseKeyOf,
  claimCandidates,
  claimNextCase,
  createCase,
  getCase,
  joinTeam,
  markReplySent,
  recordClaim,
  recordDecision,
  rememberTeamPolicy,
  setStatus,
  updateCaseFields,
  updateFacts,
  verifyAuditWithBackups,
  type CaseStore,
} from '..';
import { sampleCase, tempStore } from '../test-support/temp-store';

// The writes that did not apply every guard before they all went through writeCase: each
// test here failed on the code before it (a write went through on a disputed value, or under
// a decision waiting for a lead).

let env: ReturnType<typeof tempStore>;
beforeEach(() => {
  env = tempStore();
});
afterEach(() => env.cleanup());

const OVERRIDE = { outcome: 'ineligible' as const, justification: 'used the service for a month' };
const inTeam = (name: string, role: 'agent' | 'lead') => {
  joinTeam(env.store, 'mei');
  rememberTeamPolicy(env.store, { member: { name, role }, thresholds: {} });
};
const open = (store: CaseStore) => createCase(store, sampleCase(), 'mei').detail.summary.ref;
const revision = (ref: string) => getCase(env.store, ref).summary.revision;

let seq = 0;
/** Another desktop changed `field` from a value this one never held: a conflict opens here. */
function disputed(ref: string, field: string, remote: unknown) {
  const [kind, name] = field.startsWith('facts.') ? ['facts', field.slice(6)] : ['fields', field];
  const event = {
    seq: ++seq,
    id: randomUUID(),
    desktopId: 'desk-ravi',
    caseKey: caseKeyOf(env.store, Number(ref.slice(3))),
    // A kind this release knows (an unknown one would be held, not applied).
    kind: kind === 'facts' ? 'case.facts' : 'case.fields',
    actor: 'ravi',
    pushedBy: 'ravi',
    body: { [kind]: { [name]: { from: 'something else', to: remote } } },
  };
  expect(applyTeamEvents(env.store, [event])).toEqual([{ kind: 'applied', ref, conflicts: 1 }]);
}

const TOLD = { outcome: 'eligible', amount: 19_900, currency: 'CNY', deadline: null } as const;
const REFUSED_CONFLICT = /changed on two desktops to different values/;
const REFUSED_WAITING = /waiting for a lead's approval/;

describe('every write to a case goes through one guarded path', () => {
  it('refuses a fact edit over a fact in an open conflict, and lets the other facts be edited', () => {
    inTeam('mei', 'agent');
    const ref = open(env.store);
    disputed(ref, 'facts.orderAmount', 25_000);
    const facts = getCase(env.store, ref).facts;
    expect(() =>
      updateFacts(env.store, ref, { ...facts, orderAmount: 30_000 }, 'mei', revision(ref)),
    ).toThrow(REFUSED_CONFLICT);
    const edited = updateFacts(env.store, ref, { ...facts, voucherAmount: 100 }, 'mei', revision(ref));
    expect(edited.detail.facts).toMatchObject({ orderAmount: 19_900, voucherAmount: 100 });
  });

  it('refuses a fact edit under a decision waiting for a lead', () => {
    inTeam('mei', 'agent');
    const ref = open(env.store);
    recordDecision(env.store, { ref, agent: 'mei', override: OVERRIDE });
    const facts = getCase(env.store, ref).facts;
    expect(() =>
      updateFacts(env.store, ref, { ...facts, orderAmount: 30_000 }, 'mei', revision(ref)),
    ).toThrow(REFUSED_WAITING);
    expect(getCase(env.store, ref).facts.orderAmount).toBe(19_900);
  });

  it("refuses an edit of the case's own field in an open conflict", () => {
    inTeam('mei', 'agent');
    const ref = open(env.store);
    disputed(ref, 'customerName', 'Li Wei Ltd');
    expect(() => updateCaseFields(env.store, ref, { customerName: 'Wei Li' }, 'mei', revision(ref))).toThrow(
      REFUSED_CONFLICT,
    );
    expect(getCase(env.store, ref).customer.name).toBe('Li Wei');
  });

  it('refuses assigning or claiming a case whose assignee is in an open conflict', () => {
    inTeam('mei', 'agent');
    const ref = open(env.store);
    disputed(ref, 'assignee', 'ravi');
    expect(() => assignCase(env.store, ref, 'mei', 'mei', revision(ref))).toThrow(REFUSED_CONFLICT);
    expect(() =>
      recordClaim(env.store, { ref, agent: 'mei', eventId: randomUUID(), state: 'provisional' }),
    ).toThrow(REFUSED_CONFLICT);
    expect(getCase(env.store, ref).summary.assignee).toBeNull();
  });

  it('passes a case whose assignee is in an open conflict by when claiming the next one', () => {
    inTeam('mei', 'agent');
    const disputedRef = open(env.store);
    const next = createCase(env.store, sampleCase({ orderId: 'O-2' }), 'mei').detail.summary.ref;
    disputed(disputedRef, 'assignee', 'ravi');
    expect(claimNextCase(env.store, 'mei')?.detail.summary.ref).toBe(next);
    expect(claimCandidates(env.store, [], 5)).toEqual([]);
  });

  it('refuses a status change while the status is in an open conflict', () => {
    inTeam('mei', 'agent');
    const ref = open(env.store);
    disputed(ref, 'status', 'closed');
    expect(() => setStatus(env.store, ref, 'pending_customer', 'mei', revision(ref))).toThrow(
      REFUSED_CONFLICT,
    );
  });

  it("refuses a lead's answer while the case has an open conflict: the grant would count a disputed value", () => {
    inTeam('mei', 'agent');
    const ref = open(env.store);
    recordDecision(env.store, { ref, agent: 'mei', override: OVERRIDE });
    disputed(ref, 'facts.orderAmount', 25_000);
    inTeam('lin', 'lead');
    expect(() => answerApproval(env.store, { ref, lead: 'lin', grant: true })).toThrow(REFUSED_CONFLICT);
    expect(getCase(env.store, ref).decisions[0]!.approval!.state).toBe('waiting');
  });

  it('refuses marking a reply sent while the case has an open conflict', () => {
    inTeam('mei', 'agent');
    const ref = open(env.store);
    recordDecision(env.store, { ref, agent: 'mei' });
    disputed(ref, 'facts.orderAmount', 25_000);
    expect(() =>
      markReplySent(env.store, { ref, language: 'en', told: TOLD, body: 'Refunded.', agent: 'mei' }),
    ).toThrow(REFUSED_CONFLICT);
    expect(verifyAuditWithBackups(env.store).ok).toBe(true);
  });
});
