/**
 * The onetime stack: composes the constructs (secrets, data, messaging,
 * functions, API, observability) and grants each function what lib/access.ts says
 * it uses. Routes and functions come from `lambdas/http/routes.ts`, so a route or
 * function added there is deployed without an edit here.
 */
import * as path from 'node:path';
import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { readFunctionConfig } from '../lambdas/contract/function-config';
import { entryFile, FUNCTION_NAMES, ROUTES } from '../lambdas/contract/routes';
import {
  CHANNEL_DIMENSION_VALUES,
  METRIC,
  METRICS_NAMESPACE,
  SERVICE_NAME,
} from '../lambdas/contract/telemetry';
import { accessOf, DELIVERY_EVENTS_FUNCTION, FALLBACK_STEP_FUNCTION, type FunctionAccess } from './access';
import { keyScopesSetting, OnetimeApi, type ApiRoute } from './api';
import type { OnetimeConfig } from './config';
import { OnetimeData, TABLE_ACTIONS } from './data';
import { OnetimeFallbackLadder } from './fallback-ladder';
import { OnetimeFunctions, type FunctionSpec } from './functions';
import { OnetimeMessaging } from './messaging';
import { OnetimeObservability } from './observability';
import { OnetimeFraudGuard } from './fraud-guard';
import { addMethodThrottles, addPublicRateRule } from './waf';
import { OnetimeSecrets } from './secrets';
import { LibraryLayer } from './library-layer';

/** The repository root, where package.json, package-lock.json and lambdas/ live. */
export const PROJECT_ROOT = path.resolve(__dirname, '..');

export interface OnetimeStackProps extends StackProps {
  readonly config: OnetimeConfig;
  /** Where `lambdas/` and package-lock.json are. @default the repository root */
  readonly projectRoot?: string;
  /** The route table. @default ROUTES of lambdas/http/routes.ts */
  readonly routes?: readonly ApiRoute[];
  /** Functions that serve routes. @default FUNCTION_NAMES of lambdas/http/routes.ts */
  readonly functionNames?: readonly string[];
}

export class OnetimeStack extends Stack {
  readonly config: OnetimeConfig;
  readonly secrets: OnetimeSecrets;
  readonly data: OnetimeData;
  readonly messaging: OnetimeMessaging;
  readonly functions: OnetimeFunctions;
  readonly libraryLayer: LibraryLayer;
  readonly api: OnetimeApi;
  readonly observability: OnetimeObservability;
  readonly fraudGuard: OnetimeFraudGuard;
  readonly fallback: OnetimeFallbackLadder;

