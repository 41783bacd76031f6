// `npm run dist`: the installers for the platform this runs on (electron-builder.yml's targets:
// AppImage and deb on Linux, NSIS on Windows, dmg and zip on macOS) in release/. Where Electron,
// its headers or electron-builder's packaging tools cannot be downloaded it says so in a few
// lines (scripts/packaging/prerequisites.ts) and leaves the full output in a log file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mergeLinuxUpdateInfo } from './packaging/installer-rules';
import { distUnavailable, packagingFailure } from './packaging/prerequisites';

const require = createRequire(import.meta.url);

// The native module first: where it cannot be built, nothing else is worth building.
const native = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/electron-native.ts'], {
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
});
if (native.status !== 0) {
  const lines = [
    ...native.stderr.trim().split('\n'),
    ...distUnavailable('better-sqlite3 could not be built for Electron (above)', null),
  ];
  console.error([...new Set(lines)].join('\n'));
  process.exit(1);
}
execFileSync('npm', ['run', '--silent', 'build:app'], { stdio: ['ignore', 'ignore', 'inherit'] });

function electronBuilder(args: string[]): void {
  const builder = spawnSync(
    process.execPath,
    [require.resolve('electron-builder/cli.js'), ...args, '--publish', 'never'],
    { encoding: 'utf8' },
  );
  const output = `${builder.stdout}${builder.stderr}`;
  if (builder.status !== 0) {
    const logFile = path.join(mkdtempSync(path.join(tmpdir(), 'rc-dist-')), 'electron-builder.log');
    writeFileSync(logFile, output);
    console.error(distUnavailable(packagingFailure(output), logFile).join('\n'));
    process.exit(1);
  }
  process.stdout.write(output);
}

if (process.platform === 'linux') {
  // Each Linux target in a run of its own: in one run they share the unpacked app's resources/,
  // where the deb writes its package-type while the AppImage is packed from it, and the
  // AppImage would then update itself as a deb. Each run writes latest-linux.yml with its own
  // installer only, so the two are merged into the one the update server serves.
  const latest = path.join('release', 'latest-linux.yml');
  const runs = ['AppImage', 'deb'].map((target) => {
    electronBuilder(['--linux', target]);
    return existsSync(latest) ? readFileSync(latest, 'utf8') : null;
  });
  const written = runs.filter((text): text is string => text !== null);
  if (written.length > 0) writeFileSync(latest, mergeLinuxUpdateInfo(written));
} else {
  electronBuilder([]);
}
