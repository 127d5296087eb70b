/**
 * The sandbox stack as `npm run synth` builds it, bundles included: one synthesis
 * shared by every test here (bundling is the slow part). Each describe block checks
 * one issue item's properties on the synthesized template.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { qrCodeSvg } from '../../lambdas/app/qr-code-svg';
import { CATALOGUES } from '../../lambdas/domain/catalogue';
import { ROUTES } from '../../lambdas/contract/routes';
import { METRIC, METRICS_NAMESPACE, SERVICE_NAME } from '../../lambdas/contract/telemetry';
import { COLD_START_ENV } from '../../bench/cold-start-env';
import { accessOf, ALL_FUNCTIONS, DELIVERY_EVENTS_FUNCTION, FALLBACK_STEP_FUNCTION } from '../../lib/access';
import { ACCESS_LOG_FIELDS, GATEWAY_PROBLEMS } from '../../lib/api';
import {
  ESM_REQUIRE_BANNER,
  FROM_LAYER,
  LOADED_ON_FIRST_USE,
  NODE_OPTIONS,
  UNUSED_IN_LAMBDA,
} from '../../lib/bundling';
import { POLICY_VARIABLES } from '../../lib/config';
import { TABLE_ACTIONS } from '../../lib/data';
import { pascal } from '../../lib/functions';
import { SES_EVENTS } from '../../lib/messaging';
import {
  actionsOf,
  logicalId,
  ROOT,
  resourcesOf,
  statementsOfRole,
  synth,
  type Statement,
  type Synthesized,
} from './harness';

let s: Synthesized;
beforeAll(() => {
  s = synth({ alarmEmail: 'ops@example.com' }, { bundle: true });
}, 120_000);

const fnId = (name: string) => logicalId(s.template, 'AWS::Lambda::Function', `Functions${pascal(name)}`);
const fnProps = (name: string) =>
  resourcesOf(s.template, 'AWS::Lambda::Function')[fnId(name)]!.Properties as {
    Role: { 'Fn::GetAtt': [string, string] };
    Environment: { Variables: Record<string, unknown> };
    Code: { S3Key: string };
    LoggingConfig: { LogGroup: { Ref: string } };
    Layers: { Ref: string }[];
  };
const roleOf = (name: string) => fnProps(name).Role['Fn::GetAtt'][0];
const statementsOf = (name: string) => statementsOfRole(s.template, roleOf(name));
/** Statements of a function's role other than its logs and X-Ray ones. */
const grantsOf = (name: string) =>
  statementsOf(name).filter(
    (st) => !actionsOf([st]).every((a) => a.startsWith('logs:') || a.startsWith('xray:')),
  );

