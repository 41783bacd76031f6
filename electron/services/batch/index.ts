// Batch decisions: an order file decided row by row, without a store.
export { BATCH_COLUMNS, type BatchSummary } from './batch-output';
export { decideBatch, MIN_BYTES_FOR_WORKERS, workersFor, type BatchOptions } from './decide-batch';