  constructor(scope: Construct, id: string, props: OnetimeStackProps) {
    super(scope, id, { terminationProtection: props.config.isProd, ...props });
    const config = props.config;
    this.config = config;
    const logRetention = config.logRetentionDays as logs.RetentionDays;
    const routes = props.routes ?? ROUTES;
    const functionNames = props.functionNames ?? FUNCTION_NAMES;

    this.secrets = new OnetimeSecrets(this, 'Secrets', {
      stage: config.stage,
      removalPolicy: config.removalPolicy,
    });
    this.data = new OnetimeData(this, 'Data', {
      removalPolicy: config.removalPolicy,
      deletionProtection: config.deletionProtection,
    });
    this.messaging = new OnetimeMessaging(this, 'Messaging', {
      stage: config.stage,
      configurationSetName: config.sesConfigurationSetName,
      emailFromAddress: config.emailFromAddress,
      sesIdentity: config.sesIdentity,
      topicKey: this.secrets.topicKey,
      // SES gives up once the code has expired: a late code only confuses.
      maxEmailDeliveryDuration: Duration.seconds(
        Math.max(300, Number(config.policy.ONETIME_CODE_TTL_SECONDS ?? 600)),
      ),
      sms: {
        manage: config.manageSmsAccountSettings,
        ...(config.smsMonthlySpendLimitUsd === undefined
          ? {}
          : { monthlySpendLimitUsd: config.smsMonthlySpendLimitUsd }),
        ...(config.smsSenderId === undefined ? {} : { defaultSenderId: config.smsSenderId }),
      },
      logRetention,
    });

    const specs: FunctionSpec[] = [
      ...functionNames.map((name) => ({
        name,
        entry: entryFile(name),
        description: `onetime ${config.stage}: ${routes
          .filter((r) => r.fn === name)
          .map((r) => `${r.method} ${r.resource}`)
          .join(', ')}`.slice(0, 256),
        synchronous: true,
      })),
      {
        name: DELIVERY_EVENTS_FUNCTION,
        entry: entryFile(DELIVERY_EVENTS_FUNCTION),
        description: `onetime ${config.stage}: records SES delivery outcomes on challenges`,
        synchronous: false,
      },
      {
        name: FALLBACK_STEP_FUNCTION,
        entry: entryFile(FALLBACK_STEP_FUNCTION),
        description: `onetime ${config.stage}: sends a fallback step when its schedule runs`,
        synchronous: false,
      },
    ];
    const projectRoot = props.projectRoot ?? PROJECT_ROOT;
    this.libraryLayer = new LibraryLayer(this, 'Libraries', { projectRoot });
    this.functions = new OnetimeFunctions(this, 'Functions', {
      projectRoot,
      layers: [this.libraryLayer.layer],
      functions: specs,
      environment: this.functionEnvironment(config),
      bundleAwsSdk: config.bundleAwsSdk,
      logRetention,
      logRemovalPolicy: config.removalPolicy,
    });
    for (const [name, fn] of this.functions.byName) this.grantAccess(fn.role!, accessOf(name));
    this.messaging.subscribeDeliveryEvents(this.functions.get(DELIVERY_EVENTS_FUNCTION));
    this.fallback = new OnetimeFallbackLadder(this, 'Fallback', {
      stepFunction: this.functions.get(FALLBACK_STEP_FUNCTION),
      schedulingFunctions: [this.functions.get('challenges')],
    });

    this.api = new OnetimeApi(this, 'Api', {
      stageName: config.stage,
      routes,
      functionFor: (fn) => this.functions.get(fn),
      rateLimit: config.apiRateLimit,
      burstLimit: config.apiBurstLimit,
      usagePlan: {
        rateLimit: config.usagePlanRateLimit,
        burstLimit: config.usagePlanBurstLimit,
        quotaPerDay: config.usagePlanQuotaPerDay,
      },
      wafRateLimitPerIp: config.wafRateLimitPerIp,
      scopedKeys: config.scopedApiKeys,
      logRetention,
      logRemovalPolicy: config.removalPolicy,
    });
    // Which API Gateway key id has which scopes; a key outside its scopes answers 403.
    const keyScopes = keyScopesSetting(this.api);
    if (keyScopes !== undefined) {
      for (const fn of this.functions.byName.values()) fn.addEnvironment('ONETIME_API_KEY_SCOPES', keyScopes);
    }
    if (config.publicUrl === undefined) {
      // The report page is served by this API. Built from the API id rather than `api.url`, which names the
      // deployment stage and would make every function depend on its own integration (a cycle).
      const url = `https://${this.api.api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${config.stage}`;
      for (const fn of this.functions.byName.values()) fn.addEnvironment('ONETIME_PUBLIC_URL', url);
    }

    this.observability = new OnetimeObservability(this, 'Observability', {
      stage: config.stage,
      api: this.api.api,
      functions: this.functions.byName,
      table: this.data.table,
      webAclName: this.api.webAcl.name!,
      deadLetterQueue: this.messaging.deliveryEventsDeadLetterQueue,
      telemetry: {
        namespace: METRICS_NAMESPACE,
        serviceName: SERVICE_NAME,
        metric: METRIC,
        channels: CHANNEL_DIMENSION_VALUES,
      },
      topicKey: this.secrets.topicKey,
      ...(config.alarmEmail === undefined ? {} : { alarmEmail: config.alarmEmail }),
      ...(config.smsMonthlySpendLimitUsd === undefined
        ? {}
        : { smsMonthlySpendLimitUsd: config.smsMonthlySpendLimitUsd }),
      lockoutThreshold: config.lockoutAlarmThreshold,
    });

    // The fraud guard's AWS side (lib/fraud-guard.ts, lib/waf.ts; docs/decisions.md 46).
    this.fraudGuard = new OnetimeFraudGuard(this, 'FraudGuard', {
      allowedCountries: config.smsAllowedCountries,
      alarmTopic: this.observability.alarmTopic,
      dashboard: this.observability.dashboard,
      namespace: METRICS_NAMESPACE,
      serviceName: SERVICE_NAME,
      metric: METRIC,
      ...(config.policy.ONETIME_CONVERSION_MIN_PERCENT
        ? { conversionMinPercent: Number(config.policy.ONETIME_CONVERSION_MIN_PERCENT) }
        : {}),
    });
    addPublicRateRule(this.api.webAcl, 100);
    addMethodThrottles(this.api.api, ROUTES);

    this.outputs();
  }

