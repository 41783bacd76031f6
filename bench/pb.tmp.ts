import { decideBatch } from '/work/wt/speed/electron/services/batch';
const NOW = Date.parse('2026-03-02T00:00:00Z');
const t = performance.now(); const c = process.cpuUsage();
const s = await decideBatch({ file: process.argv[2]!, out: '/tmp/decisions.csv', now: NOW });
const u = process.cpuUsage(c);
console.log(process.execArgv.join(' '), s.decided, 'wall', (performance.now() - t).toFixed(0), 'cpu', ((u.user + u.system) / 1000).toFixed(0), 'load', (await import('node:os')).loadavg()[0]);
