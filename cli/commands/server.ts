import {
  NewerTeamSchemaError,
  TeamServerAddressError,
  connectTeamServer,
  initTeamSchema,
  type TeamServer,
} from '../../electron/team';
import { defineCommand, type CommandGroup } from '../command';
import { BadInputError, CliError, EXIT, UsageError } from '../errors';
import { json } from '../io';

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

const server: CommandGroup = {
  summary: 'the team server (PostgreSQL) that desktops share cases through',
  subcommands: { init },
};

export default server;
