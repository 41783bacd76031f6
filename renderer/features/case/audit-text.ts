import type { TFunction } from 'i18next';
import type { AuditEntry, CaseField } from '../../../shared/model/case';
import { FACTS, optionLabel, type FactInput } from '../../../shared/model/catalogue';
import { diffFacts, type FactChange, type Facts } from '../../../shared/model/facts';
import { isLanguage, LANGUAGE_NAMES, type Language } from '../../../shared/model/languages';
import { formatMoney } from '../../../shared/model/money';
import { DEFAULT_CURRENCY } from '../../../shared/policy/read-facts';
import { sentText } from '../reply/told-text';

/** What the sentences are written with: the UI's words, its language and how it shows a time. */
export interface AuditWords {
  t: TFunction;
  language: Language;
  time(iso: string): string;
}

/** One audit row as the agent reads it: when, and what happened in sentences. */
export interface AuditLine {
  seq: number;
  at: string;
  sentences: string[];
}

const FIELD_LABELS: Record<CaseField, string> = {
  customerName: 'caseView.customer',
  accountId: 'caseView.account',
  contact: 'caseView.contact',
  orderId: 'caseView.order',
  productName: 'caseView.product',
  provider: 'caseView.provider',
};

function valueText(input: FactInput, value: unknown, currency: string, words: AuditWords): string {
  switch (input.kind) {
    case 'choice':
      return optionLabel(input, String(value), words.language);
    case 'yesno':
      return words.t(value === true ? 'common.yes' : 'common.no');
    case 'money':
      return formatMoney({ amount: Number(value), currency });
    case 'instant':
      return words.time(String(value));
    default:
      return String(value);
  }
}

/** "set X to b", "changed X from a to b" or "cleared X (was a)", by which side is known. */
function changeSentence(
  actor: string,
  label: string,
  from: string | null,
  to: string | null,
  words: AuditWords,
) {
  if (from === null) return words.t('audit.set', { actor, label, to });
  if (to === null) return words.t('audit.cleared', { actor, label, from });
  return words.t('audit.changed', { actor, label, from, to });
}

function factSentences(actor: string, changes: FactChange[], facts: Facts, words: AuditWords): string[] {
  const currency = facts.currency ?? DEFAULT_CURRENCY;
  return changes.map(({ fact, from, to }) => {
    const { label, input } = FACTS[fact];
    const shown = (value: unknown) => (value === null ? null : valueText(input, value, currency, words));
    return changeSentence(actor, label[words.language], shown(from), shown(to), words);
  });
}

/** A field as team events name it: `facts.<fact>` or a case field (assignee, status…). */
function teamFieldLabel(field: string, words: AuditWords): string {
  const name = field.replace(/^facts\./, '');
  if (field.startsWith('facts.') && Object.hasOwn(FACTS, name)) {
    return FACTS[name as keyof typeof FACTS].label[words.language];
  }
  return words.t(`team.fields.${name}`, { defaultValue: name });
}

function teamSentences(entry: AuditEntry, words: AuditWords): string[] | null {
  const { t } = words;
  const { actor, detail } = entry;
  const labels = (fields: unknown) =>
    (Array.isArray(fields) ? (fields as string[]) : [])
      .map((field) => teamFieldLabel(field, words))
      .join(', ');
  switch (entry.action) {
    case 'team.apply': {
      const changed = [
        ...(detail.fields as string[]),
        ...(detail.facts as string[]).map((fact) => `facts.${fact}`),
      ];
      const conflicts = detail.conflicts as string[];
      return [
        changed.length === 0
          ? t('team.audit.arrived', { actor })
          : t('team.audit.applied', { actor, fields: labels(changed) }),
        ...(conflicts.length > 0 ? [t('team.audit.conflicts', { fields: labels(conflicts) })] : []),
      ];
    }
    case 'conflict.resolve':
      return [
        t(`team.audit.resolved.${String(detail.keep)}`, {
          actor,
          field: teamFieldLabel(String(detail.field), words),
        }),
      ];
    case 'claim.lost':
      return [t('team.audit.claimLost', { actor, holder: String(detail.holder) })];
    default:
      return null;
  }
}

