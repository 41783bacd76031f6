import {
  addTeamMember,
  initTeamSchema,
  removeTeamMember,
  requireTeamSchema,
  setApprovalThreshold,
} from '../../electron/team';
import { defineCommand, type CommandGroup } from '../command';
import { URL_OPTION, serverUrl, withTeamServer } from './team-server';
import { BadInputError, messageOf, UsageError } from '../errors';
import { json } from '../io';

const init = defineCommand({
  args: '',
  arity: [0, 0],
  summary: 'Create or migrate the team schema on a PostgreSQL server; prints what changed (JSON).',
  options: URL_OPTION,
  usesStore: false,
  run: ({ options, io }) =>
    withTeamServer(serverUrl(options.url), async (server) => {
      const report = await initTeamSchema(server);
      io.stdout(json({ server: server.display, ...report }));
    }),
});

const addMember = defineCommand({
  args: 'NAME',
  arity: [1, 1],
  summary: "Create a member's login on the team server, or change its password or role.",
  options: {
    ...URL_OPTION,
    role: {
      type: 'string',
      value: 'agent|lead',
      help: 'leads may also answer approval requests (default: agent)',
    },
    'display-name': {
      type: 'string',
      value: 'NAME',
      help: "the name the team sees on the member's changes (default: the login)",
    },
    'password-file': {
      type: 'string',
      value: 'FILE|-',
      help: "the member's password, first line of FILE or standard input (never an argument: it would show in ps)",
    },
  },
  usesStore: false,
  run: async ({ positionals: [name], options, io }) => {
    const role = options.role ?? 'agent';
    if (role !== 'agent' && role !== 'lead')
      throw new UsageError(`--role must be agent or lead (got "${role}")`);
    if (options['password-file'] === undefined)
      throw new UsageError('give the password with --password-file FILE|-');
    let password: string;
    try {
      password = (await io.readInput(options['password-file'])).split(/\r?\n/)[0]!;
    } catch (error) {
      throw new BadInputError(`cannot read ${options['password-file']}: ${messageOf(error)}`);
    }
    await withTeamServer(serverUrl(options.url), async (server) => {
      await addTeamMember(server, { name: name!, role, displayName: options['display-name'] }, password);
      io.stdout(json({ server: server.display, member: name, role }));
    });
  },
});

const removeMember = defineCommand({
  args: 'NAME',
  arity: [1, 1],
  summary: 'Take a member out of the team: the login can no longer connect or write; what it wrote stays.',
  options: URL_OPTION,
  usesStore: false,
  run: ({ positionals: [name], options, io }) =>
    withTeamServer(serverUrl(options.url), async (server) => {
      await removeTeamMember(server, name!);
      io.stdout(json({ server: server.display, removed: name }));
    }),
});

const setApprovalThresholdCommand = defineCommand({
  args: 'CURRENCY AMOUNT|none',
  arity: [2, 2],
  summary:
    'Set the amount (minor units: fen, cents) above which a refund in CURRENCY waits for a lead; none removes it (an administrator).',
  options: URL_OPTION,
  usesStore: false,
  run: ({ positionals: [currency, amountText], options, io }) => {
    const amount = amountText === 'none' ? null : Number(amountText);
    if (amount !== null && !/^\d+$/.test(amountText!)) {
      throw new UsageError(`AMOUNT must be a whole number of minor units or "none" (got "${amountText}")`);
    }
    return withTeamServer(serverUrl(options.url), async (server) => {
      await requireTeamSchema(server);
      const thresholds = await setApprovalThreshold(server, currency!, amount);
      io.stdout(json({ server: server.display, approvalThresholds: thresholds }));
    });
  },
});

const server: CommandGroup = {
  summary: 'the team server (PostgreSQL) that desktops share cases through',
  subcommands: {
    init,
    'add-member': addMember,
    'remove-member': removeMember,
    'set-approval-threshold': setApprovalThresholdCommand,
  },
};

export default server;
