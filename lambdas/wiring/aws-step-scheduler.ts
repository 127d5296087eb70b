/**
 * Fallback steps in AWS: EventBridge Scheduler schedules, where the stack set the
 * target (the step function, the role the scheduler assumes, the schedule group;
 * only the challenges function gets them, lib/fallback-ladder.ts); elsewhere none,
 * and a ladder's later steps are answered unscheduled.
 */
import { lean } from '../adapters/sdk-clients';
import { LazyStepScheduler } from '../adapters/scheduler/lazy-step-scheduler';
import { readOptional, type Env } from '../contract/env';
import type { Log } from '../ports/log';

// The names lib/fallback-ladder.ts (FALLBACK_ENV) sets on the functions that start ladders.
export function awsStepScheduler(env: Env, retry: { maxAttempts: number }, log: Log): LazyStepScheduler {
  const functionArn = readOptional(env, 'ONETIME_FALLBACK_STEP_FUNCTION_ARN');
  const roleArn = readOptional(env, 'ONETIME_FALLBACK_SCHEDULER_ROLE_ARN');
  const groupName = readOptional(env, 'ONETIME_FALLBACK_SCHEDULE_GROUP');
  if (functionArn === undefined || roleArn === undefined || groupName === undefined) {
    return new LazyStepScheduler(undefined, log);
  }
  return new LazyStepScheduler(async () => {
    const [{ SchedulerClient }, { EventBridgeStepScheduler }] = await Promise.all([
      import('@aws-sdk/client-scheduler'),
      import('../adapters/scheduler/eventbridge-step-scheduler'),
    ]);
    return new EventBridgeStepScheduler(
      lean(new SchedulerClient(retry)),
      { functionArn, roleArn, groupName },
      log,
    );
  }, log);
}
