// The team login's password at rest, in the desktop app: encrypted by the OS keychain
// (Electron safeStorage) into a small file in the user-data folder. This file holds the
// pure part, the blob's format and what is refused, so it is tested without Electron.

export interface TeamCredentials {
  login: string;
  password: string;
}

/** What the shell's safeStorage offers, as far as this file needs it. */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  /** On Linux: which secret store backs it; 'basic_text' means a key hard-coded in Chromium. */
  backend?: string;
  encryptString(text: string): Buffer;
  decryptString(blob: Buffer): string;
}

/** The password cannot be kept safely here: nothing is written, and the message says why. */
export class CredentialsRefusedError extends Error {
  override name = 'CredentialsRefusedError';
}

const MAGIC = Buffer.from('refund-console team credentials v1\n', 'utf8');

/** Why credentials cannot be stored with this encryptor, or null when they can. */
export function refusalOf(encryptor: Encryptor): string | null {
  if (!encryptor.isEncryptionAvailable()) {
    return 'The system keychain is not available, so the team password cannot be stored encrypted; it was not saved.';
  }
  if (encryptor.backend === 'basic_text') {
    return 'No system keyring (GNOME Keyring or KWallet) is running, so the team password would be stored with a key anyone can read; it was not saved.';
  }
  return null;
}

/** The credentials as the file holds them: a header, then what the keychain encrypted. */
export function sealCredentials(encryptor: Encryptor, credentials: TeamCredentials): Buffer {
  const refused = refusalOf(encryptor);
  if (refused !== null) throw new CredentialsRefusedError(refused);
  if (credentials.login === '' || credentials.password === '') {
    throw new CredentialsRefusedError('A team login needs both a name and a password.');
  }
  const sealed = encryptor.encryptString(JSON.stringify(credentials));
  return Buffer.concat([MAGIC, sealed]);
}

/** Reads a blob written by sealCredentials; null when it is not one or cannot be decrypted here. */
export function openCredentials(encryptor: Encryptor, blob: Buffer): TeamCredentials | null {
  if (blob.length <= MAGIC.length || !blob.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  if (!encryptor.isEncryptionAvailable()) return null;
  try {
    const parsed = JSON.parse(encryptor.decryptString(blob.subarray(MAGIC.length))) as unknown;
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as TeamCredentials).login === 'string' &&
      typeof (parsed as TeamCredentials).password === 'string'
    ) {
      return { login: (parsed as TeamCredentials).login, password: (parsed as TeamCredentials).password };
    }
    return null;
  } catch {
    // Another user's or another machine's keychain: the agent types the password again.
    return null;
  }
}

/** Where the sync service gets the password from: the shell's keychain, or dev:web's environment. */
export interface CredentialKeeper {
  read(): TeamCredentials | null;
  /** Keeps the password for next time, or throws CredentialsRefusedError saying why it cannot. */
  save(credentials: TeamCredentials): void;
  forget(): void;
}
