import type { MessageWithProposals } from '../../shared/ipc/contract-messages';
import { extractProposals } from '../../shared/extract';
import type { CaseMessage } from '../../shared/model/message';
import { MessageFormatError, readMessage } from '../services/message';
import { addMessage, type CaseStore, InvalidInputError, listMessages } from '../store';
import type { Implementations } from './types';

// Proposals are read again at each listing, so an improved extractor improves old messages too;
// what an agent accepted is already in the facts and the audit trail.
const withProposals = (message: CaseMessage): MessageWithProposals => ({
  ...message,
  proposals: extractProposals(message.text),
});

/** Decodes pasted text or a file's bytes (a mail by its own charset); a malformed one is the agent's to fix. */
async function decode(text: string | undefined, file: { name: string; data: string } | undefined) {
  const bytes = file === undefined ? new TextEncoder().encode(text) : Buffer.from(file.data, 'base64');
  try {
    return await readMessage(bytes, file?.name);
  } catch (error) {
    if (error instanceof MessageFormatError) throw new InvalidInputError(error.message);
    throw error;
  }
}

export const messageHandlers = (
  store: CaseStore,
): Implementations<'messages.list' | 'messages.add' | 'messages.read'> => ({
  'messages.list': ({ ref }) => ({ items: listMessages(store, ref).map(withProposals) }),
  'messages.add': async ({ ref, text, file, agent }) => {
    const read = await decode(text, file);
    return withProposals(addMessage(store, ref, { ...read, fileName: file?.name ?? null }, agent));
  },
  'messages.read': async ({ text, file }) => {
    const read = await decode(text, file);
    if (read.text.trim() === '') throw new InvalidInputError('the message is empty');
    return {
      text: read.text,
      subject: read.subject,
      from: read.from,
      proposals: extractProposals(read.text),
    };
  },
});
