// Three projects: fast unit tests, integration tests against a real DynamoDB Local
// (started once by globalSetup), and CDK assertion tests.
const transform = { '^.+\\.(t|j)sx?$': '<rootDir>/test/esbuild-transform.js' };
// middy, otplib (and its hash/base32 dependencies), zod's locale files and swagger-parser's ref parser ship ESM only: compile them too.
const transformIgnorePatterns = ['/node_modules/(?!(@middy|otplib|@otplib|@scure|@noble|zod|@apidevtools)/)'];
const common = {
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns,
  modulePathIgnorePatterns: ['<rootDir>/cdk.out'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  // The repository's own layer modules (OWN_LAYER_MODULES in lib/bundling.ts): here the source, as in tsconfig paths.
  moduleNameMapper: {
    '^@onetime/catalogue$': '<rootDir>/lambdas/domain/catalogue/languages.ts',
    '^@onetime/qr-code$': '<rootDir>/lambdas/app/qr-code-encoder.ts',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  // Real DynamoDB Local, Java and Chromium on a shared 2-core machine: 5 s per test is too tight under
  // load (jest 29 reads this option only here, not per project).
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
    },
    { ...common, displayName: 'infra', roots: ['<rootDir>/test/infra'] },
  ],
};