function sentencesOf(entry: AuditEntry, before: Facts, after: Facts, words: AuditWords): string[] {
  const { t } = words;
  const { actor, detail } = entry;
  switch (entry.action) {
    case 'case.create':
      return [t('audit.created', { actor })];
    case 'cases.import':
      // A run of cases pulled from the team is recorded like an import (team-apply-creations).
      return [t(detail.team === undefined ? 'audit.imported' : 'audit.receivedFromTeam', { actor })];
    case 'case.facts': {
      // Rows written before the change list was kept are read against the facts before them.
      const changes = (detail.changes as FactChange[] | undefined) ?? diffFacts(before, after);
      const source = detail.source as { message: number } | undefined;
      return [
        ...(changes.length === 0
          ? [t('audit.factsUnchanged', { actor })]
          : factSentences(actor, changes, after, words)),
        ...(source === undefined ? [] : [t('audit.fromMessage', { id: source.message })]),
      ];
    }
    case 'case.fields':
      return (detail.changes as { field: CaseField; from: string | null; to: string | null }[]).map(
        ({ field, from, to }) => changeSentence(actor, t(FIELD_LABELS[field]), from, to, words),
      );
    case 'case.status':
      return [
        t('audit.status', {
          actor,
          from: t(`status.${String(detail.from)}`),
          to: t(`status.${String(detail.to)}`),
        }),
        ...(typeof detail.reason === 'string' ? [t('audit.reason', { reason: detail.reason })] : []),
      ];
    case 'case.assign':
      if (typeof detail.claim === 'object' && detail.claim !== null)
        return [t(`team.audit.claim.${String((detail.claim as { state: string }).state)}`, { actor })];
      if (detail.to === null) return [t('audit.unassigned', { actor, from: String(detail.from) })];
      if (detail.from === null) return [t('audit.assigned', { actor, to: String(detail.to) })];
      return [t('audit.reassigned', { actor, from: String(detail.from), to: String(detail.to) })];
    case 'decision.record': {
      const outcome = t(`outcome.${String(detail.recordedOutcome)}`);
      const amount =
        typeof detail.refundAmount === 'number'
          ? formatMoney({ amount: detail.refundAmount, currency: String(detail.currency) })
          : null;
      const override = detail.override as { justification: string } | null;
      const duplicate = detail.duplicateRefund as { justification: string } | undefined;
      return [
        amount === null
          ? t('audit.decided', { actor, outcome })
          : t('audit.decidedAmount', { actor, outcome, amount }),
        ...(override ? [t('audit.override', { reason: override.justification })] : []),
        ...(duplicate ? [t('audit.duplicateRefund', { reason: duplicate.justification })] : []),
      ];
    }
    case 'note.add':
      return [t('audit.note', { actor })];
    case 'reply.sent':
      return [
        t('audit.replySent', {
          actor,
          language: isLanguage(detail.language) ? LANGUAGE_NAMES[detail.language] : String(detail.language),
          told: sentText(t, detail),
        }),
      ];
    case 'message.add':
      return [t('audit.messageKept', { actor, id: Number(detail.messageId) })];
    case 'usage.export':
      return [t(detail.replaced === true ? 'audit.usageReplaced' : 'audit.usageKept', { actor })];
    default:
      return teamSentences(entry, words) ?? [t('audit.other', { actor, action: entry.action })];
  }
}

/** The case's audit rows as sentences with before and after values, oldest first. */
export function auditLines(entries: AuditEntry[], words: AuditWords): AuditLine[] {
  let facts: Facts = {};
  return entries.map((entry) => {
    const before = facts;
    if (entry.action === 'case.create') facts = (entry.detail.facts as Facts | undefined) ?? facts;
    if (entry.action === 'case.facts') facts = (entry.detail.facts as Facts | undefined) ?? facts;
    return { seq: entry.seq, at: entry.at, sentences: sentencesOf(entry, before, facts, words) };
  });
}