describe('Stack: functions', () => {
  it('creates one function per route-table function plus delivery-events', () => {
    for (const name of ALL_FUNCTIONS) expect(fnId(name)).toBeDefined();
  });

  it.each(ALL_FUNCTIONS)(
    '%s: nodejs22.x on arm64, 512 MB, 10 s, X-Ray, JSON logs to its own log group',
    (name) => {
      s.template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: Match.absent(),
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        Timeout: 10,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: fnProps(name).LoggingConfig.LogGroup.Ref } },
      });
      const logGroup = resourcesOf(s.template, 'AWS::Logs::LogGroup')[
        fnProps(name).LoggingConfig.LogGroup.Ref
      ]!;
      expect(logGroup.Properties).toMatchObject({ RetentionInDays: 30 });
    },
  );

  it.each(ALL_FUNCTIONS)('%s: bundle is at most 400 KiB (the layer holds the large modules)', (name) => {
    const assetDir = path.join(s.app.outdir, `asset.${fnProps(name).Code.S3Key.replace(/\.zip$/, '')}`);
    expect(fs.statSync(path.join(assetDir, 'index.mjs')).size).toBeLessThanOrEqual(400 * 1024);
  });

  it.each(ALL_FUNCTIONS)('%s: bundle is minified ESM with a source map and the require banner', (name) => {
    const assetDir = path.join(s.app.outdir, `asset.${fnProps(name).Code.S3Key.replace(/\.zip$/, '')}`);
    const code = fs.readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
    expect(fs.existsSync(path.join(assetDir, 'index.mjs.map'))).toBe(true);
    expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
    expect(code).toMatch(/export\s*\{/);
    expect(code).toContain('//# sourceMappingURL=index.mjs.map');
    // Minified: long lines (the newlines left are inside template literals).
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    // The SDK is bundled (the default: it starts faster, see npm run bench): no static import of it is left, and
    // the only dynamic ones are the credential providers Lambda never loads and the clients loaded on first use.
    expect(code).not.toMatch(/from\s*"@(aws-sdk|smithy)\//);
    const dynamic = [...code.matchAll(/import\("(@(?:aws-sdk|smithy)\/[^"]+)"\)/g)].map((m) => m[1]!);
    for (const specifier of dynamic)
      expect([...UNUSED_IN_LAMBDA, ...LOADED_ON_FIRST_USE]).toContain(specifier);
  });

  it.each(ALL_FUNCTIONS)('%s: environment names the resources and never holds a secret value', (name) => {
    const env = fnProps(name).Environment.Variables;
    expect(env).toMatchObject({
      TABLE_NAME: { Ref: logicalId(s.template, 'AWS::DynamoDB::Table', 'DataTable') },
      ONETIME_HMAC_SECRET_ARN: {
        Ref: logicalId(s.template, 'AWS::SecretsManager::Secret', 'SecretsHmacSecret'),
      },
      ONETIME_TOTP_KEY_ID: {
        'Fn::GetAtt': [logicalId(s.template, 'AWS::KMS::Key', 'SecretsTotpKey'), 'Arn'],
      },
      ONETIME_SES_CONFIGURATION_SET: {
        Ref: logicalId(s.template, 'AWS::SES::ConfigurationSet', 'Messaging'),
      },
      ONETIME_EMAIL_FROM: 'no-reply@example.com',
      ONETIME_SERVICE_NAME: 'onetime',
      ONETIME_DEFAULT_LOCALE: 'en',
      ONETIME_PUBLIC_URL: expect.anything(),
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    });
    const text = JSON.stringify(env);
    expect(text).not.toMatch(/resolve:secretsmanager|SecretString|ONETIME_API_KEY/);
    // Policy variables are passed only when set in context.
    expect(Object.keys(env).filter((k) => (POLICY_VARIABLES as readonly string[]).includes(k))).toEqual([]);
  });
});

describe('Stack: library layer', () => {
  const layerId = () => logicalId(s.template, 'AWS::Lambda::LayerVersion', 'LibrariesLayer');
  const layerDir = () => {
    const key = (
      resourcesOf(s.template, 'AWS::Lambda::LayerVersion')[layerId()]!.Properties as {
        Content: { S3Key: string };
      }
    ).Content.S3Key;
    return path.join(s.app.outdir, `asset.${key.replace(/\.zip$/, '')}`);
  };
  const projectVersion = () =>
    (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const installedVersion = (pkg: string) =>
    (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;

  it('is one layer for nodejs22.x, attached to every function', () => {
    s.template.hasResourceProperties('AWS::Lambda::LayerVersion', {
      CompatibleRuntimes: ['nodejs22.x'],
      CompatibleArchitectures: ['arm64', 'x86_64'],
    });
    expect(Object.keys(resourcesOf(s.template, 'AWS::Lambda::LayerVersion'))).toHaveLength(1);
    for (const name of ALL_FUNCTIONS) expect(fnProps(name).Layers).toEqual([{ Ref: layerId() }]);
  });

  it('holds each module the bundles leave out, one ES module each, at the locked version', () => {
    const modules = [
      { pkg: 'libphonenumber-js', file: 'max.mjs', exportPath: './max' },
      { pkg: '@onetime/catalogue', file: 'index.mjs', exportPath: '.' },
      { pkg: '@onetime/qr-code', file: 'index.mjs', exportPath: '.' },
    ];
    expect(modules.map((m) => (m.exportPath === '.' ? m.pkg : `${m.pkg}/${m.exportPath.slice(2)}`))).toEqual(
      FROM_LAYER,
    );
    for (const { pkg, file, exportPath } of modules) {
      const dir = path.join(layerDir(), 'nodejs', 'node_modules', pkg);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(manifest).toMatchObject({
        name: pkg,
        // The repository's own modules carry its version; packages the version package-lock.json pins.
        version: pkg.startsWith('@onetime/') ? projectVersion() : installedVersion(pkg),
        type: 'module',
        exports: { [exportPath]: `./${file}` },
      });
      const code = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
      // Self-contained: nothing imported or required but Node built-ins. esbuild turns a bundled CommonJS
      // `require("x")` it could not inline into a call of its own require wrapper (minified, e.g. `w("x")`).
      // Only what looks like a module specifier: the catalogue's sentences say "from" too.
      const imports = [...code.matchAll(/(?:from|import)\s*\(?"([^"]+)"/g)]
        .map((m) => m[1]!)
        .filter((specifier) => /^[@\w][\w@./:-]*$/.test(specifier));
      for (const specifier of imports) expect(specifier).toMatch(/^node:/);
      const wrapper = /var ([\w$]+)=\(\w+=>typeof require<"u"\?require/.exec(code)?.[1];
      const required = wrapper
        ? [
            ...code.matchAll(new RegExp(`(?<![\\w$.])${wrapper.replace('$', '\\$')}\\("([^"]+)"\\)`, 'g')),
          ].map((m) => m[1]!)
        : [];
      expect(required.filter((name) => !builtinModules.includes(name.replace(/^node:/, '')))).toEqual([]);
    }
  });

  describe('loaded as Lambda loads it', () => {
    // A directory outside the repository, whose node_modules is the layer's: nothing else can resolve.
    let sandbox: string;
    beforeAll(() => {
      sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'onetime-layer-'));
      fs.symlinkSync(
        path.join(layerDir(), 'nodejs', 'node_modules'),
        path.join(sandbox, 'node_modules'),
        'dir',
      );
    });
    afterAll(() => fs.rmSync(sandbox, { recursive: true, force: true }));

    const runModule = (source: string, env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [NODE_OPTIONS, '--input-type=module', '-e', source], {
        cwd: sandbox,
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
      });

    it('gives the functions the message catalogue in every language, as the source has it', () => {
      const run = runModule(
        "import { CATALOGUES } from '@onetime/catalogue'; console.log(JSON.stringify(CATALOGUES));",
      );
      expect(run.stderr).toBe('');
      // The built module is the source, byte for byte as data: every language, every string.
      expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(CATALOGUES)));
      expect(Object.keys(JSON.parse(run.stdout) as object)).toHaveLength(31);
    });

    it('draws the same QR code SVG as the source', () => {
      const uri = 'otpauth://totp/onetime:user%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=onetime';
      const run = runModule(
        `import { qrCodeSvg } from '@onetime/qr-code'; console.log(JSON.stringify(qrCodeSvg(${JSON.stringify(uri)})));`,
      );
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toBe(qrCodeSvg(uri));
    });

    it('parses, validates and types phone numbers with the full metadata', () => {
      const run = runModule(
        "import { parsePhoneNumberFromString as p } from 'libphonenumber-js/max'; const n = p('+1 900 555 0100'); console.log(JSON.stringify([p('+44 7911 123456').number, p('+44 7911 123456').getType(), n.getType()]));",
      );
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual(['+447911123456', 'MOBILE', 'PREMIUM_RATE']);
    });

    it.each(ALL_FUNCTIONS)(
      '%s: the deployed bundle starts against the layer and exports its handler',
      (name) => {
        const assetDir = path.join(s.app.outdir, `asset.${fnProps(name).Code.S3Key.replace(/\.zip$/, '')}`);
        const taskDir = path.join(sandbox, name);
        fs.mkdirSync(taskDir, { recursive: true });
        for (const file of ['index.mjs', 'index.mjs.map'])
          fs.copyFileSync(path.join(assetDir, file), path.join(taskDir, file));
        const run = runModule(
          `const m = await import(${JSON.stringify(path.join(taskDir, 'index.mjs'))}); console.log(typeof m.handler);`,
          COLD_START_ENV,
        );
        expect(run.stderr).toBe('');
        expect(run.stdout.trim()).toBe('function');
        // The phone number library is never imported at start, only on first use. Every function
        // built on the composition may send a message, and a message to a phone is written in the
        // language of the phone's country (decision 21): only health never parses a number.
        const code = fs.readFileSync(path.join(taskDir, 'index.mjs'), 'utf8');
        expect(code).not.toMatch(/from\s*"libphonenumber-js/);
        expect(code.includes('import("libphonenumber-js/max")')).toBe(name !== 'health');
        // The catalogue comes from the layer, not the bundle: none of its sentences is inside, and
        // every function that writes messages imports it. No X-Ray SDK anywhere (decision 41).
        expect(code).not.toContain(CATALOGUES.de.code.smsWarning);
        expect(code).not.toContain(CATALOGUES.en.code.smsWarning);
        expect(/from\s*"@onetime\/catalogue"/.test(code)).toBe(name !== 'health');
        expect(/from\s*"@onetime\/qr-code"/.test(code)).toBe(name === 'factors');
        expect(code).not.toMatch(/aws-xray-sdk|captureAWSv3Client|cls-hooked/);
      },
    );
  });
});

describe('Stack: data', () => {
  it('has the table: pk/sk strings, on demand, TTL on "ttl", PITR, encrypted', () => {
    s.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
      SSESpecification: { SSEEnabled: true },
      GlobalSecondaryIndexes: Match.absent(),
      DeletionProtectionEnabled: false,
    });
  });

  it('lets a sandbox be torn down (DESTROY, no deletion protection)', () => {
    s.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
  });

  it('rotates both KMS keys', () => {
    const keys = resourcesOf(s.template, 'AWS::KMS::Key');
    expect(Object.keys(keys)).toHaveLength(2);
    for (const key of Object.values(keys)) expect(key.Properties).toMatchObject({ EnableKeyRotation: true });
    s.template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/onetime-sandbox-totp' });
  });

  it('generates the HMAC secret in Secrets Manager: 64 alphanumerics, never in the template', () => {
    s.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
      SecretString: Match.absent(),
    });
  });
});

