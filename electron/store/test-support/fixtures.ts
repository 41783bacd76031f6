import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-store';

/**
 * A copy of a fixture store (electron/store/fixtures/NAME) in a fresh temp folder, so a test
 * may migrate and write it: the fixtures stand for files agents have and are never changed.
 */
export function copyOfFixture(name: string): { file: string; cleanup: () => void } {
  const temp = tempDir();
  const file = join(temp.dir, 'cases.sqlite');
  copyFileSync(join(import.meta.dirname, '..', 'fixtures', name), file);
  return { file, cleanup: temp.cleanup };
}
