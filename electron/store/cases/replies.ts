import type { CaseChange } from '../../../shared/model/case';
import type { Told } from '../../../shared/model/told';
import { requireNothingWaiting } from './approval-reads';
import { appendAudit, type CaseStore, requireCase } from '../core';
import { changeOf } from './case-detail';

/**
 * The console does not send replies; the agent sends one from their mail or ticket tool and
 * marks it sent here. The audit row keeps who, when, the language, the text itself and what it
 * told the customer (outcome, amount, currency, deadline), which a later decision is checked
 * against.
 */
export function markReplySent(
  store: CaseStore,
  request: { ref: string; language: string; told: Told; body: string; agent: string },
): CaseChange {
  return store.write(() => {
    const row = requireCase(store, request.ref);
    // What the customer would be told does not count yet: no reply promises it.
    requireNothingWaiting(store, request.ref, row.id, 'a reply');
    const audit = appendAudit(store, {
      caseRef: request.ref,
      action: 'reply.sent',
      actor: request.agent,
      detail: { language: request.language, ...request.told, body: request.body },
    });
    return changeOf(store, request.ref, [audit]);
  });
}
