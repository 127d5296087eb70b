// Lint: typescript-eslint's type-aware recommended rules; `any` is banned everywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', '.onetime/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain must stay free of AWS: only adapters talk to the SDK.
    files: ['lambdas/domain/**/*.ts', 'lambdas/ports/**/*.ts', 'lambdas/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*', '*/adapters/*'] },
      ],
    },
  },
);
