import type { ProblemGroup } from '../model/import';
import type { RowProblem } from './rows';

// Kinds are few (a cell's text is left out of them); rows alike come in runs. Past these, the
// counts still grow but no more groups or ranges are listed.
const MAX_GROUPS = 50;
const MAX_RANGES = 20;

/** Row problems grouped by column and kind, each with its count and its rows as ranges. */
export class ProblemGroups {
  private readonly groups = new Map<string, ProblemGroup>();

  add({ row, column, message, kind }: RowProblem): void {
    const key = `${column ?? ''}\u0000${kind ?? message}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      if (this.groups.size === MAX_GROUPS) return;
      group = { column, message, count: 0, rows: [] };
      this.groups.set(key, group);
    }
    group.count++;
    const last = group.rows.at(-1);
    if (last !== undefined && last[1] + 1 === row) last[1] = row;
    else if (group.rows.length < MAX_RANGES) group.rows.push([row, row]);
  }

  list(): ProblemGroup[] {
    return [...this.groups.values()];
  }
}

/** "299 rows, column 支付时间: … (rows 2–150, 152–301)", as the CLI says it. */
export function describeGroup({ column, message, count, rows }: ProblemGroup): string {
  const where = column === null ? '' : `, column ${column}`;
  const ranges = rows.map(([first, last]) => (first === last ? `${first}` : `${first}–${last}`)).join(', ');
  const listed = rows.reduce((sum, [first, last]) => sum + last - first + 1, 0);
  return `${count.toLocaleString('en')} row${count === 1 ? '' : 's'}${where}: ${message} (row${listed === 1 ? '' : 's'} ${ranges}${listed < count ? ', …' : ''})`;
}
