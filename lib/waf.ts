/**
 * Throttles for the routes anyone may call (docs/api.md, "Abuse defences"): the public
 * routes (health, the OpenAPI document, the report page and its POST) need no key, so
 * the usage plan's per-key limits never reach them. A WAF rate rule counts them per
 * client IP apart from keyed traffic, and API Gateway throttles them (and the routes
 * that send SMS and voice) per method, below the stage-wide limit.
 */
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as wafv2 from 'aws-cdk-lib/aws-wafv2';

/** Path fragments of the public routes, as WAF sees them (after the stage name). */
export const PUBLIC_PATHS = ['/v1/health', '/v1/openapi.json', '/v1/reports/', '/report/'] as const;

export interface PublicThrottleProps {
  /** Requests per IP in 5 minutes to the public routes. @default 100 */
  readonly publicRequestsPerIp?: number;
  /** Per-method steady rate and burst for the public routes. @default 10 / 20 */
  readonly publicRateLimit?: number;
  readonly publicBurstLimit?: number;
  /** Per-method steady rate and burst for the routes that send SMS or voice. @default 20 / 40 */
  readonly sendRateLimit?: number;
  readonly sendBurstLimit?: number;
}

/** Adds the public routes' rate rule to the API's web ACL (after its existing rules). */
export function addPublicRateRule(webAcl: wafv2.CfnWebACL, limit: number): void {
  const existing = (Array.isArray(webAcl.rules) ? webAcl.rules : []) as wafv2.CfnWebACL.RuleProperty[];
  const priority = existing.reduce((p, r) => Math.max(p, r.priority), -1) + 1;
  const path = (fragment: string): wafv2.CfnWebACL.StatementProperty => ({
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'CONTAINS',
      searchString: fragment,
      textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
    },
  });
  webAcl.rules = [
    ...existing,
    {
      name: 'PublicRoutesRatePerIp',
      priority,
      action: {
        block: {
          customResponse: {
            responseCode: 429,
            responseHeaders: [{ name: 'Retry-After', value: '300' }],
          },
        },
      },
      statement: {
        rateBasedStatement: {
          limit,
          aggregateKeyType: 'IP',
          evaluationWindowSec: 300,
          // Only the public routes count: keyed traffic has the usage plan and its own rule.
          scopeDownStatement: { orStatement: { statements: PUBLIC_PATHS.map(path) } },
        },
      },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: 'PublicRoutesRatePerIp',
        sampledRequestsEnabled: true,
      },
    },
  ];
}

/** The method settings' resource path for an API resource: `/` then the path with `/` as `~1`. */
const escaped = (resource: string) => `/${resource.replace(/\//g, '~1')}`;

/** Per-method throttles on the stage, beside its stage-wide `/*` setting. */
export function addMethodThrottles(
  api: apigw.RestApi,
  routes: ReadonlyArray<{ readonly method: string; readonly resource: string; readonly public?: boolean }>,
  props: PublicThrottleProps = {},
): void {
  const stage = api.deploymentStage.node.defaultChild as apigw.CfnStage;
  const existing = (
    Array.isArray(stage.methodSettings) ? stage.methodSettings : []
  ) as apigw.CfnStage.MethodSettingProperty[];
  // A method's throttle never exceeds the stage's own.
  const stageRate = existing.find((m) => m.httpMethod === '*')?.throttlingRateLimit ?? Infinity;
  const stageBurst = existing.find((m) => m.httpMethod === '*')?.throttlingBurstLimit ?? Infinity;
  const sends = new Set([
    '/v1/users/{userId}/challenges',
    '/v1/users/{userId}/factors',
    '/v1/deliveries',
    '/v1/deliveries/{deliveryId}/resend',
  ]);
  const settings = routes.flatMap((r): apigw.CfnStage.MethodSettingProperty[] => {
    if (r.public) {
      return [
        {
          httpMethod: r.method,
          resourcePath: escaped(r.resource),
          throttlingRateLimit: Math.min(stageRate, props.publicRateLimit ?? 10),
          throttlingBurstLimit: Math.min(stageBurst, props.publicBurstLimit ?? 20),
        },
      ];
    }
    if (r.method === 'POST' && sends.has(r.resource)) {
      return [
        {
          httpMethod: r.method,
          resourcePath: escaped(r.resource),
          throttlingRateLimit: Math.min(stageRate, props.sendRateLimit ?? 20),
          throttlingBurstLimit: Math.min(stageBurst, props.sendBurstLimit ?? 40),
        },
      ];
    }
    return [];
  });
  stage.methodSettings = [...existing, ...settings];
}
