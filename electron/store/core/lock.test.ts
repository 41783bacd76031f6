import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../integrity/backup';
import { getCase } from '../cases/case-detail';
import { createCase } from '../cases/cases';
import { StoreLockedError, StoreReplacedError } from './errors';
import { openStore } from '../open';
import { restoreBackup } from '../integrity/restore';
import { sampleCase, tempDir, tempStore } from '../test-support/temp-store';

const HOLDER = join(import.meta.dirname, '..', 'test-support', 'hold-store.ts');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Another process with the store open, as the loopback host would have it. */
function holdInChild(file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, file], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  cleanups.push(() => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      if (text.includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
  });
}

describe('one process owns a store', () => {
  it('refuses a second process and names the one holding the store', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'cases.sqlite');
    const child = await holdInChild(file);
    let refusal: unknown;
    try {
      openStore({ file, autoBackup: false });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(StoreLockedError);
    expect((refusal as StoreLockedError).holder?.pid).toBe(child.pid);
    expect((refusal as Error).message).toMatch(new RegExp(`in use by process ${child.pid} on .*hold-store`));

    // Once the holder has gone (even killed: the OS drops its lock), the store opens.
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const store = openStore({ file, autoBackup: false });
    expect(getCase(store, 'RC-000001').summary.orderId).toBe('O-held');
    store.close();
  });

  it('refuses a second open in the same process until the first closes', () => {
    const env = tempStore();
    cleanups.push(env.cleanup);
    expect(() => openStore({ file: env.file, autoBackup: false })).toThrow(StoreLockedError);
    env.store.close();
    const again = openStore({ file: env.file, autoBackup: false });
    again.close();
  });

  it('refuses a restore from another process while a host has the store open', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'cases.sqlite');
    const first = openStore({ file, autoBackup: false });
    createCase(first, sampleCase(), 'ann');
    const backup = await createBackup(first);
    first.close();
    await holdInChild(file);
    // The CLI's restore opens the store first; that is where it stops.
    expect(() => restoreBackup(openStore({ file, autoBackup: false }), backup.file, 'ann')).toThrow(
      /is in use by process/,
    );
  });

  it('stops writing once its file was replaced underneath it', () => {
    const env = tempStore();
    cleanups.push(env.cleanup);
    createCase(env.store, sampleCase(), 'ann');
    const other = join(env.dir, 'other.sqlite');
    copyFileSync(env.file, other);
    renameSync(other, env.file);
    expect(() => createCase(env.store, sampleCase(), 'ann')).toThrow(StoreReplacedError);
    expect(() => createCase(env.store, sampleCase(), 'ann')).toThrow(/was replaced or removed/);
  });
});
