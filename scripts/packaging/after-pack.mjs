// electron-builder's afterPack hook: flips the fuses of fuses.json into the packed Electron
// binary before it is signed, with the project's pinned @electron/fuses (electron-builder's
// own `electronFuses` option would use the 1.x it bundles). Each fuse closes a way to run
// other code with the app's identity or to read its data:
// - RunAsNode off: ELECTRON_RUN_AS_NODE would make the signed binary a general-purpose Node.
// - NODE_OPTIONS and --inspect off: they would inject code or a debugger into main.
// - cookie encryption on: cookies and local storage sealed with the OS keychain.
// - asar integrity on and app only from asar: the app runs only from the app.asar whose hash
//   electron-builder embeds (checked on macOS and Windows), never from a loose folder.
// - GrantFileProtocolExtraPrivileges off: the console is served from app://, not file://.
// strictlyRequireAllFuses: a fuse added by a later Electron fails the build until decided here.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FUSES_FILE = new URL('./fuses.json', import.meta.url);

/** fuses.json (fuse name → on/off) as @electron/fuses wants it (wire index → on/off). */
export function fuseConfig() {
  const byName = JSON.parse(readFileSync(FUSES_FILE, 'utf8'));
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true };
  for (const [name, on] of Object.entries(byName)) {
    if (!(name in FuseV1Options)) throw new Error(`fuses.json: unknown fuse ${name}`);
    config[FuseV1Options[name]] = on;
  }
  return config;
}

/** The file holding the fuse wire: the executable, or the .app bundle on macOS. */
export function packedBinary({ appOutDir, electronPlatformName, packager }) {
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const binary = packedBinary(context);
  // Apple silicon refuses to run a binary whose ad-hoc signature no longer matches.
  const resetAdHocDarwinSignature =
    context.electronPlatformName === 'darwin' && [3, 4].includes(context.arch); // Arch.arm64, Arch.universal
  await flipFuses(binary, { ...fuseConfig(), resetAdHocDarwinSignature });
  console.log(`  • fuses flipped  binary=${binary}`);
}
