// @ts-check
import js from '@eslint/js';
import hubspotUiExtensions from '@hubspot/eslint-config-ui-extensions';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const uiFolders = [
  'src/app/packages/function-calls/**',
  'src/app/cards/**',
  'src/app/pages/**',
  'src/app/settings/**',
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', '.data/**', '.ci/out/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  // No import cycles anywhere (STYLE §A2; issue 14): workspace packages are followed to their
  // sources, so a cycle through @strategy-fit/* counts too.
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      // Third-party code is not followed (no cycle of ours runs through it); our workspace
      // packages resolve to their sources under src/ and tools/, so they are.
      'import-x/ignore': ['node_modules'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  // The core is pure: zod only, no I/O, no clock, no randomness (STYLE §A2).
  {
    files: ['src/app/packages/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The core does no I/O.' },
        { name: 'console', message: 'The core does not log.' },
        { name: 'process', message: 'The core reads no environment.' },
        { name: 'setTimeout', message: 'The core is synchronous.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: '"now" is an input of scoring (SCORING §3).' },
        { object: 'Math', property: 'random', message: 'Scoring is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: '"now" is an input of scoring (SCORING §3).',
        },
      ],
    },
  },
  // Only the adapter imports the HubSpot API client (STYLE §A3).
  {
    files: ['**/*.{ts,tsx,js}'],
    ignores: ['src/app/packages/hubspot/**', 'test/contract/**', 'tools/sandbox/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@hubspot/api-client',
              message: 'Only @strategy-fit/hubspot talks to HubSpot.',
            },
          ],
        },
      ],
    },
  },
  // The core imports zod only (STYLE §A2); its tests may also use vitest and fast-check. After the
  // block above, whose no-restricted-imports would otherwise replace this one.
  {
    files: ['src/app/packages/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|\\.{1,2}/).*', message: 'The core depends on zod only.' },
            { regex: '^node:', message: 'The core does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/packages/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|vitest$|fast-check$|\\.{1,2}/).*',
              message: 'Core tests use zod, vitest and fast-check only.',
            },
          ],
        },
      ],
    },
  },
  // UI extensions: HubSpot's own rules plus React hooks.
  ...hubspotUiExtensions.configs.default.map((c) => ({ ...c, files: uiFolders })),
  {
    files: uiFolders,
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@hubspot/ui-extensions/no-console': 'error',
    },
  },
  // Unit tests beside UI code import their helpers from test/support/ (outside the extension
  // folder); .hsignore keeps tests out of the upload and HubSpot never builds them.
  {
    files: uiFolders.map((f) => `${f.slice(0, -'**'.length)}**/*.test.{ts,tsx}`),
    rules: { '@hubspot/ui-extensions/no-parent-imports': 'off' },
  },
);