  /** Names and ARNs only: the HMAC key stays in Secrets Manager and the functions read it at cold start. */
  private functionEnvironment(config: OnetimeConfig): Record<string, string> {
    const optional: Record<string, string | undefined> = {
      ONETIME_SMS_SENDER_ID: config.smsSenderId,
      ONETIME_SMS_MAX_PRICE_USD:
        config.smsMaxPriceUsd === undefined ? undefined : String(config.smsMaxPriceUsd),
      ONETIME_SMS_ORIGINATION_NUMBER: config.smsOriginationNumber,
      ONETIME_VOICE_ORIGINATION_IDENTITY: config.voiceOriginationIdentity,
      ONETIME_WEBOTP_DOMAIN: config.webOtpDomain,
      ONETIME_PUBLIC_URL: config.publicUrl,
      ONETIME_SMS_ALLOWED_COUNTRIES:
        config.smsAllowedCountries.length > 0 ? config.smsAllowedCountries.join(',') : undefined,
      ONETIME_ALLOWED_NUMBER_TYPES:
        config.allowedNumberTypes.length > 0 ? config.allowedNumberTypes.join(',') : undefined,
    };
    const environment = {
      TABLE_NAME: this.data.table.tableName,
      ONETIME_HMAC_SECRET_ARN: this.secrets.hmacSecret.secretArn,
      ONETIME_TOTP_KEY_ID: this.secrets.totpKey.keyArn,
      ONETIME_EMAIL_FROM: config.emailFrom,
      ONETIME_SES_CONFIGURATION_SET: this.messaging.configurationSet.configurationSetName,
      ONETIME_SERVICE_NAME: config.serviceName,
      ONETIME_DEFAULT_LOCALE: config.defaultLocale,
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: config.logLevel,
      ...Object.fromEntries(
        Object.entries(optional).filter((e): e is [string, string] => e[1] !== undefined),
      ),
      ...config.policy,
    };
    // The functions' own reader: what it refuses would fail every cold start.
    readFunctionConfig(environment);
    return environment;
  }

  /** One function's row of lib/access.ts, as statements on its own role. */
  private grantAccess(role: iam.IRole, access: FunctionAccess): void {
    if (access.table !== 'none') {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'Table',
          actions: [...TABLE_ACTIONS[access.table]],
          resources: [this.data.table.tableArn],
        }),
      );
    }
    if (access.hmacSecret) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'HmacSecret',
          actions: ['secretsmanager:GetSecretValue'],
          resources: [this.secrets.hmacSecret.secretArn],
        }),
      );
    }
    if (access.totpKey) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'TotpKey',
          actions: ['kms:Encrypt', 'kms:Decrypt'],
          resources: [this.secrets.totpKey.keyArn],
          // TOTP secrets are always bound to their user and factor: refuse calls without an encryption context.
          conditions: { Null: { 'kms:EncryptionContextKeys': 'false' } },
        }),
      );
    }
    if (access.send) this.messaging.grantSend(role, role);
  }

  private outputs(): void {
    new CfnOutput(this, 'ApiUrl', {
      value: this.api.api.url,
      description: 'Base URL of the API: the routes are under it, e.g. <ApiUrl>v1/health',
    });
    new CfnOutput(this, 'ApiKeyId', {
      value: this.api.apiKey.keyId,
      description: 'Id of the API key; its value is read with the ApiKeyValueCommand output',
    });
    new CfnOutput(this, 'ApiKeyValueCommand', {
      value: `aws apigateway get-api-key --api-key ${this.api.apiKey.keyId} --include-value --query value --output text`,
      description: 'Prints the x-api-key value (never stored in the template or the outputs)',
    });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'SesConfigurationSetName', {
      value: this.messaging.configurationSet.configurationSetName,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.observability.alarmTopic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: this.observability.dashboard.dashboardName });
    new CfnOutput(this, 'FallbackScheduleGroupName', { value: this.fallback.group.ref });
    new CfnOutput(this, 'FallbackStepDeadLetterQueueUrl', { value: this.fallback.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'DeliveryEventsDeadLetterQueueUrl', {
      value: this.messaging.deliveryEventsDeadLetterQueue.queueUrl,
    });
  }
}
