import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  openCredentials,
  sealCredentials,
  type CredentialKeeper,
  type Encryptor,
  type TeamCredentials,
} from './credentials';

/**
 * The team password sealed by the keychain in one file (the desktop app's user-data folder):
 * written whole (a temporary file renamed over it), readable by this user only; when the
 * keychain cannot encrypt, sealCredentials refuses and nothing is written.
 */
export function sealedFileCredentials(file: string, encryptor: Encryptor): CredentialKeeper {
  // Decrypted once per start, not every round: some keychains ask the user on each access.
  let known: TeamCredentials | null | undefined;
  return {
    read() {
      if (known !== undefined) return known;
      try {
        known = openCredentials(encryptor, readFileSync(file));
      } catch {
        known = null;
      }
      return known;
    },
    save(credentials) {
      const blob = sealCredentials(encryptor, credentials);
      mkdirSync(path.dirname(file), { recursive: true });
      const partial = `${file}.partial`;
      writeFileSync(partial, blob, { mode: 0o600 });
      renameSync(partial, file);
      known = credentials;
    },
    forget: () => {
      rmSync(file, { force: true });
      known = null;
    },
  };
}
