// Builds better-sqlite3 for Electron's ABI into out/native/electron-v<version>/ (the folder
// electron/shell/native-binding.ts names), apart from the Node build in node_modules that the
// tests and the CLI use, so one `npm install` keeps both `npm test` and `npm start` working
// with no rebuilding back and forth. The app points better-sqlite3 at this file through its
// `nativeBinding` option. With --need-binary (npm start) it first checks that the Electron
// binary itself is installed. Failures are told in a few lines (scripts/packaging/prerequisites.ts);
// the build's own output goes to a log file.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nativeBindingDir, SQLITE_BINDING_FILE } from '../electron/shell/native-binding';
import { copiedForNativeBuild, staleNativeFolders } from './packaging/native-build';
import { missingElectronBinary, missingElectronHeaders } from './packaging/prerequisites';

const require = createRequire(import.meta.url);
const electronPackage = path.dirname(require.resolve('electron/package.json'));
const electronVersion = (
  JSON.parse(readFileSync(path.join(electronPackage, 'package.json'), 'utf8')) as { version: string }
).version;
const electronAbi = readFileSync(path.join(electronPackage, 'abi_version'), 'utf8').trim();
const target = path.resolve(nativeBindingDir(electronVersion), SQLITE_BINDING_FILE);

const fail = (lines: string[]): never => {
  console.error(lines.join('\n'));
  process.exit(1);
};

if (process.argv.includes('--need-binary') && !existsSync(path.join(electronPackage, 'path.txt'))) {
  fail(missingElectronBinary(electronVersion));
}
// electron-builder ships all of out/native: builds for an Electron no longer used go.
const nativeRoot = path.dirname(path.dirname(target));
if (existsSync(nativeRoot)) {
  for (const stale of staleNativeFolders(readdirSync(nativeRoot), electronVersion)) {
    rmSync(path.join(nativeRoot, stale), { recursive: true, force: true });
  }
}
if (existsSync(target)) process.exit(0);

const work = mkdtempSync(path.join(tmpdir(), 'rc-native-'));
const logFile = path.join(work, 'build.log');
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
cpSync(source, work, { recursive: true, filter: (file) => copiedForNativeBuild(source, file) });
// npm's nodedir setting would silently build against Node's headers, so it is cleared.
const env = { ...process.env, npm_config_nodedir: '' };
const log = openSync(logFile, 'a');
const run = (script: string, args: string[]) =>
  execFileSync(process.execPath, [require.resolve(script), ...args], {
    cwd: work,
    env,
    stdio: ['ignore', log, log],
  });
try {
  try {
    // A prebuilt binary when the project publishes one for this Electron; else compile.
    run('prebuild-install/bin.js', ['--runtime=electron', `--target=${electronVersion}`, '--verbose']);
  } catch {
    run('node-gyp/bin/node-gyp.js', [
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  }
} catch {
  fail(missingElectronHeaders(electronVersion, electronAbi, logFile));
}
const built = path.join(work, 'build', 'Release', SQLITE_BINDING_FILE);
// Loading it in Node must fail with Electron's ABI number: proof it was not built for Node.
try {
  require(built);
  fail(['The Electron build of better-sqlite3 loaded in Node: it was built for the wrong ABI.']);
} catch (error) {
  if (!String((error as Error).message).includes(`NODE_MODULE_VERSION ${electronAbi}`)) throw error;
}
mkdirSync(path.dirname(target), { recursive: true });
cpSync(built, target);
rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion} (ABI ${electronAbi}): ${target}`);
