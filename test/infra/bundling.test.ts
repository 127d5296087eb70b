/**
 * The benchmark and the stack must build the same bundles: both derive their
 * options from lib/bundling.ts, and these tests hold the two shapes together.
 */
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import {
  ESM_REQUIRE_BANNER,
  esbuildOptions,
  externalModules,
  FROM_LAYER,
  MAIN_FIELDS,
  nodejsBundling,
  LOADED_ON_FIRST_USE,
  UNUSED_IN_LAMBDA,
} from '../../lib/bundling';

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

  it("leaves the layer's modules out of every bundle: the X-Ray SDK and the phone number library", () => {
    expect(FROM_LAYER).toEqual(['aws-xray-sdk-core', 'libphonenumber-js/max']);
    for (const bundleAwsSdk of [true, false])
      expect(externalModules(bundleAwsSdk)).toEqual(expect.arrayContaining(FROM_LAYER));
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
