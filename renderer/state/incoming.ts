import { create } from 'zustand';
import type { ReadMessage } from '../../shared/ipc/contract-messages';
import { api, call } from '../api/client';
import { useRoute } from './route';
import { useUi } from './ui';

/** A message as the agent gave it: pasted text or a dropped file's bytes (base64). */
export type MessageInput = { text: string } | { file: { name: string; data: string } };

interface IncomingState {
  /** A message dropped or pasted on the queue, waiting for the case the agent opens from it. */
  pending: { input: MessageInput; read: ReadMessage } | null;
  receive(input: MessageInput): Promise<void>;
  clear(): void;
}

/** A file's bytes as base64, for the API to decode a mail by its own charset. */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function inputOfFile(file: File): Promise<MessageInput> {
  return { file: { name: file.name, data: await base64Of(file) } };
}

/**
 * A message given on the queue opens a new case: it is read (not kept) to fill in the form,
 * and kept with the case once the agent creates it, where its facts are proposed.
 */
export const useIncoming = create<IncomingState>((set) => ({
  pending: null,
  receive: async (input) => {
    try {
      const read = await call(api['messages.read'](input));
      set({ pending: { input, read } });
      useRoute.getState().go({ name: 'new' });
    } catch (error) {
      useUi.getState().notify((error as Error).message, 'error');
    }
  },
  clear: () => set({ pending: null }),
}));
