import { createBackup, listBackups } from '../store/backup';
import type { CaseStore } from '../store/store';
import type { Implementations } from './types';

export const backupHandlers = (store: CaseStore): Implementations<'backups.list' | 'backups.create'> => ({
  'backups.list': () => ({ items: listBackups(store.backupDir) }),
  'backups.create': () => createBackup(store),
});
