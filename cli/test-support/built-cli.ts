import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CLI as installed: bin/refund-console.js beside a fresh build of this checkout, in a
 * folder of its own under out/ (so node_modules resolves and a stale out/cli is never tested).
 */
export function buildCli(): {
  bin: string;
  run: (args: string[], options?: SpawnSyncOptions) => RunResult;
  cleanup: () => void;
} {
  mkdirSync('out', { recursive: true });
  const root = mkdtempSync(join('out', 'test-cli-'));
  execFileSync(process.execPath, ['scripts/build-cli.mjs', '--outdir', join(root, 'out', 'cli')]);
  mkdirSync(join(root, 'bin'));
  const bin = join(root, 'bin', 'refund-console.js');
  copyFileSync('bin/refund-console.js', bin);
  return {
    bin,
    run: (args, options = {}) => {
      const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', ...options });
      return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}
