import { safeStorage } from 'electron';
import path from 'node:path';
import { sealedFileCredentials, type CredentialKeeper, type Encryptor } from '../team-sync';

/** Electron's safeStorage as team-sync's Encryptor (the backend only exists on Linux). */
const keychain: Encryptor = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  get backend() {
    return process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  },
  encryptString: (text) => safeStorage.encryptString(text),
  decryptString: (blob) => safeStorage.decryptString(blob),
};

/** The team password, encrypted by the OS keychain, in one file of the user-data folder. */
export const keychainCredentials = (userData: string): CredentialKeeper =>
  sealedFileCredentials(path.join(userData, 'team-credentials.bin'), keychain);
