import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingDir, sqliteBindingPath } from './native-binding';

describe('where the app finds its native module', () => {
  const place = {
    resourcesPath: path.resolve('/opt/Refund Console/resources'),
    appPath: path.resolve('/home/ann/refund-console'),
    electronVersion: '41.7.1',
  };

  it('reads the packaged build from beside the asar, never from inside it', () => {
    const file = sqliteBindingPath({ ...place, packaged: true });
    expect(file).toBe(
      path.join(
        place.resourcesPath,
        'app.asar.unpacked',
        'out',
        'native',
        'electron-v41.7.1',
        'better_sqlite3.node',
      ),
    );
    expect(file.split(path.sep)).not.toContain('app.asar');
  });

  it('reads the development build from the project when run with `electron .`', () => {
    expect(sqliteBindingPath({ ...place, packaged: false })).toBe(
      path.join(place.appPath, 'out', 'native', 'electron-v41.7.1', 'better_sqlite3.node'),
    );
  });

  it('keeps one folder per Electron version, so a build for another Electron is never picked', () => {
    expect(nativeBindingDir('41.7.1')).not.toBe(nativeBindingDir('41.8.0'));
  });
});
