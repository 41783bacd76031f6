import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importViolations } from './import-rules';

// Each rule is only worth having if it bites: a small tree with one offending import must be
// reported under that rule's name, and the allowed spelling of the same import must not.
let base = '';
afterEach(() => rmSync(base, { recursive: true, force: true }));

async function violationsOf(files: Record<string, string>): Promise<string[]> {
  base = mkdtempSync(join(tmpdir(), 'rc-import-rules-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, file)), { recursive: true });
    writeFileSync(join(base, file), `${text}\nexport const here = 1;\n`);
  }
  const roots = [...new Set(Object.keys(files).map((file) => file.split('/')[0]!))];
  return (await importViolations(roots, base)).map((violation) => violation.rule);
}

describe('import rules', () => {
  it('see a circle made of type-only imports', async () => {
    const rules = await violationsOf({
      'shared/model/a.ts': "import type { here as b } from './b';\nexport type A = typeof b;",
      'shared/model/b.ts': "import type { here as a } from './a';\nexport type B = typeof a;",
    });
    expect(rules).toContain('no-circular');
  });

  it.each([
    ['electron/api/x.ts', "import { here } from '../print';", 'may-import:electron/api'],
    ['shared/model/x.ts', "import { here } from '../policy/rule';", 'may-import:shared/model'],
    ['electron/store/cases/x.ts', "import { here } from '../../api';", 'may-import:electron/store'],
    ['electron/store/team/x.ts', "import { here } from '../cases/search';", 'store-room-face'],
    ['electron/store/open.ts', "import { here } from './core/lock';", 'store-room-face'],
    ['electron/store/cases/x.ts', "import { here } from '../team';", 'store-room:cases'],
    ['electron/store/core/x.ts', "import { here } from '../figures';", 'store-room:core'],
    ['electron/store/core/migrations/009-x.ts', "import { here } from '../rows';", 'frozen-migrations'],
  ])('%s may not: %s', async (file, code, rule) => {
    expect(await violationsOf({ ...TREE, [file]: code })).toContain(rule);
  });

  it.each([
    ['electron/api/x.ts', "import { here } from '../store';"],
    ['electron/store/team/x.ts', "import { here } from '../cases';"],
    ['electron/store/open.ts', "import { here } from './core';"],
    ['electron/store/cases/x.test.ts', "import { here } from '../team/claims';"],
    ['electron/store/core/migrations/009-x.ts', "import { here } from './types';"],
  ])('%s may: %s', async (file, code) => {
    expect(await violationsOf({ ...TREE, [file]: code })).toEqual([]);
  });
});

/** The modules the imports above reach. */
const TREE: Record<string, string> = {
  'electron/api/index.ts': '',
  'electron/print/index.ts': '',
  'electron/store/index.ts': '',
  'electron/store/core/index.ts': '',
  'electron/store/core/lock.ts': '',
  'electron/store/core/rows.ts': '',
  'electron/store/core/migrations/types.ts': '',
  'electron/store/cases/index.ts': '',
  'electron/store/cases/search.ts': '',
  'electron/store/team/index.ts': '',
  'electron/store/team/claims.ts': '',
  'electron/store/figures/index.ts': '',
  'shared/policy/rule.ts': '',
};
