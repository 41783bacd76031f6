import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LANGUAGES } from '../../../shared/model/languages';
import { OUTCOMES } from '../../../shared/model/decision';
import { describeFirstIssue } from '../../../shared/model/issues';
import { MessageEventSchema } from '../../../shared/model/message';
import { ToldSchema } from '../../../shared/model/told';
import { insertMessage } from '../cases';
import { appendAudit, type CaseStore, formatRef, InvalidInputError } from '../core';
import type { Applied, PulledEvent } from './pulled-event';

// Records another desktop kept with a case: a reply sent, a customer's message and a usage export pasted. The
// event carries them whole, so every desktop's case says what the customer was told and
// which usage the decision read, not only that something happened.

// Replies sent by releases before the amount was kept carry only the outcome.
const ReplySchema = ToldSchema.partial().extend({
  language: z.enum(LANGUAGES),
  outcome: z.enum(OUTCOMES),
  body: z.string().min(1).max(50_000),
});

const UsageSchema = z.object({
  text: z.string().min(1).max(5_000_000),
  saved_at: z.number().int(),
  summary: z.record(z.string(), z.number()),
});

function parsed<T>(schema: z.ZodType<T>, value: unknown, event: PulledEvent): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = describeFirstIssue(result.error, event.kind);
  throw new InvalidInputError(`team event ${event.id}: ${issue.field}: ${issue.message}`);
}

export function appendReply(store: CaseStore, caseId: number, event: PulledEvent, team: object): Applied {
  const reply = parsed(ReplySchema, event.body.reply, event);
  const ref = formatRef(caseId);
  appendAudit(store, { caseRef: ref, action: 'reply.sent', actor: event.actor, detail: { ...reply, team } });
  return { kind: 'applied', ref, conflicts: 0 };
}

/** A customer's message another desktop kept with the case, kept here by the same function. */
export function appendMessage(store: CaseStore, caseId: number, event: PulledEvent, team: object): Applied {
  const message = parsed(MessageEventSchema, event.body.message, event);
  const { audit } = insertMessage(store, caseId, message, event.actor);
  const ref = formatRef(caseId);
  appendAudit(store, { caseRef: ref, ...audit, detail: { ...audit.detail, team } });
  return { kind: 'applied', ref, conflicts: 0 };
}

/** The latest export in the server's order is the case's export, as on the desktop that saved it. */
export function takeUsageExport(store: CaseStore, caseId: number, event: PulledEvent, team: object): Applied {
  const usage = parsed(UsageSchema, event.body.usage, event);
  const ref = formatRef(caseId);
  const before = store.sql('SELECT body FROM usage_exports WHERE case_id = ?').pluck().get(caseId) as
    string | undefined;
  if (before === usage.text) return { kind: 'applied', ref, conflicts: 0 };
  store
    .sql(
      `INSERT INTO usage_exports (case_id, body, saved_at, saved_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at,
         saved_by = excluded.saved_by`,
    )
    .run(caseId, usage.text, usage.saved_at, event.actor);
  appendAudit(store, {
    caseRef: ref,
    action: 'usage.export',
    actor: event.actor,
    detail: {
      characters: usage.text.length,
      sha256: createHash('sha256').update(usage.text).digest('hex'),
      replaced: before !== undefined,
      ...usage.summary,
      team,
    },
  });
  return { kind: 'applied', ref, conflicts: 0 };
}
