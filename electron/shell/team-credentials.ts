import { safeStorage } from 'electron';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  openCredentials,
  sealCredentials,
  type CredentialKeeper,
  type Encryptor,
  type TeamCredentials,
} from '../team-sync';

/** Electron's safeStorage as team-sync's Encryptor (the backend only exists on Linux). */
const keychain: Encryptor = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  get backend() {
    return process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  },
  encryptString: (text) => safeStorage.encryptString(text),
  decryptString: (blob) => safeStorage.decryptString(blob),
};

/**
 * The team password, encrypted by the OS keychain, in one file of the user-data folder. It is
 * written whole (a temporary file renamed over it) and readable by this user only; when the
 * keychain cannot encrypt, sealCredentials refuses and nothing is written.
 */
export function keychainCredentials(userData: string): CredentialKeeper {
  const file = path.join(userData, 'team-credentials.bin');
  // Decrypted once per start, not every round: some keychains ask the user on each access.
  let known: TeamCredentials | null | undefined;
  return {
    read() {
      if (known !== undefined) return known;
      try {
        known = openCredentials(keychain, readFileSync(file));
      } catch {
        known = null;
      }
      return known;
    },
    save(credentials) {
      const blob = sealCredentials(keychain, credentials);
      mkdirSync(userData, { recursive: true });
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
