import { FIGURE_TABLES, rebuildSql, TABLES_SQL } from '../figures';
import type { CaseStore } from '../core';

const PREFIX = 'day_figures_check_';

/**
 * The per-day figures are derived data the dashboard trusts without looking at a decision:
 * they are computed again from the decisions into temporary tables and compared row by row
 * (rows at zero are what a moved case leaves behind and mean nothing).
 */
export function dayFigureProblems(store: CaseStore): string[] {
  const { db } = store;
  const tables = Object.keys(FIGURE_TABLES);
  const drop = () => {
    for (const table of tables) db.exec(`DROP TABLE IF EXISTS temp.${PREFIX}${table}`);
  };
  drop();
  try {
    db.exec(TABLES_SQL.replace(/CREATE TABLE (\w+)/g, `CREATE TABLE temp.${PREFIX}$1`));
    db.exec(rebuildSql(`temp.${PREFIX}`));
    const differing = Object.entries(FIGURE_TABLES).filter(([table, columns]) => {
      const live = `SELECT ${columns} FROM main.${table} WHERE n != 0`;
      const rebuilt = `SELECT ${columns} FROM temp.${PREFIX}${table} WHERE n != 0`;
      const count = db
        .prepare(
          `SELECT (SELECT count(*) FROM (${live} EXCEPT ${rebuilt})) + (SELECT count(*) FROM (${rebuilt} EXCEPT ${live}))`,
        )
        .pluck()
        .get() as number;
      return count > 0;
    });
    return differing.map(
      ([table]) =>
        `the dashboard's per-day figures (${table}) do not match the decisions they count: ` +
        'the dashboard and period reports may show wrong numbers; restore a backup',
    );
  } finally {
    drop();
  }
}
