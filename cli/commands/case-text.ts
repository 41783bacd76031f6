import type { CaseDetail, CaseSummary, DecisionRecord, Note } from '../../shared/model/case';
import { formatMoney } from '../../shared/model/money';
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

const field = (label: string, value: string | null | undefined) =>
  `  ${label.padEnd(14)}${value === null || value === undefined || value === '' ? '-' : printable(value)}\n`;

/** Facts as `name value`, nested groups (exclusions) as `group.name value`; unknown ones left out. */
function factLines(facts: Record<string, unknown>, prefix = ''): string {
  return Object.entries(facts)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) =>
      typeof value === 'object'
        ? factLines(value as Record<string, unknown>, `${prefix}${name}.`)
        : field(`${prefix}${name}`, String(value)),
    )
    .join('');
}

const amount = (decision: DecisionRecord['decision']) =>
  decision.refundAmount === null
    ? 'not known yet'
    : formatMoney({ amount: decision.refundAmount, currency: decision.currency });

function decisionText(record: DecisionRecord, index: number): string {
  const { decision } = record;
  const recorded =
    record.override === null
      ? decision.outcome
      : `${record.recordedOutcome} (override of ${decision.outcome}: ${record.override.justification})`;
  return (
    `  #${index + 1} ${printable(record.decidedAt)} by ${printable(record.agent)}, policy ${printable(decision.policyVersion)}\n` +
    field('  outcome', recorded) +
    field('  refund', amount(decision)) +
    field('  clauses', decision.clauses.join(', ')) +
    (decision.missing.length > 0 ? field('  missing', decision.missing.join(', ')) : '') +
    (record.note === null ? '' : field('  note', record.note))
  );
}

const noteText = (note: Note) =>
  `  ${printable(note.createdAt)} ${printable(note.author)}: ${printable(note.body)}\n`;

/** `case show REF`: the case's fields, its facts, every decision and every note. */
export function caseText(detail: CaseDetail): string {
  const { summary, customer } = detail;
  return (
    `${summary.ref}  ${summary.status}\n` +
    field('customer', customer.name) +
    field('account', customer.accountId) +
    field('contact', customer.contact) +
    field('order', summary.orderId) +
    field('product', summary.productName) +
    field('provider', detail.provider) +
    field('assignee', summary.assignee) +
    field('window closes', summary.windowClosesAt) +
    field('opened', summary.createdAt) +
    field('updated', summary.updatedAt) +
    `\nFacts\n${factLines(detail.facts) || '  none known\n'}` +
    `\nDecisions (${detail.decisions.length})\n${detail.decisions.map(decisionText).join('') || '  none yet\n'}` +
    `\nNotes (${detail.notes.length})\n${detail.notes.map(noteText).join('') || '  none\n'}`
  );
}
