import { rebuildSql, TABLES_SQL, TRIGGERS_SQL } from '../../figures/day-figures';
import type { Migration } from './types';

/**
 * The lead's dashboard reads a period's figures from per-day aggregates (store/day-figures.ts)
 * instead of walking every decision of the period; the triggers keep them on every write and
 * the decisions recorded so far are counted here. Two indexes serve the queue's drill-down
 * from the dashboard: the cases an agent decided, and the ones they overrode, in a period.
 */
const dayFigures: Migration = {
  version: 12,
  name: 'day-figures',
  up(db) {
    db.exec(TABLES_SQL);
    db.exec(rebuildSql());
    for (const trigger of TRIGGERS_SQL) db.exec(trigger);
    db.exec(`
      CREATE INDEX decisions_agent ON decisions (agent, decided_at, case_id);
      CREATE INDEX decisions_overrides ON decisions (decided_at, agent, case_id)
        WHERE override_justification IS NOT NULL;`);
  },
};

export default dayFigures;
