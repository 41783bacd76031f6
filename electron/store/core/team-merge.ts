import { isDeepStrictEqual } from 'node:util';

/** One field as an event changed it: the value the sender changed it from, and to. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

export interface FieldConflict {
  field: string;
  /** What the last common revision held: the sender's `from`. */
  base: unknown;
  /** What this desktop holds now. */
  local: unknown;
  /** What the other desktop changed it to. */
  remote: unknown;
}

export interface MergeResult {
  /** Fields to set to the remote value: this desktop had not touched them since the base. */
  apply: Record<string, unknown>;
  /** Fields both sides changed to different values: both kept, an agent chooses. */
  conflicts: FieldConflict[];
}

/**
 * The three-way rule for one remote change of a case's fields or facts. A field still at the
 * sender's `from` takes the sender's `to`; a field already at `to` needs nothing (both sides
 * made the same change); anything else was changed here too since the common revision, and
 * neither side may silently win. Absent fields are `undefined` on both sides, so adding and
 * clearing a fact follow the same rule. A fact is one unit: its sub-answers (the exclusion
 * questions, the usage records) change together.
 */
export function mergeFieldChanges(
  local: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, FieldChange>>,
): MergeResult {
  const apply: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  for (const [field, { from, to }] of Object.entries(changes)) {
    const current = local[field];
    if (isDeepStrictEqual(current, to)) continue;
    if (isDeepStrictEqual(current, from)) apply[field] = to;
    else conflicts.push({ field, base: from, local: current, remote: to });
  }
  return { apply, conflicts };
}

/** What changed between two versions of a record, field by field, as an event carries it. */
export function fieldChanges(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!isDeepStrictEqual(before[field], after[field]))
      changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
