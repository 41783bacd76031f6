import { CASE_STATUSES, type CaseStatus } from '../../shared/model/case';
import { OUTCOMES } from '../../shared/model/decision';
import { parseMinorUnits } from '../../shared/model/money';
import { decide as decideCase } from '../../shared/policy';
import { defineCommand, type CommandGroup } from '../command';
import { BadInputError, UsageError } from '../errors';
import { json, readJsonInput } from '../io';
import { caseJson, caseTable, caseText } from './case-text';
import { agentOf, assign, claimNext, close, edit, history, reopen, unassign } from './case-lifecycle';
import { unwrap, withStore, type StoreContext } from './with-store';

const JSON_OPTION = { json: { type: 'boolean', help: 'print JSON instead of text' } } as const;

function statuses(text: string | undefined): CaseStatus[] | undefined {
  if (text === undefined) return undefined;
  const list = text.split(',').map((s) => s.trim());
  const bad = list.find((s) => !(CASE_STATUSES as readonly string[]).includes(s));
  if (bad !== undefined)
    throw new UsageError(`--status must be one of ${CASE_STATUSES.join(', ')} (got "${bad}")`);
  return list as CaseStatus[];
}

function limit(text = '100'): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 500) throw new UsageError('--limit must be 1 to 500');
  return value;
}

/** The refs of the cases already open for the order a new case names, if it names one. */
async function casesOfOrder(handlers: StoreContext['handlers'], input: unknown): Promise<string[]> {
  const orderId = (input as { orderId?: unknown } | null)?.orderId;
  if (typeof orderId !== 'string' || orderId.trim() === '') return [];
  const { items } = unwrap(await handlers['cases.byOrder']({ orderId }));
  return items.map((item) => item.ref);
}

const add = defineCommand({
  args: 'FILE|-',
  arity: [1, 1],
  summary: 'Open a case from JSON (or - for standard input); prints its ref.',
  options: {
    'allow-duplicate': { type: 'boolean', help: 'open it although a case for its order id exists' },
  },
  usesStore: true,
  run: ({ positionals: [file], options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ handlers }) => {
      const input = await readJsonInput(io, file!);
      const existing = await casesOfOrder(handlers, input);
      if (existing.length > 0 && options['allow-duplicate'] !== true) {
        throw new BadInputError(
          `order ${(input as { orderId: string }).orderId} already has ${existing.join(', ')}; ` +
            'pass --allow-duplicate to open another case for it',
        );
      }
      const created = unwrap(await handlers['cases.create'](input));
      io.stdout(`${created.detail.summary.ref}\n`);
    }),
});

/**
 * `--override OUTCOME --reason TEXT [--amount MONEY]` as the store takes it; the store checks
 * the reason's length and the amount against the cash paid, as it does for the console.
 */
function overrideOf(
  options: { override?: string | undefined; amount?: string | undefined; reason?: string | undefined },
  currency: string,
) {
  if (options.override === undefined) {
    if (options.amount !== undefined || options.reason !== undefined)
      throw new UsageError('--amount and --reason go with --override');
    return undefined;
  }
  const outcome = OUTCOMES.find((each) => each === options.override);
  if (outcome === undefined) throw new UsageError(`--override must be one of ${OUTCOMES.join(', ')}`);
  if (options.reason === undefined)
    throw new UsageError('--override needs --reason: why the rules are overridden');
  if (options.amount === undefined) return { outcome, justification: options.reason };
  const amount = parseMinorUnits(options.amount, currency);
  if (amount === null)
    throw new BadInputError(`--amount: "${options.amount}" is no amount of ${currency}, such as 990.00`);
  return { outcome, justification: options.reason, amount };
}

