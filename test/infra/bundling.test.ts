/**
 * The benchmark and the stack must build the same bundles: both derive their
 * options from lib/bundling.ts, and these tests hold the two shapes together.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import {
  ESM_REQUIRE_BANNER,
  esbuildOptions,
  externalModules,
  FROM_LAYER,
  MAIN_FIELDS,
  nodejsBundling,
  LOADED_ON_FIRST_USE,
  OWN_LAYER_MODULES,
  UNUSED_IN_LAMBDA,
} from '../../lib/bundling';

const ROOT = path.resolve(__dirname, '..', '..');

describe('Module: bundling', () => {
  it.each([true, false])('NodejsFunction and esbuild options agree (bundleAwsSdk=%s)', (bundleAwsSdk) => {
    // Act
    const cdk = nodejsBundling(bundleAwsSdk);
    const esbuild = esbuildOptions('entry.ts', 'out/index.mjs', bundleAwsSdk);
    // Assess
    expect(cdk.format).toBe(OutputFormat.ESM);
    expect(esbuild.format).toBe('esm');
    expect(esbuild.target).toBe(cdk.target);
    expect(cdk.target).toBe('node22');
    expect(esbuild.mainFields).toEqual(cdk.mainFields);
    expect(cdk.mainFields).toEqual(['module', 'main']);
    expect(MAIN_FIELDS).toEqual(['module', 'main']);
    expect(cdk.minify).toBe(true);
    expect(esbuild.minify).toBe(true);
    expect(cdk.sourceMap).toBe(true);
    expect(esbuild.sourcemap).toBe(true);
    expect(cdk.sourcesContent).toBe(false);
    expect(esbuild.sourcesContent).toBe(false);
    expect(cdk.banner).toBe(ESM_REQUIRE_BANNER);
    expect(esbuild.banner.js).toBe(ESM_REQUIRE_BANNER);
    expect(esbuild.external).toEqual(cdk.externalModules);
    expect(cdk.bundleAwsSDK).toBe(bundleAwsSdk);
  });

  it('leaves the SDK and its smithy core to the runtime only when not bundling it', () => {
    expect(externalModules(false)).toEqual(['@aws-sdk/*', '@smithy/*', ...FROM_LAYER]);
  });

  it("leaves the layer's modules out of every bundle: the phone number library, the catalogue and the QR encoder", () => {
    expect(FROM_LAYER).toEqual(['libphonenumber-js/max', '@onetime/catalogue', '@onetime/qr-code']);
    for (const bundleAwsSdk of [true, false])
      expect(externalModules(bundleAwsSdk)).toEqual(expect.arrayContaining(FROM_LAYER));
    // No X-Ray SDK any more: Lambda's own active tracing only (decision 41).
    expect(externalModules(true).join(' ')).not.toMatch(/xray/);
  });

  it("resolves the repository's own layer modules to their source in tsconfig paths and in jest alike", () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    const jest = createRequire(__filename)(path.join(ROOT, 'jest.config.js')) as {
      projects: { moduleNameMapper: Record<string, string> }[];
    };
    const names = Object.keys(OWN_LAYER_MODULES);
    expect(names.length).toBeGreaterThan(0);
    expect(Object.keys(tsconfig.compilerOptions.paths).sort()).toEqual([...names].sort());
    for (const [name, source] of Object.entries(OWN_LAYER_MODULES)) {
      expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
      expect(tsconfig.compilerOptions.paths[name]).toEqual([`./${source}`]);
      for (const project of jest.projects)
        expect(project.moduleNameMapper[`^${name}$`]).toBe(`<rootDir>/${source}`);
    }
  });

  it("nothing in lambdas/ imports an own layer module's source by path (it would be bundled)", () => {
    const sources = Object.values(OWN_LAYER_MODULES).map((s) => path.basename(s, '.ts'));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          const code = fs.readFileSync(file, 'utf8');
          for (const m of code.matchAll(/from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
            const spec = m[1] ?? m[2]!;
            if (sources.includes(path.basename(spec).replace(/\.ts$/, '')))
              offenders.push(`${file}: ${spec}`);
          }
        }
      }
    };
    walk(path.join(ROOT, 'lambdas'));
    expect(offenders).toEqual([]);
  });

  it('with the SDK bundled, leaves out only the credential providers Lambda never loads and the clients loaded on first use', () => {
    expect(externalModules(true)).toEqual([...UNUSED_IN_LAMBDA, ...LOADED_ON_FIRST_USE, ...FROM_LAYER]);
    expect(LOADED_ON_FIRST_USE).not.toContain('@aws-sdk/client-dynamodb');
    for (const pkg of UNUSED_IN_LAMBDA)
      expect(pkg).toMatch(/^@(aws-sdk|smithy)\/(credential-provider-|token-providers|nested-clients)/);
    expect(UNUSED_IN_LAMBDA).not.toContain('@aws-sdk/credential-provider-env');
    expect(UNUSED_IN_LAMBDA).not.toContain('@aws-sdk/credential-provider-node');
  });
});
