import { homedir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open';
import type { CaseStore } from './core';

/** `--db PATH`, else REFUND_CONSOLE_DB, else the per-user data folder (XDG on Linux). */
export function resolveStoreFile(db?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (db !== undefined && db !== '') return db;
  if (env.REFUND_CONSOLE_DB) return env.REFUND_CONSOLE_DB;
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'refund-console', 'cases.sqlite');
}

/** For the CLI and headless hosts; the Electron shell passes app.getPath('userData') itself. */
export function openStoreFromEnv(options: { db?: string; newStore?: boolean } = {}): CaseStore {
  return openStore({ file: resolveStoreFile(options.db), newStore: options.newStore });
}
