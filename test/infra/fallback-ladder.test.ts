/**
 * The fallback ladder's infrastructure (lib/fallback-ladder.ts): the step function,
 * the role EventBridge Scheduler assumes (it may invoke the step function only),
 * the schedule group, and on the challenges function alone the right to create
 * schedules in that group and to pass that role, with the environment naming them.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { FALLBACK_STEP_FUNCTION } from '../../lib/access';
import { FALLBACK_ENV } from '../../lib/fallback-ladder';
import { pascal } from '../../lib/functions';
import { FUNCTION_NAMES } from '../../lambdas/contract/routes';
import { logicalId, resourcesOf, statementsOfRole, synth, type Statement, type Synthesized } from './harness';

let s: Synthesized;
beforeAll(() => {
  s = synth();
}, 120_000);

const fnId = (name: string) => logicalId(s.template, 'AWS::Lambda::Function', `Functions${pascal(name)}`);
const fnProps = (name: string) =>
  resourcesOf(s.template, 'AWS::Lambda::Function')[fnId(name)]!.Properties as {
    Role: { 'Fn::GetAtt': [string, string] };
    Environment: { Variables: Record<string, unknown> };
  };
const roleStatements = (roleId: string) => statementsOfRole(s.template, roleId);
const fnStatements = (name: string) => roleStatements(fnProps(name).Role['Fn::GetAtt'][0]);
const bySid = (statements: Statement[], sid: string) => statements.filter((st) => st.Sid === sid);
const groupId = () => logicalId(s.template, 'AWS::Scheduler::ScheduleGroup', 'FallbackScheduleGroup');
const schedulerRoleId = () => logicalId(s.template, 'AWS::IAM::Role', 'FallbackSchedulerRole');
const schedulesInGroup = () => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':scheduler:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      ':schedule/',
      { Ref: groupId() },
      '/*',
    ],
  ],
});

describe('Construct: OnetimeFallbackLadder', () => {
  it('declares the step function, asynchronous, its failures dead-lettered after two retries', () => {
    const id = fnId(FALLBACK_STEP_FUNCTION);
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: id },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 900,
      DestinationConfig: {
        OnFailure: {
          Destination: {
            'Fn::GetAtt': [logicalId(s.template, 'AWS::SQS::Queue', 'FallbackStepDlq'), 'Arn'],
          },
        },
      },
    });
  });

  it('makes one schedule group, named by CloudFormation', () => {
    s.template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    expect(
      resourcesOf(s.template, 'AWS::Scheduler::ScheduleGroup')[groupId()]!.Properties,
    ).not.toHaveProperty('Name');
  });

  it('gives the scheduler a role it alone may assume, from this account’s step schedules, to invoke the step function only', () => {
    const role = resourcesOf(s.template, 'AWS::IAM::Role')[schedulerRoleId()]!.Properties as {
      AssumeRolePolicyDocument: { Statement: Statement[] };
      ManagedPolicyArns?: unknown;
    };
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnLike: { 'aws:SourceArn': schedulesInGroup() },
        },
      },
    ]);
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(roleStatements(schedulerRoleId())).toEqual([
      {
        Sid: 'InvokeFallbackStep',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: { 'Fn::GetAtt': [fnId(FALLBACK_STEP_FUNCTION), 'Arn'] },
      },
    ]);
  });

  it('lets the challenges function create schedules in the group and pass that role to the scheduler only', () => {
    const statements = fnStatements('challenges');
    expect(bySid(statements, 'CreateFallbackSchedules')).toEqual([
      {
        Sid: 'CreateFallbackSchedules',
        Effect: 'Allow',
        Action: 'scheduler:CreateSchedule',
        Resource: schedulesInGroup(),
      },
    ]);
    expect(bySid(statements, 'PassSchedulerRole')).toEqual([
      {
        Sid: 'PassSchedulerRole',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: { 'Fn::GetAtt': [schedulerRoleId(), 'Arn'] },
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
    expect(fnProps('challenges').Environment.Variables).toMatchObject({
      [FALLBACK_ENV.functionArn]: { 'Fn::GetAtt': [fnId(FALLBACK_STEP_FUNCTION), 'Arn'] },
      [FALLBACK_ENV.roleArn]: { 'Fn::GetAtt': [schedulerRoleId(), 'Arn'] },
      [FALLBACK_ENV.groupName]: { Ref: groupId() },
    });
  });

  it.each([...FUNCTION_NAMES.filter((n) => n !== 'challenges'), FALLBACK_STEP_FUNCTION])(
    '%s can create no schedule and pass no role',
    (name) => {
      const actions = JSON.stringify(fnStatements(name).map((st) => st.Action));
      expect(actions).not.toContain('scheduler:');
      expect(actions).not.toContain('iam:PassRole');
      expect(fnProps(name).Environment.Variables).not.toHaveProperty(FALLBACK_ENV.roleArn);
    },
  );

  it('names the group and the dead-letter queue in the outputs', () => {
    s.template.hasOutput('FallbackScheduleGroupName', { Value: { Ref: groupId() } });
    s.template.hasOutput('FallbackStepDeadLetterQueueUrl', { Value: Match.anyValue() });
  });
});
