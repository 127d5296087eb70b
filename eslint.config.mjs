// Lint: typescript-eslint's type-aware recommended rules; `any` is banned everywhere; the
// layers of README.md, "Architecture", are enforced as import zones, without circles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Which rooms of lambdas/ each room may import from (besides npm packages). Arrows point inwards:
// the domain knows nothing else; adapters and HTTP know the use cases' ports; only the wiring
// and the entry points know everything they assemble.
const ROOMS = {
  domain: ['domain'],
  contract: ['contract', 'domain'],
  ports: ['ports', 'domain'],
  app: ['app', 'ports', 'domain'],
  adapters: ['adapters', 'ports', 'domain', 'contract'],
  observability: ['observability', 'ports', 'domain', 'contract'],
  http: ['http', 'app', 'ports', 'domain', 'contract', 'observability'],
  handlers: ['handlers', 'http', 'app', 'ports', 'domain', 'contract', 'observability'],
  wiring: ['wiring', 'adapters', 'app', 'http', 'ports', 'domain', 'contract', 'observability'],
  entry: ['entry', 'handlers', 'wiring', 'observability', 'contract'],
};
const ALL_ROOMS = Object.keys(ROOMS);

const zones = [
  ...Object.entries(ROOMS).map(([room, allowed]) => ({
    target: `./lambdas/${room}/**`,
    from: ALL_ROOMS.filter((r) => !allowed.includes(r)).map((r) => `./lambdas/${r}/**`),
    message: `lambdas/${room} may import only from ${allowed.map((r) => `lambdas/${r}`).join(', ')} (README.md, "Architecture").`,
  })),
  {
    // The stack knows the functions only through their contract.
    target: './lib/**',
    from: ALL_ROOMS.filter((r) => r !== 'contract').map((r) => `./lambdas/${r}/**`),
    message: 'lib/ may import only lambdas/contract from the functions (README.md, "Architecture").',
  },
  {
    target: ['./lambdas/**', './lib/**'],
    from: ['./local/**', './test/**', './bench/**', './scripts/**'],
    message: 'Deployed code must not import the local server, tests, benchmarks or scripts.',
  },
];

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
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
      // no-cycle follows imports by parsing the imported files: as TypeScript.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Small modules: one concept per file (generated files excepted).
    files: [
      'lambdas/**/*.ts',
      'lib/**/*.ts',
      'local/**/*.ts',
      'bin/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      'client/**/*.ts',
    ],
    ignores: ['client/schema.d.ts'],
    rules: { 'max-lines': ['error', { max: 350 }] },
  },
  {
    // The domain must stay free of AWS: only adapters talk to the SDK.
    files: [
      'lambdas/domain/**/*.ts',
      'lambdas/contract/**/*.ts',
      'lambdas/ports/**/*.ts',
      'lambdas/app/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*'] }],
    },
  },
);