describe('Stack: API', () => {
  const methods = () => resourcesOf(s.template, 'AWS::ApiGateway::Method');

  it('deploys every route of the route table, with the API key on all but public routes', () => {
    const lambdaMethods = Object.values(methods()).filter(
      (m) => (m.Properties!.Integration as { Type: string }).Type === 'AWS_PROXY',
    );
    expect(lambdaMethods).toHaveLength(ROUTES.length);
    for (const route of ROUTES) {
      s.template.hasResourceProperties('AWS::ApiGateway::Method', {
        HttpMethod: route.method,
        OperationName: `${route.fn}:${route.method} ${route.resource}`,
        ApiKeyRequired: route.public !== true,
        AuthorizationType: 'NONE',
        Integration: {
          Type: 'AWS_PROXY',
          IntegrationHttpMethod: 'POST',
          Uri: { 'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [fnId(route.fn), 'Arn'] }])] },
        },
      });
    }
  });

  it('answers a wrong method on a routed resource with a 405 problem and an Allow header', () => {
    const resources = new Set(ROUTES.map((r) => r.resource));
    const anyMethods = Object.values(methods()).filter((m) => m.Properties!.HttpMethod === 'ANY');
    expect(anyMethods).toHaveLength(resources.size);
    s.template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'ANY',
      Integration: {
        Type: 'MOCK',
        IntegrationResponses: [
          Match.objectLike({
            StatusCode: '405',
            ResponseParameters: Match.objectLike({ 'method.response.header.Allow': "'POST, GET'" }),
          }),
        ],
      },
    });
  });

  it('grants API Gateway one invoke permission per route', () => {
    const permissions = Object.values(resourcesOf(s.template, 'AWS::Lambda::Permission')).filter(
      (p) => p.Properties!.Principal === 'apigateway.amazonaws.com',
    );
    expect(permissions).toHaveLength(ROUTES.length);
  });

  it.each(GATEWAY_PROBLEMS.map((p) => [p.type.responseType, p] as const))(
    'answers %s with problem JSON',
    (type, problem) => {
      const responses = Object.values(resourcesOf(s.template, 'AWS::ApiGateway::GatewayResponse')).filter(
        (r) => r.Properties!.ResponseType === type,
      );
      expect(responses).toHaveLength(1);
      const props = responses[0]!.Properties as {
        StatusCode: string;
        ResponseParameters: Record<string, string>;
        ResponseTemplates: Record<string, string>;
      };
      expect(props.StatusCode).toBe(String(problem.status));
      expect(props.ResponseParameters['gatewayresponse.header.Content-Type']).toBe(
        "'application/problem+json'",
      );
      const body = JSON.parse(
        props.ResponseTemplates['application/json']!.replace('$context.error.messageString', '"message"'),
      ) as Record<string, unknown>;
      expect(body).toMatchObject({ status: problem.status, code: problem.code, title: problem.title });
      expect(typeof body.detail).toBe('string');
    },
  );

  it('answers an unknown route 404 not_found instead of 403 Missing Authentication Token', () => {
    s.template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
      StatusCode: '404',
      ResponseTemplates: { 'application/json': Match.stringLikeRegexp('"code":"not_found"') },
    });
  });

  it('has an API key in a usage plan with rate, burst and a daily quota', () => {
    s.template.resourceCountIs('AWS::ApiGateway::ApiKey', 1);
    s.template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      Throttle: { RateLimit: 25, BurstLimit: 50 },
      Quota: { Limit: 100_000, Period: 'DAY' },
      ApiStages: [Match.objectLike({ Stage: { Ref: Match.stringLikeRegexp('DeploymentStage') } })],
    });
    s.template.hasResourceProperties('AWS::ApiGateway::UsagePlanKey', { KeyType: 'API_KEY' });
    s.template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      ApiKeySourceType: 'HEADER',
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
  });

  it('throttles the stage, traces it, logs errors only (no data trace) and access logs in JSON', () => {
    const stage = Object.values(resourcesOf(s.template, 'AWS::ApiGateway::Stage'))[0]!.Properties as {
      StageName: string;
      TracingEnabled: boolean;
      MethodSettings: Record<string, unknown>[];
      AccessLogSetting: { Format: string };
    };
    expect(stage.StageName).toBe('sandbox');
    expect(stage.TracingEnabled).toBe(true);
    // The stage-wide setting first; per-method throttles follow (test/infra/fraud-guard.test.ts).
    expect(stage.MethodSettings.slice(0, 1)).toEqual([
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: true,
        ThrottlingRateLimit: 50,
        ThrottlingBurstLimit: 100,
      }),
    ]);
    const format = JSON.parse(stage.AccessLogSetting.Format) as Record<string, string>;
    expect(format).toEqual(ACCESS_LOG_FIELDS);
    // The report route's credential is in the path: only the resource template is logged.
    expect(stage.AccessLogSetting.Format).not.toMatch(
      /\$context\.path|apiKey"|\$context\.identity\.apiKey\b/,
    );
  });

  it('validates path parameters at the gateway', () => {
    s.template.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestParameters: true,
    });
    s.template.hasResourceProperties('AWS::ApiGateway::Method', {
      OperationName: 'verify:POST /v1/users/{userId}/verify',
      RequestParameters: { 'method.request.path.userId': true },
      RequestValidatorId: { Ref: Match.stringLikeRegexp('PathParameterValidator') },
    });
  });

  describe('WAF', () => {
    const rule = (name: string) => {
      const acl = Object.values(resourcesOf(s.template, 'AWS::WAFv2::WebACL'))[0]!.Properties as {
        Rules: { Name: string }[];
      };
      const found = acl.Rules.find((r) => r.Name === name);
      if (found === undefined) throw new Error(`no WAF rule ${name}`);
      return found;
    };

    it('is a regional web ACL associated with the API stage, inspecting 16 KiB of body', () => {
      s.template.hasResourceProperties('AWS::WAFv2::WebACL', {
        Scope: 'REGIONAL',
        DefaultAction: { Allow: {} },
        AssociationConfig: { RequestBody: { API_GATEWAY: { DefaultSizeInspectionLimit: 'KB_16' } } },
      });
      s.template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
        ResourceArn: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
        WebACLArn: { 'Fn::GetAtt': [logicalId(s.template, 'AWS::WAFv2::WebACL', 'Api'), 'Arn'] },
      });
    });

    it('blocks bodies over 16 KiB with a 413 problem, oversize bodies included', () => {
      expect(rule('BodySizeLimit')).toMatchObject({
        Priority: 0,
        Action: {
          Block: { CustomResponse: { ResponseCode: 413, CustomResponseBodyKey: 'PayloadTooLarge' } },
        },
        Statement: {
          SizeConstraintStatement: {
            FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
            ComparisonOperator: 'GT',
            Size: 16_384,
          },
        },
      });
    });

    it('rate-limits each client IP with a 429 problem', () => {
      expect(rule('RateLimitPerIp')).toMatchObject({
        Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
        Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
      });
    });

    it("applies AWS's common rule set, its 8 KB body rule only counting, and known bad inputs", () => {
      expect(rule('AWSManagedRulesCommonRuleSet')).toMatchObject({
        OverrideAction: { None: {} },
        Statement: {
          ManagedRuleGroupStatement: {
            VendorName: 'AWS',
            Name: 'AWSManagedRulesCommonRuleSet',
            RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
          },
        },
      });
      expect(rule('AWSManagedRulesKnownBadInputsRuleSet')).toMatchObject({
        Statement: { ManagedRuleGroupStatement: { Name: 'AWSManagedRulesKnownBadInputsRuleSet' } },
      });
    });

    it('sends problem JSON bodies for its own blocks', () => {
      const acl = Object.values(resourcesOf(s.template, 'AWS::WAFv2::WebACL'))[0]!.Properties as {
        CustomResponseBodies: Record<string, { ContentType: string; Content: string }>;
      };
      for (const body of Object.values(acl.CustomResponseBodies)) {
        expect(body.ContentType).toBe('APPLICATION_JSON');
        expect(JSON.parse(body.Content)).toEqual(
          expect.objectContaining({
            status: expect.any(Number),
            code: expect.any(String),
            detail: expect.any(String),
          }),
        );
      }
    });
  });
});

