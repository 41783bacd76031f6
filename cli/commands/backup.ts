import { resolve } from 'node:path';
import { createBackup } from '../../electron/store';
import { defineCommand } from '../command';
import { withStore } from './with-store';

/** Prints the checked backup's path. */
export default defineCommand({
  args: '',
  arity: [0, 0],
  summary: 'Write a checked copy of the case store; prints its path.',
  options: {
    to: { type: 'string', value: 'DIR', help: "the folder to write it to (default: the store's backups)" },
  },
  usesStore: true,
  run: ({ options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ store }) => {
      await store.autoBackup;
      const to = options.to === undefined ? undefined : resolve(options.to);
      io.stdout(`${(await createBackup(store, to)).file}\n`);
    }),
});
