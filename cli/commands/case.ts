import { CASE_STATUSES, type CaseStatus, type CaseSummary } from '../../shared/model/case';
import { decide } from '../../shared/policy';
import { parseArgs, stringFlag, UsageError, type ParsedArgs } from '../args';
import { EXIT, readJsonInput, type CliIo } from '../io';
import { currentAgent } from '../../electron/store';
import { allowFlags, CommandFailure, unwrap, withStore, type StoreContext } from './with-store';

const USAGE =
  'case add FILE|- | decide REF [--agent NAME] [--note TEXT] | show REF [--json] | list [--status S[,S]] [--limit N] [--json]';
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

type Subcommand = (parsed: ParsedArgs, io: CliIo, context: StoreContext) => Promise<number> | number;

const positional = (parsed: ParsedArgs, what: string): string => {
  const value = parsed.positionals[1];
  if (value === undefined) throw new UsageError(`missing ${what}`);
  return value;
};

const SUBCOMMANDS: Record<string, { flags: string[]; run: Subcommand }> = {
  add: {
    flags: [],
    run: async (parsed, io, { handlers }) => {
      const input = await readJsonInput(io, parsed.positionals[1]);
      if (!input.ok) throw new CommandFailure(EXIT.badInput, input.message);
      io.stdout(`${unwrap(await handlers['cases.create'](input.value)).detail.summary.ref}\n`);
      return EXIT.ok;
    },
  },
  // Prints the whole stored DecisionRecord: the rules' decision, the recorded outcome (which
  // differs only for an override), the facts it was made on, the agent and the time. It records
  // what it just read and decided, so a change by another process in between is refused.
  decide: {
    flags: ['agent', 'note'],
    run: async (parsed, io, { store, handlers }) => {
      const ref = positional(parsed, 'REF');
      const agent = stringFlag(parsed, 'agent') ?? currentAgent(store);
      const note = stringFlag(parsed, 'note');
      const { summary, facts } = unwrap(await handlers['cases.get']({ ref }));
      const { outcome, refundAmount } = decide(facts, { now: store.now() });
      const recorded = unwrap(
        await handlers['decisions.record']({
          ref,
          revision: summary.revision,
          seen: { outcome, refundAmount },
          agent: agent === 'unknown' ? 'cli' : agent,
          note,
        }),
      );
      io.stdout(json(recorded.detail.decisions.at(-1)));
      return EXIT.ok;
    },
  },
  show: {
    flags: ['json'],
    run: async (parsed, io, { handlers }) => {
      const detail = unwrap(await handlers['cases.get']({ ref: positional(parsed, 'REF') }));
      io.stdout(parsed.flags.has('json') ? json(detail) : table([detail.summary]));
      return EXIT.ok;
    },
  },
  list: {
    flags: ['status', 'limit', 'json'],
    run: async (parsed, io, { handlers }) => {
      const page = unwrap(await handlers['cases.list']({ status: statuses(parsed), limit: limit(parsed) }));
      if (parsed.flags.has('json')) io.stdout(json(page));
      else io.stdout(`${table(page.items)}${page.items.length} of ${page.total} cases\n`);
      return EXIT.ok;
    },
  },
};

function statuses(parsed: ParsedArgs): CaseStatus[] | undefined {
  const text = stringFlag(parsed, 'status');
  if (text === undefined) return undefined;
  const list = text.split(',').map((s) => s.trim());
  const bad = list.find((s) => !(CASE_STATUSES as readonly string[]).includes(s));
  if (bad !== undefined)
    throw new UsageError(`--status must be one of ${CASE_STATUSES.join(', ')} (got "${bad}")`);
  return list as CaseStatus[];
}

function limit(parsed: ParsedArgs): number {
  const text = stringFlag(parsed, 'limit') ?? '100';
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 500) throw new UsageError('--limit must be 1 to 500');
  return value;
}

const COLUMNS: [string, (item: CaseSummary) => string][] = [
  ['REF', (item) => item.ref],
  ['STATUS', (item) => item.status],
  ['OUTCOME', (item) => item.latestOutcome ?? '-'],
  ['WINDOW CLOSES', (item) => item.windowClosesAt ?? '-'],
  ['CUSTOMER', (item) => item.customerName],
  ['ORDER', (item) => item.orderId],
  ['PRODUCT', (item) => item.productName],
];

function table(items: CaseSummary[]): string {
  const rows = [
    COLUMNS.map(([title]) => title),
    ...items.map((item) => COLUMNS.map(([, cell]) => cell(item))),
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

/** `refund-console [--db PATH] case add|decide|show|list …` */
export async function caseCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['db', 'agent', 'note', 'status', 'limit']);
  const name = parsed.positionals[0];
  const sub = name === undefined ? undefined : SUBCOMMANDS[name];
  if (sub === undefined)
    throw new UsageError(
      name === undefined ? `usage: ${USAGE}` : `unknown subcommand "${name}"; usage: ${USAGE}`,
    );
  allowFlags(parsed, sub.flags);
  return withStore(`case ${name}`, parsed, io, (context) => sub.run(parsed, io, context));
}
