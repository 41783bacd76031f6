/** Timing helpers shared by the import run and the query run of the store benchmark. */
export interface Row {
  what: string;
  p50: string;
  p95: string;
  note: string;
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

let peakRss = 0;
export const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
export const peakRssSoFar = () => peakRss;

export function timeOnce(run: () => unknown): number {
  const start = performance.now();
  run();
  sampleRss();
  return performance.now() - start;
}

/** p50 and p95 over `runs` calls of `run(i)`, after a few warm-up calls. */
export function percentiles(what: string, note: string, runs: number, run: (i: number) => unknown): Row {
  for (let i = 0; i < 5; i++) run(i);
  const times = Array.from({ length: runs }, (_, i) => timeOnce(() => run(i))).sort((a, b) => a - b);
  return {
    what,
    p50: ms(times[Math.floor(times.length / 2)]!),
    p95: ms(times[Math.floor(times.length * 0.95)]!),
    note,
  };
}

/** This process's CPU time (user + system) since `start`, in ms: steadier than wall time on a busy machine. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}
