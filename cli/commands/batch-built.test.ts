import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCase, seededRandom } from '../../electron/store/test-support/generate';
import { CANONICAL_HEADER, csvText, orderRow } from '../../electron/services/test-support/order-files';
import { buildCli, type BuiltCli } from '../test-support/built-cli';

// The built CLI starts its worker threads on out/cli/decide-worker.js, its own esbuild entry:
// only running the build shows that it is there and loads.
let cli: BuiltCli;
let dir: string;
let orders: string;
const NOW = Date.parse('2026-03-02T00:00:00Z');

beforeAll(() => {
  cli = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'rc-batch-built-'));
  const random = seededRandom(21);
  const rows = Array.from({ length: 40_000 }, (_, i) => orderRow(generateCase(random, i, NOW), 'canonical'));
  for (let i = 17; i < rows.length; i += 4_001) rows[i]![5] = 'hardware';
  rows[30_000]![1] = 'Quoted, "Ltd"';
  orders = join(dir, 'orders.csv');
  writeFileSync(orders, `\uFEFF${csvText(CANONICAL_HEADER, rows)}`);
});
afterAll(() => {
  cli.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

// A hang (a worker left running, a result never handed on) ends here instead of in the test's timeout.
type RunOutput = ReturnType<BuiltCli['run']> & { output: Buffer };
const run = (...args: string[]) => cli.run(['decide', '--batch', ...args], { timeout: 90_000 });

describe('the built CLI: decide --batch on worker threads', { timeout: 240_000 }, () => {
  it('writes on workers what --workers 0 writes, with the same summary and exit code', () => {
    const [onWorkers, oneThread] = ['3', '0'].map((workers) => {
      const out = join(dir, `decisions-${workers}.csv`);
      return { ...run(orders, '--out', out, '--workers', workers), output: readFileSync(out) };
    }) as [RunOutput, RunOutput];
    expect(onWorkers.status).toBe(2);
    expect(onWorkers.stderr).toMatch(/decided 39,990 of 40,000 rows; 10 could not be/);
    expect({ ...onWorkers, output: null }).toEqual({ ...oneThread, output: null });
    expect(onWorkers.output.equals(oneThread.output)).toBe(true);
    expect(onWorkers.output.toString('utf8')).toContain('\r\n30002,O-2026-00030000,');
  });

  it('stops and exits when the file turns out bad halfway, with the row', () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, `${readFileSync(orders, 'utf8')}O-x,"never closed,\r\n`);
    const result = run(broken, '--out', join(dir, 'broken-out.csv'), '--workers', '2');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^refund-console decide: row 40002, column customerName: a double quote opens this cell and is never closed/,
    );
  });

  it('reports a worker that cannot start instead of hanging, and still decides on one thread', () => {
    unlinkSync(join(dirname(cli.bin), '..', 'out', 'cli', 'decide-worker.js'));
    const out = join(dir, 'missing-worker.csv');
    const result = run(orders, '--out', out, '--workers', '2');
    expect(result.status).toBe(70);
    expect(result.stderr).toMatch(
      /^refund-console decide: internal error: a decision worker failed: Cannot find module/,
    );
    expect(run(orders, '--out', out, '--workers', '0').status).toBe(2);
  });

  it('refuses a worker count that is not one', () => {
    for (const workers of ['two', '65', '1.5']) {
      const result = run(orders, '--workers', workers);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--workers must be a whole number from 0 \(none\) to 64/);
    }
  });
});
