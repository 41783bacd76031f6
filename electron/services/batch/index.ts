// Batch decisions: an order file decided row by row, without a store.
export { BATCH_COLUMNS, decideBatch, type BatchOptions, type BatchSummary } from './decide-batch';
