import {
  NewerTeamSchemaError,
  TeamMemberError,
  TeamSettingError,
  TeamSchemaMissingError,
  TeamServerAddressError,
  connectTeamServer,
  type TeamServer,
} from '../../electron/team';
import { BadInputError, CliError, EXIT, UsageError } from '../errors';

// What the team commands (server, sync) share: naming the server and reaching it.

export const URL_OPTION = {
  url: {
    type: 'string',
    value: 'URL',
    help: 'the team server, postgres://user:password@host:port/database (or REFUND_TEAM_URL)',
  },
} as const;

/** The URL from --url or the environment, so a password can stay out of the shell's history. */
export function serverUrl(option: string | undefined): string {
  const url = option ?? process.env.REFUND_TEAM_URL;
  if (url === undefined || url === '')
    throw new UsageError('name the team server with --url or REFUND_TEAM_URL');
  return url;
}

export async function withTeamServer<T>(url: string, work: (server: TeamServer) => Promise<T>): Promise<T> {
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
    if (error instanceof NewerTeamSchemaError || error instanceof TeamSchemaMissingError) {
      throw new CliError(EXIT.storeUnusable, error.message);
    }
    if (error instanceof TeamMemberError || error instanceof TeamSettingError)
      throw new BadInputError(error.message);
    // 42501: the login lacks the right (a member running what only the schema's owner may).
    if ((error as { code?: string }).code === '42501') {
      throw new BadInputError(`the team server refused ${server.display}: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    await server.close().catch(() => undefined);
  }
}
