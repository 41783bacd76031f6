import type { ApprovalItem } from '../../shared/model/approval';
import { formatMoney } from '../../shared/model/money';
import { defineCommand, type CommandGroup } from '../command';
import { BadInputError, UsageError } from '../errors';
import { json } from '../io';
import { agentOf } from './case-lifecycle';
import { unwrap, withStore, type StoreContext } from './with-store';

// A lead's four-eyes work from the command line: what waits, and a grant or a refusal. The
// answer is written to this store and reaches the team at the next `sync`.

const why = (item: ApprovalItem) =>
  [
    item.approval.override ? 'override' : null,
    item.approval.threshold === null
      ? null
      : `above ${formatMoney({ amount: item.approval.threshold, currency: item.currency })}`,
  ]
    .filter((part) => part !== null)
    .join(', ');

// One line per decision, its columns two spaces apart (the CLI prints no tabs or other controls).
const line = (item: ApprovalItem) =>
  [
    item.ref,
    item.agent,
    item.decidedAt,
    item.rulesOutcome === item.recordedOutcome
      ? item.recordedOutcome
      : `${item.rulesOutcome} -> ${item.recordedOutcome}`,
    item.refundAmount === null ? '-' : formatMoney({ amount: item.refundAmount, currency: item.currency }),
    why(item),
    item.approval.state === 'waiting' ? '' : item.approval.state,
    item.overrideJustification ?? '',
  ]
    .filter((part) => part !== '')
    .join('  ');

const list = defineCommand({
  args: '',
  arity: [0, 0],
  summary: "Decisions waiting for a lead's approval, oldest first (--answered: those answered).",
  options: {
    answered: { type: 'boolean', help: 'the granted and refused ones instead, newest first' },
    json: { type: 'boolean', help: 'print JSON instead of text' },
  },
  usesStore: true,
  run: ({ options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ handlers }) => {
      const states = options.answered === true ? (['granted', 'refused'] as const) : (['waiting'] as const);
      const lists = [];
      for (const state of states) lists.push(unwrap(await handlers['approvals.list']({ state })));
      const { team, member, thresholds } = lists[0]!;
      const items = lists.flatMap((answer) => answer.items);
      if (options.json === true) return io.stdout(json({ team, member, thresholds, items }));
      if (!team) return io.stdout('This store is not in a team: its decisions count at once.\n');
      io.stdout(`${items.map((item) => `${line(item)}\n`).join('')}${items.length} decisions\n`);
    }),
});

const OPTIONS = {
  decision: { type: 'string', value: 'ID', help: "which decision (default: the case's oldest waiting one)" },
  agent: { type: 'string', value: 'NAME', help: "the lead answering (default: the store's agent)" },
} as const;

async function answer(
  context: StoreContext,
  ref: string,
  options: { decision?: string | undefined; agent?: string | undefined; reason?: string | undefined },
  grant: boolean,
): Promise<string> {
  const { handlers, store } = context;
  const { items } = unwrap(await handlers['approvals.list']({ state: 'waiting' }));
  const chosen =
    options.decision === undefined
      ? items.find((item) => item.ref === ref)
      : items.find((item) => item.ref === ref && String(item.decisionId) === options.decision);
  if (chosen === undefined) throw new BadInputError(`${ref} has no decision waiting for approval`);
  const { revision } = unwrap(await handlers['cases.get']({ ref })).summary;
  const changed = unwrap(
    await handlers['approvals.answer']({
      ref,
      revision,
      decisionId: chosen.decisionId,
      grant,
      reason: options.reason,
      agent: agentOf(store, options.agent),
    }),
  );
  const outcome = changed.detail.summary.latestOutcome ?? 'undecided';
  return `${ref} ${grant ? 'granted' : 'refused'}: the case counts as ${outcome}\n`;
}

const grant = defineCommand({
  args: 'REF',
  arity: [1, 1],
  summary: 'Grant the decision waiting on a case (a lead, never for their own decision).',
  options: OPTIONS,
  usesStore: true,
  run: ({ positionals: [ref], options, db, newStore, io }) =>
    withStore({ db, newStore }, async (context) => io.stdout(await answer(context, ref!, options, true))),
});

const refuse = defineCommand({
  args: 'REF',
  arity: [1, 1],
  summary: 'Refuse the decision waiting on a case, saying why; the case is decided again.',
  options: {
    ...OPTIONS,
    reason: { type: 'string', value: 'TEXT', help: 'why (required; the agent sees it)' },
  },
  usesStore: true,
  run: ({ positionals: [ref], options, db, newStore, io }) => {
    if (!options.reason?.trim())
      throw new UsageError('--reason is required: say why the decision is refused');
    return withStore({ db, newStore }, async (context) =>
      io.stdout(await answer(context, ref!, options, false)),
    );
  },
});

const approvals: CommandGroup = {
  summary: "four-eyes approval in a team: what waits for a lead, and a lead's answer",
  subcommands: { list, grant, refuse },
};

export default approvals;
