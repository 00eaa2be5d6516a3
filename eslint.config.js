// ESLint (flat config) with typescript-eslint. `npm run lint` runs it once package.json lists eslint in
// devDependencies (with @eslint/js, typescript-eslint, globals and eslint-config-prettier); the rules no
// linter knows are scripts/lint/house-rules.ts, which always run. Layout is Prettier's (.prettierrc.json).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'test-artifacts/', 'coverage/', '**/.terraform/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // JSON answers and AWS SDK shapes are read untyped at the edges (reference API, collectors, tests).
      '@typescript-eslint/no-explicit-any': 'off',
      // `_name` marks a value left out on purpose (`const { district_id: _d, ...rest } = row`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      // Control characters in patterns are deliberate (ANSI escapes, input sanitising).
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
);
