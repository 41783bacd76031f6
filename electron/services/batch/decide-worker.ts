// A worker thread of a batch (decide-pool.ts): decides the blocks of rows it is given, with
// the header and options the pool started it with, and hands back their output lines.
import { parentPort, workerData } from 'node:worker_threads';
import type { DecideAnswer, DecideJob } from './decide-pool';
import { RowDecider, type DeciderSetup } from './decide-rows';

const decider = new RowDecider(workerData as DeciderSetup);
const port = parentPort!;
port.on('message', ({ seq, blocks }: DecideJob) => {
  const result = decider.decideBlocks(blocks);
  const answer: DecideAnswer = { seq, result };
  // Moved, not copied: each chunk owns its whole ArrayBuffer (LineBlocks allocates blocks
  // above the size Node takes from its shared pool).
  port.postMessage(
    answer,
    result.chunks.map((chunk) => chunk.buffer as ArrayBuffer),
  );
});
