import type { CaseChange } from '../../../shared/model/case';
import type { CaseStore } from '../core';
import type { Told } from '../../../shared/model/told';
import { writeCase } from './write-case';

/**
 * The console does not send replies; the agent sends one from their mail or ticket tool and
 * marks it sent here. The audit row keeps who, when, the language, the text itself and what it
 * told the customer (outcome, amount, currency, deadline), which a later decision is checked
 * against.
 */
export function markReplySent(
  store: CaseStore,
  request: {
    ref: string;
    /** The revision the reply was written on; absent only for the store's own callers. */
    revision?: number | undefined;
    language: string;
    told: Told;
    body: string;
    agent: string;
  },
): CaseChange {
  // What the customer would be told must count and stand on agreed values: no reply promises
  // a decision waiting for a lead, or one made on a value in conflict.
  const guards = { revision: request.revision, conflicts: 'any', waiting: 'a reply' } as const;
  return writeCase(store, request.ref, guards, () => ({
    action: 'reply.sent',
    actor: request.agent,
    detail: { language: request.language, ...request.told, body: request.body },
  }));
}
