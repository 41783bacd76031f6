import { currentAgent, type CaseStore } from '../../electron/store';
import type { CaseFields } from '../../shared/model/case';
import { defineCommand } from '../command';
import { CheckFailedError, UsageError } from '../errors';
import { json } from '../io';
import { caseTable } from './case-text';
import { applyAssignments, parseAssignment } from './fact-values';
import { unwrap, withStore, type StoreContext } from './with-store';

// Who works a case and whether it is still worked: `case assign`, `unassign`, `claim-next`,
// `close`, `reopen`, `edit` and `history`. Each reads the case and writes on the revision it
// read, so a change made in between by the app is refused rather than overwritten.

export const AGENT_OPTION = {
  agent: { type: 'string', value: 'NAME', help: "who acts (default: the store's agent, else cli)" },
} as const;

/** The agent a change is attributed to: --agent, else the store's configured one, else "cli". */
export function agentOf(store: CaseStore, given: string | undefined): string {
  const agent = given ?? currentAgent(store);
  return agent === 'unknown' ? 'cli' : agent;
}

const revisionOf = async ({ handlers }: StoreContext, ref: string) =>
  unwrap(await handlers['cases.get']({ ref })).summary.revision;

const assignTo = (assignee: string | null) => async (context: StoreContext, ref: string, agent: string) => {
  const revision = await revisionOf(context, ref);
  return unwrap(await context.handlers['cases.assign']({ ref, revision, assignee, agent }));
};

export const assign = defineCommand({
  args: 'REF NAME',
  arity: [2, 2],
  summary: 'Assign a case to an agent (or reassign it); prints the ref and the assignee.',
  options: AGENT_OPTION,
  usesStore: true,
  run: ({ positionals: [ref, name], options, db, newStore, io }) =>
    withStore({ db, newStore }, async (context) => {
      const changed = await assignTo(name!)(context, ref!, agentOf(context.store, options.agent));
      io.stdout(`${ref} ${changed.detail.summary.assignee}\n`);
    }),
});

export const unassign = defineCommand({
  args: 'REF',
  arity: [1, 1],
  summary: 'Leave a case unassigned again.',
  options: AGENT_OPTION,
  usesStore: true,
  run: ({ positionals: [ref], options, db, newStore, io }) =>
    withStore({ db, newStore }, async (context) => {
      await assignTo(null)(context, ref!, agentOf(context.store, options.agent));
      io.stdout(`${ref} unassigned\n`);
    }),
});

export const claimNext = defineCommand({
  args: '',
  arity: [0, 0],
  summary:
    'Assign yourself the open unassigned case whose window closes first; prints its ref (exit 1 when none is left).',
  options: AGENT_OPTION,
  usesStore: true,
  run: ({ options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ store, handlers }) => {
      const claimed = unwrap(await handlers['cases.claimNext']({ agent: agentOf(store, options.agent) }));
      if (claimed === null) throw new CheckFailedError('no open unassigned case is left to claim');
      io.stdout(`${claimed.detail.summary.ref}\n`);
    }),
});

const REASON = { reason: { type: 'string', value: 'TEXT', help: 'why (kept in the audit trail)' } } as const;

export const close = defineCommand({
  args: 'REF',
  arity: [1, 1],
  summary: 'Close a case as resolved.',
  options: { ...AGENT_OPTION, ...REASON },
  usesStore: true,
  run: ({ positionals: [ref], options, db, newStore, io }) =>
    withStore({ db, newStore }, async (context) => {
      const revision = await revisionOf(context, ref!);
      const agent = agentOf(context.store, options.agent);
      const reason = options.reason;
      unwrap(
        await context.handlers['cases.setStatus']({ ref: ref!, revision, status: 'closed', agent, reason }),
      );
      io.stdout(`${ref} closed\n`);
    }),
});

