import type { Migration } from './types';

/**
 * An order id already in the store is not imported again (cases-bulk.ts): each imported row
 * looks its order id up, which without an index would read every case.
 */
const casesByOrderId: Migration = {
  version: 4,
  name: 'cases-by-order-id',
  up(db) {
    db.exec('CREATE INDEX cases_order_id ON cases (order_id)');
  },
};

export default casesByOrderId;
