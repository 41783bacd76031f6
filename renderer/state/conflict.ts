import type { TFunction } from 'i18next';
import type { AuditEntry, CaseDetail } from '../../shared/model/case';
import { diffFacts, type Facts } from '../../shared/model/facts';

/** What the console showed of a case: its detail and its audit rows. */
export interface CaseView {
  detail: CaseDetail | null;
  audit: AuditEntry[];
}

export type ChangeWhat =
  | { kind: 'facts'; names: string[] }
  | { kind: 'status'; from: string; to: string }
  | { kind: 'assign'; to: string | null }
  | { kind: 'fields'; names: string[] }
  | { kind: 'decision'; outcome: string }
  | { kind: 'note' }
  | { kind: 'other'; action: string };

/** One change someone else made to the case after the console loaded it. */
export interface OtherChange {
  actor: string;
  at: string;
  what: ChangeWhat;
}

/** The fact ids whose values differ, in a stable order (exclusions as `exclusions.<name>`). */
export const changedFacts = (before: Facts, after: Facts): string[] =>
  diffFacts(before, after).map((change) => change.fact);

/** The audit rows of `after` that `before` had not seen, read as changes. */
export function changesSince(before: CaseView, after: CaseView): OtherChange[] {
  const lastSeen = Math.max(0, ...before.audit.map((entry) => entry.seq));
  let facts: Facts = before.detail?.facts ?? {};
  return after.audit
    .filter((entry) => entry.seq > lastSeen)
    .map((entry) => {
      const detail = entry.detail;
      let what: ChangeWhat;
      if (entry.action === 'case.facts') {
        const next = detail.facts as Facts;
        what = { kind: 'facts', names: changedFacts(facts, next) };
        facts = next;
      } else if (entry.action === 'case.status') {
        what = { kind: 'status', from: String(detail.from), to: String(detail.to) };
      } else if (entry.action === 'case.assign') {
        what = { kind: 'assign', to: detail.to === null ? null : String(detail.to) };
      } else if (entry.action === 'case.fields') {
        what = { kind: 'fields', names: (detail.changes as { field: string }[]).map((c) => c.field) };
      } else if (entry.action === 'decision.record') {
        what = { kind: 'decision', outcome: String(detail.recordedOutcome) };
      } else if (entry.action === 'note.add') {
        what = { kind: 'note' };
      } else {
        what = { kind: 'other', action: entry.action };
      }
      return { actor: entry.actor, at: entry.at, what };
    });
}

function describeWhat(t: TFunction, what: ChangeWhat): string {
  switch (what.kind) {
    case 'facts':
      return t('conflict.facts', { names: what.names.join(', ') });
    case 'status':
      return t('conflict.status', { from: t(`status.${what.from}`), to: t(`status.${what.to}`) });
    case 'assign':
      return what.to === null ? t('conflict.unassigned') : t('conflict.assigned', { to: what.to });
    case 'fields':
      return t('conflict.fields', { names: what.names.join(', ') });
    case 'decision':
      return t('conflict.decision', { outcome: t(`outcome.${what.outcome}`) });
    case 'note':
      return t('conflict.note');
    case 'other':
      return what.action;
  }
}

/**
 * What the agent reads after a refused write: who changed the case, when and what, or, when
 * nobody did (the rules gave another decision at the store's clock), the store's own reason.
 */
export function describeConflict(
  t: TFunction,
  ref: string,
  changes: OtherChange[],
  formatTime: (iso: string) => string,
  storeMessage: string,
): string {
  if (changes.length === 0) return t('conflict.refused', { message: storeMessage });
  const described = changes.map((change) =>
    t('conflict.change', {
      actor: change.actor,
      at: formatTime(change.at),
      what: describeWhat(t, change.what),
    }),
  );
  return t('conflict.reloaded', { ref, changes: described.join('; ') });
}
