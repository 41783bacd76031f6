import { resolve } from 'node:path';
import { parseArgs, stringFlag, UsageError } from '../args';
import { EXIT, type CliIo } from '../io';
import {
  createBackup,
  currentAgent,
  InvalidInputError,
  restoreBackup,
  StoreDamagedError,
} from '../../electron/store';
import { allowFlags, CommandFailure, withStore } from './with-store';

/** `refund-console [--db PATH] backup [--to DIR]`: prints the checked backup's path. */
export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['db', 'to']);
  allowFlags(parsed, ['to']);
  const to = stringFlag(parsed, 'to');
  return withStore('backup', parsed, io, async ({ store }) => {
    await store.autoBackup;
    try {
      io.stdout(`${(await createBackup(store, to === undefined ? undefined : resolve(to))).file}\n`);
    } catch (error) {
      if (error instanceof StoreDamagedError) throw new CommandFailure(EXIT.failed, error.message);
      throw error;
    }
    return EXIT.ok;
  });
}

/** `refund-console [--db PATH] restore FILE`: replaces the store with a verified backup. */
export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['db']);
  allowFlags(parsed, []);
  const file = parsed.positionals[0];
  if (file === undefined || parsed.positionals.length > 1) throw new UsageError('usage: restore FILE');
  return withStore('restore', parsed, io, async ({ store }) => {
    await store.autoBackup;
    try {
      const kept = restoreBackup(
        store,
        resolve(file),
        store.damage === null ? currentAgent(store) : 'unknown',
      );
      io.stdout(`restored ${file}; the replaced database was kept as ${kept}\n`);
    } catch (error) {
      if (error instanceof InvalidInputError) throw new CommandFailure(EXIT.badInput, error.message);
      throw error;
    }
    return EXIT.ok;
  });
}
