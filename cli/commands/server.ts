import {
  NewerTeamSchemaError,
  TeamMemberError,
  addTeamMember,
  TeamServerAddressError,
  connectTeamServer,
  initTeamSchema,
  type TeamServer,
} from '../../electron/team';
import { defineCommand, type CommandGroup } from '../command';
import { BadInputError, CliError, EXIT, UsageError } from '../errors';
import { json } from '../io';
import { messageOf } from '../errors';

const URL_OPTION = {
  url: {
    type: 'string',
    value: 'URL',
    help: 'the team server, postgres://user:password@host:port/database (or REFUND_TEAM_URL)',
  },
} as const;

/** The URL from --url or the environment, so a password can stay out of the shell's history. */
function serverUrl(option: string | undefined): string {
  const url = option ?? process.env.REFUND_TEAM_URL;
  if (url === undefined || url === '')
    throw new UsageError('name the team server with --url or REFUND_TEAM_URL');
  return url;
}

async function withTeamServer<T>(url: string, work: (server: TeamServer) => Promise<T>): Promise<T> {
  let server: TeamServer;
  try {
    server = await connectTeamServer(url);
  } catch (error) {
    if (error instanceof TeamServerAddressError) throw new BadInputError(error.message);
    throw new CliError(EXIT.storeUnusable, `cannot reach the team server: ${(error as Error).message}`);
  }
  try {
    return await work(server);
  } catch (error) {
    if (error instanceof NewerTeamSchemaError) throw new CliError(EXIT.storeUnusable, error.message);
    if (error instanceof TeamMemberError) throw new BadInputError(error.message);
    // 42501: the login lacks the right (a member running what only the schema's owner may).
    if ((error as { code?: string }).code === '42501') {
      throw new BadInputError(`the team server refused ${server.display}: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    await server.close().catch(() => undefined);
  }
}

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
      await addTeamMember(server, { name: name!, role }, password);
      io.stdout(json({ server: server.display, member: name, role }));
    });
  },
});

const server: CommandGroup = {
  summary: 'the team server (PostgreSQL) that desktops share cases through',
  subcommands: { init, 'add-member': addMember },
};

export default server;
