/**
 * Fallback ladders in AWS (docs/api.md, "Fallback ladders"): the schedule group the
 * steps' one-time schedules live in, the role EventBridge Scheduler assumes to run
 * them (it may invoke the step function and nothing else), and, on each function
 * that starts ladders, the right to create schedules in that group and to pass that
 * role, with the environment that names the three. The step function itself is
 * declared with the others (lib/onetime-stack.ts); what fails to run after the
 * retries lands in this construct's dead-letter queue.
 */
import { Aws, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** What the functions that start ladders read (lambdas/wiring/aws-step-scheduler.ts). */
export const FALLBACK_ENV = {
  functionArn: 'ONETIME_FALLBACK_STEP_FUNCTION_ARN',
  roleArn: 'ONETIME_FALLBACK_SCHEDULER_ROLE_ARN',
  groupName: 'ONETIME_FALLBACK_SCHEDULE_GROUP',
} as const;

export interface OnetimeFallbackLadderProps {
  /** The function every step's schedule invokes (lambdas/entry/fallback-step.ts). */
  readonly stepFunction: lambda.Function;
  /** The functions that create the schedules: those that start challenges. */
  readonly schedulingFunctions: readonly lambda.Function[];
}

export class OnetimeFallbackLadder extends Construct {
  readonly group: scheduler.CfnScheduleGroup;
  readonly schedulerRole: iam.Role;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: OnetimeFallbackLadderProps) {
    super(scope, id);
    // Unnamed: CloudFormation names it, so two stages in one account never collide.
    this.group = new scheduler.CfnScheduleGroup(this, 'ScheduleGroup', {});
    const groupName = this.group.ref;
    const schedulesInGroup = `arn:${Aws.PARTITION}:scheduler:${Aws.REGION}:${Aws.ACCOUNT_ID}:schedule/${groupName}/*`;

    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'onetime: EventBridge Scheduler runs fallback steps with this role',
      // Only schedules of this account's step group may use it (the confused-deputy guard).
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': schedulesInGroup },
        },
      }),
    });
    this.schedulerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'InvokeFallbackStep',
        actions: ['lambda:InvokeFunction'],
        resources: [props.stepFunction.functionArn],
      }),
    );

    this.deadLetterQueue = new sqs.Queue(this, 'StepDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const dlqReason = 'This queue is itself the dead-letter queue of the fallback step function.';
    Validations.of(this.deadLetterQueue).acknowledge({ id: 'AwsSolutions-SQS3', reason: dlqReason });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: dlqReason,
    });
    props.stepFunction.configureAsyncInvoke({
      onFailure: new destinations.SqsDestination(this.deadLetterQueue),
      retryAttempts: 2,
      // A step later than a code's life carries a dead code.
      maxEventAge: Duration.minutes(15),
    });

    for (const fn of props.schedulingFunctions) {
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          sid: 'CreateFallbackSchedules',
          actions: ['scheduler:CreateSchedule'],
          resources: [schedulesInGroup],
        }),
      );
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          sid: 'PassSchedulerRole',
          actions: ['iam:PassRole'],
          resources: [this.schedulerRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
        }),
      );
      // cdk-nag names the group by its logical id in the finding it reports.
      const group = Stack.of(this).getLogicalId(this.group);
      Validations.of(fn.role ?? fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/<${group}>/*]`,
        reason:
          'Schedules are made per fallback step at run time, named after their challenge: only their group can be named.',
      });
      fn.addEnvironment(FALLBACK_ENV.functionArn, props.stepFunction.functionArn);
      fn.addEnvironment(FALLBACK_ENV.roleArn, this.schedulerRole.roleArn);
      fn.addEnvironment(FALLBACK_ENV.groupName, groupName);
    }
  }
}
