// Child process for restore-crash.test.ts: restores a backup into a store, printing each
// step only once it has returned, so the parent knows what was acknowledged when it died.
import { writeSync } from 'node:fs';
import { openStore } from '../open';
import { restoreBackup } from '../integrity/restore';

const [file, backup] = process.argv.slice(2) as [string, string];
const say = (line: string) => writeSync(1, `${line}\n`);
const store = openStore({ file, autoBackup: false, now: () => Date.parse('2026-03-05T00:00:00Z') });
say('ready');
restoreBackup(store, backup, 'crash-test');
say('restored');
store.close();
say('closed');
