/**
 * The fraud guard's AWS side (docs/api.md, "Abuse defences"; docs/decisions.md 46):
 * - an End User Messaging protect configuration that allows SMS and voice only to the
 *   allow-listed countries, made the account default so SNS sends are covered too
 *   (CloudFormation has the resource but no account-default property: a custom
 *   resource calls SetAccountDefaultProtectConfiguration, and its removal undoes it);
 * - alarms on conversion per channel (CodesApproved / CodesSent below the guard's
 *   minimum on a real sample), on conversion blocks and monitor-mode flags, and on
 *   voice calls per hour (End User Messaging publishes no voice spend metric, so the
 *   count stands in for SMS's SMSMonthToDateSpentUSD);
 * - a dashboard row: conversion per channel, and blocks by scope and reason.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as smsvoice from 'aws-cdk-lib/aws-smsvoice';
import * as cr from 'aws-cdk-lib/custom-resources';
import { getCountries } from 'libphonenumber-js/max';
import { Construct } from 'constructs';

export interface FraudGuardProps {
  /** ISO codes SMS and voice may go to; empty = any (no protect configuration is made). */
  readonly allowedCountries: readonly string[];
  readonly alarmTopic: sns.ITopic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly namespace: string;
  readonly serviceName: string;
  /** The metric names (lambdas/observability/names.ts). */
  readonly metric: {
    readonly codesSent: string;
    readonly codesApproved: string;
    readonly sendsBlocked: string;
    readonly sendsFlagged: string;
  };
  /** The guard's minimum share approved, in percent (the alarm's threshold). @default 20 */
  readonly conversionMinPercent?: number;
  /** Voice calls per hour that raise the voice spend alarm. @default 160 (80 % of ONETIME_MAX_VOICE_PER_HOUR's 200) */
  readonly voiceCallsPerHourAlarm?: number;
}

/** Codes sent per channel and hour below which conversion is not judged by the alarm (too few to mean much). */
const ALARM_SAMPLE = 20;

