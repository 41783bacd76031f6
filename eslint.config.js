// Layer boundaries, enforced the way VS Code's code-layering rule does it: each runtime
// folder says what it may import. The pure core imports nothing impure; the renderer never
// reaches Node, Electron or the store; only the four shell files touch Electron.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'node:*'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
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
      [
        ...nodeBuiltins,
        'electron',
        'better-sqlite3',
        'react',
        'react-dom',
        'zustand',
        '**/electron/**',
        '**/renderer/**',
        '**/cli/**',
      ],
      'shared/ is the pure core: no Node, Electron, React, storage or other layers.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', '**/electron/**', '**/cli/**'],
      'renderer/ is browser code: it talks to the typed API only, never Node, Electron or the store.',
    ),
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts'],
    ignores: ['electron/{main,window,preload,ipc}.ts'],
    rules: restrict(
      ['electron', '**/renderer/**'],
      'Only electron/main.ts, window.ts, preload.ts and ipc.ts may import electron, so everything else runs on plain Node.',
    ),
  },
);
