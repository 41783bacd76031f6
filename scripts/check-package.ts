// The package layout check (`npm run check:package`): packs the unpacked Linux folder the
// way `npm run dist` would, from a copy of the working tree, then checks what app.asar holds,
// what sits beside it, and the fuses in the packed binary. Electron's binary cannot be had
// on every machine, so the build uses a placeholder Electron (a stub executable carrying a
// fuse wire in stock state, which the afterPack hook flips as it would the real one) and,
// when the Electron-ABI better-sqlite3 has not been built, a placeholder for it: the check is
// about the layout, not about running the app.
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nativeBindingDir, SQLITE_BINDING_FILE } from '../electron/shell/native-binding';
import { ICON_SIZES, LINUX_ICON_DIR, MAIN_ICON, MAIN_ICON_SIZE } from './packaging/icons';
import fuses from './packaging/fuses.json' with { type: 'json' };
import { fuseProblems, layoutProblems, type FuseSettings } from './packaging/layout-rules';

const require = createRequire(import.meta.url);
const root = process.cwd();
const electronVersion = (require('electron/package.json') as { version: string }).version;
const log = (line: string) => console.log(`check:package: ${line}`);

/** An executable that is not Electron but carries Electron's fuse wire as shipped (most fuses open). */
function placeholderElectron(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const stockWire = '101100011'; // RunAsNode on, cookie encryption off, NODE_OPTIONS and --inspect on, …
  const file = path.join(dir, 'electron');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "placeholder Electron for the package layout check" >&2\nexit 1\n'),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), // @electron/fuses' sentinel
      Buffer.from([1, stockWire.length]),
      Buffer.from(stockWire),
    ]),
  );
  chmodSync(file, 0o755);
}

/** The working tree as git sees it (tracked and new, not ignored) plus the built out/ folder. */
function stageProject(stage: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && existsSync(file));
  for (const file of files) cpSync(file, path.join(stage, file), { recursive: true });
  cpSync('out', path.join(stage, 'out'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
}

function stageNativeModule(stage: string): void {
  const relative = path.join(nativeBindingDir(electronVersion), SQLITE_BINDING_FILE);
  const target = path.join(stage, relative);
  if (existsSync(target)) {
    log(`using the Electron-ABI better-sqlite3 built by scripts/electron-native.ts (${relative})`);
    return;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, 'placeholder: the Electron-ABI better-sqlite3 could not be built here\n');
  log(
    `PLACEHOLDER for ${relative}: the Electron-ABI build is not here (npm start builds it where Electron's headers can be fetched)`,
  );
}

const pngSize = (file: string) => {
  const header = readFileSync(file).subarray(16, 24);
  return [header.readUInt32BE(0), header.readUInt32BE(4)];
};

function iconProblems(): string[] {
  const expected: [string, number][] = [
    [MAIN_ICON, MAIN_ICON_SIZE],
    ...ICON_SIZES.map((size): [string, number] => [path.join(LINUX_ICON_DIR, `${size}x${size}.png`), size]),
  ];
  return expected.flatMap(([file, size]) => {
    if (!existsSync(file)) return [`icon missing: ${file} (npm run icons)`];
    const [width, height] = pngSize(file);
    return width === size && height === size
      ? []
      : [`icon ${file} is ${width}x${height}, not ${size}x${size}`];
  });
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

async function main(): Promise<number> {
  const started = Date.now();
  execFileSync('npm', ['run', '--silent', 'build:app'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const work = mkdtempSync(path.join(tmpdir(), 'rc-check-package-'));
  try {
    const stage = path.join(work, 'project');
    const electronDist = path.join(work, 'electron-dist');
    stageProject(stage);
    stageNativeModule(stage);
    placeholderElectron(electronDist);
    log(`packing --linux dir with a PLACEHOLDER Electron (electronDist=${electronDist}); no Electron is run`);
    execFileSync(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
      ],
      {
        cwd: stage,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ELECTRON_BUILDER_OFFLINE: '1' },
      },
    );
    const unpackedApp = path.join(stage, 'release', 'linux-unpacked');
    const resources = path.join(unpackedApp, 'resources');
    const asar = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    const unpacked = listFiles(path.join(resources, 'app.asar.unpacked'));
    const wire = await getCurrentFuseWire(path.join(unpackedApp, 'refund-console'));
    const problems = [
      ...layoutProblems({ asar, unpacked }, electronVersion),
      ...fuseProblems(
        wire as Record<number, number>,
        fuses as FuseSettings,
        FuseV1Options as unknown as Record<string, number>,
      ),
      ...iconProblems(),
    ];
    for (const problem of problems.slice(0, 30)) console.error(`check:package: FAIL ${problem}`);
    if (problems.length > 30) console.error(`check:package: FAIL … and ${problems.length - 30} more`);
    if (problems.length > 0) return 1;
    log(
      `app.asar holds ${asar.length} entries, all needed; no node_modules, sources, tests, bench, e2e or maps`,
    );
    log(`app.asar.unpacked holds only ${unpacked.join(', ')}`);
    log(`fuses in the packed binary match scripts/packaging/fuses.json (${Object.keys(fuses).length} fuses)`);
    log(`icons: ${ICON_SIZES.length + 1} sizes from build/icon.svg`);
    log(`ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
