import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CredentialsRefusedError,
  openCredentials,
  refusalOf,
  sealCredentials,
  type Encryptor,
} from './credentials';
import { environmentCredentials } from './env-credentials';
import { sealedFileCredentials } from './file-credentials';

/** A stand-in keychain that really transforms the text (xor with a key), as safeStorage would. */
function keychain(key: number, overrides: Partial<Encryptor> = {}): Encryptor {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ key));
  return {
    isEncryptionAvailable: () => true,
    encryptString: (text) => xor(Buffer.from(text, 'utf8')),
    decryptString: (blob) => xor(blob).toString('utf8'),
    ...overrides,
  };
}

const credentials = { login: 'mei', password: 'correct horse battery' };

describe('the team password at rest', () => {
  it('round-trips through the keychain and never holds the password in the clear', () => {
    const blob = sealCredentials(keychain(0x5a), credentials);
    expect(blob.includes(Buffer.from(credentials.password))).toBe(false);
    expect(blob.includes(Buffer.from('mei'))).toBe(false);
    expect(openCredentials(keychain(0x5a), blob)).toEqual(credentials);
  });

  it('refuses to store anything when the keychain cannot encrypt, saying why', () => {
    const unavailable = keychain(1, { isEncryptionAvailable: () => false });
    expect(refusalOf(unavailable)).toMatch(/keychain is not available/);
    expect(() => sealCredentials(unavailable, credentials)).toThrow(CredentialsRefusedError);
  });

  it("refuses Linux's basic_text backend, whose key is public", () => {
    const basic = keychain(1, { backend: 'basic_text' });
    expect(() => sealCredentials(basic, credentials)).toThrow(/No system keyring/);
    expect(refusalOf(keychain(1, { backend: 'gnome_libsecret' }))).toBeNull();
  });

  it('refuses an empty login or password', () => {
    expect(() => sealCredentials(keychain(1), { login: 'mei', password: '' })).toThrow(
      /both a name and a password/,
    );
  });

  it('reads nothing from a file that is not its blob, or from another keychain', () => {
    expect(openCredentials(keychain(1), Buffer.from('mei:secret'))).toBeNull();
    const blob = sealCredentials(keychain(0x5a), credentials);
    expect(openCredentials(keychain(0x33), blob)).toBeNull();
    expect(openCredentials(keychain(0x5a, { isEncryptionAvailable: () => false }), blob)).toBeNull();
  });
});

describe("the browser console's password", () => {
  it('comes from a password file first, then from the environment, and is never saved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-pw-'));
    try {
      const file = join(dir, 'pw');
      writeFileSync(file, 'from the file\nignored\n');
      expect(
        environmentCredentials({ REFUND_TEAM_PASSWORD_FILE: file, REFUND_TEAM_PASSWORD: 'env' }).read(),
      ).toEqual({
        login: '',
        password: 'from the file',
      });
      expect(environmentCredentials({ REFUND_TEAM_PASSWORD: 'env' }).read()?.password).toBe('env');
      expect(environmentCredentials({}).read()).toBeNull();
      expect(() => environmentCredentials({}).save(credentials)).toThrow(/REFUND_TEAM_PASSWORD_FILE/);
      expect(readFileSync(file, 'utf8')).toBe('from the file\nignored\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the desktop app's password file", () => {
  it('holds the password sealed, for this user only, read back by a later start, gone when forgotten', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-keep-'));
    try {
      const file = join(dir, 'user-data', 'team-credentials.bin');
      sealedFileCredentials(file, keychain(0x5a)).save(credentials);
      expect(readFileSync(file).includes(Buffer.from(credentials.password))).toBe(false);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const later = sealedFileCredentials(file, keychain(0x5a));
      expect(later.read()).toEqual(credentials);
      later.forget();
      expect(existsSync(file)).toBe(false);
      expect(sealedFileCredentials(file, keychain(0x5a)).read()).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes nothing, and keeps the password it had, when the keychain cannot encrypt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-keep-'));
    try {
      const file = join(dir, 'team-credentials.bin');
      const refusing = sealedFileCredentials(file, keychain(1, { isEncryptionAvailable: () => false }));
      expect(() => refusing.save(credentials)).toThrow(CredentialsRefusedError);
      expect(existsSync(file)).toBe(false);
      expect(existsSync(`${file}.partial`)).toBe(false);
      expect(refusing.read()).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
