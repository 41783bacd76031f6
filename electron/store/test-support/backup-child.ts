// Child process for backup-faults.test.ts: as another user (root writes any folder), opens a
// store and backs it up into a folder, or restores a backup from one; prints how that went.
import { createBackup, restoreBackup } from '../integrity';
import { openStore } from '../open';

const [mode, file, target] = process.argv.slice(2) as ['backup' | 'restore', string, string];
const store = openStore({ file, autoBackup: false });
try {
  if (mode === 'backup') await createBackup(store, target);
  else restoreBackup(store, target, 'ann');
  console.log(JSON.stringify({ done: true }));
} catch (error) {
  console.log(JSON.stringify({ name: (error as Error).name, message: (error as Error).message }));
} finally {
  store.close();
}
