// Layer boundaries, enforced the way VS Code's code-layering rule does it: each runtime
// folder says what it may import. The pure core imports nothing impure; the renderer never
// reaches Node, Electron or the store; only electron/shell/ touches Electron; no import
// forms a cycle anywhere.
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Bare built-in names by exact match; every `node:` import by the pattern below.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('node:'));

/**
 * One no-restricted-imports entry per layer. Packages are matched by exact name, folders by
 * pattern: a bare 'electron' pattern would also match the electron/ folder. ESLint keeps only
 * the last no-restricted-imports of a file, so a layer lists every limit it has in one call.
 */
const restrict = (limits) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: limits.flatMap(({ packages = [], message }) => packages.map((name) => ({ name, message }))),
      patterns: limits
        .filter(({ folders = [] }) => folders.length > 0)
        .map(({ folders, message }) => ({ group: folders, message })),
    },
  ],
});

const PURE = {
  packages: [...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom', 'zustand'],
  folders: ['node:*', '**/electron/**', '**/renderer/**', '**/cli/**'],
  message: 'shared/ is the pure core: no Node, Electron, React, storage or other layers.',
};
const NO_ELECTRON = {
  packages: ['electron'],
  message: 'Only electron/shell/ imports electron, so everything else runs on plain Node.',
};
const NO_RENDERER = { folders: ['**/renderer/**'], message: 'The Node side never imports the renderer.' };
// A store internal is reached only through electron/store/index.ts; tests and benchmarks may
// also use its test-support helpers.
const STORE_FACE = {
  folders: ['**/store/*', '!**/store/index', '!**/store/test-support', '!**/store/test-support/*'],
  message: 'Import the store through its face (electron/store), never a module behind it.',
};
// The team server likewise, through electron/team/index.ts.
const TEAM_FACE = {
  folders: ['**/team/*', '!**/team/index', '!**/team/test-support', '!**/team/test-support/*'],
  message: 'Import the team server code through its face (electron/team), never a module behind it.',
};
// Background team sync, through electron/team-sync/index.ts.
const TEAM_SYNC_FACE = {
  folders: [
    '**/team-sync/*',
    '!**/team-sync/index',
    '!**/team-sync/test-support',
    '!**/team-sync/test-support/*',
  ],
  message: 'Import background team sync through its face (electron/team-sync), never a module behind it.',
};
// The reports (documents from store data) and the Chromium printer are plain Node folders with
// one face each, like the store.
const REPORT_FACES = {
  folders: [
    '**/reports/*',
    '!**/reports/index',
    '!**/reports/test-support',
    '!**/reports/test-support/*',
    '**/print/*',
    '!**/print/index',
    // shared/fonts is the list of shipped fonts; electron/fonts reads them, through its face.
    '**/fonts/pieces',
    '**/fonts/fontconfig',
  ],
  message: 'Import electron/reports, electron/print and electron/fonts through their faces (index.ts).',
};
const STORE_NOT_WIRE = {
  folders: ['**/shared/ipc/**'],
  message: 'The store speaks the domain (shared/model), not the wire contract (shared/ipc).',
};

export default tseslint.config(
  // scripts/fixtures holds deliberate violations that scripts/layering.test.ts lints on purpose.
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'release',
      'coverage',
      'e2e/artifacts',
      'bench/.data',
      'scripts/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Type-only imports count too: a cycle of types still ties the modules' meaning together.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: restrict([PURE]),
  },
  // Inside shared/: model ← policy ← ipc. The domain knows nothing of the rules or the wire.
  {
    files: ['shared/model/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict([
      PURE,
      {
        folders: ['**/policy', '**/policy/**', '**/ipc', '**/ipc/**'],
        message: 'shared/model is the bottom layer: it may not import shared/policy or shared/ipc.',
      },
    ]),
  },
  {
    files: ['shared/policy/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict([
      PURE,
      {
        folders: ['**/ipc', '**/ipc/**'],
        message: 'shared/policy may not import the wire contract (shared/ipc).',
      },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([
      {
        packages: [...nodeBuiltins, 'electron', 'better-sqlite3'],
        folders: ['node:*', '**/electron/**', '**/cli/**'],
        message:
          'renderer/ is browser code: it talks to the typed API only, never Node, Electron or the store.',
      },
    ]),
  },
  // The app shell (renderer/app) composes the features; a feature never reaches back up into it.
  {
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/components/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: restrict([
      {
        packages: [...nodeBuiltins, 'electron', 'better-sqlite3'],
        folders: ['node:*', '**/electron/**', '**/cli/**'],
        message:
          'renderer/ is browser code: it talks to the typed API only, never Node, Electron or the store.',
      },
      {
        folders: ['**/app/*', '**/app'],
        message: 'Features and components never import the app shell (renderer/app).',
      },
    ]),
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['electron/shell/**', 'electron/store/**', 'electron/team/**'],
    rules: restrict([NO_ELECTRON, NO_RENDERER, STORE_FACE, TEAM_FACE, TEAM_SYNC_FACE, REPORT_FACES]),
  },
  {
    files: ['electron/store/**/*.ts'],
    rules: restrict([NO_ELECTRON, NO_RENDERER, STORE_NOT_WIRE]),
  },
  {
    // Like the store, the team side speaks the domain; it reaches the store through its face.
    files: ['electron/team/**/*.ts'],
    rules: restrict([NO_ELECTRON, NO_RENDERER, STORE_FACE, STORE_NOT_WIRE]),
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: restrict([NO_RENDERER, STORE_FACE, TEAM_FACE, TEAM_SYNC_FACE, REPORT_FACES]),
  },
);
