import {
  EventRefusedError,
  NewerTeamSchemaError,
  TeamMemberError,
  TeamSettingError,
  TeamSchemaMissingError,
  TeamServerAddressError,
  connectTeamServer,
  type TeamServer,
} from '../../electron/team';
import { environmentCredentials } from '../../electron/team-sync';
import { BadInputError, CliError, EXIT, UsageError } from '../errors';
import { promptPassword } from '../password-prompt';

// What the team commands (server, sync) share: naming the server, signing in and reaching it.

export const URL_OPTION = {
  url: {
    type: 'string',
    value: 'URL',
    help:
      'the team server, postgres://user@host:port/database (or REFUND_TEAM_URL); the password from ' +
      'REFUND_TEAM_PASSWORD_FILE, REFUND_TEAM_PASSWORD or a prompt, never the URL',
  },
} as const;

const HOW_TO_GIVE_A_PASSWORD =
  'put the password in a file named by REFUND_TEAM_PASSWORD_FILE (first line), in REFUND_TEAM_PASSWORD, ' +
  'or leave both unset and type it when asked (on a terminal)';

const passwordIn = (url: string): boolean => {
  try {
    return new URL(url).password !== '';
  } catch {
    return false; // not a URL: connecting says so
  }
};

/**
 * The URL from --url or the environment. An argument shows in the process list and the shell's
 * history, so --url carrying a password is refused with the ways to give one.
 */
export function serverUrl(option: string | undefined): string {
  if (option !== undefined && passwordIn(option)) {
    throw new UsageError(
      `--url must not carry a password (anyone can read it in the process list): ${HOW_TO_GIVE_A_PASSWORD}`,
    );
  }
  const url = option ?? process.env.REFUND_TEAM_URL;
  if (url === undefined || url === '')
    throw new UsageError('name the team server with --url or REFUND_TEAM_URL');
  return url;
}

/** The login's password: from the environment, else asked for on a terminal, else none. */
async function passwordFor(url: string): Promise<string | undefined> {
  if (passwordIn(url)) return undefined;
  let fromEnvironment;
  try {
    fromEnvironment = environmentCredentials().read();
  } catch (error) {
    throw new BadInputError(`cannot read REFUND_TEAM_PASSWORD_FILE: ${(error as Error).message}`);
  }
  if (fromEnvironment !== null) return fromEnvironment.password;
  if (process.stdin.isTTY) return promptPassword('Team server password: ');
  return undefined;
}

export async function withTeamServer<T>(url: string, work: (server: TeamServer) => Promise<T>): Promise<T> {
  let server: TeamServer;
  const password = await passwordFor(url);
  try {
    server = await connectTeamServer(url, password);
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
    if (error instanceof EventRefusedError) throw new BadInputError(error.message);
    // 42501: the login lacks the right (a member running what only the schema's owner may).
    if ((error as { code?: string }).code === '42501') {
      throw new BadInputError(`the team server refused ${server.display}: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    await server.close().catch(() => undefined);
  }
}
