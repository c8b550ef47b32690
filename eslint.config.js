import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.artifacts/**', 'bench/results/**', 'bench/workloads/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['packages/engine/src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'] }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded generator in src/random.' }, { object: 'Date', property: 'now', message: 'The engine has no clock.' }],
    },
  },
  { files: ['packages/web/src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  {
    // The engine's public surface is its module subpaths (packages/engine/package.json "exports"):
    // outside the engine, import `@brink/engine/<module>`, never a file inside a module.
    files: ['packages/app/**/*.ts', 'packages/web/**/*.{ts,tsx}', 'bench/**/*.ts', 'e2e/**/*.ts', 'fuzz/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@brink/engine/[^/]+/', message: 'Import the module (`@brink/engine/<module>`), not a file inside it.' },
            { regex: '^@brink/engine$', message: 'Import a module subpath: `@brink/engine/games`, `/scenario`, `/deterrence`, ...' },
            { regex: '(\\.\\./)+engine/src', message: 'Import the engine through `@brink/engine/<module>`.' },
          ],
        },
      ],
    },
  },
);
