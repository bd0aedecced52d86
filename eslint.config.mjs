// ESLint flat config: typescript-eslint's recommended rules, React's hook rules for the
// renderers, type-only imports marked as such, and no console outside the command-line entry
// points (everything else logs through electron/host/util/logger.ts). `npm run lint` is part of
// `npm test`; a disable comment that no longer disables anything is itself an error.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'dist-native/',
      'release/',
      'test-output/',
      '.cache/',
      '.data/',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `import { type A }` alone keeps a side-effect import under verbatimModuleSyntax.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules. Version 7's React Compiler rules (purity, refs,
    // set-state-in-effect) are not on: the renderers are not written for the compiler yet.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Command-line entry points talk to a person on a terminal: the console is their interface.
    // scripts/ holds them all (the hub CLI, bench, launcher, build); the property tests print the
    // spread of inputs they ran on; the pages have one console writer of their own.
    files: [
      'scripts/**',
      'tests/support/summary-reporter.ts',
      'tests/support/measure-font-advances.ts',
      'tests/unit/planner/*.property.test.ts',
      'renderer/common/page-log.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
