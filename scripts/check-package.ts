// The package layout check (`npm run check:package`): runs electron-builder's Linux targets
// (AppImage, then deb) the way `npm run dist` would, from a copy of the working tree, then
// checks what app.asar holds, what sits beside it, the fuses in the packed binary, the deb's
// metadata and each installer's updater files. Electron's binary cannot be had
// on every machine, so the build uses a placeholder Electron (a stub executable carrying a
// fuse wire in stock state, which the afterPack hook flips as it would the real one) and,
// when the Electron-ABI better-sqlite3 has not been built, a placeholder for it: the check is
// about the layout, not about running the app.
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, log as builderLog, Platform } from 'electron-builder';
import { execFileSync, spawnSync } from 'node:child_process';
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
import projectPackage from '../package.json' with { type: 'json' };
import fuses from './packaging/fuses.json' with { type: 'json' };
import {
  debMetadataProblems,
  installerResourceProblems,
  latestLinuxProblems,
  updateConfigProblems,
  type LinuxInstaller,
} from './packaging/installer-rules';
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

const readOrNull = (file: string): string | null => (existsSync(file) ? readFileSync(file, 'utf8') : null);

/** Whether a command is on PATH. */
const onPath = (command: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * The external tool each Linux installer needs, which electron-builder would otherwise
 * download from GitHub: fpm (a Ruby gem Debian does not package) for the deb, the AppImage
 * runtime and tools for the AppImage. Without it the target runs up to the tool's call, with
 * everything it writes and checks before that (metadata, update files, desktop entry).
 */
function installerTool(target: LinuxInstaller): { available: boolean; missing: string } {
  if (target === 'deb') {
    if (process.env.CUSTOM_FPM_PATH) return { available: true, missing: '' };
    if (onPath('fpm')) {
      process.env.USE_SYSTEM_FPM = 'true';
      return { available: true, missing: '' };
    }
    return { available: false, missing: 'fpm (gem install fpm; or CUSTOM_FPM_PATH)' };
  }
  return process.env.APPIMAGE_TOOLS_PATH
    ? { available: true, missing: '' }
    : { available: false, missing: 'the AppImage runtime and tools (APPIMAGE_TOOLS_PATH)' };
}

interface LinuxRun {
  target: LinuxInstaller;
  unpackedApp: string;
  /** What electron-builder hands fpm (deb only). */
  fpmArgs: string[] | null;
  /** The installer file, when its tool was there to make it. */
  artifact: string | null;
  /** The run's latest-linux.yml, when it made the installer. */
  latestLinux: string | null;
}

/**
 * One Linux target in a run of its own, as `npm run dist` builds them (the deb's updater files
 * must not reach the AppImage through the shared unpacked folder).
 */
async function packLinux(stage: string, electronDist: string, target: LinuxInstaller): Promise<LinuxRun> {
  const tool = installerTool(target);
  let fpmArgs: string[] | null = null;
  log(
    tool.available
      ? `packing --linux ${target} with a PLACEHOLDER Electron; no Electron is run`
      : `packing --linux ${target} with a PLACEHOLDER Electron up to its packaging tool: SKIPPED the ${target} file itself, ${tool.missing} is not here (electron-builder downloads it from GitHub)`,
  );
  // electron-builder's progress goes to a buffer, shown only when the run fails.
  const output: string[] = [];
  Object.assign(builderLog, { stream: { write: (chunk: string) => output.push(chunk) } });
  const artifacts = await build({
    projectDir: stage,
    targets: Platform.LINUX.createTarget(target),
    publish: 'never',
    config: { electronDist },
    // electron-builder's own hook, called with what it would hand the packaging tool.
    effectiveOptionComputed: async (options: unknown) => {
      if (Array.isArray(options)) fpmArgs = options[0] as string[];
      return !tool.available;
    },
  }).catch((error: unknown) => {
    console.error(output.join(''));
    throw error;
  });
  const artifact = artifacts.find((file) => file.endsWith(target === 'deb' ? '.deb' : '.AppImage')) ?? null;
  const release = path.join(stage, 'release');
  return {
    target,
    unpackedApp: path.join(release, 'linux-unpacked'),
    fpmArgs,
    artifact,
    latestLinux: artifact === null ? null : readOrNull(path.join(release, 'latest-linux.yml')),
  };
}

function installerProblems(run: LinuxRun): string[] {
  const resources = path.join(run.unpackedApp, 'resources');
  const problems = installerResourceProblems(run.target, {
    appUpdateYml: readOrNull(path.join(resources, 'app-update.yml')),
    packageType: readOrNull(path.join(resources, 'package-type')),
    apparmorProfile: existsSync(path.join(resources, 'apparmor-profile')),
  });
  if (run.target === 'deb') {
    problems.push(
      ...(run.fpmArgs === null
        ? ['deb: electron-builder never reached fpm']
        : debMetadataProblems(run.fpmArgs, { name: projectPackage.name })),
    );
  }
  if (run.artifact !== null) {
    problems.push(
      ...(run.latestLinux === null
        ? [`${run.target}: no latest-linux.yml beside ${path.basename(run.artifact)}`]
        : latestLinuxProblems(run.latestLinux, [path.basename(run.artifact)])),
    );
  }
  return problems;
}

/** The package's layout, fuses and icons, from an unpacked Linux app. */
async function appProblems(
  unpackedApp: string,
): Promise<{ problems: string[]; asar: string[]; unpacked: string[] }> {
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
  return { problems, asar, unpacked };
}

async function main(): Promise<number> {
  const started = Date.now();
  execFileSync('npm', ['run', '--silent', 'build:app'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const work = mkdtempSync(path.join(tmpdir(), 'rc-check-package-'));
  process.env.ELECTRON_BUILDER_OFFLINE = '1';
  try {
    const stage = path.join(work, 'project');
    const electronDist = path.join(work, 'electron-dist');
    stageProject(stage);
    stageNativeModule(stage);
    placeholderElectron(electronDist);
    // The AppImage's run first, as in `npm run dist`: its unpacked app is the one checked for
    // layout and fuses (the deb's run empties and packs the folder again).
    const appImage = await packLinux(stage, electronDist, 'AppImage');
    const app = await appProblems(appImage.unpackedApp);
    const appImageProblems = installerProblems(appImage);
    const deb = await packLinux(stage, electronDist, 'deb');
    const built = [appImage, deb].flatMap((run) =>
      run.artifact === null ? [] : [path.basename(run.artifact)],
    );
    const problems = [
      ...updateConfigProblems(readFileSync(path.join(stage, 'electron-builder.yml'), 'utf8')),
      ...app.problems,
      ...appImageProblems,
      ...installerProblems(deb),
    ];
    for (const problem of problems.slice(0, 30)) console.error(`check:package: FAIL ${problem}`);
    if (problems.length > 30) console.error(`check:package: FAIL … and ${problems.length - 30} more`);
    if (problems.length > 0) return 1;
    log(
      `app.asar holds ${app.asar.length} entries, all needed; no node_modules, sources, tests, bench, e2e or maps`,
    );
    log(`app.asar.unpacked holds only ${app.unpacked.join(', ')}`);
    log(`fuses in the packed binary match scripts/packaging/fuses.json (${Object.keys(fuses).length} fuses)`);
    log(`icons: ${ICON_SIZES.length + 1} sizes from build/icon.svg`);
    log('electron-builder.yml: generic update provider, a zip for the macOS updater');
    log('AppImage: app-update.yml (generic provider, cache folder) and no package-type of the deb');
    log('deb: Homepage and Maintainer for fpm, app-update.yml, package-type deb, AppArmor profile');
    log(
      built.length === 0
        ? 'no installer file was made (tools above), so no latest-linux.yml to check'
        : `built ${built.join(', ')}; each run's latest-linux.yml offers its installer`,
    );
    log(`ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Exits at once: with electron-builder run in this process, a status left in process.exitCode
// was lost (the check printed its failures and exited 0).
process.exit(await main());
