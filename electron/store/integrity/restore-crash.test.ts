import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditWithBackups } from './audit-backups';
import { createBackup } from './backup';
import { createCase } from '../cases/cases';
import { openStore } from '../open';
import { sampleCase, tempDir } from '../test-support/temp-store';

// SIGKILL at every write, sync, truncate, rename, link and unlink a restore makes, through
// strace's fault injection: the n-th call of one syscall kills the process as it enters it.
const SYSCALLS = ['write', 'pwrite64', 'fsync', 'fdatasync', 'ftruncate', 'rename', 'renameat', 'renameat2'];
SYSCALLS.push('link', 'linkat', 'unlink', 'unlinkat');
const HAS_STRACE = spawnSync('strace', ['-V']).status === 0;
const BEFORE_BACKUP = 20;
const AFTER_BACKUP = 10;
const LATER = Date.parse('2026-03-06T00:00:00Z');

let temp: ReturnType<typeof tempDir>;
let base: string;
let backupFile: string;
let child: string;

beforeAll(async () => {
  temp = tempDir();
  base = join(temp.dir, 'base');
  let now = Date.parse('2026-03-02T00:00:00Z');
  const store = openStore({ file: join(base, 'cases.sqlite'), autoBackup: false, now: () => now });
  for (let i = 0; i < BEFORE_BACKUP; i++) createCase(store, sampleCase({ orderId: `O-${i}` }), 'ann');
  backupFile = (await createBackup(store)).file;
  now += 60_000;
  for (let i = 0; i < AFTER_BACKUP; i++) createCase(store, sampleCase({ orderId: `O-late-${i}` }), 'ann');
  store.close();
  // Bundled once, so each of the many runs starts in a tenth of a second instead of via tsx.
  child = join(temp.dir, 'restore-child.cjs');
  buildSync({
    entryPoints: [join(import.meta.dirname, '..', 'test-support', 'restore-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    outfile: child,
    logLevel: 'warning',
  });
});
afterAll(() => temp.cleanup());

const childEnv = { ...process.env, NODE_PATH: resolve('node_modules') };

/** Runs the restore in a fresh copy of the base folder under strace; returns what it printed. */
function runRestore(folder: string, strace: string[]): Promise<string[]> {
  cpSync(base, folder, { recursive: true });
  const file = join(folder, 'cases.sqlite');
  const backup = join(folder, 'backups', backupFile.split('/').at(-1)!);
  return new Promise((done, fail) => {
    const run = spawn('strace', ['-f', '-qq', ...strace, process.execPath, child, file, backup], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    run.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    run.on('error', fail);
    run.on('close', () => done(out.split('\n').filter(Boolean)));
  });
}

/** How many calls of each syscall a whole restore makes, and how many come before "ready". */
async function countCalls(): Promise<Map<string, { before: number; total: number }>> {
  const trace = join(temp.dir, 'trace.txt');
  await runRestore(join(temp.dir, 'counted'), ['-e', `trace=${SYSCALLS.join(',')}`, '-o', trace]);
  const counts = new Map<string, { before: number; total: number }>();
  let ready = false;
  for (const line of readFileSync(trace, 'utf8').split('\n')) {
    const name = /^\d+\s+(\w+)\(/.exec(line)?.[1];
    if (name === undefined) continue;
    const count = counts.get(name) ?? counts.set(name, { before: 0, total: 0 }).get(name)!;
    count.total++;
    if (!ready) count.before++;
    if (line.includes('write(1, "ready')) ready = true;
  }
  return counts;
}

/** The restore's audit row, if the store has one. */
const restoreRowOf = (store: ReturnType<typeof openStore>) => {
  const detail = store.db.prepare("SELECT detail FROM audit WHERE action = 'store.restore'").pluck().get() as
    string | undefined;
  return detail === undefined ? undefined : (JSON.parse(detail) as { finishedAtOpen?: boolean });
};

describe.skipIf(!HAS_STRACE)('restore under SIGKILL (needs strace)', () => {
  it('killed after the swap and before its audit row, is finished by the next open', async () => {
    // The first fsync after the rename over the live file: swapped, not yet audited.
    const trace = join(temp.dir, 'swap-trace.txt');
    await runRestore(join(temp.dir, 'swap-counted'), ['-e', 'trace=fsync,rename', '-o', trace]);
    const calls = readFileSync(trace, 'utf8').split('\n');
    const swap = calls.findIndex((line) => /rename\(.*restore-tmp/.test(line));
    expect(swap).toBeGreaterThan(0);
    const n = calls.slice(0, swap).filter((line) => /\bfsync\(/.test(line)).length + 1;
    const folder = join(temp.dir, 'after-swap');
    const lines = await runRestore(folder, [
      '-e',
      'trace=fsync',
      '-e',
      `inject=fsync:signal=KILL:when=${n}`,
      '-o',
      '/dev/null',
    ]);
    expect(lines).toEqual(['ready']);
    const store = openStore({ file: join(folder, 'cases.sqlite'), autoBackup: false, now: () => LATER });
    try {
      expect(store.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(BEFORE_BACKUP);
      expect(restoreRowOf(store)).toMatchObject({ finishedAtOpen: true });
      expect(verifyAuditWithBackups(store)).toMatchObject({ ok: true, problems: [] });
    } finally {
      store.close();
    }
  });

  it('leaves, at every kill point, the old store or the restored one, never none or a silent loss', async () => {
    const points: { name: string; n: number }[] = [];
    for (const [name, { before, total }] of await countCalls()) {
      for (let n = before + 1; n <= total; n++) points.push({ name, n });
    }
    expect(points.length).toBeGreaterThan(50);
    const seen = { old: 0, restored: 0, finishedAtOpen: 0 };
    const check = async ({ name, n }: { name: string; n: number }) => {
      const folder = join(temp.dir, `${name}-${n}`);
      const lines = await runRestore(folder, [
        '-e',
        `trace=${name}`,
        '-e',
        `inject=${name}:signal=KILL:when=${n}`,
        '-o',
        '/dev/null',
      ]);
      const where = `SIGKILL at ${name} #${n} (${lines.join(', ')})`;
      const store = openStore({ file: join(folder, 'cases.sqlite'), autoBackup: false, now: () => LATER });
      try {
        expect(store.damage, where).toBeNull();
        const cases = store.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
        const restoreRow = restoreRowOf(store);
        const verification = verifyAuditWithBackups(store);
        expect([BEFORE_BACKUP, BEFORE_BACKUP + AFTER_BACKUP], where).toContain(cases);
        if (lines.includes('restored')) expect(restoreRow, where).toBeDefined();
        expect(verification, where).toMatchObject({ ok: true });
        if (cases === BEFORE_BACKUP + AFTER_BACKUP) {
          seen.old++;
        } else {
          // The backup's content is never there without its audit row: a restore killed after
          // the swap is finished by the next open, from its journal.
          expect(restoreRow, where).toBeDefined();
          if (restoreRow!.finishedAtOpen === true) seen.finishedAtOpen++;
          else seen.restored++;
        }
      } finally {
        store.close();
      }
    };
    const queue = [...points];
    await Promise.all(
      [0, 1].map(async () => {
        for (let point = queue.shift(); point !== undefined; point = queue.shift()) await check(point);
      }),
    );
    console.log(
      `restore kill points: ${points.length}; old store ${seen.old}, restored ${seen.restored}, finished at the next open ${seen.finishedAtOpen}`,
    );
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.restored).toBeGreaterThan(0);
  }, 300_000);
});
