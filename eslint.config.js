// Layer boundaries, enforced the way VS Code's code-layering rule does it: each runtime
// folder says what it may import. The pure core imports nothing impure; the renderer never
// reaches Node, Electron or the store; only the four shell files touch Electron.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Bare built-in names by exact match; every `node:` import by the pattern below.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('node:'));
// Packages are matched by exact name, folders by pattern: a bare 'electron' pattern would also
// match the electron/ folder, which the CLI may use.
const restrict = ({ packages = [], folders = [] }, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: packages.map((name) => ({ name, message })),
      patterns: [{ group: ['node:*', ...folders], message }],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'coverage', 'e2e/artifacts', 'bench/.data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: restrict(
      {
        packages: [...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom', 'zustand'],
        folders: ['**/electron/**', '**/renderer/**', '**/cli/**'],
      },
      'shared/ is the pure core: no Node, Electron, React, storage or other layers.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      { packages: [...nodeBuiltins, 'electron', 'better-sqlite3'], folders: ['**/electron/**', '**/cli/**'] },
      'renderer/ is browser code: it talks to the typed API only, never Node, Electron or the store.',
    ),
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts'],
    ignores: ['electron/{main,window,preload,ipc}.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only electron/main.ts, window.ts, preload.ts and ipc.ts may import electron, so everything else runs on plain Node.',
            },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'The Node side never imports the renderer.' }],
        },
      ],
    },
  },
);