describe('Stack: messaging', () => {
  it('has an SES configuration set: TLS required, reputation metrics, gives up when the code expires', () => {
    s.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'onetime-sandbox',
      DeliveryOptions: { TlsPolicy: 'REQUIRE', MaxDeliverySeconds: 600 },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('publishes send, delivery, bounce, complaint, reject and rendering-failure events to an encrypted SNS topic', () => {
    const topicId = logicalId(s.template, 'AWS::SNS::Topic', 'MessagingSesEventsTopic');
    s.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['send', 'delivery', 'bounce', 'complaint', 'reject', 'renderingFailure'],
        SnsDestination: { TopicARN: { Ref: topicId } },
      },
    });
    expect(SES_EVENTS).toHaveLength(6);
    s.template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalId(s.template, 'AWS::KMS::Key', 'SecretsTopicKey'), 'Arn'] },
    });
    // SES may publish (topic policy) and encrypt (key policy); TLS is enforced on the topic.
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
      Topics: [{ Ref: topicId }],
    });
    s.template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'ses.amazonaws.com' },
            Action: Match.arrayWith(['kms:Decrypt']),
            Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('feeds the topic to delivery-events, dead-lettering what fails after retries', () => {
    const dlq = logicalId(s.template, 'AWS::SQS::Queue', 'MessagingDeliveryEventsDlq');
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [fnId(DELIVERY_EVENTS_FUNCTION), 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
    });
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId(DELIVERY_EVENTS_FUNCTION) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlq, 'Arn'] } } },
    });
    s.template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('sets the SNS SMS account attributes: transactional, delivery-status logging, no spend limit unless told', () => {
    const cr = Object.values(resourcesOf(s.template, 'Custom::SnsSmsAttributes'))[0]!.Properties as {
      Create: { 'Fn::Join': [string, unknown[]] };
      InstallLatestAwsSdk: boolean;
    };
    const text = JSON.stringify(cr.Create);
    expect(text).toContain('setSMSAttributes');
    expect(text).toContain('DefaultSMSType\\":\\"Transactional');
    expect(text).toContain('DeliveryStatusIAMRole');
    expect(text).not.toContain('MonthlySpendLimit');
    expect(cr.InstallLatestAwsSdk).toBe(false);
  });

  it('lets SNS write delivery-status logs only to its own groups, which mask phone numbers', () => {
    const role = logicalId(s.template, 'AWS::IAM::Role', 'MessagingSmsDeliveryStatusRole');
    s.template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'sns.amazonaws.com' } })],
      },
    });
    const statements = statementsOfRole(s.template, role);
    expect(JSON.stringify(statements.map((st) => st.Resource))).toContain('/DirectPublishToPhoneNumber*');
    for (const suffix of ['', '/Failure']) {
      s.template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: { 'Fn::Join': ['', Match.arrayWith([`/DirectPublishToPhoneNumber${suffix}`])] },
        RetentionInDays: 30,
        DataProtectionPolicy: Match.objectLike({ Name: 'mask-phone-numbers' }),
      });
    }
  });
});

