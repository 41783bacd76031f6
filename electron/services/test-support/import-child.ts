// Child process for import/crash.test.ts: imports one CSV file into a store, saying "ready"
// before it starts and "committed N" only after the import has returned, until it is killed.
import { writeSync } from 'node:fs';
import { openStore } from '../../store';
import { runImport } from '../import';

const [file, csv] = process.argv.slice(2) as [string, string];
const store = openStore({ file, autoBackup: false });
// A synchronous write: once the parent has read the line, what it reports has happened.
const say = (line: string) => writeSync(1, `${line}\n`);

say('ready');
const summary = await runImport(store, { file: csv, actor: 'crash-test' });
say(`committed ${summary.added}`);
// Stay alive so that the parent's kill always finds a running child.
setInterval(() => {}, 1000);
