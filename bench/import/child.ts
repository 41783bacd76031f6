// Runs one import through the service in a process of its own, so that its peak memory is
// the import's alone; prints { ms, cpuMs, added, maxRssMb } as JSON.
import { runImport } from '../../electron/services/import';
import { openStore } from '../../electron/store';
import { cpuMsSince } from '../measure';

const [db, csv, now] = process.argv.slice(2) as [string, string, string];
const store = openStore({ file: db, now: () => Number(now), autoBackup: false });
const start = performance.now();
const startCpu = process.cpuUsage();
const summary = await runImport(store, { file: csv, actor: 'bench' });
const ms = performance.now() - start;
const cpuMs = cpuMsSince(startCpu);
store.close();
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ ms, cpuMs, added: summary.added, error: summary.errors[0] ?? null, maxRssMb }));
