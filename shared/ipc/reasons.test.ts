import { describe, expect, it } from 'vitest';
import { REASON_MIN, type ReasonKind, reasonTooShort } from '../model/reasons';
import { api } from './contract';

// The forms check a reason with reasonTooShort before sending; the contract refuses the same
// texts. Both read REASON_MIN, so a form never sends what the contract refuses, nor holds back
// what it takes (spaces around a reason do not count; a CJK character counts as one).

const OUTCOME = { outcome: 'eligible', refundAmount: 100 } as const;
const requests: Record<ReasonKind, (reason: string) => unknown> = {
  override: (justification) =>
    api['decisions.record'].request.safeParse({
      ref: 'RC-000001',
      revision: 1,
      seen: OUTCOME,
      agent: 'mei',
      override: { outcome: 'ineligible', justification },
    }).success,
  duplicateRefund: (justification) =>
    api['decisions.record'].request.safeParse({
      ref: 'RC-000001',
      revision: 1,
      seen: OUTCOME,
      agent: 'mei',
      duplicateRefund: { justification },
    }).success,
  reopen: (reason) =>
    api['cases.setStatus'].request.safeParse({
      ref: 'RC-000001',
      revision: 1,
      status: 'open',
      agent: 'mei',
      reason,
    }).success,
  refusal: (reason) =>
    api['approvals.answer'].request.safeParse({
      ref: 'RC-000001',
      revision: 1,
      decisionId: 1,
      grant: false,
      reason,
      agent: 'lin',
    }).success,
};

describe('the minimum length of each reason', () => {
  for (const kind of Object.keys(REASON_MIN) as ReasonKind[]) {
    it(`is the same for the ${kind} form and the contract`, () => {
      const min = REASON_MIN[kind];
      for (const char of ['a', '退']) {
        const short = `  ${char.repeat(min - 1)}  `;
        const enough = `  ${char.repeat(min)}  `;
        expect([reasonTooShort(kind, short), requests[kind](short)]).toEqual([true, false]);
        expect([reasonTooShort(kind, enough), requests[kind](enough)]).toEqual([false, true]);
      }
    });
  }
});
