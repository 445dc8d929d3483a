// Flat config: type-aware typescript-eslint on everything we write, plus the rules that keep
// src/core pure (it must run in Node, in tests and in the CLI exactly as in the browser).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const viewOnlyModules = ['phaser', 'howler', 'i18next', 'i18next-*', '**/game/**', '**/i18n/**', '**/adapters/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'coverage/**', 'docs/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: viewOnlyModules }],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'navigator',
        'setTimeout',
        'setInterval',
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Chance is an input: use the seeded generator in src/core/random.ts.',
        },
        { object: 'Date', property: 'now', message: 'Time is an input: take it from the caller.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);
