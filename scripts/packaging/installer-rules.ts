/**
 * What the Linux installers must carry beside the app itself (scripts/check-package.ts runs
 * electron-builder's deb and AppImage targets and hands what they wrote to these rules): the
 * package metadata fpm needs, and the files electron-updater reads to update the install.
 */
import { parseYaml, writeYaml } from './yaml';

export type LinuxInstaller = 'deb' | 'AppImage';

/** What one Linux target left in resources/ of the packed app. */
export interface InstallerResources {
  /** resources/app-update.yml, or null when absent. */
  appUpdateYml: string | null;
  /** resources/package-type, or null when absent. */
  packageType: string | null;
  /** Whether resources/apparmor-profile is there. */
  apparmorProfile: boolean;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/**
 * The updater's files in an installer. app-update.yml names the provider and the updater's
 * cache folder (electron-updater reads it even when the app sets the feed URL); package-type
 * makes a deb install use the deb updater, and must not be in an AppImage, which would then
 * try to install a deb; the deb loads its AppArmor profile on Ubuntu 24.04+.
 */
export function installerResourceProblems(target: LinuxInstaller, resources: InstallerResources): string[] {
  const problems: string[] = [];
  if (resources.appUpdateYml === null) {
    problems.push(`${target}: no resources/app-update.yml, so the updater cannot run (publish: null?)`);
  } else {
    const config = record(parseYaml(resources.appUpdateYml));
    if (config.provider !== 'generic') {
      problems.push(`${target}: app-update.yml provider is ${String(config.provider)}, not generic`);
    }
    if (typeof config.updaterCacheDirName !== 'string' || config.updaterCacheDirName === '') {
      problems.push(`${target}: app-update.yml names no updaterCacheDirName`);
    }
  }
  if (target === 'deb') {
    if (resources.packageType?.trim() !== 'deb') {
      problems.push(
        `deb: resources/package-type is ${JSON.stringify(resources.packageType)}, not "deb": a deb install would pick the AppImage updater`,
      );
    }
    if (!resources.apparmorProfile) problems.push('deb: no resources/apparmor-profile for Ubuntu 24.04+');
  } else if (resources.packageType !== null) {
    problems.push(
      `AppImage: carries resources/package-type ${JSON.stringify(resources.packageType)}: it would update itself as a ${resources.packageType.trim()}`,
    );
  }
  return problems;
}

/** The value fpm is given for an option (`--url x`), or null. */
const fpmOption = (args: string[], name: string): string | null => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? null : (args[at + 1] ?? null);
};

/** The deb's control fields as electron-builder hands them to fpm. */
export function debMetadataProblems(fpmArgs: string[], expected: { name: string }): string[] {
  const problems: string[] = [];
  if (fpmOption(fpmArgs, 'name') !== expected.name) {
    problems.push(`deb: package name is ${String(fpmOption(fpmArgs, 'name'))}, not ${expected.name}`);
  }
  const url = fpmOption(fpmArgs, 'url');
  if (url === null || !/^https:\/\//.test(url))
    problems.push(`deb: Homepage is ${String(url)}, not an https URL`);
  const maintainer = fpmOption(fpmArgs, 'maintainer');
  if (maintainer === null || !/^[^<>]+ <[^<>@\s]+@[^<>\s]+>$/.test(maintainer)) {
    problems.push(`deb: Maintainer is ${String(maintainer)}, not "Name <email>"`);
  }
  return problems;
}

interface UpdateFile {
  url: string;
  [field: string]: unknown;
}

const filesOf = (info: Record<string, unknown>): UpdateFile[] =>
  Array.isArray(info.files) ? (info.files as UpdateFile[]) : [];

/**
 * One latest-linux.yml from the files each Linux target's run wrote: the AppImage and the deb
 * are built in runs of their own (they would otherwise share resources/, and the AppImage
 * would carry the deb's package-type), and each run writes the file with its own installer
 * only. The updater finds its installer in the list by extension; the first run's fields lead.
 */
export function mergeLinuxUpdateInfo(texts: string[]): string {
  const infos = texts.map((text) => record(parseYaml(text)));
  const versions = new Set(infos.map((info) => info.version));
  if (versions.size !== 1)
    throw new Error(`the Linux update files disagree on the version: ${[...versions].join(', ')}`);
  const files = new Map<string, UpdateFile>();
  for (const file of infos.flatMap(filesOf)) files.set(file.url, file);
  return writeYaml({ ...infos[0], files: [...files.values()] });
}

/** latest-linux.yml must offer every Linux installer that was built, each with its checksum. */
export function latestLinuxProblems(text: string, built: string[]): string[] {
  const files = filesOf(record(parseYaml(text)));
  return built.flatMap((installer) => {
    const file = files.find((entry) => entry.url === installer);
    if (file === undefined) return [`latest-linux.yml does not offer ${installer}`];
    return typeof file.sha512 === 'string' && file.sha512 !== ''
      ? []
      : [`latest-linux.yml gives ${installer} no sha512`];
  });
}

const targetsOf = (platform: unknown): string[] => {
  const target = record(platform).target;
  const list = Array.isArray(target) ? target : target === undefined ? [] : [target];
  return list.map((entry) => (typeof entry === 'string' ? entry : String(record(entry).target)));
};

/**
 * What electron-builder.yml must say for every platform's updates, including those this
 * machine cannot build: a generic provider (the URL is overridden at run time), and on macOS
 * a zip beside the dmg, the only file the macOS updater can install.
 */
export function updateConfigProblems(configText: string): string[] {
  const config = record(parseYaml(configText));
  const publish = Array.isArray(config.publish) ? record(config.publish[0]) : record(config.publish);
  const problems: string[] = [];
  if (publish.provider !== 'generic') {
    problems.push(
      `publish: provider is ${String(publish.provider)}, not generic: no update files are written`,
    );
  }
  const mac = targetsOf(config.mac);
  if (!mac.includes('zip')) problems.push(`mac: targets ${mac.join(', ')} have no zip for the updater`);
  const linux = targetsOf(config.linux);
  for (const installer of ['AppImage', 'deb']) {
    if (!linux.includes(installer)) problems.push(`linux: no ${installer} target`);
  }
  return problems;
}
