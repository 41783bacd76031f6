// Child process for lock.test.ts: opens a store, says "ready", and keeps it open until its
// stdin closes (or it is killed), as a running host would.
import { writeSync } from 'node:fs';
import { createCase } from '../cases/cases';
import { openStore } from '../open';
import { sampleCase } from './temp-store';

const store = openStore({ file: process.argv[2]!, autoBackup: false });
createCase(store, sampleCase({ orderId: 'O-held' }), 'holder');
writeSync(1, 'ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  store.close();
  process.exit(0);
});
