/**
 * The public face: an API Gateway REST API built from the route table, so a route
 * added to `lambdas/http/routes.ts` is deployed without touching this file.
 *
 * - API key + usage plan (rate, burst, daily quota) on every route but the public
 *   ones; stage throttling above that; JSON access logs (lib/api-access-log.ts);
 *   X-Ray tracing of the stage.
 * - Gateway responses in RFC 9457 problem JSON (lib/api-problems.ts), so an unknown route answers 404
 *   `not_found` instead of API Gateway's 403 "Missing Authentication Token", and
 *   an `ANY` mock on every routed resource answers a wrong method with 405.
 * - A WAFv2 web ACL (lib/api-waf.ts): a 16 KiB body limit (API Gateway has no body-size setting of
 *   its own below 10 MB), a rate limit per client IP, and AWS's common and
 *   known-bad-input rule sets.
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { KEY_SCOPES, type KeyScope } from '../lambdas/contract/routes';
import { ACCESS_LOG_FIELDS } from './api-access-log';
import { addGatewayResponses, problemJson } from './api-problems';
import { createWebAcl } from './api-waf';

export { ACCESS_LOG_FIELDS } from './api-access-log';
export { GATEWAY_PROBLEMS, problemJson, type GatewayProblem } from './api-problems';

/** One row of the route table (the shape of `lambdas/http/routes.ts`). */
export interface ApiRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly resource: string;
  readonly fn: string;
  readonly public?: boolean;
}

export interface UsagePlanLimits {
  /** Steady requests per second per API key. */
  readonly rateLimit: number;
  /** Burst per API key. */
  readonly burstLimit: number;
  /** Requests per API key per day. */
  readonly quotaPerDay: number;
}

export interface OnetimeApiProps {
  /** API Gateway stage name (also names the API). */
  readonly stageName: string;
  readonly routes: readonly ApiRoute[];
  /** The function serving a route's `fn`. */
  readonly functionFor: (fn: string) => lambda.IFunction;
  /** Stage-wide steady requests per second. @default 50 */
  readonly rateLimit?: number;
  /** Stage-wide burst. @default 100 */
  readonly burstLimit?: number;
  /** @default { rateLimit: 25, burstLimit: 50, quotaPerDay: 100000 } */
  readonly usagePlan?: UsagePlanLimits;
  /** Requests per client IP in any 5 minutes before WAF answers 429. @default 1000 */
  readonly wafRateLimitPerIp?: number;
  /** Largest accepted body, in bytes (docs/api.md: 16 KiB). WAF inspects at most 16 KiB on API Gateway. @default 16384 */
  readonly maxBodyBytes?: number;
  /** Keys limited to some scopes, each its own API Gateway key in the usage plan. @default none */
  readonly scopedKeys?: ReadonlyArray<{ readonly name: string; readonly scopes: readonly KeyScope[] }>;
  /** @default ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * What the functions are told of the keys (`ONETIME_API_KEY_SCOPES`): each key id with its name and
 * scopes, the main key with every scope. Empty without scoped keys: API Gateway's check is then enough.
 */
export function keyScopesSetting(api: OnetimeApi): string | undefined {
  if (api.scopedKeys.length === 0) return undefined;
  return [
    `${api.apiKey.keyId}=default:${KEY_SCOPES.join('+')}`,
    ...api.scopedKeys.map((k) => `${k.key.keyId}=${k.name}:${k.scopes.join('+')}`),
  ].join(',');
}

export class OnetimeApi extends Construct {
  readonly api: apigw.RestApi;
  readonly apiKey: apigw.ApiKey;
  /** The scoped keys, by name. */
  readonly scopedKeys: ReadonlyArray<{
    readonly name: string;
    readonly scopes: readonly KeyScope[];
    readonly key: apigw.ApiKey;
  }>;
  readonly usagePlan: apigw.UsagePlan;
  readonly webAcl: wafv2.CfnWebACL;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: OnetimeApiProps) {
    super(scope, id);
    const maxBodyBytes = props.maxBodyBytes ?? 16_384;
    if (maxBodyBytes > 16_384)
      throw new Error('maxBodyBytes above 16 KiB needs a larger WAF inspection limit');

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.api = new apigw.RestApi(this, 'RestApi', {
      restApiName: `onetime-${props.stageName}`,
      description: 'onetime: send and verify one-time passcodes',
      endpointConfiguration: { types: [apigw.EndpointType.REGIONAL] },
      apiKeySourceType: apigw.ApiKeySourceType.HEADER,
      // Execution logs (errors only) need the account-level API Gateway CloudWatch role. It is an account setting
      // other APIs may share, so it outlives this stack.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: props.stageName,
        accessLogDestination: new apigw.LogGroupLogDestination(this.accessLogs),
        accessLogFormat: apigw.AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
        tracingEnabled: true,
        metricsEnabled: true,
        // ERROR, never INFO with data trace: request and response bodies carry codes and destinations.
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        throttlingRateLimit: props.rateLimit ?? 50,
        throttlingBurstLimit: props.burstLimit ?? 100,
      },
    });

