import { basename } from 'node:path';
import { type CaseStore, createBackup, InvalidInputError, listBackups, restoreBackup } from '../store';
import type { Implementations } from './types';

type BackupMethods = 'backups.list' | 'backups.create' | 'backups.restore' | 'store.status';

export const backupHandlers = (store: CaseStore): Implementations<BackupMethods> => ({
  'backups.list': () => ({ items: listBackups(store.backupDir) }),
  'backups.create': () => createBackup(store),
  'backups.restore': ({ file, agent }) => {
    // A renderer names a backup from the list; any other path on the machine is refused.
    if (!listBackups(store.backupDir).some((backup) => backup.file === file)) {
      throw new InvalidInputError(`file: ${basename(file)} is not one of this store's backups`);
    }
    return { restored: file, replacedFileKeptAs: restoreBackup(store, file, agent) };
  },
  'store.status': () => ({
    damaged: store.damage !== null,
    problem: store.damage?.problem ?? null,
    newestGoodBackup: store.damage?.newestGoodBackup ?? null,
  }),
});
