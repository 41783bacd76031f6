import { Worker } from 'node:worker_threads';
import type { CsvBlock } from '../csv';
import type { DecidedBlock, DeciderSetup } from './decide-rows';

/** What a worker is given (decide-worker.ts) and what it answers. */
export interface DecideJob {
  seq: number;
  blocks: CsvBlock[];
}
export interface DecideAnswer {
  seq: number;
  result: DecidedBlock;
}

/**
 * A worker thread running decide-worker. Built (out/cli), the worker is its own entry beside
 * the CLI's chunks; from the TypeScript sources (tests, benchmarks under tsx) it is loaded
 * through tsx, which a worker thread does not inherit from its parent on Node 20.
 */
function startWorker(setup: DeciderSetup): Worker {
  // A larger young generation than V8's default: a job's text lives until its last row is
  // decided, and with the default the workers spent about twice the one-thread path's time in
  // the collector (profiled with 1M orders: 630-750 ms each, about 350-540 ms with 96 MB).
  const options = { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 96 } };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./decide-worker.js', import.meta.url), options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./decide-worker.ts', import.meta.url).href);
  const boot = `import(${tsx}).then(({ register }) => { register(); return import(${entry}); });`;
  return new Worker(boot, { ...options, eval: true });
}

// Blocks (64 KB read chunks) per message: each message wakes a thread, and with 64 KB a time
// the wake-ups took about 8% of the workers' time (profiled with 1M orders); eight to a job, under 3%.
const BLOCKS_PER_JOB = 8;

/**
 * Worker threads deciding blocks of rows, sent a few blocks to a job. Results are handed on in
 * the order the blocks were given, whatever order the workers finish in; at most `maxPending`
 * jobs are given and not yet handed on, which bounds memory when the output is slower than the
 * workers. A worker that fails fails the pool: the next add() or finish() throws its error
 * (none waits forever).
 */
export class DecidePool {
  private readonly workers: { thread: Worker; pending: number }[];
  private readonly finished = new Map<number, DecidedBlock>();
  private gathered: CsvBlock[] = [];
  private given = 0;
  private handedOn = 0;
  private handing = Promise.resolve();
  private failure: Error | null = null;
  private closing = false;
  private waiters: (() => void)[] = [];

  constructor(
    count: number,
    setup: DeciderSetup,
    private readonly handOn: (result: DecidedBlock) => Promise<void>,
    private readonly signal?: AbortSignal,
    private readonly maxPending = count * 3,
  ) {
    this.workers = Array.from({ length: count }, () => this.watch(startWorker(setup)));
    // Cancelling wakes whoever waits for the workers, even when the whole file has been read.
    signal?.addEventListener('abort', this.cancel);
  }

  /** Adds a block to the next job, which goes to the least busy worker once it is full. */
  async add(block: CsvBlock): Promise<void> {
    if (this.failure !== null) throw this.failure;
    this.gathered.push(block);
    if (this.gathered.length === BLOCKS_PER_JOB) await this.send();
  }

  /** Waits until every block added has been handed on. */
  async finish(): Promise<void> {
    if (this.gathered.length > 0) await this.send();
    while (this.handedOn < this.given && this.failure === null) await this.change();
    if (this.failure !== null) throw this.failure;
  }

  /** Sends the job gathered, once fewer than `maxPending` are outstanding. */
  private async send(): Promise<void> {
    const blocks = this.gathered;
    this.gathered = [];
    while (this.given - this.handedOn >= this.maxPending && this.failure === null) await this.change();
    if (this.failure !== null) throw this.failure;
    let idlest = this.workers[0]!;
    for (const worker of this.workers) if (worker.pending < idlest.pending) idlest = worker;
    idlest.pending++;
    const job: DecideJob = { seq: this.given++, blocks };
    idlest.thread.postMessage(job);
  }

  /** Stops every worker, done or not (after a failure, or when the batch is cancelled). */
  async close(): Promise<void> {
    this.closing = true;
    this.signal?.removeEventListener('abort', this.cancel);
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }

  private watch(thread: Worker): { thread: Worker; pending: number } {
    const worker = { thread, pending: 0 };
    thread.on('message', ({ seq, result }: DecideAnswer) => {
      worker.pending--;
      this.finished.set(seq, result);
      this.handing = this.handing.then(() => this.handOnInOrder()).catch((error) => this.fail(error));
    });
    thread.on('error', (error) =>
      this.fail(new Error(`a decision worker failed: ${error.message}`, { cause: error })),
    );
    thread.on('messageerror', (error) => this.fail(error));
    thread.on('exit', (code) => {
      if (!this.closing)
        this.fail(new Error(`a decision worker stopped before the batch was done (exit code ${code})`));
    });
    return worker;
  }

  private async handOnInOrder(): Promise<void> {
    for (
      let next = this.finished.get(this.handedOn);
      next !== undefined;
      next = this.finished.get(this.handedOn)
    ) {
      this.finished.delete(this.handedOn);
      if (this.failure !== null) return;
      await this.handOn(next);
      this.handedOn++;
      this.notify();
    }
  }

  private readonly cancel = () => this.fail(this.signal!.reason as Error);

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  private change(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private notify(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}
