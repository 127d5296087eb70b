/**
 * EventBridgeStepScheduler against a mocked Scheduler client: the exact
 * CreateSchedule input of each step, and what a refused create answers (the step
 * unscheduled, never an exception; a repeated create is no failure).
 */
import {
  ConflictException,
  CreateScheduleCommand,
  SchedulerClient,
  ServiceQuotaExceededException,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import {
  atExpression,
  EventBridgeStepScheduler,
} from '../../lambdas/adapters/scheduler/eventbridge-step-scheduler';
import { LazyStepScheduler } from '../../lambdas/adapters/scheduler/lazy-step-scheduler';

const client = new SchedulerClient({ region: 'us-east-1' });
const scheduler = mockClient(client);
const target = {
  functionArn: 'arn:aws:lambda:us-east-1:111122223333:function:onetime-fallback-step',
  roleArn: 'arn:aws:iam::111122223333:role/onetime-step-scheduler',
  groupName: 'onetime-sandbox-fallback',
};
const step = (stepIndex: number, at: number) => ({
  userId: 'u:1@x',
  challengeId: '01JCHALLENGE0000000000000A',
  stepIndex,
  at,
});
const AT = Date.parse('2026-12-01T23:59:30.250Z');
const quiet = { info: () => undefined, warn: jest.fn(), error: () => undefined };

describe('Module: eventbridge-step-scheduler', () => {
  beforeEach(() => {
    scheduler.reset();
    quiet.warn.mockReset();
  });

  describe('Method: EventBridgeStepScheduler.schedule', () => {
    it('creates one self-deleting one-time schedule per step, invoking the step function with its reference', async () => {
      // Prepare
      scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
      const steps = new EventBridgeStepScheduler(client, target, quiet);

      // Act
      const result = await steps.schedule([step(1, AT), step(2, AT + 120_000)]);

      // Assess
      expect(result).toEqual({ unscheduled: [] });
      const inputs = scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input);
      expect(inputs).toEqual([
        {
          Name: '01JCHALLENGE0000000000000A-1',
          GroupName: 'onetime-sandbox-fallback',
          ScheduleExpression: 'at(2026-12-01T23:59:31)',
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: target.functionArn,
            RoleArn: target.roleArn,
            Input: '{"userId":"u:1@x","challengeId":"01JCHALLENGE0000000000000A","stepIndex":1}',
            RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 300 },
          },
        },
        expect.objectContaining({
          Name: '01JCHALLENGE0000000000000A-2',
          ScheduleExpression: 'at(2026-12-02T00:01:31)',
        }),
      ]);
    });

    it('answers the steps whose schedule was refused, and counts an existing one as scheduled', async () => {
      // Prepare
      scheduler
        .on(CreateScheduleCommand, { Name: '01JCHALLENGE0000000000000A-1' })
        .rejects(new ServiceQuotaExceededException({ message: 'quota', Message: 'quota', $metadata: {} }))
        .on(CreateScheduleCommand, { Name: '01JCHALLENGE0000000000000A-2' })
        .rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }))
        .on(CreateScheduleCommand, { Name: '01JCHALLENGE0000000000000A-3' })
        .rejects(new ValidationException({ message: 'bad', Message: 'bad', $metadata: {} }))
        .on(CreateScheduleCommand, { Name: '01JCHALLENGE0000000000000A-4' })
        .resolves({ ScheduleArn: 'arn:schedule' });
      const steps = new EventBridgeStepScheduler(client, target, quiet);

      // Act
      const result = await steps.schedule([step(1, AT), step(2, AT), step(3, AT), step(4, AT)]);

      // Assess
      expect(result).toEqual({ unscheduled: [1, 3] });
      expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(4);
      expect(quiet.warn).toHaveBeenCalledWith('fallback step not scheduled', {
        stepIndex: 1,
        error: 'ServiceQuotaExceededException',
      });
      // Nothing about the user goes to the log.
      expect(JSON.stringify(quiet.warn.mock.calls)).not.toContain('u:1@x');
    });
  });

  describe('Function: atExpression', () => {
    it('rounds up to the whole second, in UTC, never before the step is due', () => {
      expect(atExpression(Date.parse('2026-01-02T03:04:05.000Z'))).toBe('at(2026-01-02T03:04:05)');
      expect(atExpression(Date.parse('2026-01-02T03:04:05.001Z'))).toBe('at(2026-01-02T03:04:06)');
      expect(atExpression(Date.parse('2026-12-31T23:59:59.999Z'))).toBe('at(2027-01-01T00:00:00)');
    });
  });

  describe('Class: LazyStepScheduler', () => {
    it('without a target, or when the client cannot load, answers every step unscheduled', async () => {
      // Prepare
      const none = new LazyStepScheduler(undefined, quiet);
      const broken = new LazyStepScheduler(() => Promise.reject(new Error('no module')), quiet);

      // Act
      const results = await Promise.all([
        none.schedule([step(1, AT), step(2, AT)]),
        broken.schedule([step(2, AT)]),
      ]);

      // Assess
      expect(results).toEqual([{ unscheduled: [1, 2] }, { unscheduled: [2] }]);
    });
  });
});
