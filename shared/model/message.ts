import { z } from 'zod';

/** The longest customer message kept with a case, in characters: a mail's text, never its attachments. */
export const MAX_MESSAGE_CHARACTERS = 200_000;

/** A customer's message kept with a case, as the agent read it. */
export const CaseMessageSchema = z.object({
  id: z.number().int(),
  /** For a mail: its From, Date and Subject lines, a blank line, then its text. */
  text: z.string(),
  subject: z.string().nullable(),
  from: z.string().nullable(),
  fileName: z.string().nullable(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type CaseMessage = z.infer<typeof CaseMessageSchema>;

/** A message as it arrives, before it is kept: already decoded to text (see electron/services/message). */
export interface NewMessage {
  text: string;
  subject: string | null;
  from: string | null;
  fileName: string | null;
}

/**
 * Who a message's From line names, to suggest as the customer of a case opened from it: the
 * display name ("王磊 <wanglei@example.cn>" → 王磊), else the address itself.
 */
export function senderName(from: string | null): string {
  if (from === null) return '';
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(from);
  if (named === null) return from.trim();
  return named[1]!.trim() || named[2]!.trim();
}

/**
 * A message as a team event carries it to the other desktops (`message.add`): the message
 * whole, as the desktop that kept it read it, and when it was kept (ms since the epoch).
 */
export const MessageEventSchema = z.strictObject({
  text: z.string().min(1).max(MAX_MESSAGE_CHARACTERS),
  subject: z.string().nullable(),
  from: z.string().nullable(),
  fileName: z.string().nullable(),
  addedAt: z.number().int(),
});
export type MessageEvent = z.infer<typeof MessageEventSchema>;
