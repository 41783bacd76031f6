// The import rules ESLint cannot see: dependency-cruiser reads type-only imports too
// (`tsPreCompilationDeps`), so a circle made of `import type` is still a circle here.
// `npm run lint` runs this file; scripts/import-rules.test.ts proves that each rule fires.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';

/** Tests and their helpers may assemble whatever they test. */
const TESTS = '\\.test\\.tsx?$|\\.e2e\\.ts$|/test-support/|/fixtures/';

/**
 * What each folder may import besides itself (the "may import" column of README.md's layout).
 * A folder named here reaches another only through that one's `index.ts` (ESLint's face rules).
 */
export const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  'shared/model': [],
  'shared/policy': ['shared/model'],
  'shared/ipc': ['shared/model', 'shared/policy', 'shared/import', 'shared/extract'],
  'electron/store': ['shared/model', 'shared/policy'],
  'electron/api': [
    'electron/store',
    'electron/services',
    'electron/reports',
    'electron/team',
    'electron/team-sync',
    'shared',
  ],
  'electron/host': ['electron/api', 'electron/store', 'electron/team-sync', 'shared/ipc'],
  'electron/services': ['electron/store', 'shared'],
  'electron/team': ['electron/store', 'shared/model'],
  'electron/team-sync': ['electron/store', 'electron/team', 'shared'],
  'electron/reports': ['electron/store', 'electron/fonts', 'shared'],
  'electron/print': ['electron/fonts'],
  'electron/fonts': ['shared'],
  'electron/dev-web': ['electron/host', 'electron/store', 'shared/ipc'],
};

/** The store's rooms and the rooms each may import (through their faces); no circle between rooms. */
export const STORE_ROOMS: Readonly<Record<string, readonly string[]>> = {
  core: [],
  cases: ['core'],
  team: ['core', 'cases'],
  figures: ['core', 'cases'],
  integrity: ['core', 'cases', 'figures'],
};

const ROOM = `^electron/store/(${Object.keys(STORE_ROOMS).join('|')})/`;
const under = (folder: string) => `^${folder}/`;

export const IMPORT_RULES: IForbiddenRuleType[] = [
  {
    name: 'no-circular',
    comment: 'No import circle of any kind, type-only imports included.',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
  ...Object.entries(MAY_IMPORT).map(([folder, allowed]): IForbiddenRuleType => ({
    name: `may-import:${folder}`,
    comment: `${folder} imports only ${allowed.join(', ') || 'nothing of this repository'}.`,
    severity: 'error',
    from: { path: under(folder), pathNot: TESTS },
    to: { dependencyTypes: ['local'], pathNot: [folder, ...allowed].map(under) },
  })),
  {
    name: 'store-room-face',
    comment: 'A store room reaches a sibling room through its index.ts, never the modules behind it.',
    severity: 'error',
    from: { path: '^electron/store/([^/]+)', pathNot: TESTS },
    to: { path: ROOM, pathNot: ['^electron/store/$1/', `${ROOM}index\\.ts$`] },
  },
  ...Object.entries(STORE_ROOMS).map(([room, allowed]): IForbiddenRuleType => ({
    name: `store-room:${room}`,
    comment: `The ${room} room imports only ${allowed.join(', ') || 'no other room'}.`,
    severity: 'error',
    from: { path: `^electron/store/${room}/`, pathNot: TESTS },
    to: { path: `^electron/store/(?!(${[room, ...allowed].join('|')})/)[^/]+/` },
  })),
  {
    name: 'frozen-migrations',
    comment: 'A migration holds the SQL of its day: it imports no live code that may change later.',
    severity: 'error',
    from: { path: '^electron/store/core/migrations/' },
    to: { dependencyTypes: ['local'], pathNot: '^electron/store/core/migrations/' },
  },
];

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** The violations of IMPORT_RULES among `paths` (folders or files), relative to `baseDir`. */
export async function importViolations(paths: string[], baseDir = process.cwd()): Promise<Violation[]> {
  const tsConfig = join(baseDir, 'tsconfig.json');
  const result = await cruise(
    paths,
    {
      baseDir,
      validate: true,
      tsPreCompilationDeps: true,
      ruleSet: { forbidden: IMPORT_RULES },
      // The fixture circle proves ESLint's own cycle rule fires (layering.test.ts).
      exclude: { path: 'node_modules|^out/|^dist/|^scripts/fixtures/' },
      doNotFollow: { path: 'node_modules' },
    },
    {},
    existsSync(tsConfig) ? { tsConfig: { fileName: tsConfig } } : {},
  );
  if (typeof result.output === 'string') throw new Error('dependency-cruiser answered text, not a result');
  return result.output.summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.cycle?.map((step) => step.name).join(' -> ') ?? violation.to,
  }));
}

if (process.argv[1]?.endsWith('import-rules.ts')) {
  const violations = await importViolations([
    'electron',
    'cli',
    'bench',
    'e2e',
    'shared',
    'renderer',
    'scripts',
  ]);
  for (const { rule, from, to } of violations) console.error(`${rule}: ${from} -> ${to}`);
  if (violations.length > 0) process.exit(1);
}
