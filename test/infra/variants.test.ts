/**
 * Stack variants driven by context (prod stage, overrides), a route table that
 * grows, and the cdk-nag gate of the app itself. Bundling is skipped here: these
 * tests look at the template only (stack.test.ts inspects the bundles).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { FUNCTION_NAMES, ROUTES } from '../../lambdas/contract/routes';
import { DEFAULT_ACCESS, DELIVERY_EVENTS_FUNCTION, FALLBACK_STEP_FUNCTION } from '../../lib/access';
import { buildOnetime } from '../../lib/app';
import { readConfig } from '../../lib/config';
import { TABLE_ACTIONS } from '../../lib/data';
import { OnetimeStack } from '../../lib/onetime-stack';
import { actionsOf, cdkJsonContext, logicalId, resourcesOf, statementsOfRole, synth } from './harness';

const envOf = (template: Template) =>
  Object.values(resourcesOf(template, 'AWS::Lambda::Function'))
    .map(
      (f) =>
        (f.Properties as { Environment?: { Variables: Record<string, unknown> } }).Environment?.Variables,
    )
    .filter((v): v is Record<string, unknown> => v !== undefined && 'TABLE_NAME' in v);

describe('Stack: a stage named prod', () => {
  const { stack, template } = synth({ stage: 'prod' });

  it('protects data: deletion protection, RETAIN on table, keys, secret and log groups', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    for (const type of ['AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret']) {
      const retained = Object.values(resourcesOf(template, type)).filter(
        (r) => r.DeletionPolicy === 'Retain',
      );
      expect(retained.length).toBeGreaterThan(0);
    }
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
    template.hasResourceProperties('AWS::KMS::Key', { PendingWindowInDays: 30 });
  });

  it('turns on termination protection and keeps logs a year', () => {
    expect(stack.terminationProtection).toBe(true);
    expect(stack.stackName).toBe('Onetime-prod');
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    template.hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'prod' });
  });
});

describe('Stack: context overrides', () => {
  const { template } = synth({
    ONETIME_CODE_TTL_SECONDS: '300',
    ONETIME_MAX_ATTEMPTS: '3',
    emailFrom: 'Acme <codes@acme.example>',
    smsSenderId: 'ACME',
    smsOriginationNumber: '+14155550100',
    voiceOriginationIdentity: 'pool-0123',
    webOtpDomain: 'app.acme.example',
    publicUrl: 'https://otp.acme.example',
    smsAllowedCountries: 'US,CA',
    ONETIME_ALLOWED_NUMBER_TYPES: ['toll_free', 'voip'],
    smsMonthlySpendLimitUsd: '50',
    removalPolicy: 'retain',
    deletionProtection: 'true',
    apiRateLimit: '20',
    usagePlanQuotaPerDay: '5000',
    wafRateLimitPerIp: '300',
    lockoutAlarmThreshold: '7',
    logLevel: 'WARN',
  });

  it('passes the policy and messaging settings to every function', () => {
    const envs = envOf(template);
    expect(envs.length).toBe(FUNCTION_NAMES.length + 2);
    for (const env of envs) {
      expect(env).toMatchObject({
        ONETIME_CODE_TTL_SECONDS: '300',
        ONETIME_MAX_ATTEMPTS: '3',
        ONETIME_EMAIL_FROM: 'Acme <codes@acme.example>',
        ONETIME_SMS_SENDER_ID: 'ACME',
        ONETIME_SMS_ORIGINATION_NUMBER: '+14155550100',
        ONETIME_VOICE_ORIGINATION_IDENTITY: 'pool-0123',
        ONETIME_WEBOTP_DOMAIN: 'app.acme.example',
        ONETIME_PUBLIC_URL: 'https://otp.acme.example',
        ONETIME_SMS_ALLOWED_COUNTRIES: 'US,CA',
        ONETIME_ALLOWED_NUMBER_TYPES: 'toll_free,voip',
        POWERTOOLS_LOG_LEVEL: 'WARN',
      });
      expect(env.ONETIME_LOCKOUT_SECONDS).toBeUndefined();
    }
  });

  it('pins the From address, limits SES retries to the code life and sets the spend limit', () => {
    const statements = Object.values(resourcesOf(template, 'AWS::IAM::Policy')).flatMap(
      (p) =>
        (p.Properties as { PolicyDocument: { Statement: { Sid?: string; Condition?: unknown }[] } })
          .PolicyDocument.Statement,
    );
    const email = statements.filter((st) => st.Sid === 'SendEmailAsOnetimeIdentity');
    expect(email.length).toBeGreaterThan(0);
    for (const st of email)
      expect(st.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'codes@acme.example' } });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { MaxDeliverySeconds: 300 },
    });
    const cr = JSON.stringify(Object.values(resourcesOf(template, 'Custom::SnsSmsAttributes'))[0]);
    expect(cr).toContain('MonthlySpendLimit\\":\\"50');
    expect(cr).toContain('DefaultSenderID\\":\\"ACME');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'SMSMonthToDateSpentUSD',
      Threshold: 40,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Lockouts', Threshold: 7 });
  });

  it('applies the API and WAF limits and the removal settings', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: Match.arrayWith([Match.objectLike({ HttpMethod: '*', ThrottlingRateLimit: 20 })]),
    });
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', { Quota: { Limit: 5000, Period: 'DAY' } });
    expect(JSON.stringify(resourcesOf(template, 'AWS::WAFv2::WebACL'))).toContain('"Limit":300');
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });
});

describe('Stack: SMS settings left to the operator', () => {
  const { template } = synth({ manageSmsAccountSettings: 'false' });

  it('creates no custom resource and no SNS log groups, keeps the delivery-status role to pass on', () => {
    template.resourceCountIs('Custom::SnsSmsAttributes', 0);
    template.resourceCountIs('AWS::Lambda::Function', FUNCTION_NAMES.length + 2);
    expect(JSON.stringify(resourcesOf(template, 'AWS::Logs::LogGroup'))).not.toContain(
      'DirectPublishToPhoneNumber',
    );
    logicalId(template, 'AWS::IAM::Role', 'MessagingSmsDeliveryStatusRole');
  });
});

describe('Stack: the route table grows', () => {
  // A project root with the entry files of a new function, as the route table would gain it
  // (`deliveries`, a real function now, keeps its row in lib/access.ts).
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'onetime-infra-'));
  const names = [...FUNCTION_NAMES, 'widgets'];
  for (const name of [...names, DELIVERY_EVENTS_FUNCTION, FALLBACK_STEP_FUNCTION]) {
    fs.mkdirSync(path.join(root, 'lambdas', 'entry'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'lambdas', 'entry', `${name}.ts`),
      'export const handler = async () => ({});\n',
    );
  }
  fs.writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
  fs.writeFileSync(path.join(root, 'package.json'), '{}\n');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const app = new App({ context: { ...cdkJsonContext(), [BUNDLING_STACKS]: [] } });
  const stack = new OnetimeStack(app, 'Grown', {
    config: readConfig((k) => app.node.tryGetContext(k)),
    projectRoot: root,
    functionNames: names,
    routes: [...ROUTES, { method: 'POST', resource: '/v1/widgets/{widgetId}', fn: 'widgets', public: true }],
  });
  const template = Template.fromStack(stack);
  const roleOf = (prefix: string) =>
    (
      resourcesOf(template, 'AWS::Lambda::Function')[logicalId(template, 'AWS::Lambda::Function', prefix)]!
        .Properties as { Role: { 'Fn::GetAtt': [string] } }
    ).Role['Fn::GetAtt'][0];

  it('deploys new routes and functions without a change to the stack', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      OperationName: 'deliveries:GET /v1/deliveries/{deliveryId}',
      ApiKeyRequired: true,
      RequestParameters: { 'method.request.path.deliveryId': true },
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      OperationName: 'widgets:POST /v1/widgets/{widgetId}',
      ApiKeyRequired: false,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [
        {
          Name: 'FunctionName',
          Value: { Ref: logicalId(template, 'AWS::Lambda::Function', 'FunctionsWidgets') },
        },
      ],
    });
  });

  it('grants a known new function its row (deliveries sends) and an unknown one the safe default', () => {
    const deliveries = statementsOfRole(template, roleOf('FunctionsDeliveries'));
    expect(deliveries.some((st) => st.Sid === 'SendEmailAsOnetimeIdentity')).toBe(true);
    const widgets = statementsOfRole(template, roleOf('FunctionsWidgets'));
    expect(DEFAULT_ACCESS).toMatchObject({
      table: 'readWrite',
      hmacSecret: true,
      totpKey: false,
      send: false,
    });
    expect(actionsOf(widgets.filter((st) => st.Sid === 'Table'))).toEqual(
      [...TABLE_ACTIONS.readWrite].sort(),
    );
    expect(widgets.some((st) => st.Sid === 'HmacSecret')).toBe(true);
    expect(widgets.some((st) => st.Sid === 'TotpKey' || st.Sid === 'SendEmailAsOnetimeIdentity')).toBe(false);
  });

  it('refuses a route declared twice', () => {
    const dupApp = new App({ context: { ...cdkJsonContext(), [BUNDLING_STACKS]: [] } });
    expect(
      () =>
        new OnetimeStack(dupApp, 'Dup', {
          config: readConfig(() => undefined),
          projectRoot: root,
          functionNames: names,
          routes: [...ROUTES, ROUTES[0]!],
        }),
    ).toThrow(/declared twice/);
  });
});

describe('App: the cdk-nag gate', () => {
  it('synthesizes with the AwsSolutions and Serverless packs registered', () => {
    const app = new App({
      context: { ...cdkJsonContext(), [BUNDLING_STACKS]: [], smsAllowedCountries: '*' },
    });
    buildOnetime(app);
    expect(() => app.synth()).not.toThrow();
  });

  it('fails synthesis on an unacknowledged finding', () => {
    const app = new App({
      context: { ...cdkJsonContext(), [BUNDLING_STACKS]: [], smsAllowedCountries: '*' },
    });
    const stack = buildOnetime(app);
    new sqs.Queue(stack, 'UnencryptedQueueWithoutDlq', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => app.synth()).toThrow(/Validation failed|AwsSolutions-SQS/);
  });
});

describe('Stack: scoped API keys', () => {
  const { template } = synth({ apiKeys: 'courier:courier,shop:deliveries+courier' });

  it('makes one API Gateway key per scoped key beside the main one, all in the usage plan', () => {
    template.resourceCountIs('AWS::ApiGateway::ApiKey', 3);
    template.resourceCountIs('AWS::ApiGateway::UsagePlanKey', 3);
    template.hasResourceProperties('AWS::ApiGateway::ApiKey', {
      Description: Match.stringLikeRegexp('"courier", scopes courier'),
    });
  });

  it('tells every API function which key id has which scopes, the main key with all of them', () => {
    const settings = envOf(template).map((v) => JSON.stringify(v.ONETIME_API_KEY_SCOPES));
    expect(settings.length).toBeGreaterThan(0);
    for (const setting of settings) {
      expect(setting).toContain('=default:verify+deliveries+courier+support');
      expect(setting).toContain('=courier:courier');
      expect(setting).toContain('=shop:deliveries+courier');
      // Key ids, never key values, reach the functions.
      expect(setting).toMatch(/"Ref":"ApiApiKey/);
    }
  });

  it('refuses an unknown scope, a malformed entry and a reused name at synth', () => {
    const read = (value: string) => readConfig((key) => (key === 'apiKeys' ? value : undefined));
    expect(() => read('courier:admin')).toThrow(/scope "admin"/);
    expect(() => read('courier')).toThrow(/name:scope\+scope/);
    expect(() => read('a:verify,a:support')).toThrow(/unique/);
  });
});

describe('Stack: without scoped keys', () => {
  const { template } = synth({});
  it('passes no key scopes: API Gateway’s check of the one key is enough', () => {
    for (const v of envOf(template)) expect(v.ONETIME_API_KEY_SCOPES).toBeUndefined();
  });
});

describe('Stack: where SMS and voice may go is an explicit choice', () => {
  it('refuses to synthesize without smsAllowedCountries, and takes * as any country', () => {
    const build = (context: Record<string, unknown>) => () =>
      buildOnetime(new App({ context: { ...cdkJsonContext(), [BUNDLING_STACKS]: [], ...context } }), {
        nag: false,
      });
    expect(build({})).toThrow(/smsAllowedCountries" is required/);
    const anyCountry = Template.fromStack(build({ smsAllowedCountries: '*' })());
    for (const v of envOf(anyCountry)) expect(v.ONETIME_SMS_ALLOWED_COUNTRIES).toBeUndefined();
    const listed = Template.fromStack(build({ smsAllowedCountries: 'gb,us' })());
    for (const v of envOf(listed)) expect(v.ONETIME_SMS_ALLOWED_COUNTRIES).toBe('GB,US');
  });
});