export const reopen = defineCommand({
  args: 'REF',
  arity: [1, 1],
  summary: 'Reopen a decided or closed case for more work; --reason is required.',
  options: { ...AGENT_OPTION, ...REASON },
  usesStore: true,
  run: ({ positionals: [ref], options, db, newStore, io }) => {
    const reason = options.reason?.trim();
    if (!reason) throw new UsageError('--reason is required: say why the case is reopened');
    return withStore({ db, newStore }, async (context) => {
      const revision = await revisionOf(context, ref!);
      const agent = agentOf(context.store, options.agent);
      unwrap(
        await context.handlers['cases.setStatus']({ ref: ref!, revision, status: 'open', agent, reason }),
      );
      io.stdout(`${ref} open\n`);
    });
  },
});

/** Each --option of `case edit` and the case field it sets. */
const FIELD_OPTIONS = {
  customer: 'customerName',
  account: 'accountId',
  contact: 'contact',
  order: 'orderId',
  product: 'productName',
  provider: 'provider',
} as const satisfies Record<string, keyof CaseFields>;

export const edit = defineCommand({
  args: 'REF',
  arity: [1, 1],
  summary: "Correct a case's own fields and its facts; each change and its old value go in the audit trail.",
  options: {
    ...AGENT_OPTION,
    customer: { type: 'string', value: 'NAME', help: "the customer's name" },
    account: { type: 'string', value: 'ID', help: 'the customer account id' },
    contact: { type: 'string', value: 'TEXT', help: 'how to reach the customer ("" clears it)' },
    order: { type: 'string', value: 'ID', help: 'the order id' },
    product: { type: 'string', value: 'NAME', help: 'the product name' },
    provider: { type: 'string', value: 'NAME', help: 'the provider' },
    fact: {
      type: 'string',
      multiple: true,
      value: 'NAME=VALUE',
      help: 'set a fact, read as its kind is (orderAmount=199.00, paidAt=2026-03-01T10:00+08:00, invoiceIssued=yes)',
    },
  },
  usesStore: true,
  run: ({ positionals: [ref], options, db, newStore, io }) => {
    const fields: CaseFields = {};
    for (const [option, field] of Object.entries(FIELD_OPTIONS)) {
      const value = options[option as keyof typeof FIELD_OPTIONS];
      if (value !== undefined) fields[field] = value;
    }
    const assignments = (options.fact ?? []).map(parseAssignment);
    if (Object.keys(fields).length === 0 && assignments.length === 0) {
      throw new UsageError('name at least one field or --fact to change');
    }
    return withStore({ db, newStore }, async (context) => {
      const agent = agentOf(context.store, options.agent);
      const shown = unwrap(await context.handlers['cases.get']({ ref: ref! }));
      // The facts are read and checked before anything is written, so a refused value changes nothing.
      const changedFacts =
        assignments.length === 0 ? null : applyAssignments(shown.facts, assignments, Date.now());
      let { summary } = shown;
      if (Object.keys(fields).length > 0) {
        const write = { ref: ref!, revision: summary.revision, fields, agent };
        ({ summary } = unwrap(await context.handlers['cases.updateFields'](write)).detail);
      }
      if (changedFacts !== null) {
        const write = { ref: ref!, revision: summary.revision, facts: changedFacts, agent };
        ({ summary } = unwrap(await context.handlers['cases.updateFacts'](write)).detail);
      }
      io.stdout(`${ref} revision ${summary.revision}\n`);
    });
  },
});

export const history = defineCommand({
  args: 'REF',
  arity: [1, 1],
  summary: "The other cases of the case's customer account, newest first.",
  options: { json: { type: 'boolean', help: 'print JSON instead of text' } },
  usesStore: true,
  run: ({ positionals: [ref], options, db, newStore, io }) =>
    withStore({ db, newStore }, async ({ handlers }) => {
      const { items } = unwrap(await handlers['cases.accountHistory']({ ref: ref! }));
      io.stdout(options.json === true ? json({ items }) : `${caseTable(items)}${items.length} other cases\n`);
    }),
});
