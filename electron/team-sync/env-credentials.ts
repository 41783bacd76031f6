import { readFileSync } from 'node:fs';
import { CredentialsRefusedError, type CredentialKeeper } from './credentials';

/**
 * The browser console's password source (`npm run dev:web`): REFUND_TEAM_PASSWORD_FILE names a
 * file holding the password (first line), or REFUND_TEAM_PASSWORD holds it. The login is the
 * one set in Settings. The host never writes a password anywhere: there is no keychain here.
 */
export function environmentCredentials(env: NodeJS.ProcessEnv = process.env): CredentialKeeper {
  const password = (): string | null => {
    const file = env.REFUND_TEAM_PASSWORD_FILE;
    if (file) return readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? null;
    return env.REFUND_TEAM_PASSWORD || null;
  };
  return {
    read: () => {
      const secret = password();
      return secret === null || secret === '' ? null : { login: '', password: secret };
    },
    save: () => {
      throw new CredentialsRefusedError(
        'The browser console keeps no passwords: start it with REFUND_TEAM_PASSWORD_FILE (or REFUND_TEAM_PASSWORD) set.',
      );
    },
    forget: () => undefined,
  };
}
