import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, useNativeBinding } from './sqlite';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(path.join(tmpdir(), 'rc-sqlite-'));

describe('the native binding a process uses', () => {
  it('is the package’s own build unless told, and the given file once told', () => {
    openDatabase(path.join(dir, 'a.sqlite')).close();
    // The Node build stands in for an Electron build: same loading path, an ABI this test can load.
    const nodeBuild = path.join(
      path.dirname(require.resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      'better_sqlite3.node',
    );
    useNativeBinding(nodeBuild);
    const db = openDatabase(path.join(dir, 'b.sqlite'));
    expect(db.prepare('select 41 + 1 as answer').get()).toEqual({ answer: 42 });
    db.close();
    useNativeBinding(path.join(dir, 'missing.node'));
    expect(() => openDatabase(path.join(dir, 'c.sqlite'))).toThrow(/missing\.node/);
  });
});
