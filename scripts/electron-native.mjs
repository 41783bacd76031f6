// Builds better-sqlite3 for Electron's ABI into out/native/electron-v<version>/, apart from
// the Node build in node_modules that the tests and the CLI use, so one `npm install` keeps
// both `npm test` and `npm start` working with no rebuilding back and forth. The app points
// better-sqlite3 at this file through its `nativeBinding` option.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const electronAbi = readFileSync(
  path.join(path.dirname(require.resolve('electron/package.json')), 'abi_version'),
  'utf8',
).trim();
const target = path.resolve('out', 'native', `electron-v${electronVersion}`, 'better_sqlite3.node');

if (existsSync(target)) process.exit(0);

const work = mkdtempSync(path.join(tmpdir(), 'rc-native-'));
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
cpSync(source, work, { recursive: true, filter: (file) => !file.includes(`${path.sep}build${path.sep}`) });
// npm's nodedir setting would silently build against Node's headers, so it is cleared.
const env = { ...process.env, npm_config_nodedir: '' };
const run = (script, args) =>
  execFileSync(process.execPath, [require.resolve(script), ...args], { cwd: work, env, stdio: 'inherit' });
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
  console.error(
    `Could not build better-sqlite3 for Electron ${electronVersion} (Electron's headers must be downloadable).\n` +
      'The tests and the CLI do not need this; the desktop app does.',
  );
  process.exit(1);
}
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
// Loading it in Node must fail with Electron's ABI number: proof it was not built for Node.
try {
  require(built);
  console.error('The Electron build of better-sqlite3 loaded in Node: it was built for the wrong ABI.');
  process.exit(1);
} catch (error) {
  if (!String(error.message).includes(`NODE_MODULE_VERSION ${electronAbi}`)) throw error;
}
mkdirSync(path.dirname(target), { recursive: true });
cpSync(built, target);
rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion} (ABI ${electronAbi}): ${target}`);
