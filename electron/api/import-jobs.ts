import { randomUUID } from 'node:crypto';
import type { ImportJob } from '../../shared/model/import';
import { runImport, type ImportOptions } from '../services/import';
import { ConflictError, NotFoundError, type CaseStore } from '../store';
import { toFailure } from './failures';

/** Runs a piece of store work so that others can tell a write is under way (the shell's updates wait). */
export type TrackWrite = <T>(work: () => Promise<T>) => Promise<T>;

type JobOptions = Omit<ImportOptions, 'signal' | 'onProgress'>;

interface Job {
  view: ImportJob;
  controller: AbortController;
}

// Ended jobs are kept for their summary until this many newer ones push them out.
const KEPT_JOBS = 20;

/**
 * Imports running in the background, one at a time. The import itself is all-or-nothing
 * (runImport stages outside the store and writes in one transaction at the end), so a cancel
 * either stops it before that transaction, leaving the store as it was, or arrives after the
 * transaction and changes nothing: the job then ends "done" and says what was written.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly store: CaseStore,
    private readonly trackWrite: TrackWrite = (work) => work(),
  ) {}

  start(options: JobOptions): ImportJob {
    if ([...this.jobs.values()].some((job) => job.view.state === 'running')) {
      throw new ConflictError('an import is already running; wait for it to end or cancel it');
    }
    const job: Job = {
      controller: new AbortController(),
      view: {
        job: randomUUID(),
        state: 'running',
        rows: 0,
        bytesRead: 0,
        size: 0,
        rowsPerSecond: 0,
        summary: null,
        problem: null,
      },
    };
    this.jobs.set(job.view.job, job);
    this.forgetOldest();
    const run = () =>
      runImport(this.store, {
        ...options,
        signal: job.controller.signal,
        onProgress: (progress) => Object.assign(job.view, progress),
      });
    this.trackWrite(run).then(
      // Progress is told as bytes are read, before their rows are counted: the summary has the last word.
      (summary) =>
        Object.assign(job.view, {
          summary,
          rows: summary.rows,
          state: summary.cancelled ? 'cancelled' : 'done',
        }),
      (error: unknown) => {
        const failure = toFailure(this.store, error);
        Object.assign(job.view, { state: 'failed', problem: failure.ok ? null : failure.error.message });
      },
    );
    return { ...job.view };
  }

  progress(id: string): ImportJob {
    return { ...this.find(id).view };
  }

  cancel(id: string): ImportJob {
    const job = this.find(id);
    if (job.view.state === 'running') job.controller.abort();
    return { ...job.view };
  }

  private find(id: string): Job {
    const job = this.jobs.get(id);
    if (job === undefined) throw new NotFoundError(`no import job ${id}`);
    return job;
  }

  private forgetOldest(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= KEPT_JOBS) return;
      if (job.view.state !== 'running') this.jobs.delete(id);
    }
  }
}
