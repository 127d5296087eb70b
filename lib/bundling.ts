/**
 * How every function is bundled, in one place: the stack hands these options to
 * NodejsFunction and `bench/bundles.ts` hands the same ones to esbuild directly,
 * so the sizes and start-up times the benchmark prints are those of what deploys.
 */
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * Modules of this repository that the layer holds instead of the bundles, by the
 * name code imports them by, with their source. tsconfig `paths` and jest's
 * moduleNameMapper resolve each name to its source (a test holds the three together),
 * so the local server and the tests load the source directly.
 */
export const OWN_LAYER_MODULES: Readonly<Record<string, string>> = {
  /** The message catalogue in 31 languages (~125 KiB built), loaded by every function at init. */
  '@onetime/catalogue': 'lambdas/domain/catalogue/languages.ts',
  /** The QR code encoder with qrcode inside (~21 KiB), drawn only at TOTP enrolment. */
  '@onetime/qr-code': 'lambdas/app/qr-code-encoder.ts',
};

/** esbuild target matching the `nodejs22.x` runtime. */
export const NODE_TARGET = 'node22';

/** Prefer ES module entry points: middy is ESM-only and ESM lets esbuild drop unused exports. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * CommonJS packages bundled into an ES module still call `require()` for Node
 * built-ins; ESM has no `require`, so the banner defines one. The import is
 * aliased so it cannot collide with a bundled module's own `createRequire`.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __onetimeCreateRequire } from 'node:module'; const require = __onetimeCreateRequire(import.meta.url);";

/**
 * Stack traces of a minified bundle are unreadable without its source map; Node
 * applies the map only with this flag. The map omits sources content to stay small.
 */
export const NODE_OPTIONS = '--enable-source-maps';

/**
 * Credential providers the SDK's default chain loads with a dynamic `import()` only
 * when the environment holds no credentials. Lambda always sets them (the chain stops
 * at `fromEnv`), so these are never loaded there; left external they cost neither
 * bundle size nor parse time, and the runtime's SDK still has them should one ever be
 * needed.
 */
export const UNUSED_IN_LAMBDA = [
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/token-providers',
  '@aws-sdk/nested-clients',
  '@smithy/credential-provider-imds',
];

/**
 * SDK clients the Lambda code imports only on first use (`lambdas/adapters/lazy.ts`
 * and the adapters' dynamic `import()`): DynamoDB serves every request and is
 * bundled; these serve some requests only, so they come from the runtime's SDK when
 * first needed and cost neither bundle size nor module init time. Bundled, a
 * dynamically imported package could not be tree-shaken (the whole client, every
 * command, would be in every bundle).
 */
export const LOADED_ON_FIRST_USE = [
  '@aws-sdk/client-sesv2',
  '@aws-sdk/client-sns',
  '@aws-sdk/client-kms',
  '@aws-sdk/client-secrets-manager',
  '@aws-sdk/client-pinpoint-sms-voice-v2',
  '@aws-sdk/client-scheduler',
];

/**
 * Modules functions load from the stack's own layer (lib/library-layer.ts) rather
 * than from their bundle: the phone number library with its metadata, on the first
 * phone number a function parses; then this repository's own (`OWN_LAYER_MODULES`).
 */
export const FROM_LAYER = ['libphonenumber-js/max', ...Object.keys(OWN_LAYER_MODULES)];

/**
 * Packages left out of the bundle. Always those of the layer. Without the SDK bundled,
 * the whole SDK, which the runtime provides (`@smithy/*` is its core: bundling one
 * without the other would load two copies); with it bundled, the credential providers
 * Lambda never loads and the clients loaded on first use.
 */
export function externalModules(bundleAwsSdk: boolean): string[] {
  const fromRuntime = bundleAwsSdk
    ? [...UNUSED_IN_LAMBDA, ...LOADED_ON_FIRST_USE]
    : ['@aws-sdk/*', '@smithy/*'];
  return [...fromRuntime, ...FROM_LAYER];
}

/** Options for `NodejsFunction.bundling`. */
export function nodejsBundling(bundleAwsSdk: boolean): BundlingOptions {
  return {
    format: OutputFormat.ESM,
    target: NODE_TARGET,
    mainFields: MAIN_FIELDS,
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    banner: ESM_REQUIRE_BANNER,
    bundleAwsSDK: bundleAwsSdk,
    externalModules: externalModules(bundleAwsSdk),
  };
}

/** How every ES module is built, functions and the layer's modules alike, in esbuild's own shape. */
export const ESM_BUILD = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: NODE_TARGET,
  mainFields: MAIN_FIELDS,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  banner: { js: ESM_REQUIRE_BANNER },
  logLevel: 'error',
} as const;

/** A function's options in esbuild's own shape (what NodejsFunction turns `nodejsBundling` into). */
export type EsbuildOptions = typeof ESM_BUILD & {
  readonly entryPoints: string[];
  readonly outfile: string;
  readonly external: string[];
  readonly metafile: true;
};

export function esbuildOptions(entry: string, outfile: string, bundleAwsSdk: boolean): EsbuildOptions {
  return {
    ...ESM_BUILD,
    entryPoints: [entry],
    outfile,
    external: externalModules(bundleAwsSdk),
    metafile: true,
  };
}
