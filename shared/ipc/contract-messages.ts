import { z } from 'zod';
import type { ProposalFact } from '../extract';
import { FACT_KEYS } from '../model/catalogue';
import { CaseRefSchema } from '../model/case';
import { CaseMessageSchema, MAX_MESSAGE_CHARACTERS } from '../model/message';
import { agentName, method } from './method';

/** A fact read from a message (shared/extract): for the agent to accept or reject, never applied by itself. */
export const ProposalSchema = z.object({
  fact: z.enum(['orderId', ...FACT_KEYS] as [ProposalFact, ...ProposalFact[]]),
  value: z.union([z.string(), z.number(), z.boolean()]),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  assumed: z.literal('policyZone').optional(),
});

export const MessageWithProposalsSchema = CaseMessageSchema.extend({ proposals: z.array(ProposalSchema) });
export type MessageWithProposals = z.infer<typeof MessageWithProposalsSchema>;

/** A dropped file's bytes travel as base64: a mail's charset is read from the mail itself. */
const MAX_FILE_BASE64 = Math.ceil((5 * 1024 * 1024 * 4) / 3);

/** A message as the agent gives it: pasted text or a dropped .eml/.txt file, never both. */
const messageInput = {
  text: z.string().max(MAX_MESSAGE_CHARACTERS).optional(),
  file: z
    .strictObject({ name: z.string().trim().min(1).max(255), data: z.base64().max(MAX_FILE_BASE64) })
    .optional(),
};
const oneOfTextOrFile: [(request: { text?: string; file?: unknown }) => boolean, z.core.$ZodCustomParams] = [
  (request) => (request.text === undefined) !== (request.file === undefined),
  { error: 'give either the pasted text or the file', path: ['text'] },
];

/** A message read but not kept: what a message dropped on the queue says before its case exists. */
export const ReadMessageSchema = z.object({
  text: z.string(),
  subject: z.string().nullable(),
  from: z.string().nullable(),
  proposals: z.array(ProposalSchema),
});
export type ReadMessage = z.infer<typeof ReadMessageSchema>;

/**
 * The customer's messages in a case: spread into the API table in contract.ts. The facts an
 * agent accepts from one are written by cases.updateFacts with the message as `source`.
 */
export const messageMethods = {
  /** The case's messages, oldest first, each with the facts proposed from it. */
  'messages.list': method(
    z.strictObject({ ref: CaseRefSchema }),
    z.object({ items: z.array(MessageWithProposalsSchema) }),
  ),
  /** Keeps a pasted text or a dropped .eml/.txt file with the case, audited. */
  'messages.add': method(
    z.strictObject({ ref: CaseRefSchema, ...messageInput, agent: agentName }).refine(...oneOfTextOrFile),
    MessageWithProposalsSchema,
  ),
  /**
   * Reads a message without keeping it: a message dropped on the queue fills in the new case's
   * form, and is kept (messages.add) once the agent has opened the case.
   */
  'messages.read': method(z.strictObject(messageInput).refine(...oneOfTextOrFile), ReadMessageSchema),
};
