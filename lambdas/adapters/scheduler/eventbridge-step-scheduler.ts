/**
 * StepScheduler on EventBridge Scheduler: one one-time schedule per fallback step,
 * `at(...)` its due time in UTC, no flexible window, deleted by the scheduler once
 * it has run, invoking the step function with the step's reference as its input
 * through the role the stack made for it (lib/fallback-ladder.ts). The step
 * function decides whether to send, so a schedule that runs after approval, or
 * twice, sends nothing.
 */
// Types only at the top: the client comes from the runtime's SDK on first use (lib/bundling.ts,
// LOADED_ON_FIRST_USE), so a static value import here would load it at every cold start.
import type { CreateScheduleCommandInput, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Log } from '../../ports/log';
import type { DueStep, StepScheduler } from '../../ports/step-scheduler';

export interface StepScheduleTarget {
  /** The step function the schedules invoke. */
  readonly functionArn: string;
  /** The role EventBridge Scheduler assumes to invoke it (lambda:InvokeFunction on that function only). */
  readonly roleArn: string;
  /** The schedule group the stack made for the steps. */
  readonly groupName: string;
}

/**
 * Scheduler retries a failed invocation of the step function (throttled, or the
 * table unavailable) for up to 5 minutes; a step later than that is not worth
 * sending, the code's life being 10 minutes by default.
 */
const RETRY_POLICY = { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 300 };

/** One schedule per step, named after it: a repeated create is refused as a conflict, not made twice. */
export function scheduleName(step: DueStep): string {
  return `${step.challengeId}-${step.stepIndex}`;
}

/** `at()` takes whole seconds (yyyy-mm-ddThh:mm:ss); rounded up, never before the step is due. */
export function atExpression(ms: number): string {
  return `at(${new Date(Math.ceil(ms / 1000) * 1000).toISOString().slice(0, 19)})`;
}

export function createScheduleInput(target: StepScheduleTarget, step: DueStep): CreateScheduleCommandInput {
  return {
    Name: scheduleName(step),
    GroupName: target.groupName,
    ScheduleExpression: atExpression(step.at),
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: {
      Arn: target.functionArn,
      RoleArn: target.roleArn,
      Input: JSON.stringify({
        userId: step.userId,
        challengeId: step.challengeId,
        stepIndex: step.stepIndex,
      }),
      RetryPolicy: RETRY_POLICY,
    },
  };
}

export class EventBridgeStepScheduler implements StepScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly target: StepScheduleTarget,
    private readonly log?: Log,
  ) {}

  async schedule(steps: readonly DueStep[]): Promise<{ readonly unscheduled: readonly number[] }> {
    const { CreateScheduleCommand } = await import('@aws-sdk/client-scheduler');
    const results = await Promise.allSettled(
      steps.map((step) =>
        this.client.send(new CreateScheduleCommand(createScheduleInput(this.target, step))),
      ),
    );
    const unscheduled: number[] = [];
    results.forEach((result, i) => {
      // A schedule of that name exists already: this step is scheduled (a retried request).
      if (result.status === 'fulfilled' || errorName(result.reason) === 'ConflictException') return;
      const reason: unknown = result.reason;
      this.log?.warn('fallback step not scheduled', {
        stepIndex: steps[i]?.stepIndex,
        error: reason instanceof Error ? reason.name : 'unknown',
      });
      unscheduled.push((steps[i] as DueStep).stepIndex);
    });
    return { unscheduled };
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}