export class OnetimeFraudGuard extends Construct {
  readonly protectConfiguration?: smsvoice.CfnProtectConfiguration;
  readonly conversionAlarms: Record<'sms' | 'voice', cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, props: FraudGuardProps) {
    super(scope, id);
    if (props.allowedCountries.length > 0) {
      this.protectConfiguration = this.protect(props.allowedCountries);
    }
    const hour = Duration.hours(1);
    const dims = (d: Record<string, string>) => ({ service: props.serviceName, ...d });
    const m = (metricName: string, d: Record<string, string>, label: string) =>
      new cloudwatch.Metric({
        namespace: props.namespace,
        metricName,
        dimensionsMap: dims(d),
        statistic: cloudwatch.Stats.SUM,
        period: hour,
        label,
      });
    const min = (props.conversionMinPercent ?? 20) / 100;
    const conversion = (channel: 'sms' | 'voice') =>
      new cloudwatch.MathExpression({
        // A quiet hour is not a low one: below the sample the expression reads 1 (all approved).
        expression: `IF(${channel}Sent >= ${ALARM_SAMPLE}, ${channel}Approved / ${channel}Sent, 1)`,
        usingMetrics: {
          [`${channel}Sent`]: m(props.metric.codesSent, { channel }, 'sent'),
          [`${channel}Approved`]: m(props.metric.codesApproved, { channel }, 'approved'),
        },
        period: hour,
        label: `${channel} conversion`,
      });
    const alarm = (
      alarmId: string,
      metric: cloudwatch.Metric | cloudwatch.MathExpression,
      a: Omit<cloudwatch.CreateAlarmOptions, 'metric'>,
    ) => {
      const created = metric.createAlarm(this, alarmId, {
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...a,
      });
      created.addAlarmAction(new actions.SnsAction(props.alarmTopic));
      created.addOkAction(new actions.SnsAction(props.alarmTopic));
      return created;
    };
    this.conversionAlarms = {
      sms: alarm('SmsConversionLow', conversion('sms'), {
        threshold: min,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 1,
        alarmDescription: `Fewer than ${Math.round(min * 100)} % of SMS codes sent in the hour were entered: SMS pumping, or SMS not delivered.`,
      }),
      voice: alarm('VoiceConversionLow', conversion('voice'), {
        threshold: min,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 1,
        alarmDescription: `Fewer than ${Math.round(min * 100)} % of voice codes called in the hour were entered: toll fraud, or calls not answered.`,
      }),
    };
    const blocked = (scope: 'prefix' | 'country') =>
      m(props.metric.sendsBlocked, { scope, reason: 'low_conversion' }, `blocked: ${scope}`);
    const flagged = (scope: 'prefix' | 'country', channel: 'sms' | 'voice') =>
      m(
        props.metric.sendsFlagged,
        { scope, reason: 'low_conversion', channel },
        `flagged: ${scope} ${channel}`,
      );
    alarm(
      'LowConversionBlocks',
      new cloudwatch.MathExpression({
        expression: 'bp + bc + fps + fpv + fcs + fcv',
        usingMetrics: {
          bp: blocked('prefix'),
          bc: blocked('country'),
          fps: flagged('prefix', 'sms'),
          fpv: flagged('prefix', 'voice'),
          fcs: flagged('country', 'sms'),
          fcv: flagged('country', 'voice'),
        },
        period: hour,
        label: 'conversion blocks and flags',
      }),
      {
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        alarmDescription:
          'The conversion guard blocked (or, in monitor mode, would have blocked) sends to a prefix or country: read SendsBlocked by scope and reason on the dashboard.',
      },
    );
    const voiceCalls = m(props.metric.codesSent, { channel: 'voice' }, 'voice calls');
    alarm('VoiceSpendHigh', voiceCalls, {
      threshold: props.voiceCallsPerHourAlarm ?? 160,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      alarmDescription:
        'Voice calls this hour neared the service breaker (ONETIME_MAX_VOICE_PER_HOUR): End User Messaging has no spend metric for voice, so the count stands in for it.',
    });

    props.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Conversion per channel (codes entered / codes sent, hourly)',
        left: [conversion('sms'), conversion('voice')],
        leftAnnotations: [{ value: min, label: 'guard minimum' }],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Sends blocked by scope and reason',
        left: [
          new cloudwatch.MathExpression({
            expression: `SEARCH('{${props.namespace},reason,scope,service} MetricName="${props.metric.sendsBlocked}"', 'Sum', 3600)`,
            label: '',
            period: hour,
          }),
        ],
        right: [
          new cloudwatch.MathExpression({
            expression: `SEARCH('{${props.namespace},channel,reason,scope,service} MetricName="${props.metric.sendsFlagged}"', 'Sum', 3600)`,
            label: 'flagged (monitor)',
            period: hour,
          }),
        ],
        width: 12,
      }),
    );
  }

  /** Every country the numbering plan knows: the allowed ones ALLOW, the rest BLOCK, on SMS and voice. */
  private protect(allowed: readonly string[]): smsvoice.CfnProtectConfiguration {
    const rules = [...new Set([...getCountries(), ...allowed])].sort().map((countryCode) => ({
      countryCode,
      protectStatus: allowed.includes(countryCode) ? 'ALLOW' : 'BLOCK',
    }));
    const config = new smsvoice.CfnProtectConfiguration(this, 'ProtectConfiguration', {
      countryRuleSet: { sms: rules, voice: rules },
      deletionProtectionEnabled: false,
    });
    const call = (action: string, parameters?: Record<string, string>): cr.AwsSdkCall => ({
      service: 'PinpointSMSVoiceV2',
      action,
      ...(parameters ? { parameters } : {}),
      physicalResourceId: cr.PhysicalResourceId.of(
        `${Stack.of(this).stackName}-default-protect-configuration`,
      ),
    });
    new cr.AwsCustomResource(this, 'AccountDefault', {
      onCreate: call('SetAccountDefaultProtectConfiguration', {
        ProtectConfigurationId: config.attrProtectConfigurationId,
      }),
      onUpdate: call('SetAccountDefaultProtectConfiguration', {
        ProtectConfigurationId: config.attrProtectConfigurationId,
      }),
      onDelete: call('DeleteAccountDefaultProtectConfiguration'),
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({
          actions: [
            'sms-voice:SetAccountDefaultProtectConfiguration',
            'sms-voice:DeleteAccountDefaultProtectConfiguration',
          ],
          resources: ['*'],
        }),
      ]),
      installLatestAwsSdk: false,
    });
    return config;
  }
}
