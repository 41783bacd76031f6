import type { AuditEntry, CaseDetail, CaseSummary, DecisionRecord, Note } from '../../shared/model/case';
import { FactsSchema, type Facts } from '../../shared/model/facts';
import { formatMoney } from '../../shared/model/money';
import { caseDecisionOfRecord, countingDecision, decisionOfRecord } from '../../shared/policy/recorded';
import { toldDiffering } from '../../shared/policy/told';
import { printable } from '../terminal-text';

// Every stored string passes through printable(): names, notes and reasons come from
// customers and imports, and a control character in one must not rewrite the screen.

const COLUMNS: [string, (item: CaseSummary) => string][] = [
  ['REF', (item) => item.ref],
  ['STATUS', (item) => item.status],
  ['OUTCOME', (item) => item.latestOutcome ?? '-'],
  ['WINDOW CLOSES', (item) => item.windowClosesAt ?? '-'],
  ['CUSTOMER', (item) => item.customerName],
  ['ORDER', (item) => item.orderId],
  ['PRODUCT', (item) => item.productName],
];

/** The queue as aligned columns under a header row. */
export function caseTable(items: CaseSummary[]): string {
  const rows = [
    COLUMNS.map(([title]) => title),
    ...items.map((item) => COLUMNS.map(([, cell]) => printable(cell(item)))),
  ];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map(
      (row) =>
        `${row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}

type Row = [label: string, value: string | null | undefined];

/** Labelled values in two aligned columns, indented; an empty value shows as "-". */
function block(rows: Row[], indent = '  '): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows
    .map(([label, value]) => `${indent}${label.padEnd(width)}  ${value ? printable(value) : '-'}\n`)
    .join('');
}

// The schema's order, whatever order the store keeps them in (it sorts their keys).
const FACT_ORDER = Object.keys(FactsSchema.shape);
const factOrder = (name: string) => {
  const at = FACT_ORDER.indexOf(name);
  return at === -1 ? FACT_ORDER.length : at;
};

/** Facts as `name value`, nested groups (exclusions) as `group.name value`; unknown ones left out. */
function factRows(facts: Record<string, unknown>, prefix = ''): Row[] {
  return Object.entries(facts)
    .sort(([a], [b]) => factOrder(a) - factOrder(b))
    .filter(([, value]) => value !== undefined && value !== null)
    .flatMap(([name, value]): Row[] =>
      typeof value === 'object'
        ? factRows(value as Record<string, unknown>, `${prefix}${name}.`)
        : [[`${prefix}${name}`, String(value)]],
    );
}

const moneyText = (amount: number | null, currency: string) =>
  amount === null ? 'not known yet' : formatMoney({ amount, currency });

/**
 * One recorded decision; `facts` are the case's now, to say when the decision of record
 * (`ofRecord`) no longer speaks for them.
 */
function decisionText(record: DecisionRecord, index: number, facts: Facts, ofRecord: boolean): string {
  const { decision } = record;
  const recorded = decisionOfRecord(record, facts);
  const rows: Row[] = [
    [
      'outcome',
      record.override === null
        ? decision.outcome
        : `${record.recordedOutcome} (override of ${decision.outcome}: ${record.override.justification})`,
    ],
    ['refund', moneyText(recorded.refundAmount, recorded.currency)],
  ];
  if (record.override !== null)
    rows.push(['rules gave', `${decision.outcome}, ${moneyText(decision.refundAmount, decision.currency)}`]);
  rows.push(['clauses', recorded.clauses.join(', ')]);
  if (decision.missing.length > 0) rows.push(['missing', decision.missing.join(', ')]);
  if (record.approval) rows.push(['approval', record.approval.state]);
  if (ofRecord && recorded.stale)
    rows.push(['stale', 'a fact has changed since it was recorded; decide the case again']);
  if (record.note !== null) rows.push(['note', record.note]);
  return (
    `  #${index + 1} ${printable(record.decidedAt)} by ${printable(record.agent)}, ` +
    `policy ${printable(decision.policyVersion)} revision ${printable(decision.policyRevision)}\n${block(rows, '    ')}`
  );
}

const noteText = (note: Note) =>
  `  ${printable(note.createdAt)} ${printable(note.author)}: ${printable(note.body)}\n`;

/**
 * `case show REF --json`: the case as stored, with its decision of record (`stale` included)
 * and, when the last reply told the customer something the record no longer says, that reply.
 */
export const caseJson = (detail: CaseDetail, audit: readonly AuditEntry[] = []) => ({
  ...detail,
  decisionOfRecord: caseDecisionOfRecord(detail),
  toldDiffers: toldDiffering(audit, caseDecisionOfRecord(detail)),
});

const toldText = (told: { outcome: string; amount: number | null; currency: string }) =>
  told.amount === null
    ? told.outcome
    : `${formatMoney({ amount: told.amount, currency: told.currency })} (${told.outcome})`;

/** The last reply's promise when the record now says otherwise: the customer is owed a correction. */
function toldSection(detail: CaseDetail, audit: readonly AuditEntry[]): string {
  const differing = toldDiffering(audit, caseDecisionOfRecord(detail));
  if (differing === null) return '';
  return (
    `\nTold the customer\n  ${toldText(differing.told)} on ${printable(differing.at)}; ` +
    `the record now says ${toldText(differing.now)}: send a correction\n`
  );
}

/** `case show REF`: the case's fields, its facts, every decision, what the customer was told, every note. */
export function caseText(detail: CaseDetail, audit: readonly AuditEntry[] = []): string {
  const { summary, customer } = detail;
  const counting = countingDecision(detail);
  const facts = factRows(detail.facts);
  return (
    `${summary.ref}  ${summary.status}\n` +
    block([
      ['customer', customer.name],
      ['account', customer.accountId],
      ['contact', customer.contact],
      ['order', summary.orderId],
      ['product', summary.productName],
      ['provider', detail.provider],
      ['assignee', summary.assignee],
      ['window closes', summary.windowClosesAt],
      ['opened', summary.createdAt],
      ['updated', summary.updatedAt],
    ]) +
    `\nFacts\n${facts.length > 0 ? block(facts) : '  none known\n'}` +
    `\nDecisions (${detail.decisions.length})\n${detail.decisions.map((record, i) => decisionText(record, i, detail.facts, record === counting)).join('') || '  none yet\n'}` +
    toldSection(detail, audit) +
    `\nNotes (${detail.notes.length})\n${detail.notes.map(noteText).join('') || '  none\n'}`
  );
}