describe('Stack: least privilege', () => {
  it('gives every function a role of its own', () => {
    const roles = ALL_FUNCTIONS.map(roleOf);
    expect(new Set(roles).size).toBe(ALL_FUNCTIONS.length);
  });

  it.each(ALL_FUNCTIONS)('%s: grants exactly what lib/access.ts lists', (name) => {
    const access = accessOf(name);
    const grants = grantsOf(name);
    const table = grants.filter((st) => st.Sid === 'Table');
    expect(table.length).toBe(access.table === 'none' ? 0 : 1);
    if (access.table !== 'none') {
      expect(actionsOf(table)).toEqual([...TABLE_ACTIONS[access.table]].sort());
      expect(table[0]!.Resource).toEqual({
        'Fn::GetAtt': [logicalId(s.template, 'AWS::DynamoDB::Table', 'DataTable'), 'Arn'],
      });
    }
    const secret = grants.filter((st) => st.Sid === 'HmacSecret');
    expect(secret.length).toBe(access.hmacSecret ? 1 : 0);
    if (access.hmacSecret) expect(actionsOf(secret)).toEqual(['secretsmanager:GetSecretValue']);
    const kms = grants.filter((st) => st.Sid === 'TotpKey');
    expect(kms.length).toBe(access.totpKey ? 1 : 0);
    if (access.totpKey) {
      expect(actionsOf(kms)).toEqual(['kms:Decrypt', 'kms:Encrypt']);
      expect(kms[0]!.Condition).toEqual({ Null: { 'kms:EncryptionContextKeys': 'false' } });
    }
    const senders = grants.filter((st) =>
      ['PublishSmsToPhoneNumbersOnly', 'SendEmailAsOnetimeIdentity', 'SendVoiceMessages'].includes(
        st.Sid ?? '',
      ),
    );
    expect(senders.length).toBe(access.send ? 3 : 0);
    // Nothing else, bar the dead-letter queues of the asynchronous consumers and the schedules of fallback
    // steps (creating them and passing the scheduler's role: test/infra/fallback-ladder.test.ts).
    const known = table.length + secret.length + kms.length + senders.length;
    const extra = grants.length - known;
    const expected: Record<string, number> = {
      [DELIVERY_EVENTS_FUNCTION]: 1,
      [FALLBACK_STEP_FUNCTION]: 1,
      challenges: 2,
    };
    expect(extra).toBe(expected[name] ?? 0);
  });

  it('health can touch nothing but its logs and traces', () => {
    expect(grantsOf('health')).toEqual([]);
  });

  it('narrows SMS to phone numbers, email to the identity and configuration set, with the From pinned', () => {
    const grants = grantsOf('challenges');
    const sms = grants.find((st) => st.Sid === 'PublishSmsToPhoneNumbersOnly')!;
    expect(sms.Action).toBe('sns:Publish');
    expect(sms.Resource).toBeUndefined();
    expect(JSON.stringify(sms.NotResource)).toContain(':sns:*:*:*');
    const email = grants.find((st) => st.Sid === 'SendEmailAsOnetimeIdentity')!;
    expect(email.Action).toBe('ses:SendEmail');
    expect(JSON.stringify(email.Resource)).toMatch(/identity\/example\.com.*|configuration-set/);
    expect(email.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@example.com' } });
  });

  it('uses no wildcard action anywhere, and "*" resources only where a service has no resource ARN', () => {
    const all: Statement[] = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy')).flatMap(
      (p) => (p.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
    );
    for (const action of actionsOf(all)) expect(action).not.toContain('*');
    const starResources = all.filter((st) => st.Resource === '*');
    expect([...new Set(actionsOf(starResources))]).toEqual([
      'sns:SetSMSAttributes',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });
});

describe('Stack: observability', () => {
  const alarms = () => Object.values(resourcesOf(s.template, 'AWS::CloudWatch::Alarm'));
  const alarmOn = (metricName: string) =>
    alarms().filter((a) => JSON.stringify(a.Properties).includes(`"MetricName":"${metricName}"`));

  it('sends every alarm and its recovery to the encrypted alarm topic, e-mail subscribed', () => {
    const topic = logicalId(s.template, 'AWS::SNS::Topic', 'ObservabilityAlarmTopic');
    s.template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'onetime sandbox alarms',
      KmsMasterKeyId: Match.anyValue(),
    });
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: { Ref: topic },
    });
    for (const alarm of alarms()) {
      expect(alarm.Properties).toMatchObject({
        AlarmActions: [{ Ref: topic }],
        OKActions: [{ Ref: topic }],
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('alarms on errors and throttles of every function', () => {
    for (const metric of ['Errors', 'Throttles']) {
      const dims = alarmOn(metric).map((a) => JSON.stringify(a.Properties!.Dimensions));
      for (const name of ALL_FUNCTIONS)
        expect(dims).toContain(JSON.stringify([{ Name: 'FunctionName', Value: { Ref: fnId(name) } }]));
    }
  });

  it('alarms on the API 5xx rate', () => {
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: '100 * errors / MAX([requests, 1])' }),
        Match.objectLike({
          MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: '5XXError' }) }),
        }),
      ]),
    });
  });

  it('alarms on DynamoDB throttles', () => {
    expect(alarmOn('ReadThrottleEvents')).toHaveLength(1);
    expect(JSON.stringify(alarmOn('ReadThrottleEvents')[0])).toContain('WriteThrottleEvents');
  });

  it('alarms when SMS spend passes 80 % of the limit', () => {
    expect(alarmOn('SMSMonthToDateSpentUSD')[0]!.Properties).toMatchObject({
      Namespace: 'AWS/SNS',
      Threshold: 0.8,
    });
  });

  it('alarms on SES bounce (5 %) and complaint (0.1 %) rates', () => {
    expect(alarmOn('Reputation.BounceRate')[0]!.Properties).toMatchObject({
      Namespace: 'AWS/SES',
      Threshold: 0.05,
    });
    expect(alarmOn('Reputation.ComplaintRate')[0]!.Properties).toMatchObject({ Threshold: 0.001 });
  });

  it('alarms on an unusual number of lockouts, from the functions’ EMF metric', () => {
    expect(alarmOn(METRIC.lockouts)[0]!.Properties).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      Dimensions: [{ Name: 'service', Value: SERVICE_NAME }],
      Period: 900,
      Threshold: 20,
    });
  });

  it('alarms on delivery failures across channels and on dead-lettered delivery events', () => {
    const failures = alarmOn(METRIC.deliveryFailures);
    expect(failures).toHaveLength(1);
    for (const channel of ['sms', 'voice', 'email'])
      expect(JSON.stringify(failures[0])).toContain(`"Value":"${channel}"`);
    expect(alarmOn('ApproximateNumberOfMessagesVisible')).toHaveLength(1);
  });

  it('has a dashboard with the same signals', () => {
    const dashboard = Object.values(resourcesOf(s.template, 'AWS::CloudWatch::Dashboard'))[0]!;
    const body = JSON.stringify(dashboard.Properties);
    for (const m of [
      ...Object.values(METRIC),
      '5XXError',
      'ThrottleEvents',
      'SMSMonthToDateSpentUSD',
      'Reputation.BounceRate',
      'BlockedRequests',
      'Throttles',
    ]) {
      expect(body).toContain(m);
    }
  });
});

