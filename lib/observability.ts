/**
 * Alarms and a dashboard on what hurts users or the operator: API 5xx rate,
 * function errors and throttles, DynamoDB throttles, SMS spend approaching its
 * limit, SES bounce and complaint rates, delivery failures and an unusual number
 * of lockouts. Every alarm notifies an encrypted SNS topic, with the alarm e-mail
 * subscribed when one is configured. The dashboard is lib/dashboard.ts.
 *
 * The functions' own metrics (CodesSent, Lockouts, ...) are EMF metrics emitted by
 * Powertools Metrics under METRICS_NAMESPACE with the default `service` dimension.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { createDashboard } from './dashboard';
import { pascal } from './functions';

export interface TelemetryNames {
  readonly namespace: string;
  readonly serviceName: string;
  readonly metric: {
    readonly codesSent: string;
    readonly verificationsApproved: string;
    readonly verificationsFailed: string;
    readonly lockouts: string;
    readonly deliveryFailures: string;
  };
  /** Values of the `channel` dimension of CodesSent and DeliveryFailures. */
  readonly channels: readonly string[];
}

export interface OnetimeObservabilityProps {
  readonly stage: string;
  readonly api: apigw.RestApi;
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  readonly table: dynamodb.ITable;
  readonly webAclName: string;
  /** Dead-letter queue of the SES-events consumer: anything in it is a lost delivery outcome. */
  readonly deadLetterQueue: sqs.IQueue;
  readonly telemetry: TelemetryNames;
  /** Encrypts the alarm topic; CloudWatch must be allowed to use it. */
  readonly topicKey: kms.IKey;
  /** @default no e-mail subscription */
  readonly alarmEmail?: string;
  /** Alarm when SMS spend this month passes 80 % of this. @default 1 */
  readonly smsMonthlySpendLimitUsd?: number;
  /** Lockouts in 15 minutes that count as unusual. @default 20 */
  readonly lockoutThreshold?: number;
  /** Share of API requests answered 5xx, in percent, over 5 minutes. @default 1 */
  readonly api5xxRatePercent?: number;
}

