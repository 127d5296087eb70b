/**
 * The stage's CloudWatch dashboard: alarm states first, then API, functions,
 * DynamoDB, WAF, the functions' own metrics per channel, SMS spend and SES
 * reputation.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import type { OnetimeObservabilityProps } from './observability';

/** The dashboard, created in `scope` (the observability construct, whose id path names it). */
export function createDashboard(
  scope: Construct,
  alarms: readonly cloudwatch.Alarm[],
  props: OnetimeObservabilityProps,
  api5xxRate: cloudwatch.IMetric,
  ddbThrottles: cloudwatch.IMetric,
  sms: { smsSpend: cloudwatch.IMetric; spendLimit: number },
  perChannel: (metricName: string) => Record<string, cloudwatch.Metric>,
): cloudwatch.Dashboard {
  const t = props.telemetry;
  const fns = [...props.functions.entries()];
  const fiveMinutes = Duration.minutes(5);
  const labelled = (metrics: Record<string, cloudwatch.Metric>) =>
    Object.entries(metrics).map(([label, m]) => m.with({ label }));
  const custom = (metricName: string) =>
    new cloudwatch.Metric({
      namespace: t.namespace,
      metricName,
      dimensionsMap: { service: t.serviceName },
      statistic: cloudwatch.Stats.SUM,
      period: fiveMinutes,
      label: metricName,
    });
  const waf = (rule: string) =>
    new cloudwatch.Metric({
      namespace: 'AWS/WAFV2',
      metricName: 'BlockedRequests',
      dimensionsMap: { WebACL: props.webAclName, Rule: rule, Region: props.api.env.region },
      statistic: cloudwatch.Stats.SUM,
      period: fiveMinutes,
      label: rule,
    });

  const dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', {
    dashboardName: `onetime-${props.stage}`,
    defaultInterval: Duration.hours(6),
  });
  dashboard.addWidgets(
    new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...alarms], width: 24, height: 4 }),
  );
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'API requests and errors',
      left: [
        props.api.metricCount({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM, label: 'requests' }),
        props.api.metricClientError({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM, label: '4xx' }),
        props.api.metricServerError({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM, label: '5xx' }),
      ],
      right: [api5xxRate],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'API latency (ms)',
      left: [
        props.api.metricLatency({ period: fiveMinutes, statistic: cloudwatch.Stats.p(50), label: 'p50' }),
        props.api.metricLatency({ period: fiveMinutes, statistic: cloudwatch.Stats.p(99), label: 'p99' }),
        props.api.metricIntegrationLatency({
          period: fiveMinutes,
          statistic: cloudwatch.Stats.p(99),
          label: 'integration p99',
        }),
      ],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'WAF blocked requests',
      left: [
        'BodySizeLimit',
        'RateLimitPerIp',
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
      ].map(waf),
      width: 8,
    }),
  );
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'Codes sent by channel',
      left: labelled(perChannel(t.metric.codesSent)),
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Verifications and lockouts',
      left: [custom(t.metric.verificationsApproved), custom(t.metric.verificationsFailed)],
      right: [custom(t.metric.lockouts)],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Delivery failures by channel',
      left: labelled(perChannel(t.metric.deliveryFailures)),
      width: 8,
    }),
  );
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'Function errors and throttles',
      left: fns.map(([n, fn]) =>
        fn.metricErrors({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM, label: `${n} errors` }),
      ),
      right: fns.map(([n, fn]) =>
        fn.metricThrottles({
          period: fiveMinutes,
          statistic: cloudwatch.Stats.SUM,
          label: `${n} throttles`,
        }),
      ),
      width: 12,
    }),
    new cloudwatch.GraphWidget({
      title: 'Function duration p99 (ms)',
      left: fns.map(([n, fn]) =>
        fn.metricDuration({ period: fiveMinutes, statistic: cloudwatch.Stats.p(99), label: n }),
      ),
      width: 12,
    }),
  );
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'DynamoDB',
      left: [
        props.table.metricConsumedReadCapacityUnits({ period: fiveMinutes, label: 'read units' }),
        props.table.metricConsumedWriteCapacityUnits({ period: fiveMinutes, label: 'write units' }),
      ],
      right: [ddbThrottles],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'SMS spend this month (USD)',
      left: [sms.smsSpend],
      leftAnnotations: [{ value: sms.spendLimit, label: 'limit', color: cloudwatch.Color.RED }],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'SES reputation',
      left: [
        new cloudwatch.Metric({
          namespace: 'AWS/SES',
          metricName: 'Reputation.BounceRate',
          statistic: 'Maximum',
          label: 'bounce rate',
        }),
        new cloudwatch.Metric({
          namespace: 'AWS/SES',
          metricName: 'Reputation.ComplaintRate',
          statistic: 'Maximum',
          label: 'complaint rate',
        }),
      ],
      width: 8,
    }),
  );
  return dashboard;
}
