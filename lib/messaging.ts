/**
 * Messaging: the SES configuration set whose events (send, delivery, bounce,
 * complaint, reject) flow through an encrypted SNS topic to the delivery-events
 * function; SNS SMS account settings (transactional type, delivery-status logging,
 * spend limit); and the least-privilege statements a function needs to send codes.
 *
 * SMS account attributes are region-wide and have no CloudFormation resource, so
 * they are set with an AwsCustomResource calling `sns:SetSMSAttributes` (see
 * `manageSmsAccountSettings`); docs/deploy.md says how to set them by hand instead.
 */
import { Arn, ArnFormat, Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from './nag';

/** The SES events the delivery-events function records on the challenge (a rendering failure is a failed send). */
export const SES_EVENTS = [
  ses.EmailSendingEvent.SEND,
  ses.EmailSendingEvent.DELIVERY,
  ses.EmailSendingEvent.BOUNCE,
  ses.EmailSendingEvent.COMPLAINT,
  ses.EmailSendingEvent.REJECT,
  ses.EmailSendingEvent.RENDERING_FAILURE,
];

export interface SmsAccountSettings {
  /** Write the attributes with a custom resource. When false, the operator sets them (docs/deploy.md). */
  readonly manage: boolean;
  /** MonthlySpendLimit in USD; left as it is when unset (it must not exceed the account's quota). @default unset */
  readonly monthlySpendLimitUsd?: number;
  /** DefaultSenderID. @default unset */
  readonly defaultSenderId?: string;
  /** Percentage of successful deliveries logged (failures are always logged). @default 100 */
  readonly successSamplingRate?: number;
}

export interface OnetimeMessagingProps {
  readonly stage: string;
  /** Name of the SES configuration set to create. */
  readonly configurationSetName: string;
  /** Address part of the "From" header; the only sender address the functions may use. */
  readonly emailFromAddress: string;
  /** Verified SES identity (domain or address) the functions send as. */
  readonly sesIdentity: string;
  /** Encrypts the SES events topic. */
  readonly topicKey: kms.IKey;
  /** SES stops retrying an email after this long: a code that arrives after it expired only confuses. @default 10 minutes */
  readonly maxEmailDeliveryDuration?: Duration;
  readonly sms: SmsAccountSettings;
  /** Retention of the SNS SMS delivery-status logs. @default ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** @default RemovalPolicy.DESTROY (delivery logs are operational, not records) */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class OnetimeMessaging extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  /** SES event notifications (JSON), consumed by the delivery-events function. */
  readonly sesEventsTopic: sns.Topic;
  /** Events SNS or Lambda could not deliver after their retries. */
  readonly deliveryEventsDeadLetterQueue: sqs.Queue;
  /** The role SNS assumes to write SMS delivery-status logs. */
  readonly smsDeliveryStatusRole: iam.Role;
  /** SNS's SMS delivery-status log groups (successes, failures), when this stack manages SMS settings. */
  readonly smsDeliveryLogGroups: logs.LogGroup[] = [];

  private readonly props: OnetimeMessagingProps;

  constructor(scope: Construct, id: string, props: OnetimeMessagingProps) {
    super(scope, id);
    this.props = props;

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
      // Per-configuration-set bounce and complaint rates, on top of the account's.
      reputationMetrics: true,
      // A code must not cross the internet in clear: refuse servers that cannot do TLS.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      maxDeliveryDuration: props.maxEmailDeliveryDuration ?? Duration.minutes(10),
    });

    this.sesEventsTopic = new sns.Topic(this, 'SesEventsTopic', {
      displayName: `onetime ${props.stage} SES events`,
      masterKey: props.topicKey,
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination('ToSns', {
      destination: ses.EventDestination.snsTopic(this.sesEventsTopic),
      events: SES_EVENTS,
    });

    this.deliveryEventsDeadLetterQueue = new sqs.Queue(this, 'DeliveryEventsDlq', {
      // SQS-managed keys: SNS can deliver to the queue without a key policy of its own.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const dlqReason =
      'This queue is itself the dead-letter queue of the SES-events subscription and of the function.';
    Validations.of(this.deliveryEventsDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: dlqReason,
    });
    Validations.of(this.deliveryEventsDeadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: dlqReason,
    });

    this.smsDeliveryStatusRole = this.createSmsDeliveryStatusRole(props);
    if (props.sms.manage) this.manageSmsAttributes(props);
  }

  /** Subscribes the delivery-events function; whatever fails after retries lands in the dead-letter queue. */
  subscribeDeliveryEvents(fn: lambda.Function): void {
    this.sesEventsTopic.addSubscription(
      new subscriptions.LambdaSubscription(fn, { deadLetterQueue: this.deliveryEventsDeadLetterQueue }),
    );
    fn.configureAsyncInvoke({
      onFailure: new destinations.SqsDestination(this.deliveryEventsDeadLetterQueue),
      retryAttempts: 2,
      // An SES event older than a code's life changes nothing a user can see.
      maxEventAge: Duration.hours(1),
    });
  }

  /**
   * The statements a function needs to send codes and notifications over SMS, email and voice.
   * `suppressionScope` is the construct that owns the policy (the function's role), for the
   * cdk-nag acknowledgements of the resource wildcards that the services leave no way around.
   */
  grantSend(grantee: iam.IGrantable, suppressionScope: Construct): void {
    const stack = Stack.of(this);
    // SNS has no ARN for a phone number: Publish to one is authorised against "*". NotResource on every topic
    // ARN narrows the grant to phone numbers, so the function cannot publish to any topic.
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PublishSmsToPhoneNumbersOnly',
        actions: ['sns:Publish'],
        notResources: [`arn:${Aws.PARTITION}:sns:*:*:*`],
      }),
    );
    // SES v2 authorises SendEmail against the identity and the configuration set; the condition pins the From.
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendEmailAsOnetimeIdentity',
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.props.sesIdentity }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.props.emailFromAddress } },
      }),
    );
    // The voice origination identity may be given as a number, an id or an ARN, and SendVoiceMessage is also
    // authorised against opt-out lists and configuration sets: scope to this account's sms-voice resources.
    const smsVoiceResources = stack.formatArn({
      service: 'sms-voice',
      resource: '*',
      arnFormat: ArnFormat.NO_RESOURCE_NAME,
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendVoiceMessages',
        actions: ['sms-voice:SendVoiceMessage'],
        resources: [smsVoiceResources],
      }),
    );
    acknowledgeWildcardResource(
      suppressionScope,
      smsVoiceResources,
      'Voice origination identities (phone numbers, pools), opt-out lists and configuration sets are provisioned ' +
        "outside this stack and named by id or number: the grant is limited to this account's sms-voice resources in this region.",
    );
  }

  private createSmsDeliveryStatusRole(props: OnetimeMessagingProps): iam.Role {
    const role = new iam.Role(this, 'SmsDeliveryStatusRole', {
      assumedBy: new iam.ServicePrincipal('sns.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: `onetime ${props.stage}: lets SNS write SMS delivery-status logs`,
    });
    // SNS names these groups itself: sns/<region>/<account>/DirectPublishToPhoneNumber[/Failure].
    const groupPrefix = `sns/${Aws.REGION}/${Aws.ACCOUNT_ID}/DirectPublishToPhoneNumber`;
    const logGroupArn = Arn.format(
      {
        service: 'logs',
        resource: 'log-group',
        resourceName: `${groupPrefix}*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      },
      Stack.of(this),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          'logs:CreateLogGroup',
          'logs:CreateLogStream',
          'logs:PutLogEvents',
          'logs:PutMetricFilter',
          'logs:PutRetentionPolicy',
        ],
        resources: [logGroupArn],
      }),
    );
    acknowledgeWildcardResource(
      role,
      logGroupArn,
      'SNS writes SMS delivery status to two log groups it names itself (DirectPublishToPhoneNumber and .../Failure) ' +
        'and to streams it creates in them: the wildcard covers exactly those.',
    );

    if (props.sms.manage) {
      // Created here so they get a retention and a data-protection policy: SNS would create them to keep
      // whole phone numbers forever. The E.164 identifier masks any number; only logs:Unmask reveals it.
      const identifiers = [
        new logs.CustomDataIdentifier('E164PhoneNumber', '\\+[1-9][0-9]{6,14}'),
        logs.DataIdentifier.PHONENUMBER_US,
        logs.DataIdentifier.PHONENUMBER_GB,
      ];
      for (const [suffix, name] of [
        ['', 'SmsDeliveryLogs'],
        ['/Failure', 'SmsDeliveryFailureLogs'],
      ] as const) {
        this.smsDeliveryLogGroups.push(
          new logs.LogGroup(this, name, {
            logGroupName: `${groupPrefix}${suffix}`,
            retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
            removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
            dataProtectionPolicy: new logs.DataProtectionPolicy({
              name: 'mask-phone-numbers',
              description: 'Masks destination phone numbers in SNS SMS delivery-status logs',
              identifiers,
            }),
          }),
        );
      }
    }
    return role;
  }

  private manageSmsAttributes(props: OnetimeMessagingProps): void {
    const attributes: Record<string, string> = {
      // Transactional: SNS routes for reliability rather than price, which is what a sign-in code needs.
      DefaultSMSType: 'Transactional',
      DeliveryStatusIAMRole: this.smsDeliveryStatusRole.roleArn,
      DeliveryStatusSuccessSamplingRate: String(props.sms.successSamplingRate ?? 100),
    };
    if (props.sms.monthlySpendLimitUsd !== undefined) {
      attributes.MonthlySpendLimit = String(props.sms.monthlySpendLimitUsd);
    }
    if (props.sms.defaultSenderId !== undefined) attributes.DefaultSenderID = props.sms.defaultSenderId;

    const call: cr.AwsSdkCall = {
      service: 'SNS',
      action: 'setSMSAttributes',
      parameters: { attributes },
      physicalResourceId: cr.PhysicalResourceId.of(`onetime-${props.stage}-sms-attributes`),
      logging: cr.Logging.withDataHidden(),
    };
    const providerLogs = new logs.LogGroup(this, 'SmsAttributesProviderLogs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const providerRole = new iam.Role(this, 'SmsAttributesProviderRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `onetime ${props.stage}: sets the SNS SMS account attributes at deploy time`,
    });
    providerLogs.grantWrite(providerRole);
    const resource = new cr.AwsCustomResource(this, 'SmsAttributes', {
      resourceType: 'Custom::SnsSmsAttributes',
      onCreate: call,
      onUpdate: call,
      // On delete the attributes stay: they are region-wide and other workloads may rely on them.
      role: providerRole,
      logGroup: providerLogs,
      installLatestAwsSdk: false,
      timeout: Duration.minutes(2),
      // One API call at deploy time.
      memorySize: 256,
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        // SetSMSAttributes has no resource-level permissions.
        new iam.PolicyStatement({ actions: ['sns:SetSMSAttributes'], resources: ['*'] }),
        new iam.PolicyStatement({
          actions: ['iam:PassRole'],
          resources: [this.smsDeliveryStatusRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'sns.amazonaws.com' } },
        }),
      ]),
    });
    resource.node.addDependency(...this.smsDeliveryLogGroups);
    // The statements above land in a policy AwsCustomResource creates beside the resource.
    Validations.of(resource).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'sns:SetSMSAttributes supports no resource-level permissions; it is the only action granted on "*".',
    });
    this.acknowledgeCustomResourceProvider();
  }

  /** The singleton Lambda that AwsCustomResource adds to the stack is CDK's, configured by CDK. */
  private acknowledgeCustomResourceProvider(): void {
    const provider = Stack.of(this).node.tryFindChild('AWS679f53fac002430cb0da5b7982bd2287');
    if (provider === undefined) return;
    const reasons: Record<string, string> = {
      'AwsSolutions-L1':
        "The runtime of CDK's AwsCustomResource provider is chosen by aws-cdk-lib; it runs only during deployments.",
      'Serverless-LambdaLatestVersion':
        "The runtime of CDK's AwsCustomResource provider is chosen by aws-cdk-lib; it runs only during deployments.",
      'Serverless-LambdaDLQ':
        'CloudFormation invokes the provider and waits for its answer: a failure fails the deployment, nothing is lost.',
      'Serverless-LambdaAsyncFailureDestination':
        'CloudFormation invokes the provider and waits for its answer: a failure fails the deployment, nothing is lost.',
      'Serverless-LambdaTracing': 'A deploy-time call of one API: there is no request path to trace.',
    };
    for (const [id, reason] of Object.entries(reasons)) Validations.of(provider).acknowledge({ id, reason });
  }
}
