import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.tools/', 'coverage/', 'console/src/api/schema.d.ts'] },
  js.configs.recommended,
  {
    files: ['*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Tests and the benchmark read arbitrary JSON answers of the API.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Workflows are deterministic: they import only the workflow SDK, domain/ and activity *types*.
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../activities', '../activities/*', '../store/*', '../platform/*', '../api/*', 'node:*'],
              allowTypeImports: true,
              message: 'workflows may import only activity types, domain/ and @temporalio/workflow',
            },
          ],
          paths: [
            { name: '@temporalio/client', message: 'use @temporalio/workflow in workflows' },
            {
              name: '@temporalio/activity',
              allowTypeImports: true,
              message: 'activities run outside the workflow sandbox',
            },
            { name: 'knex', message: 'no I/O in workflows' },
            { name: 'pg', message: 'no I/O in workflows' },
          ],
        },
      ],
    },
  },
  {
    // domain/ is pure: no I/O, no platform code.
    files: ['domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../platform/*',
                '../store/*',
                '../api/*',
                '../activities/*',
                '../workflows/*',
                'node:fs',
                'node:http',
                'node:net',
                'knex',
                'pg',
              ],
              message: 'domain/ is pure',
            },
          ],
        },
      ],
    },
  },
);
