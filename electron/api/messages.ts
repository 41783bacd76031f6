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

export const messageHandlers = (store: CaseStore): Implementations<'messages.list' | 'messages.add'> => ({
  'messages.list': ({ ref }) => ({ items: listMessages(store, ref).map(withProposals) }),
  'messages.add': async ({ ref, text, file, agent }) => {
    const bytes = file === undefined ? new TextEncoder().encode(text) : Buffer.from(file.data, 'base64');
    let read;
    try {
      read = await readMessage(bytes, file?.name);
    } catch (error) {
      if (error instanceof MessageFormatError) throw new InvalidInputError(error.message);
      throw error;
    }
    return withProposals(addMessage(store, ref, { ...read, fileName: file?.name ?? null }, agent));
  },
});
