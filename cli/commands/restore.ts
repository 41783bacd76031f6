import { resolve } from 'node:path';
import { currentAgent, InvalidInputError, restoreBackup } from '../../electron/store';
import { defineCommand } from '../command';
import { BadInputError } from '../errors';
import { withStore } from './with-store';

/** Replaces the store with a verified backup, keeping the replaced file beside it. */
export default defineCommand({
  args: 'FILE',
  arity: [1, 1],
  summary: 'Replace the case store with a checked backup; the replaced file is kept beside it.',
  options: {},
  usesStore: true,
  run: ({ positionals: [file], db, newStore, io }) =>
    // Restoring is how a damaged store is repaired, so it opens one.
    withStore(
      { db, newStore },
      async ({ store }) => {
        await store.autoBackup;
        const agent = store.damage === null ? currentAgent(store) : 'unknown';
        let kept: string;
        try {
          kept = restoreBackup(store, resolve(file!), agent);
        } catch (error) {
          if (error instanceof InvalidInputError) throw new BadInputError(error.message);
          throw error;
        }
        io.stdout(`restored ${file}; the replaced database was kept as ${kept}\n`);
      },
      { allowDamaged: true },
    ),
});
