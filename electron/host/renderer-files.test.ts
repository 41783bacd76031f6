import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveRendererFile, resolveRendererFileOnDisk } from './renderer-files';

// The checks both the app:// protocol (electron/shell/protocol.ts) and the loopback host
// make before serving a renderer file, on a real folder with real symlinks.
describe('renderer files on disk', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'rc-renderer-files-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(root, 'assets', 'app.js'), '');
    writeFileSync(path.join(base, 'secret.txt'), 'secret');
    mkdirSync(path.join(base, 'outside'));
    writeFileSync(path.join(base, 'outside', 'x.js'), '');
    symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.js'));
    symlinkSync(path.join(base, 'outside'), path.join(root, 'linked-dir'));
    symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
  });

  it('serves files inside the folder, the entry page for /', async () => {
    expect(await resolveRendererFileOnDisk(root, '/')).toBe(path.join(root, 'index.html'));
    expect(await resolveRendererFileOnDisk(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('follows a symlink that stays inside the folder', async () => {
    expect(await resolveRendererFileOnDisk(root, '/alias.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each(['/assets/leak.js', '/linked-dir/x.js'])(
    'refuses %s, a symlink out of the folder',
    async (pathname) => {
      expect(resolveRendererFile(root, pathname)).not.toBeNull(); // by name it looks inside…
      expect(await resolveRendererFileOnDisk(root, pathname)).toBeNull(); // …on disk it is not
    },
  );

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/assets%2F..%2F..%2Fsecret.txt',
    '/%5C..%5C..%5Csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/missing.js',
  ])('refuses %s', async (pathname) => {
    expect(await resolveRendererFileOnDisk(root, pathname)).toBeNull();
  });
});
