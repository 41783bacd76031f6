import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteTrouble } from './sqlite-trouble';

const failing = (code: string) => Object.assign(new Error(code), { code });

describe('what an error says about the store file', () => {
  it.each([
    ['SQLITE_CORRUPT', 'corrupt'],
    ['SQLITE_CORRUPT_INDEX', 'corrupt'],
    ['SQLITE_NOTADB', 'corrupt'],
    ['SQLITE_BUSY', 'unavailable'],
    ['SQLITE_LOCKED', 'unavailable'],
    ['SQLITE_CANTOPEN', 'unavailable'],
    ['SQLITE_IOERR_WRITE', 'unavailable'],
    ['SQLITE_READONLY', 'unavailable'],
    ['SQLITE_FULL', 'unavailable'],
    ['SQLITE_PERM', 'unavailable'],
    ['SQLITE_AUTH', 'unavailable'],
    ['SQLITE_CONSTRAINT_UNIQUE', null],
    ['SQLITE_ERROR', null],
  ])('%s is %s', (code, trouble) => {
    expect(sqliteTrouble(failing(code))).toBe(trouble);
  });

  it('reads a real SQLite error and leaves other errors alone', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x UNIQUE); INSERT INTO t VALUES (1)');
    let error: unknown;
    try {
      db.exec('INSERT INTO t VALUES (1)');
    } catch (caught) {
      error = caught;
    }
    db.close();
    expect(sqliteTrouble(error)).toBeNull();
    expect(sqliteTrouble(new Error('plain'))).toBeNull();
    expect(sqliteTrouble(null)).toBeNull();
  });
});
