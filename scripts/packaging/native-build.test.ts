import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedForNativeBuild, staleNativeFolders } from './native-build';

describe('copying better-sqlite3 for the Electron build', () => {
  const packageDir = '/home/agent/build/refund-console/node_modules/better-sqlite3';

  it('copies the sources even when the checkout lies under a folder named build', () => {
    for (const file of ['package.json', 'src/better_sqlite3.cpp', 'deps/sqlite3/sqlite3.c']) {
      expect(copiedForNativeBuild(packageDir, path.join(packageDir, file))).toBe(true);
    }
  });

  it("leaves out the package's own build folder, the Node-ABI build", () => {
    expect(copiedForNativeBuild(packageDir, path.join(packageDir, 'build'))).toBe(false);
    expect(copiedForNativeBuild(packageDir, path.join(packageDir, 'build/Release/better_sqlite3.node'))).toBe(
      false,
    );
  });
});

describe('native builds left from other Electron versions', () => {
  it('are every electron-v folder but the current one', () => {
    expect(
      staleNativeFolders(['electron-v40.1.0', 'electron-v41.7.1', 'electron-v39.0.0', 'README'], '41.7.1'),
    ).toEqual(['electron-v40.1.0', 'electron-v39.0.0']);
  });
});