    const validator = new apigw.RequestValidator(this, 'PathParameterValidator', {
      restApi: this.api,
      requestValidatorName: 'path-parameters',
      // Bodies are validated by the function, with the same schema the local server uses, so that both answer the
      // same problem JSON (`errors: [{ path, message }]`); API Gateway checks the path parameters are present.
      validateRequestParameters: true,
      validateRequestBody: false,
    });
    this.addRoutes(props, validator);
    addGatewayResponses(this.api);

    const plan = props.usagePlan ?? { rateLimit: 25, burstLimit: 50, quotaPerDay: 100_000 };
    this.apiKey = new apigw.ApiKey(this, 'ApiKey', {
      description: `onetime ${props.stageName}: x-api-key for client backends`,
    });
    this.usagePlan = this.api.addUsagePlan('UsagePlan', {
      name: `onetime-${props.stageName}`,
      throttle: { rateLimit: plan.rateLimit, burstLimit: plan.burstLimit },
      quota: { limit: plan.quotaPerDay, period: apigw.Period.DAY },
      apiStages: [{ api: this.api, stage: this.api.deploymentStage }],
    });
    this.usagePlan.addApiKey(this.apiKey);
    this.scopedKeys = (props.scopedKeys ?? []).map((k) => {
      const key = new apigw.ApiKey(this, `ApiKey-${k.name}`, {
        description: `onetime ${props.stageName}: x-api-key "${k.name}", scopes ${k.scopes.join(', ')}`,
      });
      this.usagePlan.addApiKey(key);
      return { ...k, key };
    });

    this.webAcl = createWebAcl(this, props.stageName, props.wafRateLimitPerIp ?? 1000, maxBodyBytes);
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });

    const authReason =
      'Callers are client backends holding an API key (checked by API Gateway, usage plan per key) behind WAF; ' +
      'IAM or Cognito authorisers would force SigV4 or a user pool on every client app. The public routes ' +
      '(health, the emailed report link whose unguessable token is its credential) need no key by design.';
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG2',
      reason:
        'API Gateway validates the path parameters (PathParameterValidator); bodies are validated by the functions ' +
        'against the zod schema the local server also uses, so both answer the same problem JSON with errors[], ' +
        'and body size is capped at 16 KiB by the WAF BodySizeLimit rule.',
    });
    Validations.of(this.api).acknowledge({ id: 'AwsSolutions-APIG4', reason: authReason });
    Validations.of(this.api).acknowledge({ id: 'AwsSolutions-COG4', reason: authReason });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        "API Gateway's account-level logging role: the AWS-managed policy is the documented one and only writes logs.",
    });
  }

  private addRoutes(props: OnetimeApiProps, validator: apigw.RequestValidator): void {
    const byResource = new Map<string, ApiRoute[]>();
    for (const route of props.routes) {
      const list = byResource.get(route.resource) ?? [];
      if (list.some((r) => r.method === route.method)) {
        throw new Error(`route ${route.method} ${route.resource} is declared twice`);
      }
      list.push(route);
      byResource.set(route.resource, list);
    }
    const integrations = new Map<string, apigw.LambdaIntegration>();
    for (const [resourcePath, routes] of byResource) {
      const resource = this.api.root.resourceForPath(resourcePath);
      const pathParameters = [...resourcePath.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
      const requestParameters = Object.fromEntries(
        pathParameters.map((p) => [`method.request.path.${p}`, true]),
      );
      for (const route of routes) {
        let integration = integrations.get(route.fn);
        if (integration === undefined) {
          // allowTestInvoke: false — one invoke permission per method instead of two (the console test stage).
          integration = new apigw.LambdaIntegration(props.functionFor(route.fn), {
            proxy: true,
            allowTestInvoke: false,
          });
          integrations.set(route.fn, integration);
        }
        resource.addMethod(route.method, integration, {
          apiKeyRequired: route.public !== true,
          requestValidator: validator,
          requestParameters,
          operationName: `${route.fn}:${route.method} ${resourcePath}`,
        });
      }
      this.addMethodNotAllowed(resource, routes);
    }
  }

  /** `ANY` on a routed resource catches the methods it does not serve (API Gateway prefers explicit methods). */
  private addMethodNotAllowed(resource: apigw.IResource, routes: readonly ApiRoute[]): void {
    const allow = routes.map((r) => r.method).join(', ');
    resource.addMethod(
      'ANY',
      new apigw.MockIntegration({
        requestTemplates: { 'application/json': '{"statusCode": 405}' },
        // Any other content type passes through; the only integration response is the default, so it is 405 too
        // (WHEN_NO_TEMPLATES would answer 415 to a wrong method sent as text/plain).
        passthroughBehavior: apigw.PassthroughBehavior.WHEN_NO_MATCH,
        integrationResponses: [
          {
            statusCode: '405',
            responseParameters: {
              'method.response.header.Allow': `'${allow}'`,
              'method.response.header.Content-Type': "'application/problem+json'",
            },
            responseTemplates: {
              'application/json': problemJson(
                405,
                'method_not_allowed',
                'Method not allowed',
                `This resource answers ${allow} only.`,
              ),
            },
          },
        ],
      }),
      {
        apiKeyRequired: false,
        methodResponses: [
          {
            statusCode: '405',
            responseParameters: {
              'method.response.header.Allow': true,
              'method.response.header.Content-Type': true,
            },
          },
        ],
      },
    );
  }
}
