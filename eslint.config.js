import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench-results/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the Electron glue in main/electron may touch Electron; everything else must run under plain Node.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', allowTypeImports: true, message: "Only main/electron/ and preload/ may import 'electron'." }] }],
    },
  },
  {
    files: ['main/electron/**', 'preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The renderer runs in a sandboxed page: no Node built-ins, no main-process code.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks only to the API object it is given.' }],
        patterns: [
          { group: ['node:*', 'fs', 'path', 'child_process', 'better-sqlite3'], message: 'The renderer runs in a sandbox.' },
          { group: ['**/db/**', '**/main/services/**', '**/main/electron/**'], message: 'The renderer talks only to the API object it is given.' },
        ],
      }],
    },
  },
);
