import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  debMetadataProblems,
  installerResourceProblems,
  latestLinuxProblems,
  mergeLinuxUpdateInfo,
  updateConfigProblems,
} from './installer-rules';
import { parseYaml } from './yaml';

const APP_UPDATE = `provider: generic
url: https://updates.example.invalid/refund-console
updaterCacheDirName: refund-console-updater
`;

describe('the updater files in a Linux installer', () => {
  it('are all there in a deb: app-update.yml, package-type deb, the AppArmor profile', () => {
    expect(
      installerResourceProblems('deb', {
        appUpdateYml: APP_UPDATE,
        packageType: 'deb',
        apparmorProfile: true,
      }),
    ).toEqual([]);
  });

  it('are missing when publish is null, which left a deb with the AppImage updater', () => {
    expect(
      installerResourceProblems('deb', { appUpdateYml: null, packageType: null, apparmorProfile: true }),
    ).toEqual([
      'deb: no resources/app-update.yml, so the updater cannot run (publish: null?)',
      'deb: resources/package-type is null, not "deb": a deb install would pick the AppImage updater',
    ]);
  });

  it("must not give an AppImage the deb's package-type", () => {
    expect(
      installerResourceProblems('AppImage', {
        appUpdateYml: APP_UPDATE,
        packageType: 'deb',
        apparmorProfile: true,
      }),
    ).toEqual(['AppImage: carries resources/package-type "deb": it would update itself as a deb']);
    expect(
      installerResourceProblems('AppImage', {
        appUpdateYml: APP_UPDATE,
        packageType: null,
        apparmorProfile: false,
      }),
    ).toEqual([]);
  });

  it('need a generic provider and the cache folder name', () => {
    expect(
      installerResourceProblems('AppImage', {
        appUpdateYml: 'provider: github\n',
        packageType: null,
        apparmorProfile: false,
      }),
    ).toEqual([
      'AppImage: app-update.yml provider is github, not generic',
      'AppImage: app-update.yml names no updaterCacheDirName',
    ]);
  });
});

describe("the deb's metadata", () => {
  const args = (over: Record<string, string> = {}) =>
    Object.entries({
      name: 'refund-console',
      maintainer: 'Refund Console authors <refund-console@example.invalid>',
      url: 'https://refund-console.example.invalid/',
      ...over,
    }).flatMap(([option, value]) => [`--${option}`, value]);

  it('has a name, a Homepage and a Maintainer with an address', () => {
    expect(debMetadataProblems(['--architecture', 'amd64', ...args()], { name: 'refund-console' })).toEqual(
      [],
    );
  });

  it('says what is wrong', () => {
    expect(
      debMetadataProblems(args({ maintainer: 'Refund Console authors', url: 'http://x' }), {
        name: 'refund-console',
      }),
    ).toEqual([
      'deb: Homepage is http://x, not an https URL',
      'deb: Maintainer is Refund Console authors, not "Name <email>"',
    ]);
  });
});

const latest = (file: string, sha = 'abc') => `version: 0.1.0
files:
  - url: ${file}
    sha512: ${sha}
    size: 100
path: ${file}
sha512: ${sha}
releaseDate: '2026-12-07T20:00:00.000Z'
`;

describe('latest-linux.yml from the AppImage and deb runs', () => {
  const merged = mergeLinuxUpdateInfo([
    latest('Refund-Console-0.1.0.AppImage', 'aaa'),
    latest('refund-console_0.1.0_amd64.deb', 'ddd'),
  ]);

  it('offers both installers, the AppImage leading', () => {
    expect(
      latestLinuxProblems(merged, ['Refund-Console-0.1.0.AppImage', 'refund-console_0.1.0_amd64.deb']),
    ).toEqual([]);
    expect(parseYaml(merged)).toMatchObject({
      version: '0.1.0',
      path: 'Refund-Console-0.1.0.AppImage',
      sha512: 'aaa',
    });
  });

  it('is what a single run would have lost: each run alone offers one installer', () => {
    expect(
      latestLinuxProblems(latest('refund-console_0.1.0_amd64.deb'), ['Refund-Console-0.1.0.AppImage']),
    ).toEqual(['latest-linux.yml does not offer Refund-Console-0.1.0.AppImage']);
  });

  it('refuses runs of different versions', () => {
    expect(() =>
      mergeLinuxUpdateInfo([latest('a.AppImage'), latest('b.deb').replace('0.1.0', '0.2.0')]),
    ).toThrow(/disagree on the version/);
  });
});

describe("electron-builder.yml's update settings", () => {
  it('are right in the project’s own file', () => {
    expect(updateConfigProblems(readFileSync('electron-builder.yml', 'utf8'))).toEqual([]);
  });

  it('say when publish is null and macOS has only a dmg', () => {
    const old = 'linux:\n  target: [AppImage, deb]\nmac:\n  target:\n    - dmg\npublish: null\n';
    expect(updateConfigProblems(old)).toEqual([
      'publish: provider is undefined, not generic: no update files are written',
      'mac: targets dmg have no zip for the updater',
    ]);
  });
});