export class OnetimeObservability extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: cloudwatch.Alarm[] = [];

  private readonly alarmAction: actions.SnsAction;

  constructor(scope: Construct, id: string, props: OnetimeObservabilityProps) {
    super(scope, id);
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `onetime ${props.stage} alarms`,
      masterKey: props.topicKey,
      enforceSSL: true,
    });
    if (props.alarmEmail !== undefined) {
      const subscription = this.alarmTopic.addSubscription(
        new subscriptions.EmailSubscription(props.alarmEmail),
      );
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'An alarm e-mail that cannot be delivered is not worth queueing: the alarm stays visible in CloudWatch ' +
          '(state, history, dashboard) and the topic can gain other subscribers.',
      });
    }
    this.alarmAction = new actions.SnsAction(this.alarmTopic);

    const t = props.telemetry;
    const fiveMinutes = Duration.minutes(5);
    const custom = (metricName: string, extra: Record<string, string> = {}, period = fiveMinutes) =>
      new cloudwatch.Metric({
        namespace: t.namespace,
        metricName,
        dimensionsMap: { service: t.serviceName, ...extra },
        statistic: cloudwatch.Stats.SUM,
        period,
      });
    const perChannel = (metricName: string, period = fiveMinutes) =>
      Object.fromEntries(t.channels.map((c) => [c, custom(metricName, { channel: c }, period)]));

    // API: share of requests answered 5xx. 5XXError is 0 or 1 per request, so its average is the rate.
    const api5xxRate = new cloudwatch.MathExpression({
      expression: '100 * errors / MAX([requests, 1])',
      usingMetrics: {
        errors: props.api.metricServerError({ statistic: cloudwatch.Stats.SUM, period: fiveMinutes }),
        requests: props.api.metricCount({ statistic: cloudwatch.Stats.SUM, period: fiveMinutes }),
      },
      label: 'API 5xx %',
      period: fiveMinutes,
    });
    this.alarm('Api5xxRate', api5xxRate, {
      threshold: props.api5xxRatePercent ?? 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description: '1 % or more of API requests answered 5xx in 2 of the last 3 five-minute periods.',
    });

    for (const [name, fn] of props.functions) {
      // A handler maps every expected failure to problem JSON: a Lambda error is a bug or a crash.
      this.alarm(
        `${pascal(name)}Errors`,
        fn.metricErrors({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
        {
          threshold: 1,
          evaluationPeriods: 1,
          description: `The ${name} function failed (unhandled error or timeout).`,
        },
      );
      this.alarm(
        `${pascal(name)}Throttles`,
        fn.metricThrottles({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
        {
          threshold: 1,
          evaluationPeriods: 1,
          description: `The ${name} function was throttled: account or reserved concurrency reached.`,
        },
      );
    }

    const ddbThrottles = new cloudwatch.MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: props.table.metric('ReadThrottleEvents', {
          statistic: cloudwatch.Stats.SUM,
          period: fiveMinutes,
        }),
        writes: props.table.metric('WriteThrottleEvents', {
          statistic: cloudwatch.Stats.SUM,
          period: fiveMinutes,
        }),
      },
      label: 'DynamoDB throttle events',
      period: fiveMinutes,
    });
    this.alarm('DynamoDbThrottles', ddbThrottles, {
      threshold: 1,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      description: 'DynamoDB throttled requests for 10 minutes (hot partition or account limit).',
    });

    const spendLimit = props.smsMonthlySpendLimitUsd ?? 1;
    const smsSpend = new cloudwatch.Metric({
      namespace: 'AWS/SNS',
      metricName: 'SMSMonthToDateSpentUSD',
      statistic: cloudwatch.Stats.MAXIMUM,
      period: fiveMinutes,
    });
    this.alarm('SmsSpendNearLimit', smsSpend, {
      threshold: Math.round(spendLimit * 0.8 * 100) / 100,
      evaluationPeriods: 1,
      description: `SMS spend this month passed 80 % of the ${spendLimit} USD limit: SNS stops sending SMS at the limit.`,
    });

    // SES account reputation: AWS reviews an account at 5 % bounces / 0.1 % complaints and pauses it at 10 % / 0.5 %.
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.hours(1),
      });
    this.alarm('SesBounceRate', reputation('Reputation.BounceRate'), {
      threshold: 0.05,
      evaluationPeriods: 1,
      description: 'SES bounce rate reached 5 % (AWS reviews the account here; sending is paused at 10 %).',
    });
    this.alarm('SesComplaintRate', reputation('Reputation.ComplaintRate'), {
      threshold: 0.001,
      evaluationPeriods: 1,
      description:
        'SES complaint rate reached 0.1 % (AWS reviews the account here; sending is paused at 0.5 %).',
    });

    const fifteenMinutes = Duration.minutes(15);
    this.alarm('UnusualLockouts', custom(t.metric.lockouts, {}, fifteenMinutes), {
      threshold: props.lockoutThreshold ?? 20,
      evaluationPeriods: 1,
      description:
        'Unusually many users were locked out in 15 minutes: a guessing attack or a delivery problem.',
    });

    const deliveryFailures = new cloudwatch.MathExpression({
      expression: t.channels.join(' + '),
      usingMetrics: perChannel(t.metric.deliveryFailures, fifteenMinutes),
      label: 'Delivery failures',
      period: fifteenMinutes,
    });
    this.alarm('DeliveryFailures', deliveryFailures, {
      threshold: 10,
      evaluationPeriods: 1,
      description: 'SMS, email or voice refused 10 or more messages in 15 minutes.',
    });

    this.alarm(
      'DeliveryEventsDeadLetters',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        statistic: cloudwatch.Stats.MAXIMUM,
        period: fiveMinutes,
      }),
      {
        threshold: 1,
        evaluationPeriods: 1,
        description: 'SES delivery events could not be recorded: see the dead-letter queue.',
      },
    );

    this.dashboard = createDashboard(
      this,
      this.alarms,
      props,
      api5xxRate,
      ddbThrottles,
      { smsSpend, spendLimit },
      perChannel,
    );
  }

  private alarm(
    id: string,
    metric: cloudwatch.IMetric,
    options: {
      threshold: number;
      evaluationPeriods: number;
      datapointsToAlarm?: number;
      description: string;
    },
  ): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, `${id}Alarm`, {
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods,
      datapointsToAlarm: options.datapointsToAlarm ?? options.evaluationPeriods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means no traffic (or no spend): not an alarm.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(this.alarmAction);
    alarm.addOkAction(this.alarmAction);
    this.alarms.push(alarm);
    return alarm;
  }
}
