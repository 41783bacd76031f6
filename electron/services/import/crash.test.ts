import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, openStore, verifyAuditWithBackups } from '../../store';
import { generateCase, seededRandom } from '../../store/test-support/generate';
import { sampleCase, START, tempDir } from '../../store/test-support/temp-store';
import { CANONICAL_HEADER, csvText, orderRow } from '../test-support/order-files';

const BASE_CASES = 100;
const IMPORT_ROWS = 100_000;
const ROUNDS = 6;
const CHILD = join(import.meta.dirname, '..', 'test-support', 'import-child.ts');

let temp: ReturnType<typeof tempDir>;
let baseFile: string;
let csvFile: string;
let baseDigest: string;

const digestOfCases = (file: string) => {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare('SELECT id, order_id, facts, created_at FROM cases WHERE id <= ? ORDER BY id')
    .all(BASE_CASES);
  const count = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  db.close();
  return { digest: createHash('sha256').update(JSON.stringify(rows)).digest('hex'), count };
};

beforeAll(() => {
  temp = tempDir();
  baseFile = join(temp.dir, 'base.sqlite');
  const store = openStore({ file: baseFile, autoBackup: false });
  for (let i = 0; i < BASE_CASES; i++) createCase(store, sampleCase({ orderId: `O-base-${i}` }), 'setup');
  store.close();
  baseDigest = digestOfCases(baseFile).digest;
  const random = seededRandom(99);
  const rows = Array.from({ length: IMPORT_ROWS }, (_, i) =>
    orderRow(generateCase(random, i, START), 'canonical'),
  );
  csvFile = join(temp.dir, 'orders.csv');
  writeFileSync(csvFile, csvText(CANONICAL_HEADER, rows));
});
afterAll(() => temp.cleanup());

/** Runs the child, kills it with SIGKILL `delay` ms after it is ready (or once it committed). */
function runAndKill(file: string, delay: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, csvFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('committed ')) child.kill('SIGKILL');
      if (timer === undefined && out.startsWith('ready\n'))
        timer = setTimeout(() => child.kill('SIGKILL'), delay);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself: ${err}`));
      else resolve(out.split('\n').filter(Boolean));
    });
  });
}

describe('import crash safety', () => {
  it(`a kill -9 during a ${IMPORT_ROWS.toLocaleString('en')}-row import lands all of it or none`, async () => {
    const random = seededRandom(20261127);
    const seen = new Set<string>();
    // Delays spread over reading, staging and the commit; the last one lets it finish.
    const delays = [...Array.from({ length: ROUNDS - 1 }, () => Math.floor(random() * 4000)), 30_000];
    for (const [round, delay] of delays.entries()) {
      const file = join(temp.dir, `round-${round}.sqlite`);
      copyFileSync(baseFile, file);
      const lines = await runAndKill(file, delay);
      const committed = lines.includes(`committed ${IMPORT_ROWS}`);
      const { digest, count } = digestOfCases(file);
      expect(digest, `round ${round}: earlier cases unchanged`).toBe(baseDigest);
      if (committed) expect(count).toBe(BASE_CASES + IMPORT_ROWS);
      else expect([BASE_CASES, BASE_CASES + IMPORT_ROWS]).toContain(count);
      seen.add(count === BASE_CASES ? 'none' : 'all');
      const store = openStore({ file, autoBackup: false });
      expect(verifyAuditWithBackups(store).ok, `round ${round}: audit chain`).toBe(true);
      store.close();
    }
    expect(seen).toEqual(new Set(['none', 'all']));
  }, 240_000);
});
