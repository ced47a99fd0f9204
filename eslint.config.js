// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// The fences of ARCHITECTURE.md, enforced here rather than in prose.
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const noNode = [
  { group: ['node:*'], message: 'This folder must not use Node APIs (ARCHITECTURE.md fences).' },
];
const noNodeBare = nodeBuiltins.map((name) => ({
  name,
  message: 'This folder must not use Node APIs (ARCHITECTURE.md fences).',
}));
const noElectron = {
  name: 'electron',
  message: 'Only main/electron/ may import electron (ARCHITECTURE.md fences).',
};
const noRenderer = {
  group: ['**/renderer/**', '**/renderer'],
  message: 'main/ and shared/ never import the renderer (ARCHITECTURE.md fences).',
};
const noMain = {
  group: ['**/main/**', '**/main'],
  message: 'This folder must not import main/ (ARCHITECTURE.md fences).',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/out/**',
      'e2e/out/**',
      'e2e/.tools/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noNodeBare], patterns: [...noNode, noRenderer, noMain] },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noRenderer] }],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer] }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noNodeBare], patterns: [...noNode, noMain] },
      ],
    },
  },
);
