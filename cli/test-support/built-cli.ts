import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CLI as installed: bin/refund-console.js beside a fresh build of this checkout, in a
 * folder of its own under out/ (so node_modules resolves and a stale out/cli is never tested).
 */
export function buildCli(): BuiltCli {
  mkdirSync('out', { recursive: true });
  const root = mkdtempSync(join('out', 'test-cli-'));
  const outdir = join(root, 'out', 'cli');
  execFileSync(process.execPath, ['scripts/build-cli.mjs', '--outdir', outdir]);
  mkdirSync(join(root, 'bin'));
  const bin = join(root, 'bin', 'refund-console.js');
  copyFileSync('bin/refund-console.js', bin);
  return {
    bin,
    loadedBy: (command) => moduleClosure(outdir, command),
    sourcesLoadedBy: (command) =>
      new Set(
        [...moduleClosure(outdir, command)]
          .filter((name) => name.startsWith('./'))
          .flatMap(
            (name) =>
              (JSON.parse(readFileSync(join(outdir, `${name}.map`), 'utf8')) as { sources: string[] })
                .sources,
          ),
      ),
    run: (args, options = {}) => {
      const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', ...options });
      return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface BuiltCli {
  bin: string;
  /** The compiled files and packages that running `command` imports, the entry included. */
  loadedBy: (command: string) => Set<string>;
  /** The source files (from the chunks' source maps) bundled into what `command` imports. */
  sourcesLoadedBy: (command: string) => Set<string>;
  run: (args: string[], options?: SpawnSyncOptions) => RunResult;
  cleanup: () => void;
}

/**
 * Follows the static imports of the entry and of the command's own chunk (what `main()`
 * loads for it by dynamic import), so a test can say what a command never loads.
 */
function moduleClosure(outdir: string, command: string): Set<string> {
  const chunk = readdirSync(outdir).find((name) => name.startsWith(`${command}-`) && name.endsWith('.js'));
  if (chunk === undefined) throw new Error(`no chunk for ${command} in ${outdir}`);
  const seen = new Set<string>();
  const visit = (specifier: string) => {
    if (seen.has(specifier)) return;
    seen.add(specifier);
    if (!specifier.startsWith('./')) return; // a package or a node: builtin
    // Static imports only (`import(` with its parenthesis is the lazy kind, not followed).
    const text = readFileSync(join(outdir, specifier), 'utf8');
    // The keyword must start a statement or follow `}`/a space: `name:"import"` is a string.
    for (const [, target] of text.matchAll(/(?:^|[;}\s])(?:from|import)\s*"([^"]+)"/gm)) visit(target!);
  };
  visit('./refund-console.js');
  visit(`./${chunk}`);
  return seen;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}
