/**
 * A case's ref is its integer primary key, shown as RC- and at least six digits. Cases are
 * never deleted, so an id is never reused and the ref needs no column of its own.
 */
export function formatRef(id: number): string {
  return `RC-${String(id).padStart(6, '0')}`;
}

/** SQL: formatRef over an id column, for a statement that joins on the ref (the audit's case_ref). */
export const refSql = (id: string): string => `'RC-' || printf('%06d', ${id})`;

/** The id behind a ref, or null for text that is not one. */
export function parseRef(ref: string): number | null {
  const match = /^RC-(\d{6,})$/.exec(ref);
  if (match === null) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
