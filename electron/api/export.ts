import { existsSync } from 'node:fs';
import { runExport } from '../services/export';
import { ConflictError, type CaseStore } from '../store';
import type { Implementations } from './types';

export const exportHandlers = (store: CaseStore): Implementations<'exports.write'> => ({
  // A new file only: an export never overwrites what is already on the disk.
  'exports.write': async ({ file, format, filter, excelFriendly }) => {
    if (existsSync(file)) throw new ConflictError(`${file} already exists; choose a new file name`);
    const { rows } = await runExport(store, { format, filter, excelFriendly, out: file });
    return { file, rows };
  },
});
