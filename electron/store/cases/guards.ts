import { type CaseStore, ConflictError } from '../core';

/**
 * Deciding on a value the team has not agreed on would record a guess: refused until settled
 * (team/team-conflicts.ts opens and settles them). Facts are named `facts.<fact>`.
 */
export function requireNoOpenConflicts(store: CaseStore, ref: string, caseId: number): void {
  const fields = store
    .sql('SELECT field FROM case_conflicts WHERE case_id = ? AND resolved_at IS NULL ORDER BY id')
    .pluck()
    .all(caseId) as string[];
  if (fields.length === 0) return;
  throw new ConflictError(
    `${ref}: ${fields.map((field) => field.replace(/^facts\./, '')).join(', ')} changed on two desktops to different values; choose one before deciding.`,
  );
}
