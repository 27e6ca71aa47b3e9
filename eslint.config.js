// Lint rules, including the import boundaries of docs/architecture.md:
// core imports nothing of ours outside core (and no Node, no Electron); the renderer imports only
// core; only main/electron/ and preload/ import electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTIN = '^(node:.*|fs|path|os|crypto|http|https|net|child_process|url|util|stream|events|buffer)$';
const restrict = (...regexes) => ['error', { patterns: regexes.map(([regex, message]) => ({ regex, message })) }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'test-results/**', 'playwright-report/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['(^|/)(main|renderer|preload)(/|$)', 'core imports nothing of ours outside core.'],
        ['^electron$', 'core must not depend on Electron.'],
        [NODE_BUILTIN, 'core runs in the renderer too: no Node APIs.'],
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        ['(^|/)(main|preload)(/|$)', 'The renderer talks to the trusted side only through core/api.ts.'],
        ['^electron$', 'The renderer must not import Electron.'],
        [NODE_BUILTIN, 'The renderer cannot use Node APIs.'],
      ),
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['^electron$', 'Only main/electron/ and preload/ import electron; the rest runs under plain Node.'],
        ['(^|/)(renderer|preload)(/|$)', 'The trusted side does not import UI code.'],
      ),
    },
  },
  {
    files: ['main/electron/**/*.ts', 'preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(['(^|/)renderer(/|$)', 'The shell does not import UI code.']),
    },
  },
  {
    // Playwright fixtures declare "no fixtures needed" with an empty pattern.
    files: ['test/e2e/**/*.ts', 'test/electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