// Prints the whole stored DecisionRecord: the rules' decision, the recorded outcome (which
// differs only for an override), the facts it was made on, the agent and the time. It records
// what it just read and decided, so a change by another process in between is refused.
const decide = defineCommand({
  args: 'REF',
  arity: [1, 1],
  summary: 'Decide a case from its stored facts and record it; prints the record as JSON.',
  options: {
    agent: { type: 'string', value: 'NAME', help: "who decides (default: the store's agent, else cli)" },
    note: { type: 'string', value: 'TEXT', help: 'a note kept with the decision' },
    'duplicate-reason': {
      type: 'string',
      value: 'TEXT',
      help: 'why a refund is recorded although another case of the order has one',
    },
    override: {
      type: 'string',
      value: 'OUTCOME',
      help: `record this outcome instead: ${OUTCOMES.join(', ')}`,
    },
    amount: {
      type: 'string',
      value: 'MONEY',
      help: 'with --override to a refund: the cash refunded, as 990.00 (default: the cash paid, never more)',
    },
    reason: { type: 'string', value: 'TEXT', help: 'with --override: why, at least 20 characters' },
  },
  usesStore: true,
  run: ({ positionals: [ref], options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ store, handlers }) => {
      const { summary, facts } = unwrap(await handlers['cases.get']({ ref }));
      const duplicateReason = options['duplicate-reason'];
      const { outcome, refundAmount, currency } = decideCase(facts, { now: store.now() });
      const override = overrideOf(options, currency);
      const recorded = unwrap(
        await handlers['decisions.record']({
          ref: ref!,
          revision: summary.revision,
          seen: { outcome, refundAmount },
          agent: agentOf(store, options.agent),
          note: options.note,
          ...(override === undefined ? {} : { override }),
          ...(duplicateReason === undefined ? {} : { duplicateRefund: { justification: duplicateReason } }),
        }),
      );
      io.stdout(json(recorded.detail.decisions.at(-1)));
    }),
});

const show = defineCommand({
  args: 'REF',
  arity: [1, 1],
  summary: 'One case: its fields, facts, every decision (outcome, override, amount, clauses) and notes.',
  options: JSON_OPTION,
  usesStore: true,
  run: ({ positionals: [ref], options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ handlers }) => {
      const detail = unwrap(await handlers['cases.get']({ ref }));
      // The audit trail says what the customer was told, which a later decision may contradict.
      const audit = unwrap(await handlers['audit.list']({ ref })).items;
      io.stdout(options.json === true ? json(caseJson(detail, audit)) : caseText(detail, audit));
    }),
});

const list = defineCommand({
  args: '',
  arity: [0, 0],
  summary: 'The queue, soonest closing window first.',
  options: {
    status: { type: 'string', value: 'S[,S]', help: `only these statuses: ${CASE_STATUSES.join(', ')}` },
    kind: { type: 'string', value: 'K[,K]', help: 'only these product kinds' },
    outcome: { type: 'string', value: 'O[,O]', help: 'only these latest outcomes' },
    'decided-from': { type: 'string', value: 'ISO', help: 'latest decision at or after this instant' },
    'decided-to': { type: 'string', value: 'ISO', help: 'latest decision before this instant' },
    'decided-by': { type: 'string', value: 'NAME', help: 'with a decision by this agent (in that period)' },
    overridden: { type: 'boolean', help: 'with an overridden decision (in that period)' },
    limit: { type: 'string', value: 'N', help: 'at most N cases, 1 to 500 (default 100)' },
    ...JSON_OPTION,
  },
  usesStore: true,
  run: ({ options, db, newStore, io }) => {
    const request = {
      status: statuses(options.status),
      productType: options.kind?.split(',').map((s) => s.trim()),
      latestOutcome: options.outcome?.split(',').map((s) => s.trim()),
      decidedSince: options['decided-from'],
      decidedBefore: options['decided-to'],
      decidedBy: options['decided-by'],
      ...(options.overridden === true ? { overridden: true as const } : {}),
      limit: limit(options.limit),
    };
    return withStore({ db, newStore }, async ({ handlers }) => {
      const page = unwrap(await handlers['cases.list'](request));
      io.stdout(
        options.json === true
          ? json(page)
          : `${caseTable(page.items)}${page.items.length} of ${page.total} cases\n`,
      );
    });
  },
});

export default {
  summary: 'Add, decide, show, list, assign, claim, close, reopen and edit the cases in the case store.',
  subcommands: {
    add,
    decide,
    show,
    list,
    assign,
    unassign,
    'claim-next': claimNext,
    close,
    reopen,
    edit,
    history,
  },
} satisfies CommandGroup;