describe('Stack: outputs', () => {
  it('prints the API URL, the key id and how to read the key, never the key', () => {
    const outputs = s.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['ApiUrl', 'ApiKeyId', 'ApiKeyValueCommand']),
    );
    expect(JSON.stringify(outputs)).not.toMatch(
      /"Value"\s*:\s*\{\s*"Fn::GetAtt"\s*:\s*\[\s*"ApiApiKey[^"]*"\s*,\s*"Value"/,
    );
  });
});

describe('cdk-nag', () => {
  const report = (pack: AwsSolutionsChecks | ServerlessChecks) =>
    pack
      .validateScope(s.app)
      .violations.map(
        (v) =>
          `${v.ruleName} (${v.severity}) at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      );

  it('AwsSolutionsChecks: no unacknowledged error or warning', () => {
    expect(report(new AwsSolutionsChecks())).toEqual([]);
  });

  it('ServerlessChecks: no unacknowledged error or warning', () => {
    expect(report(new ServerlessChecks())).toEqual([]);
  });

  it('every acknowledgement states its reason', () => {
    const reasons: [string, string][] = [];
    const visit = (c: IConstruct) => {
      for (const entry of c.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
          for (const [id, reason] of Object.entries(entry.data as Record<string, string>))
            reasons.push([id, reason]);
        }
      }
      c.node.children.forEach(visit);
    };
    visit(s.app);
    expect(reasons.length).toBeGreaterThan(0);
    for (const [id, reason] of reasons) expect(`${id}: ${reason}`).toMatch(/: .{30,}/);
  });
});
